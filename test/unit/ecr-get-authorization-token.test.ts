import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'ecr/get-authorization-token';
const rp = { kind: 'ecr-repository-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const principal = { AWS: 'arn:aws:iam::111122223333:role/ci' };

describe(RULE, () => {
  it('flags ecr:GetAuthorizationToken in any case and offers a safe removal when other actions remain', () => {
    const text = p({ Effect: 'Allow', Principal: principal, Action: ['ecr:BatchGetImage', 'ECR:getauthorizationtoken'] });
    const f = findings(RULE, text, rp);
    assert.equal(f.length, 1);
    assert.equal(flagged(text, f[0]), '"ECR:getauthorizationtoken"');
    assert.equal(f[0].fixes![0].safe, true);
    const fixed = applyFix(text, f[0]);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['ecr:BatchGetImage']);
    assert.equal(findings(RULE, fixed, rp).length, 0);
  });
  it('removal keeps valid JSON when it is the first element', () => {
    const text = p({ Effect: 'Allow', Principal: principal, Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] });
    const fixed = applyFix(text, findings(RULE, text, rp)[0]);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']);
  });
  it('offers no fix when it is the only action', () => {
    const f = findings(RULE, p({ Effect: 'Allow', Principal: principal, Action: 'ecr:GetAuthorizationToken' }), rp);
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes, undefined);
  });
  it('does not flag wildcards, Deny, or identity policies (where it belongs)', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: principal, Action: 'ecr:*' }), rp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Deny', Principal: principal, Action: 'ecr:GetAuthorizationToken' }), rp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' }), { kind: 'identity-policy' }).length, 0);
  });
});
