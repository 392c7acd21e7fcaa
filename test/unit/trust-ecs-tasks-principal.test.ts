import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'trust/ecs-tasks-principal';
const p = (service: string | string[]) => json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

describe(RULE, () => {
  it('flags ecs.amazonaws.com and ec2.amazonaws.com in task / execution role trust files', () => {
    for (const fileName of ['task-role-trust.json', 'iam/ecsTaskExecutionRole-trust.json', 'execution_role_assume_role.json', 'app-taskrole-trust.json']) {
      for (const svc of ['ecs.amazonaws.com', 'ec2.amazonaws.com']) {
        const text = p(svc);
        const fs = findings(RULE, text, { fileName, kind: 'trust-policy' });
        assert.equal(fs.length, 1, `${fileName} ${svc}`);
        assert.equal(flagged(text, fs[0]), JSON.stringify(svc));
      }
    }
  });
  it('does not flag without a role hint, with ecs-tasks present, or for other services', () => {
    assert.equal(findings(RULE, p('ec2.amazonaws.com'), { fileName: 'instance-trust.json', kind: 'trust-policy' }).length, 0);
    assert.equal(findings(RULE, p('ec2.amazonaws.com'), { kind: 'trust-policy' }).length, 0);
    assert.equal(findings(RULE, p(['ecs-tasks.amazonaws.com', 'ec2.amazonaws.com']), { fileName: 'task-role-trust.json', kind: 'trust-policy' }).length, 0);
    assert.equal(findings(RULE, p('lambda.amazonaws.com'), { fileName: 'task-role-trust.json', kind: 'trust-policy' }).length, 0);
  });
  it('fix (not safe) replaces the principal and the re-lint is clean', () => {
    const text = p(['ecs.amazonaws.com']);
    const opts = { fileName: 'task-role-trust.json', kind: 'trust-policy' as const };
    const f = findings(RULE, text, opts)[0];
    assert.equal(f.fixes![0].safe, false);
    const fixed = applyFix(text, f);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Principal, { Service: ['ecs-tasks.amazonaws.com'] });
    assert.equal(findings(RULE, fixed, opts).length, 0);
  });
});
