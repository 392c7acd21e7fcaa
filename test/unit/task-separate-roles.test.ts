import * as assert from 'node:assert/strict';
import { findings, flagged, json, describeShape } from '../helpers';

const RULE = 'task/separate-roles';
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskRole';
const task = (extra: object) => ({ family: 'web', networkMode: 'awsvpc', ...extra, containerDefinitions: [{ name: 'a', image: 'x:1' }] });

describe(RULE, () => {
  it('flags equal roles on the executionRoleArn value, in both shapes', () => {
    for (const text of [json(task({ taskRoleArn: ROLE, executionRoleArn: ROLE })), describeShape(task({ taskRoleArn: ROLE, executionRoleArn: ROLE }))]) {
      const fs = findings(RULE, text);
      assert.equal(fs.length, 1);
      assert.equal(flagged(text, fs[0]), JSON.stringify(ROLE));
      assert.equal(fs[0].severity, 'warning');
    }
  });
  it('compares case-insensitively (IAM role names are)', () => {
    assert.equal(findings(RULE, json(task({ taskRoleArn: ROLE, executionRoleArn: ROLE.replace('ecsTaskRole', 'ECSTaskRole') }))).length, 1);
  });
  it('does not flag different roles, one role missing, empty strings or non-strings', () => {
    for (const extra of [
      { taskRoleArn: ROLE, executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' },
      { taskRoleArn: ROLE },
      { executionRoleArn: ROLE },
      { taskRoleArn: '', executionRoleArn: '' },
      { taskRoleArn: null, executionRoleArn: null },
    ]) assert.equal(findings(RULE, json(task(extra))).length, 0, JSON.stringify(extra));
  });

  it('does not call the same placeholder "the same role" (templates are filled in later, maybe differently)', () => {
    for (const arn of ['arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_NAME>', '${ROLE_ARN}', 'arn:aws:iam::{{ account }}:role/app']) {
      assert.equal(findings(RULE, json(task({ taskRoleArn: arn, executionRoleArn: arn }))).length, 0, arn);
    }
  });
});
