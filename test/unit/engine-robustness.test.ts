import * as assert from 'node:assert/strict';
import { Engine, RULE_ERROR_ID, SYNTAX_RULE_ID, type Rule } from '../../rules';
import { lint, json } from '../helpers';

describe('engine robustness', () => {
  const kinds = ['task-definition', 'container-definitions', 'service-definition', 'identity-policy', 'trust-policy', 'endpoint-policy', 'ecr-repository-policy', 'agent-config'] as const;
  const inputs: [string, string][] = [
    ['empty', ''],
    ['truncated', '{"family": "x", "containerDefinitions": [{"name": "a", "privileged": tr'],
    ['binary junk', String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256))],
    ['deep nesting', '['.repeat(10000) + ']'.repeat(10000)],
    ['wrong types', json({ family: 1, networkMode: [], containerDefinitions: { a: 1 }, Statement: 'x', Version: null })],
    ['wrong container types', json({ containerDefinitions: [null, 1, 'x', [], { name: 5, image: {}, privileged: 'true', environment: 'x', linuxParameters: [] }] })],
    ['templated', '{"family": "{{ family }}", "containerDefinitions": [ {{ containers }} ]}'],
  ];
  for (const [name, text] of inputs) {
    it(`never throws on ${name}, in any kind`, () => {
      for (const kind of kinds) {
        const r = lint(text, { kind });
        assert.ok(Array.isArray(r.findings));
        assert.equal(r.findings.filter((f) => f.ruleId === RULE_ERROR_ID).length, 0, `a rule failed on ${name} as ${kind}: ${JSON.stringify(r.findings)}`);
        for (const f of r.findings) assert.ok(f.offset >= 0 && f.offset + f.length <= Math.max(text.length, 1), `${f.ruleId} range out of bounds`);
      }
    });
  }
  it('refuses 10,000-level nesting with one clear finding', () => {
    const r = lint('['.repeat(10000) + ']'.repeat(10000), { kind: 'task-definition' });
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].message, /nests deeper than/);
  });
  it('reports one syntax finding for broken JSON and still runs rules', () => {
    const text = '{"family": "x", "containerDefinitions": [{"name": "a", "privileged": true,, }]';
    const r = lint(text, { fileName: 'taskdef.json' });
    assert.equal(r.findings.filter((f) => f.ruleId === SYNTAX_RULE_ID).length, 1);
    assert.ok(r.findings.some((f) => f.ruleId === 'task/no-privileged'));
  });
  it('lints a 10 MB task definition in bounded time', () => {
    const c = { name: 'c', image: 'nginx:1', essential: true, environment: [{ name: 'A', value: 'b' }] };
    const containers = Array.from({ length: 60000 }, (_, i) => ({ ...c, name: `c${i}` }));
    const text = json({ family: 'big', networkMode: 'awsvpc', containerDefinitions: containers });
    assert.ok(text.length > 10_000_000);
    const t0 = Date.now();
    lint(text);
    assert.ok(Date.now() - t0 < 15000, `took ${Date.now() - t0} ms`);
  });
  it('isolates a rule that throws: one rule-error finding, other rules still report', () => {
    const boom: Rule = { meta: { id: 'test/boom', kinds: ['task-definition'], defaultSeverity: 'error', description: 'throws for the test', references: [], fixable: false }, check() { throw new Error('kaput'); } };
    const ok: Rule = { meta: { id: 'test/ok', kinds: ['task-definition'], defaultSeverity: 'warning', description: 'reports for the test', references: [], fixable: false }, check(ctx) { ctx.report({ message: 'hi', offset: 0, length: 1 }); } };
    const errors: string[] = [];
    const r = new Engine([boom, ok]).lint(json({ family: 'x', containerDefinitions: [] }), { onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['test/boom']);
    assert.deepEqual(r.findings.map((f) => f.ruleId).sort(), [RULE_ERROR_ID, 'test/ok']);
    assert.match(r.findings.find((f) => f.ruleId === RULE_ERROR_ID)!.message, /test\/boom.*kaput/);
  });
  it('applies rule settings: off and severity overrides', () => {
    const text = json({ family: 'x', containerDefinitions: [{ name: 'a', image: 'x', privileged: true }] });
    assert.equal(lint(text, { ruleSettings: { 'task/no-privileged': 'off' } }).findings.filter((f) => f.ruleId === 'task/no-privileged').length, 0);
    assert.equal(lint(text, { ruleSettings: { 'task/no-privileged': 'hint' } }).findings.find((f) => f.ruleId === 'task/no-privileged')!.severity, 'hint');
  });
});
