import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'iam/arn-format';
const idp = { kind: 'identity-policy' as const };
const policy = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });

describe(RULE, () => {
  it('flags malformed Resource and NotResource ARNs on the string, in Allow and Deny', () => {
    const text = policy(
      { Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: ['arn:aws:ecr:us-east-1:12345678901:repository/web', 'my-bucket', 'ARN:aws:s3:::b', 'arn:aws:ECR:us-east-1:123456789012:repository/x'] },
      { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:amazon:s3:::b/*', 'arn:aws:s3::b'] },
    );
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), [
      '"arn:aws:ecr:us-east-1:12345678901:repository/web"', '"my-bucket"', '"ARN:aws:s3:::b"', '"arn:aws:ECR:us-east-1:123456789012:repository/x"',
      '"arn:amazon:s3:::b/*"', '"arn:aws:s3::b"',
    ]);
    assert.match(fs[0].message, /account "12345678901" must be 12 digits/);
    assert.match(fs[4].message, /^NotResource .*partition "amazon"/);
    assert.ok(fs.every((f) => f.severity === 'error'));
  });
  it('accepts "*", every partition, wildcards, empty region/account, aws-owned accounts and policy variables', () => {
    const text = policy({
      Effect: 'Allow', Action: 's3:GetObject',
      Resource: ['*', 'arn:aws:s3:::b/*', 'arn:aws-cn:ecs:cn-north-1:123456789012:cluster/x', 'arn:aws-us-gov:iam::123456789012:role/x', 'arn:aws-eusc:s3:::b',
        'arn:aws-iso-f:s3:::b', 'arn:*:ecr:*:*:repository/*', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:s3:::${aws:username}/*',
        'arn:${aws:partition}:logs:${aws:RequestedRegion}:${aws:PrincipalAccount}:log-group:/ecs/*', 'arn:aws:ecs:us-east-1:1234567890??:cluster/x'],
    });
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), []);
  });
  it('checks ARN-typed condition values and Arn operators, not other strings', () => {
    const text = policy({
      Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Condition: {
        ArnLike: { 'aws:SourceArn': ['arn:aws:ecs:us-east-1:123456789012:*', 'ecs:us-east-1:123456789012:*'] },
        StringEquals: { 'aws:SourceAccount': '123456789012', 'aws:PrincipalArn': 'arn:aws:iam:123456789012:role/x' },
        StringLike: { 'aws:SourceArn': 'arn:aws:codepipeline:*' },
        Null: { 'aws:SourceArn': 'false' },
      },
    });
    const fs = findings(RULE, text, { kind: 'trust-policy' });
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"ecs:us-east-1:123456789012:*"', '"arn:aws:iam:123456789012:role/x"']);
    assert.match(fs[0].message, /Condition value of aws:SourceArn/);
  });
  it('treats template slots (<X>, {{ x }}, $$X$$) as unknown values: an info naming the slot, errors only for the rest', () => {
    for (const arn of ['arn:aws:aps:<region>:<account>:workspace/ws-1', 'arn:aws:s3:::{{ bucket }}/*', 'arn:aws:iam::$$ACCOUNT_ID$$:role/$$ROLE$$']) {
      const fs = findings(RULE, policy({ Effect: 'Allow', Action: 'aps:RemoteWrite', Resource: arn }), idp);
      assert.deepEqual(fs.map((f) => f.severity), ['info'], arn);
      assert.match(fs[0].message, /template slot/);
    }
    const bad = findings(RULE, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:<region>:<account>' }), idp);
    assert.deepEqual(bad.map((f) => f.severity), ['error']); // five fields: wrong whatever the slots hold
  });
  it('never throws on wrong types', () => {
    for (const t of ['{"Statement": {"Resource": 5}}', '{"Statement": {"Resource": [null, {}, "x"]}}', '{"Statement": {"Condition": {"ArnLike": {"aws:SourceArn": {}}}}}', '{"Statement": {"Resource": "arn:']) findings(RULE, t, idp);
    assert.equal(findings(RULE, '{"Statement": {"Resource": [null, {}, "x"]}}', idp).length, 1);
  });
});
