// The core sits at the bottom: rules/core imports neither the hosts nor the deployment model and rules, which sit
// above it (the engine gets the host linter by injection, registered in rules/index.ts).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers';

const IMPORT = /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('layering', () => {
  const core = join(REPO_ROOT, 'rules', 'core');
  const files = readdirSync(core).filter((f) => f.endsWith('.ts'));
  it('finds the core sources', () => assert.ok(files.length >= 5));
  for (const f of files) {
    it(`rules/core/${f} imports nothing from rules/hosts or rules/deployment`, () => {
      const bad = imports(join(core, f)).filter((s) => /(^|\/)(hosts|deployment)(\/|$)/.test(s) && s.startsWith('.'));
      assert.deepEqual(bad, []);
    });
  }
  it('the hosts do not import the deployment rules (data flows one way)', () => {
    const hosts = join(REPO_ROOT, 'rules', 'hosts');
    const all = readdirSync(hosts, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    const bad = all.flatMap((f) => imports(join(hosts, f)).filter((s) => /(^|\/)deployment(\/|$)/.test(s)).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
  });
});
