import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'iam/privilege-escalation';
const idp = { kind: 'identity-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });

describe(RULE, () => {
  it('flags the ECS path across statements, once, on the first contributing action', () => {
    const text = p(
      { Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:RunTask'], Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
    );
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"ecs:RegisterTaskDefinition"');
    assert.match(fs[0].message, /ECS task definition/);
    assert.match(fs[0].message, /iam:PassRole/);
  });
  it('flags single-action methods and wildcard grants (iam:Put*)', () => {
    const text = p({ Effect: 'Allow', Action: ['s3:GetObject', 'iam:Put*'], Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"iam:Put*"');
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' }), idp).length, 1);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: ['ecs:ExecuteCommand', 'ecs:DescribeTasks'], Resource: '*' }), idp).length, 1);
  });
  it('collapses many methods reached through "iam:*" into one finding; "*" is left to iam/wildcard-action', () => {
    const text = p({ Effect: 'Allow', Action: 'iam:*', Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /more methods/);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: '*', Resource: '*' }), idp).length, 0);
  });
  it('does not flag incomplete sets, scoped resources, or Deny', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:RunTask'], Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p(
      { Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:RunTask'], Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-task' },
    ), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Deny', Action: 'iam:CreatePolicyVersion', Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:ListTasks', 'logs:PutLogEvents'], Resource: '*' }), idp).length, 0);
  });
});
