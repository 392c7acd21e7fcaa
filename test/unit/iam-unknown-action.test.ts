import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'iam/unknown-action';
const policy = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const idp = { kind: 'identity-policy' as const };

describe(RULE, () => {
  it('flags a misspelled action on the string, suggests the nearest, and the fix re-lints clean', () => {
    const text = policy({ Effect: 'Allow', Action: ['s3:GetObjekt', 'ecs:RunTask'], Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"s3:GetObjekt"');
    assert.equal(fs[0].severity, 'error');
    assert.match(fs[0].message, /Did you mean "s3:GetObject"/);
    const fix = fs[0].fixes![0];
    assert.equal(fix.safe, false);
    assert.notEqual(fix.preferred, true);
    const fixed = applyFix(text, fs[0]);
    assert.ok(fixed.includes('"s3:GetObject"'));
    assert.equal(findings(RULE, fixed, idp).length, 0);
  });
  it('flags an unknown service prefix and a pattern that matches nothing', () => {
    const text = policy({ Effect: 'Allow', Action: ['s4:GetObject', 'ecs:Frobnicate*', 'nosuch*:Get*'], Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"s4:GetObject"', '"ecs:Frobnicate*"', '"nosuch*:Get*"']);
    assert.match(fs[0].message, /"s4" is not an AWS service prefix.*"s3:GetObject"/);
    assert.match(fs[1].message, /matches no ecs action/);
  });
  it('flags NotAction entries and Deny statements too, and a missing colon', () => {
    const text = policy({ Effect: 'Deny', NotAction: ['iam:PassRol', 'PassRole'], Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"iam:PassRol"', '"PassRole"']);
    assert.match(fs[0].message, /^NotAction/);
    assert.match(fs[1].message, /service:Action/);
  });
  it('accepts real actions in any case, wildcards that match, and "*"', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['ECR:GetAuthorizationToken', 'ecr:batchgetimage', 'logs:Create*', 'ssmmessages:*', 's3:Get?bject', '*'], Resource: '*' },
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
    );
    assert.equal(findings(RULE, text, idp).length, 0);
    assert.equal(findings(RULE, text, { kind: 'trust-policy' }).length, 0);
  });
  it('offers at most three suggestions, none when nothing is close', () => {
    const fs = findings(RULE, policy({ Effect: 'Allow', Action: 'ecs:Qqqqqqqqqqqqqqqq', Resource: '*' }), idp);
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0].fixes, []);
    const many = findings(RULE, policy({ Effect: 'Allow', Action: 'ec2:DescribeInstance', Resource: '*' }), idp);
    assert.ok(many[0].fixes!.length >= 1 && many[0].fixes!.length <= 3);
  });
  it('applies to every policy kind', () => {
    const text = policy({ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImag' });
    for (const kind of ['trust-policy', 'endpoint-policy', 'ecr-repository-policy'] as const) assert.equal(findings(RULE, text, { kind }).length, 1, kind);
  });
  it('never throws on wrong types or truncated documents', () => {
    for (const text of ['{"Statement": [{"Action": 42}, {"Action": [null, {}, "s3:GetObjekt"]}, null, "x"]}', '{"Statement": {"Action": "s3:Get', '[]', 'null']) {
      findings(RULE, text, idp);
    }
    const fs = findings(RULE, '{"Statement": [{"Action": [null, {}, "s3:GetObjekt"]}]}', idp);
    assert.equal(fs.length, 1);
  });
});
