import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'trust/wildcard-principal';
const tp = { kind: 'trust-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });

describe(RULE, () => {
  it('flags "Principal": "*" and {"AWS": "*"} / {"AWS": ["*"]}', () => {
    const text = p({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' });
    const fs = findings(RULE, text, tp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"*"');
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), tp).length, 1);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] }, Action: 'sts:AssumeRole' }), tp).length, 1);
  });
  it('does not flag service principals, Deny, or a wildcard inside an ARN', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }), tp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }), tp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: { Federated: '*' }, Action: 'sts:AssumeRoleWithWebIdentity' }), tp).length, 0);
  });
  it('is detected through a trust policy file name', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }), { fileName: 'roles/app-trust.json' }).length, 1);
  });
});
