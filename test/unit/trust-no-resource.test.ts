import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'trust/no-resource';
const tp = { kind: 'trust-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });

describe(RULE, () => {
  it('flags Resource and NotResource properties', () => {
    const text = p({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', NotResource: ['x'] });
    const fs = findings(RULE, text, tp);
    assert.equal(fs.length, 2);
    assert.equal(flagged(text, fs[0]), '"Resource": "*"');
    assert.match(flagged(text, fs[1]), /^"NotResource": \[/);
  });
  it('fix removes it safely, keeps the rest and the re-lint is clean', () => {
    const text = p({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Resource: '*', Action: 'sts:AssumeRole' });
    const f = findings(RULE, text, tp)[0];
    assert.equal(f.fixes![0].safe, true);
    const fixed = applyFix(text, f);
    assert.deepEqual(JSON.parse(fixed).Statement[0], { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' });
    assert.equal(findings(RULE, fixed, tp).length, 0);
  });
  it('fix keeps valid JSON when the element is first, last or alone', () => {
    for (const st of [
      { Resource: '*', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', NotResource: 'x' },
      { Resource: ['a', 'b'] },
    ]) {
      const text = p(st);
      const fixed = applyFix(text, findings(RULE, text, tp)[0]);
      const { Resource, NotResource, ...rest } = st as Record<string, unknown>;
      void Resource; void NotResource;
      assert.deepEqual(JSON.parse(fixed).Statement[0], rest);
    }
    const compact = '{"Statement":[{"Effect":"Allow","Resource":"*","Action":"sts:AssumeRole"}]}';
    assert.equal(applyFix(compact, findings(RULE, compact, tp)[0]), '{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}');
  });
  it('does not apply to identity policies', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), { kind: 'identity-policy' }).length, 0);
  });
});
