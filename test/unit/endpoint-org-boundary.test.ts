import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json, lint } from '../helpers';

const RULE = 'endpoint/org-boundary';
const ep = { kind: 'endpoint-policy' as const };
const policy = (...Statement: object[]) => json({ Statement });

describe(RULE, () => {
  it('flags Principal "*" and {"AWS": "*"} without an org/account condition, on the principal value', () => {
    const a = policy({ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage', Resource: '*' });
    const fa = findings(RULE, a, ep);
    assert.equal(fa.length, 1);
    assert.equal(flagged(a, fa[0]), '"*"');
    assert.equal(findings(RULE, policy({ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'ecr:*', Resource: '*' }), ep).length, 1);
    // The default policy (any principal, "*" on "*", no condition) is endpoint/full-access's finding.
    assert.equal(findings(RULE, policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), ep).length, 0);
  });
  it('accepts any of the boundary keys in any case and with any operator', () => {
    for (const cond of [
      { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
      { 'ForAnyValue:StringLike': { 'aws:principalorgpaths': 'o-abc/r-1/ou-2/*' } },
      { StringEquals: { 'AWS:PRINCIPALACCOUNT': '111122223333' } },
    ]) {
      assert.equal(findings(RULE, policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: cond }), ep).length, 0);
    }
  });
  it('does not flag Deny, specific principals, or other kinds', () => {
    assert.equal(findings(RULE, policy({ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }), ep).length, 0);
    assert.equal(findings(RULE, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: '*', Resource: '*' }), ep).length, 0);
    assert.equal(findings(RULE, policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), { kind: 'ecr-repository-policy' }).length, 0);
  });
  it('is detected through an endpoint policy file name', () => {
    const r = lint(policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }), { fileName: 'infra/s3-endpoint-policy.json' });
    assert.equal(r.kind, 'endpoint-policy');
    assert.equal(r.findings.filter((f) => f.ruleId === RULE).length, 1);
  });
  it('fix adds a condition (not safe, not preferred) and the re-lint is clean', () => {
    const text = policy({ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage', Resource: '*' });
    const f = findings(RULE, text, ep)[0];
    assert.equal(f.fixes![0].safe, false);
    assert.notEqual(f.fixes![0].preferred, true);
    const fixed = applyFix(text, f);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } });
    assert.equal(findings(RULE, fixed, ep).length, 0);
  });
  it('fix merges into an existing Condition and operator block without clobbering them', () => {
    const text = policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-12345678' }, Bool: { 'aws:SecureTransport': 'true' } } });
    const fixed = applyFix(text, findings(RULE, text, ep)[0]);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, {
      StringEquals: { 'aws:SourceVpc': 'vpc-12345678', 'aws:PrincipalOrgID': 'o-exampleorgid' },
      Bool: { 'aws:SecureTransport': 'true' },
    });
    assert.equal(findings(RULE, fixed, ep).length, 0);
  });
  it('fix works with a single-object Statement and offers none for a malformed Condition', () => {
    const text = json({ Statement: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' } });
    assert.equal(findings(RULE, applyFix(text, findings(RULE, text, ep)[0]), ep).length, 0);
    const bad = policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: ['x'] });
    assert.equal(findings(RULE, bad, ep)[0].fixes, undefined);
  });
});
