import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'iam/ecs-exec';
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const idp = { kind: 'identity-policy' as const };
const channels = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'];

describe(RULE, () => {
  it('flags the ssmmessages channel actions once per statement, on the first one', () => {
    const text = p({ Effect: 'Allow', Action: channels, Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"ssmmessages:CreateControlChannel"');
  });
  it('flags wildcards naming the service (ssmmessages:*, ssmmessages:open*, ecs:Exec*)', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'ssmmessages:*', Resource: '*' }), idp).length, 1);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'SSMMessages:open*', Resource: '*' }), idp).length, 1);
    const text = p({ Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:Exec*'], Resource: 'arn:aws:ecs:us-east-1:111122223333:task/app/*' });
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), ['"ecs:Exec*"']);
    // With DescribeTasks on every task it is an escalation path: iam/privilege-escalation's finding (test/unit/ownership).
    assert.deepEqual(findings(RULE, p({ Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:Exec*'], Resource: '*' }), idp), []);
  });
  it('flags ecs:ExecuteCommand in any case', () => {
    const text = p({ Effect: 'Allow', Action: 'ECS:executecommand', Resource: 'arn:aws:ecs:us-east-1:111122223333:cluster/app' });
    assert.equal(findings(RULE, text, idp).length, 1);
  });
  it('does not flag Deny, unrelated ssmmessages/ecs actions, or a bare "*"', () => {
    assert.equal(findings(RULE, p({ Effect: 'Deny', Action: channels, Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: ['ecs:RunTask', 'ssm:GetParameters', 'ssmmessages:Get*'], Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: '*', Resource: '*' }), idp).length, 0);
  });
});
