// examples/ is the README's first command and the project's own test input, so it must say what it does: every bad
// file gives exactly the findings examples/README.md names, every clean file none (scripts/examples-contract.cjs).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../rules';
import { PSEUDO_RULES } from '../../cli/cli';
import { REPO_ROOT } from '../helpers';
import { EXAMPLES, examples } from '../inputs';

const contract = require(join(REPO_ROOT, 'scripts', 'examples-contract.cjs')) as {
  expectedFindings(dir: string): Map<string, string[]>;
  actualFindings(report: unknown, dir: string, cwd: string): Map<string, string[]>;
  compare(expected: Map<string, string[]>, actual: Map<string, string[]>): string[];
  parseRuleList(cell: string): string[];
};
const CLI = join(REPO_ROOT, 'dist', 'cli.js');

describe('examples/', () => {
  const expected = contract.expectedFindings(EXAMPLES);
  let report: { files: { path: string; kind: string; findings: { ruleId: string }[] }[] };
  let status: number | null;
  before(function () {
    this.timeout(30_000);
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'examples'], { cwd: REPO_ROOT, encoding: 'utf8' });
    status = r.status;
    report = JSON.parse(r.stdout);
  });

  it('holds every kind and host, each bad file with a clean counterpart', () => {
    const names = examples().map((f) => f.name);
    assert.deepEqual(names.filter((n) => !expected.has(n)), [], 'files missing from the examples/README.md table');
    const kinds = new Set(report.files.map((f) => f.kind));
    for (const k of ['task-definition', 'container-definitions', 'service-definition', 'identity-policy', 'trust-policy', 'endpoint-policy', 'ecr-repository-policy', 'agent-config', 'cloudformation', 'terraform']) {
      assert.ok(kinds.has(k), `no example of ${k}`);
    }
    for (const bad of names.filter((n) => /(^|\/)bad[-.]/.test(n))) {
      assert.ok(names.includes(bad.replace(/(^|\/)bad([-.])/, '$1good$2')), `${bad} has no clean counterpart`);
    }
    for (const ext of ['.json', '.yaml', '.tf', '.sh', '.ecs.config']) assert.ok(names.some((n) => n.endsWith(ext)), ext);
    assert.ok(names.filter((n) => n.startsWith('terraform/bad-module/')).length >= 3, 'the Terraform module has several files');
  });

  it('names only rules that exist', () => {
    const known = new Set([...allRules.map((r) => r.meta.id), ...PSEUDO_RULES.map((m) => m.id)]);
    const unknown = [...expected.values()].flat().filter((id) => !known.has(id));
    assert.deepEqual(unknown, []);
  });

  it('every file gives exactly the findings examples/README.md names: bad files theirs, clean files none', () => {
    assert.equal(status, 1, 'the bad examples hold errors');
    assert.deepEqual(contract.compare(expected, contract.actualFindings(report, EXAMPLES, REPO_ROOT)), []);
    const good = [...expected].filter(([name]) => name.includes('good'));
    assert.ok(good.length >= 14 && good.every(([, ids]) => ids.length === 0), 'clean files expect no finding');
    // A bad file, or a bad module (folder) as a whole, names at least one finding.
    const badUnits = new Map<string, number>();
    for (const [name, ids] of expected) {
      const unit = /^(.*?(?:^|\/)bad[-.][^/]*)/.exec(name)?.[1];
      if (unit) badUnits.set(unit, (badUnits.get(unit) ?? 0) + ids.length);
    }
    assert.ok(badUnits.size >= 14, `${badUnits.size} bad files and modules`);
    assert.deepEqual([...badUnits].filter(([, n]) => n === 0), [], 'every bad file or module names its findings');
  });

  it('the comparison reports missing, extra and unlisted findings (so the contract can fail)', () => {
    const want = new Map([['a.json', ['task/no-privileged']], ['b.json', []]]);
    assert.deepEqual(contract.compare(want, new Map([['a.json', ['task/no-privileged']], ['b.json', []]])), []);
    assert.equal(contract.compare(want, new Map([['a.json', []], ['b.json', []]])).length, 1);
    assert.equal(contract.compare(want, new Map([['a.json', ['task/no-privileged']], ['b.json', ['iam/version']]])).length, 1);
    assert.equal(contract.compare(want, new Map([['a.json', ['task/no-privileged']], ['b.json', []], ['c.json', []]])).length, 1);
    assert.equal(contract.compare(want, new Map([['a.json', ['task/no-privileged']]])).length, 1);
    assert.deepEqual(contract.parseRuleList('`task/image-pinned` ×2, `iam/version`'), ['iam/version', 'task/image-pinned', 'task/image-pinned']);
    assert.deepEqual(contract.parseRuleList('—'), []);
  });

  it('npm run lint:examples (the README\'s first command) prints the findings and exits 0 when they match', function () {
    this.timeout(30_000);
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'lint-examples.mjs')], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, r.stderr + r.stdout.slice(-500));
    assert.match(r.stdout, /^examples\/task-definition\/bad-register\.json:\d+:\d+ error .*\[task\/no-privileged\]$/m);
    assert.match(r.stdout, new RegExp(`^\\d+ problems \\(\\d+ errors, \\d+ warnings, \\d+ info, 0 hints\\) in ${expected.size} files$`, 'm'));
    assert.match(r.stdout, /lint:examples: as expected/);
    // The README quotes the summary line a newcomer sees.
    const summary = /^\d+ problems \(.*\) in \d+ files$/m.exec(r.stdout)![0];
    assert.ok(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ').includes(summary), `README.md does not quote "${summary}"`);
  });
});
