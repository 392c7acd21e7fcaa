import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json, lint } from '../helpers';

const RULE = 'iam/policy-structure';
const idp = { kind: 'identity-policy' as const };
const p = (...Statement: unknown[]) => json({ Version: '2012-10-17', Statement });
const ok = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

describe(RULE, () => {
  it('accepts valid identity, trust, ECR and endpoint policies (single-object Statement too)', () => {
    assert.deepEqual(findings(RULE, p(ok), idp), []);
    assert.deepEqual(findings(RULE, json({ Version: '2012-10-17', Statement: ok }), idp), []);
    assert.deepEqual(findings(RULE, p({ Effect: 'Allow', Principal: { Service: ['ecs-tasks.amazonaws.com'] }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }), { kind: 'trust-policy' }), []);
    assert.deepEqual(findings(RULE, p({ Sid: 'ECR Repository Policy', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['ecr:BatchGetImage'] }), { kind: 'ecr-repository-policy' }), []);
  });
  it('flags a wrong-case element with a safe rename fix, and re-lints clean', () => {
    const text = p({ Effect: 'Allow', action: 's3:GetObject', Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"action"');
    assert.match(fs[0].message, /did you mean "Action"/);
    const fixed = applyFix(text, fs[0]);
    assert.equal(JSON.parse(fixed).Statement[0].Action, 's3:GetObject');
    assert.deepEqual(findings(RULE, fixed, idp), []);
  });
  it('flags unknown elements at the top and in statements', () => {
    const text = json({ Version: '2012-10-17', Foo: 1, Statement: [{ ...ok, Resources: '*' }] });
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), ['"Foo"', '"Resources"']);
  });
  it('flags missing Statement, Effect, Action and (identity only) Resource', () => {
    assert.equal(findings(RULE, json({ Version: '2012-10-17' }), idp).length, 1);
    const text = p({ Sid: 'x' });
    const msgs = findings(RULE, text, idp).map((f) => f.message).join('\n');
    assert.match(msgs, /no "Effect"/);
    assert.match(msgs, /no "Action"/);
    assert.match(msgs, /needs "Resource"/);
    assert.deepEqual(findings(RULE, p({ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }), { kind: 'ecr-repository-policy' }), []);
  });
  it('flags an Effect with the wrong case (fix) or an invalid one (no fix)', () => {
    const text = p({ ...ok, Effect: 'allow' });
    const f = findings(RULE, text, idp)[0];
    assert.equal(flagged(text, f), '"allow"');
    assert.deepEqual(findings(RULE, applyFix(text, f), idp), []);
    assert.equal(findings(RULE, p({ ...ok, Effect: 'Permit' }), idp)[0].fixes, undefined);
  });
  it('flags conflicting pairs on the second element', () => {
    const text = p({ ...ok, NotAction: 'iam:*', NotResource: 'x' });
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), ['"NotAction"', '"NotResource"']);
  });
  it('flags wrong JSON types and empty containers', () => {
    const text = p({ Effect: 'Allow', Action: ['s3:GetObject', 5], Resource: { arn: 'x' }, Condition: [] }, { Effect: 'Allow', Action: [], Resource: '*', Condition: {} });
    const fs = findings(RULE, text, idp);
    const msgs = fs.map((f) => f.message).join('\n');
    assert.match(msgs, /"Action" must be a string or an array of strings, not an array/);
    assert.match(msgs, /"Resource" must be a string or an array of strings, not an object/);
    assert.match(msgs, /"Condition" must be an object, not an array/);
    assert.match(msgs, /"Action" is an empty array/);
    assert.match(msgs, /"Condition" is an empty object/);
    assert.equal(findings(RULE, json({ Statement: 'x' }), idp).length, 1);
    assert.equal(findings(RULE, json({ Statement: [] }), idp).length, 1);
  });
  it('flags malformed principals in resource policies', () => {
    const text = p({ Effect: 'Allow', Principal: 'arn:aws:iam::111122223333:root', Action: 'sts:AssumeRole' }, { Effect: 'Allow', Principal: {}, Action: 'sts:AssumeRole' });
    assert.equal(findings(RULE, text, { kind: 'trust-policy' }).length, 2);
  });
  it('never throws on odd input', () => {
    for (const t of ['[]', '"x"', '{"Statement": [null, 1, []]}', '{"Statement": {"Effect": null, "Principal": 5, "Condition": {"StringEquals": null}}}', '{"Statement": [{"Effect": "Allow", "Action": "*"']) {
      assert.equal(lint(t, idp).findings.filter((f) => f.ruleId === 'internal/rule-error').length, 0, t);
    }
  });
});
