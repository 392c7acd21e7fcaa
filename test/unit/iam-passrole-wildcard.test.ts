import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'iam/passrole-wildcard';
const idp = { kind: 'identity-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });

describe(RULE, () => {
  it('flags iam:PassRole on "*" on the action string', () => {
    const text = p({ Effect: 'Allow', Action: ['ecs:RunTask', 'iam:PassRole'], Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"iam:PassRole"');
  });
  it('flags PassRole granted through iam:*, iam:Pass*, lower case, and on every role of an account ("*" is wildcard-action\'s)', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: '*', Resource: '*' }), idp).length, 0);
    for (const a of ['iam:*', 'iam:Pass*', 'IAM:passrole']) {
      const text = p({ Effect: 'Allow', Action: a, Resource: '*' });
      const fs = findings(RULE, text, idp);
      assert.equal(fs.length, 1, a);
      assert.equal(flagged(text, fs[0]), JSON.stringify(a));
    }
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/*' }), idp).length, 1);
  });
  it('flags Allow + NotAction that does not exclude it, and NotResource', () => {
    const text = p({ Effect: 'Allow', NotAction: ['s3:*'], Resource: '*' });
    assert.equal(flagged(text, findings(RULE, text, idp)[0]), '"NotAction"');
    assert.equal(findings(RULE, p({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::111122223333:role/admin' }), idp).length, 1);
  });
  it('does not flag specific roles, Deny, other iam actions, or a PassedToService condition', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'iam:PassRole', Resource: ['arn:aws:iam::111122223333:role/app-task'] }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: ['iam:Get*', 'iam:PutRolePolicy'], Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } }), idp).length, 0);
  });
  it('fix adds iam:PassedToService (not safe, not preferred) when the statement is only PassRole; re-lint clean', () => {
    const text = p({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' });
    const f = findings(RULE, text, idp)[0];
    assert.equal(f.fixes![0].safe, false);
    assert.notEqual(f.fixes![0].preferred, true);
    const fixed = applyFix(text, f);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
    assert.equal(findings(RULE, fixed, idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: ['iam:PassRole', 'ecs:RunTask'], Resource: '*' }), idp)[0].fixes, undefined);
  });
});
