// The contributed snippets, with every placeholder at its default, produce documents our own rules accept.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../helpers';
import type { DocumentKind } from '../../rules';

const ROOT = join(__dirname, '..', '..', '..');
const SNIPPETS = JSON.parse(readFileSync(join(ROOT, 'snippets', 'ecs-security.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;

/** Expand a snippet body as VS Code does when every placeholder keeps its default (first choice, empty tab stop). */
function expandDefaults(body: string[]): string {
  return body.join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '');
}

// Fragments are placed where they belong: a container into a task definition, a statement into a policy.
const CASES: Record<string, { kind: DocumentKind; wrap: (body: string) => string }> = {
  'ecs-container-secure': { kind: 'task-definition', wrap: (b) => `{"family": "app", "networkMode": "awsvpc", "requiresCompatibilities": ["EC2"], "containerDefinitions": [${b}]}` },
  'iam-task-role-statement': { kind: 'identity-policy', wrap: (b) => `{"Version": "2012-10-17", "Statement": [${b}]}` },
  'iam-ecs-trust-policy': { kind: 'trust-policy', wrap: (b) => b },
  'ecr-endpoint-policy': { kind: 'endpoint-policy', wrap: (b) => b },
};

describe('fields: snippets pass our own rules', () => {
  it('every snippet has a test case (and every case a snippet)', () => {
    assert.deepEqual(Object.values(SNIPPETS).map((s) => s.prefix).sort(), Object.keys(CASES).sort());
  });
  for (const [name, s] of Object.entries(SNIPPETS)) {
    it(`${name}: zero findings with default placeholders`, () => {
      const c = CASES[s.prefix];
      const text = c.wrap(expandDefaults(s.body));
      JSON.parse(text); // valid JSON once expanded
      const r = lint(text, { kind: c.kind, fileName: 'snippet.json' });
      assert.deepEqual(r.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  }
  it('the check is real: the container snippet without its hardening is flagged', () => {
    const s = Object.values(SNIPPETS).find((x) => x.prefix === 'ecs-container-secure')!;
    const weak = expandDefaults(s.body).replace('"readonlyRootFilesystem": true', '"readonlyRootFilesystem": false');
    const r = lint(CASES['ecs-container-secure'].wrap(weak), { kind: 'task-definition', fileName: 'snippet.json' });
    assert.ok(r.findings.some((f) => f.ruleId === 'task/readonly-root-filesystem'));
  });
});
