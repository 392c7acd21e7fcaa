import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'endpoint/full-access';
const ep = { kind: 'endpoint-policy' as const };

describe(RULE, () => {
  it('flags the default endpoint policy on its Action', () => {
    const text = json({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });
    const fs = findings(RULE, text, ep);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"*"');
    assert.ok(fs[0].offset > text.indexOf('"Action"'));
    assert.equal(findings(RULE, json({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*:*', Resource: '*', Condition: {} }] }), ep).length, 1);
  });
  it('does not flag when a condition, a specific action/resource/principal, or Deny is present', () => {
    const base = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' };
    for (const s of [{ ...base, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }, { ...base, Action: 'ecr:*' }, { ...base, Resource: 'arn:aws:s3:::b/*' }, { ...base, Principal: { AWS: 'arn:aws:iam::111122223333:role/r' } }, { ...base, Effect: 'Deny' }]) {
      assert.equal(findings(RULE, json({ Statement: [s] }), ep).length, 0, JSON.stringify(s));
    }
  });
});
