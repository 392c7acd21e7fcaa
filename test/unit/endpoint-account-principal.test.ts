import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'endpoint/account-principal';
const ep = { kind: 'endpoint-policy' as const };
const p = (...Statement: object[]) => json({ Statement });

describe(RULE, () => {
  it('flags a bare account id principal and explains the gateway/interface difference', () => {
    const text = p({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: '*' });
    const fs = findings(RULE, text, ep);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"111122223333"');
    assert.match(fs[0].message, /root user/);
    assert.match(fs[0].message, /interface endpoint/);
  });
  it('does not flag role ARNs, ":root" ARNs, "*", or Deny', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::111122223333:root'] }, Action: '*', Resource: '*' }), ep).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), ep).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: '*', Resource: '*' }), ep).length, 0);
  });
  it('fix (not safe) rewrites to Principal "*" with aws:PrincipalAccount; offered only for the simple shape', () => {
    const text = p({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'ecr:BatchGetImage', Resource: '*' });
    const f = findings(RULE, text, ep)[0];
    assert.equal(f.fixes![0].safe, false);
    const fixed = applyFix(text, f);
    const s = JSON.parse(fixed).Statement[0];
    assert.equal(s.Principal, '*');
    assert.deepEqual(s.Condition, { StringEquals: { 'aws:PrincipalAccount': '111122223333' } });
    assert.equal(findings(RULE, fixed, ep).length, 0);
    const two = p({ Effect: 'Allow', Principal: { AWS: ['111122223333', '444455556666'] }, Action: '*', Resource: '*' });
    assert.ok(findings(RULE, two, ep).every((x) => x.fixes === undefined));
  });
});
