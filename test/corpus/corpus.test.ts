// The shared corpus (../shared/corpus: real task definitions and policies from public repositories) and reference
// (../shared/reference), development aids beside the repository. A user's clone has neither: then this suite
// registers no test and says so in one line, so nothing is counted as passed (or failed) for want of them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { parseStrict } from '../../rules/core/fast-parse';
import { AGENT_VARIABLES } from '../../rules/agent/variables';
import { lint, REPO_ROOT, SHARED } from '../helpers';
import { CORPUS, corpusPresent } from '../inputs';
import { assertValidSarif } from '../cli/sarif-check';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const SUBS = ['taskdef', 'policy', 'unparsable'];
const TSV = join(SHARED, 'reference', 'ecs-agent-config-variables.tsv');
const corpusFiles = () => SUBS.flatMap((sub) => readdirSync(join(CORPUS, sub)).sort().map((f) => ({ sub, name: f, path: join(CORPUS, sub, f) })));

if (!corpusPresent()) {
  const alsoReference = existsSync(TSV) ? '' : ' (nor ../shared/reference)';
  // eslint-disable-next-line no-console -- the one line this suite prints in a clone without ../shared
  console.log(`corpus suite skipped: ${CORPUS} not found${alsoReference}; a development aid, ECS_LINT_SHARED may point at one`);
}

if (corpusPresent()) describe('shared corpus (development aid)', function () {
  this.timeout(60_000);

  it('every corpus file gets the kind its folder says', () => {
    for (const f of corpusFiles()) {
      const kind = lint(readFileSync(f.path, 'utf8'), { fileName: f.path }).kind;
      // public_repo_policy.json is an ECR repository policy (Principal "*", ecr: actions, no Resource).
      if (f.sub === 'policy') assert.equal(kind, f.name.includes('public_repo_policy') ? 'ecr-repository-policy' : 'identity-policy', f.name);
      else assert.ok(kind === 'task-definition' || kind === 'container-definitions', `${f.name}: ${kind}`);
    }
  });

  it('the CLI lints every corpus file without a crash; unparsable ones get json/syntax-error', () => {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', CORPUS], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    const reported = new Map((JSON.parse(r.stdout).files as any[]).map((f) => [f.path.slice(CORPUS.length + 1), f]));
    for (const { sub, name } of corpusFiles()) {
      const f = reported.get(`${sub}/${name}`);
      assert.ok(f, `${sub}/${name} not reported`);
      assert.equal(f.error, undefined, `${sub}/${name}: ${f.error}`);
      assert.ok(!f.findings.some((x: any) => x.ruleId === 'internal/rule-error'), `${sub}/${name}: a rule threw`);
      if (sub === 'unparsable') assert.ok(f.findings.some((x: any) => x.ruleId === 'json/syntax-error'), `${name}: no syntax finding`);
    }
  });

  it('npm run lint:corpus lints it in text mode', () => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'lint-corpus.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.match(r.stdout, /problems? \(.*\) in \d+ files\n$/);
  });

  it('produces a valid SARIF file for the corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-lint-corpus-'));
    try {
      const out = join(dir, 'corpus.sarif');
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [CLI, '--format', 'sarif', '--output', out, 'corpus'], { cwd: join(CORPUS, '..'), encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const log = JSON.parse(readFileSync(out, 'utf8'));
      assertValidSarif(log);
      assert.ok(log.runs[0].artifacts.every((a: any) => !a.location.uri.startsWith('file:')), 'paths relative to %SRCROOT%');
      // eslint-disable-next-line no-console -- a figure worth seeing
      console.log(`      corpus SARIF: ${log.runs[0].artifacts.length} files, ${log.runs[0].results.length} results in ${Date.now() - t0} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the task definition schema accepts all but the genuinely broken corpus files', async () => {
    const schema = (k: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', `${k}.schema.json`), 'utf8'));
    const broken: string[] = [];
    for (const { sub, name, path } of corpusFiles()) {
      if (sub !== 'taskdef') continue;
      const text = readFileSync(path, 'utf8');
      const kind = text.trimStart().startsWith('[') ? 'container-definitions' : 'task-definition';
      const ls = getLanguageService({});
      ls.configure({ validate: true, schemas: [{ uri: `file:///${kind}.json`, fileMatch: ['*.json'], schema: schema(kind) }] });
      const doc = TextDocument.create('file:///x/doc.json', 'json', 1, text);
      if ((await ls.doValidation(doc, ls.parseJSONDocument(doc), { schemaValidation: 'warning' })).length) broken.push(name);
    }
    // Four real mistakes: an object where portMappings/secretOptions/ulimits need an array, a {{template}} value.
    assert.equal(broken.length, 4, broken.join('\n'));
  });

  it('the strict-JSON fast path takes (almost) every parsable corpus file', () => {
    const accepted = corpusFiles().filter((f) => f.sub !== 'unparsable' && parseStrict(readFileSync(f.path, 'utf8'), 256)).length;
    assert.ok(accepted > 100, `only ${accepted} corpus files took the fast path`);
  });
});

if (existsSync(TSV)) describe('shared reference (development aid)', () => {
  it('the committed ecs.config variable table matches the reference TSV (re-run scripts/gen-agent-vars.mjs when it changes)', () => {
    const rows = readFileSync(TSV, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split('\t'));
    assert.deepEqual(AGENT_VARIABLES.map((v) => [v.name, v.example, v.linuxDefault, v.windowsDefault, v.meaning]), rows);
  });
});
