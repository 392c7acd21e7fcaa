// LSP: hovering any key of a realistic task definition (examples/, test/fixtures) shows its API documentation; typos get a did-you-mean;
// watched fields name their rule; enum values list the allowed values; IAM grammar keys are documented.
import * as assert from 'node:assert/strict';
import { parseTree, type Node } from 'jsonc-parser';
import { fileUri, positionAt, rangeOf, TestClient } from './client';
import { ecsModelVersion } from '../../rules/fields/model';

import { taskDefinitions } from '../inputs';
const json = (v: unknown) => JSON.stringify(v, null, 2);

/** Every property key node of a JSON text. */
function keys(text: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node | undefined) => {
    if (!n) return;
    if (n.type === 'property') out.push(n.children![0]);
    for (const c of n.children ?? []) walk(c);
  };
  walk(parseTree(text));
  return out;
}

async function hoverText(client: TestClient, uri: string, text: string, offset: number): Promise<string | undefined> {
  const h = await client.hover(uri, positionAt(text, offset));
  return h ? (h.contents as { value: string }).value : undefined;
}

describe('LSP hover: ECS fields', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ pull: true }); });
  after(async () => { await client.stop(); });

  // Register input, describe output (read-only fields, tags inside), a bare container array, and a rich EC2 task
  // (EFS, App Mesh proxy, FireLens, health checks, tmpfs, ulimits). Opened under neutral names (kind from content):
  // files named like *task-definition*.json get their field docs from the JSON Schema instead (see the last test and
  // test/unit/fields-schema.test.ts).
  const FILES = taskDefinitions().filter((f) => /register|describe|container-definitions|rich/.test(f.name));
  it('has task definitions in every shape to hover', () => assert.ok(FILES.length >= 7, FILES.map((f) => f.name).join()));
  FILES.forEach((file, i) => {
    it(`every key of ${file.name} has documentation`, async () => {
      const text = file.text;
      const uri = fileUri(`hover-field/doc-${i}.json`);
      client.open(uri, text);
      const ks = keys(text);
      assert.ok(ks.length >= 15, `${ks.length} keys`);
      const missing: string[] = [];
      for (const k of ks) {
        const md = await hoverText(client, uri, text, k.offset + 1);
        // A documented key: its name in bold, a description paragraph, the data footer; never "not a field".
        const ok = md !== undefined && md.replace(/\\(.)/g, '$1').includes(`**${k.value}**`) && !/is not a field of/.test(md)
          && md.split('\n\n').length >= 3 && md.includes(`@aws-sdk/client-ecs ${ecsModelVersion}`);
        if (!ok) missing.push(`${k.value}: ${md?.slice(0, 80)}`);
      }
      assert.deepEqual(missing, []);
      client.close(uri);
    });
  });

  it('describe output: read-only fields are documented; register input gets a read-only note for them', async () => {
    const uri = fileUri('hover-field/describe.json');
    const text = json({ taskDefinition: { taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/a:1', revision: 3, status: 'ACTIVE', requiresAttributes: [{ name: 'x' }], compatibilities: ['EC2'], registeredAt: '2024', registeredBy: 'me', family: 'a', containerDefinitions: [] }, tags: [] });
    client.open(uri, text);
    for (const key of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy']) {
      const md = await hoverText(client, uri, text, text.indexOf(`"${key}"`) + 1);
      assert.ok(md?.includes(`**${key}**`) && md.includes('TaskDefinition'), key);
    }
    client.close(uri);
    const uri2 = fileUri('hover-field/register.json');
    const text2 = json({ family: 'a', revision: 3, containerDefinitions: [{ name: 'a', image: 'x' }] });
    client.open(uri2, text2);
    const md = await hoverText(client, uri2, text2, text2.indexOf('"revision"') + 1);
    assert.match(md!, /Read-only: returned by DescribeTaskDefinition/);
    client.close(uri2);
  });

  it('a typo gets "not a field of ContainerDefinition" with a did-you-mean, ranged on the key', async () => {
    const uri = fileUri('hover-field/typo.json');
    const text = json({ family: 'a', containerDefinitions: [{ name: 'a', image: 'x', readOnlyRootFilesystem: true, portMappings: [{ ContainerPort: 80 }] }] });
    client.open(uri, text);
    const r = rangeOf(text, '"readOnlyRootFilesystem"');
    const h = await client.hover(uri, { line: r.start.line, character: r.start.character + 3 });
    const md = (h!.contents as { value: string }).value;
    assert.match(md, /\*\*readOnlyRootFilesystem\*\* is not a field of ContainerDefinition/);
    assert.match(md, /Did you mean `readonlyRootFilesystem`\?/);
    assert.deepEqual(h!.range, r);
    const port = await hoverText(client, uri, text, text.indexOf('"ContainerPort"') + 1);
    assert.match(port!, /not a field of PortMapping[\s\S]*`containerPort`/);
    client.close(uri);
  });

  it('a watched field explains its rule even when harmless; enum values list the allowed values', async () => {
    const uri = fileUri('hover-field/security.json');
    const text = json({ family: 'a', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'x:1', privileged: false }] });
    client.open(uri, text);
    const md = await hoverText(client, uri, text, text.indexOf('"privileged"') + 1);
    assert.match(md!, /\*\*privileged\*\*: `boolean`/);
    assert.match(md!, /elevated privileges on the host/);
    assert.match(md!, /\*\*Security:\*\* checked by\n- \[`task\/no-privileged`\]\(file:[^)]*task\/no-privileged\.md\): Containers must not run privileged/);
    const nm = await hoverText(client, uri, text, text.indexOf('"awsvpc"') + 2);
    assert.match(nm!, /`awsvpc`: a value of \*\*networkMode\*\* \(`NetworkMode`\)/);
    assert.match(nm!, /Allowed values: `awsvpc`, `bridge`, `host`, `none`/);
    assert.match(nm!, /task\/no-host-network/);
    client.close(uri);
  });

  it('hover over a problem shows the rule summary first, then the field docs', async () => {
    const uri = fileUri('hover-field/finding.json');
    const text = json({ family: 'a', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'x:1', privileged: true }] });
    client.open(uri, text);
    await client.pull(uri);
    const md = (await hoverText(client, uri, text, text.indexOf('"privileged"') + 1))!;
    const sections = md.split('\n\n---\n\n');
    assert.match(sections[0], /^\*\*task\/no-privileged\*\* \(error\): Containers must not run privileged/);
    assert.match(sections[0], /\[Documentation for task\/no-privileged\]\(file:/);
    assert.match(sections[sections.length - 1], /^\*\*privileged\*\*: `boolean`/);
    client.close(uri);
  });

  it('service definitions: create-service and update-service keys, nested network configuration', async () => {
    const uri = fileUri('hover-field/svc.json');
    const text = json({ serviceName: 's', cluster: 'c', forceNewDeployment: true, enableExecuteCommand: false, networkConfiguration: { awsvpcConfiguration: { subnets: ['a'], assignPublicIp: 'DISABLED' } } });
    client.open(uri, text);
    assert.match((await hoverText(client, uri, text, text.indexOf('"serviceName"') + 1))!, /\*\*serviceName\*\*: `string` \(required\) · CreateServiceRequest/);
    assert.match((await hoverText(client, uri, text, text.indexOf('"forceNewDeployment"') + 1))!, /UpdateService only/);
    assert.match((await hoverText(client, uri, text, text.indexOf('"enableExecuteCommand"') + 1))!, /service\/no-execute-command/);
    const ip = (await hoverText(client, uri, text, text.indexOf('"assignPublicIp"') + 1))!;
    assert.match(ip, /AwsVpcConfiguration[\s\S]*Allowed values: `DISABLED`, `ENABLED`[\s\S]*service\/no-public-ip/);
    client.close(uri);
  });

  it('files a contributed JSON Schema covers: only the security section (the schema hover shows the docs)', async () => {
    const uri = fileUri('hover-field/web-task-definition.json');
    const text = json({ family: 'a', containerDefinitions: [{ name: 'a', image: 'x:1', privileged: false, readonlyRootFilesystm: true, memoryReservation: 128 }] });
    client.open(uri, text);
    const md = await hoverText(client, uri, text, text.indexOf('"privileged"') + 1);
    assert.equal(md!.split('\n\n')[0], '**privileged**');
    assert.match(md!, /\*\*Security:\*\* checked by\n- \[`task\/no-privileged`\]/);
    assert.doesNotMatch(md!, /elevated privileges/);
    assert.equal(await hoverText(client, uri, text, text.indexOf('"memoryReservation"') + 1), undefined, 'no rule watches memoryReservation');
    assert.match((await hoverText(client, uri, text, text.indexOf('"readonlyRootFilesystm"') + 1))!, /Did you mean `readonlyRootFilesystem`/);
    client.close(uri);
  });

  it('IAM policy grammar keys are documented (and only where the grammar puts them)', async () => {
    const uri = fileUri('hover-field/policy.json');
    const text = json({ Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:Get*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] });
    client.open(uri, text);
    for (const key of ['Version', 'Statement', 'Sid', 'Effect', 'Action', 'Resource', 'Condition']) {
      const md = await hoverText(client, uri, text, text.indexOf(`"${key}"`) + 1);
      assert.match(md!, new RegExp(`\\*\\*${key}\\*\\* \\(IAM policy (policy|statement) element\\)`), key);
    }
    // Wildcard actions show what they expand to.
    assert.match((await hoverText(client, uri, text, text.indexOf('"s3:Get*"') + 2))!, /\*\*s3:Get\*\*\* matches \d+ actions: `s3:Get/);
    assert.equal(await hoverText(client, uri, text, text.indexOf('"Bool"') + 1), undefined);
    client.close(uri);
  });
});
