import * as assert from 'node:assert/strict';
import { findings, flagged, json, lint } from '../helpers';

const RULE = 'iam/wildcard-action';
const policy = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const idp = { kind: 'identity-policy' as const };

describe(RULE, () => {
  it('flags Action "*" as an error on the string itself', () => {
    const text = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'error');
    assert.equal(flagged(text, fs[0]), '"*"');
  });
  it('flags service:* in any case as a warning, inside an array and a single-object Statement', () => {
    const text = json({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: ['s3:GetObject', 'S3:*', 'ECS:*'], Resource: '*' } });
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"S3:*"', '"ECS:*"']);
    assert.ok(fs.every((f) => f.severity === 'warning'));
  });
  it('treats *:* like *', () => {
    const fs = findings(RULE, policy({ Effect: 'Allow', Action: ['*:*'], Resource: '*' }), idp);
    assert.equal(fs[0].severity, 'error');
  });
  it('does not flag Deny, partial wildcards, NotAction, or a statement without Effect', () => {
    assert.equal(findings(RULE, policy({ Effect: 'Deny', Action: '*', Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, policy({ Effect: 'Allow', Action: ['s3:Get*', 'ecr:Batch*'], Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, policy({ Effect: 'Allow', NotAction: '*', Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, policy({ Action: '*', Resource: '*' }), idp).length, 0);
  });
  it('applies to endpoint and repository policies, and is detected by file name', () => {
    const text = policy({ Effect: 'Allow', Principal: '*', Action: 'ecr:*' });
    assert.equal(findings(RULE, text, { kind: 'ecr-repository-policy' }).length, 1);
    assert.equal(findings(RULE, text, { kind: 'endpoint-policy' }).length, 1);
    const r = lint(policy({ Effect: 'Allow', Action: 'logs:*', Resource: '*' }), { fileName: 'task-role-policy.json' });
    assert.equal(r.kind, 'identity-policy');
    assert.equal(r.findings.filter((f) => f.ruleId === RULE).length, 1);
  });
  it('never throws on wrong types', () => {
    for (const bad of ['{"Statement": null}', '{"Statement": [null, 1, {"Effect": "Allow", "Action": 5}]}', '{"Statement": {"Effect": "Allow", "Action": [null, {"a": 1}]}}', '[', '{"Statement": [{"Effect": "Allow", "Action": "*"']) {
      const r = lint(bad, idp);
      assert.equal(r.findings.filter((f) => f.ruleId === 'internal/rule-error').length, 0, bad);
    }
  });
});
