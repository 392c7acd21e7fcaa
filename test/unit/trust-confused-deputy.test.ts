import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'trust/confused-deputy';
const tp = { kind: 'trust-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const ecs = (extra: object = {}) => ({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', ...extra });

describe(RULE, () => {
  it('flags ecs-tasks.amazonaws.com without source conditions, on the principal string', () => {
    const text = p(ecs());
    const fs = findings(RULE, text, tp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"ecs-tasks.amazonaws.com"');
    assert.equal(findings(RULE, p(ecs({ Principal: { Service: ['lambda.amazonaws.com', 'ECS-TASKS.amazonaws.com'] } })), tp).length, 1);
  });
  it('accepts aws:SourceAccount or aws:SourceArn in any case and with any operator', () => {
    assert.equal(findings(RULE, p(ecs({ Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } })), tp).length, 0);
    assert.equal(findings(RULE, p(ecs({ Condition: { ArnLike: { 'AWS:SOURCEARN': 'arn:aws:ecs:us-west-2:111122223333:*' } } })), tp).length, 0);
  });
  it('does not flag other principals or Deny', () => {
    assert.equal(findings(RULE, p(ecs({ Principal: { Service: 'ec2.amazonaws.com' } })), tp).length, 0);
    assert.equal(findings(RULE, p(ecs({ Effect: 'Deny' })), tp).length, 0);
  });
  it('fix inserts both placeholder conditions (not safe, not preferred) and the re-lint is clean', () => {
    const text = p(ecs());
    const f = findings(RULE, text, tp)[0];
    assert.equal(f.fixes![0].safe, false);
    assert.notEqual(f.fixes![0].preferred, true);
    const fixed = applyFix(text, f);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, {
      StringEquals: { 'aws:SourceAccount': '123456789012' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:123456789012:*' },
    });
    assert.equal(findings(RULE, fixed, tp).length, 0);
  });
  it('fix merges with an existing condition', () => {
    const text = p(ecs({ Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }));
    const fixed = applyFix(text, findings(RULE, text, tp)[0]);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Condition.StringEquals, { 'aws:RequestedRegion': 'eu-west-1', 'aws:SourceAccount': '123456789012' });
  });
});
