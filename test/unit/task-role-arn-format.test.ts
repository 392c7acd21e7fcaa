import * as assert from 'node:assert/strict';
import { findings, flagged, json, describeShape } from '../helpers';

const RULE = 'task/role-arn-format';
const task = (extra: object) => ({ family: 'web', networkMode: 'awsvpc', ...extra, containerDefinitions: [{ name: 'a', image: 'x:1' }] });
const bad = (arn: string, key = 'taskRoleArn') => findings(RULE, json(task({ [key]: arn })));

describe(RULE, () => {
  it('accepts role ARNs in every partition, with paths, and bare role names', () => {
    for (const arn of [
      'arn:aws:iam::123456789012:role/ecsTaskRole',
      'arn:aws-cn:iam::123456789012:role/a',
      'arn:aws-us-gov:iam::123456789012:role/service-role/my.role@x',
      'arn:aws-iso:iam::123456789012:role/a',
      'arn:aws-iso-b:iam::123456789012:role/a/b/c',
      'ecsTaskExecutionRole',
    ]) {
      assert.equal(bad(arn).length, 0, arn);
      assert.equal(bad(arn, 'executionRoleArn').length, 0, arn);
    }
  });
  it('skips placeholders and templates', () => {
    for (const arn of ['${TASK_ROLE_ARN}', 'arn:aws:iam::{{ .Env.ACCOUNT }}:role/x', '<task-role-arn>', 'arn:aws:iam::XXXXXXXXXXXX:role/ecs_task_iam_role', 'arn:aws:iam::ACCOUNT_ID:role/x', '{INSERT your task role}', '']) {
      assert.equal(bad(arn).length, 0, arn);
    }
  });
  it('flags non-role IAM ARNs, STS session ARNs and malformed ARNs on the value', () => {
    const text = json(task({ taskRoleArn: 'arn:aws:iam::123456789012:instance-profile/ecs', executionRoleArn: 'arn:aws:sts::123456789012:assumed-role/x/session' }));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 2);
    assert.equal(flagged(text, fs[0]), '"arn:aws:iam::123456789012:instance-profile/ecs"');
    assert.match(fs[0].message, /instance-profile/);
    assert.match(fs[1].message, /assumed-role/);
    assert.equal(fs[0].severity, 'error');
    assert.equal(bad('arn:aws:iam::12345678901:role/x').length, 1); // 11-digit account
    assert.equal(bad('arn:aws:iam:us-east-1:123456789012:role/x').length, 1);
    assert.equal(bad('arn:aws:iam::123456789012:policy/x').length, 1);
    assert.equal(bad('my role with spaces').length, 1);
  });
  it('works in the describe shape and stays silent on non-strings and bare arrays', () => {
    assert.equal(findings(RULE, describeShape(task({ taskRoleArn: 'arn:aws:iam::123456789012:user/bob' }))).length, 1);
    assert.equal(findings(RULE, json(task({ taskRoleArn: 42, executionRoleArn: null }))).length, 0);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', taskRoleArn: 'bad arn' }])).length, 0);
  });
});
