// The CLI as an npm package: `npm pack` makes a tarball whose `ecs-lint` runs with nothing but Node. It is installed
// offline into an empty folder (nothing else may be pulled in) and run there, as users and the pre-commit hook do.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers';
import { EXAMPLES } from '../inputs';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Offline for everything npm does here; no audit, funding or update checks either.
const NPM_ENV = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const example = (name: string) => join(EXAMPLES, name);

describe('npm package (packed CLI installed offline)', function () {
  this.timeout(120_000);
  let work: string, app: string, tarball: string;
  let files: string[];

  const npm = (args: string[], cwd: string): SpawnSyncReturns<string> => spawnSync(NPM, args, { cwd, encoding: 'utf8', env: NPM_ENV, shell: process.platform === 'win32' });
  /** `npx --offline ecs-lint ...` in the install folder. */
  const ecsLint = (args: string[]) => npm(['exec', '--offline', '--no', '--', 'ecs-lint', ...args], app);

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'ecs-lint-pack-'));
    app = join(work, 'app');
    // dist/ is already built by the test runner: no prepack build here.
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO_ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout);
    tarball = join(work, info.filename);
    files = info.files.map((f: { path: string }) => f.path);
    mkdirSync(app);
    const installed = npm(['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], app);
    assert.equal(installed.status, 0, installed.stderr);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('packs the CLI bundle, the rule docs, the schemas, README, LICENSE and CHANGELOG; nothing else', () => {
    const unexpected = files.filter((f) => !/^(dist\/cli\.js|dist\/tree-sitter(-terraform)?\.wasm|rules\/docs\/.+\.md|schemas\/[^/]+\.schema\.json|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(f));
    assert.deepEqual(unexpected, []);
    for (const f of ['dist/cli.js', 'dist/tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm', 'rules/docs/task/no-privileged.md', 'rules/docs/json/syntax-error.md', 'schemas/task-definition.schema.json', 'schemas/ecslintrc.schema.json', 'LICENSE', 'README.md']) {
      assert.ok(files.includes(f), `${f} missing from the tarball`);
    }
    assert.ok(statSync(tarball).size < 2_000_000, `tarball ${statSync(tarball).size} bytes`);
  });

  it('installs with no dependency at all (every runtime module is bundled)', () => {
    assert.equal(pkg.dependencies, undefined, 'runtime dependencies would be installed with the package');
    assert.deepEqual(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.')), ['ecs-security-lint']);
    const bundle = readFileSync(join(app, 'node_modules', 'ecs-security-lint', 'dist', 'cli.js'), 'utf8');
    const required = [...new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];
    const { builtinModules } = require('node:module') as { builtinModules: string[] };
    assert.deepEqual(required.filter((m) => !builtinModules.includes(m.replace(/^node:/, ''))), [], 'the bundle requires only Node built-ins');
  });

  it('ecs-lint --version prints the package version', () => {
    const r = ecsLint(['--version']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^${pkg.version.replace(/\./g, '\\.')}\\n`));
  });

  it('lints an example: exit 1 with findings, 0 when clean, 2 for a missing file; JSON output keeps its contract', () => {
    const bad = ecsLint(['--format', 'json', example('task-definition/bad-register.json')]);
    assert.equal(bad.status, 1, bad.stderr);
    const report = JSON.parse(bad.stdout);
    assert.equal(report.files.length, 1);
    const [file] = report.files;
    assert.equal(file.kind, 'task-definition');
    const priv = file.findings.find((f: any) => f.ruleId === 'task/no-privileged');
    assert.equal(priv.severity, 'error');
    assert.equal(typeof priv.message, 'string');
    assert.deepEqual(Object.keys(priv.range), ['start', 'end']);
    assert.ok(Number.isInteger(priv.range.start.line) && Number.isInteger(priv.range.start.character));
    assert.equal(ecsLint([example('task-definition/good-register.json')]).status, 0);
    // Terraform: the grammar (WebAssembly beside dist/cli.js) loads from the installed package.
    const tf = ecsLint(['--format', 'json', example('terraform/bad-module/main.tf')]);
    assert.equal(tf.status, 1, tf.stderr);
    const tfIds = JSON.parse(tf.stdout).files[0].findings.map((f: any) => f.ruleId);
    assert.ok(tfIds.includes('task/no-privileged') && !tfIds.some((id: string) => id.startsWith('internal/')), tfIds.join());
    assert.equal(ecsLint([join(app, 'missing.json')]).status, 2);
  });

  it('--explain prints the bundled docs page from the installed package', () => {
    const r = ecsLint(['--explain', 'task/no-privileged']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, readFileSync(join(REPO_ROOT, 'rules', 'docs', 'task', 'no-privileged.md'), 'utf8'));
    assert.match(ecsLint(['--explain', 'json/syntax-error']).stdout, /^# json\/syntax-error\n/);
  });

  describe('pre-commit hook (.pre-commit-hooks.yaml) over the installed package', () => {
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; args?: string[]; pass_filenames?: boolean }[];
    const hook = hooks.find((h) => h.id === 'ecs-lint')!;
    /** What pre-commit runs: the entry (a bin of the installed package, on PATH), the args, then the file names. */
    const runHook = (names: string[]) => spawnSync(hook.entry, [...(hook.args ?? []), ...names], {
      cwd: EXAMPLES, encoding: 'utf8', env: { ...process.env, PATH: `${join(app, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` },
    });

    it('is a node hook over the package bin, passing file names', () => {
      assert.equal(hook.language, 'node');
      assert.equal(hook.entry, Object.keys(pkg.bin)[0]);
      assert.equal(hook.pass_filenames, true);
    });

    it('selects every kind of file ecs-lint reads, and not the others', () => {
      const re = new RegExp(hook.files);
      for (const n of ['examples/task-definition/bad-register.json', 'infra/stack.yaml', 'stack.yml', 'main.tf', 'user-data.sh', 'etc/ecs/ecs.config', 'prod.ecs.config', 'x.jsonc']) assert.ok(re.test(n), n);
      for (const n of ['README.md', 'main.tfvars', 'ecs.config.bak', 'src/app.ts', 'ecs-config']) assert.ok(!re.test(n), n);
    });

    it('npm pack, prepack build included, prints only the tarball name (pre-commit installs from that line)', function () {
      this.timeout(120_000);
      const dest = join(work, 'with-scripts');
      mkdirSync(dest);
      const r = npm(['pack', '--pack-destination', dest], REPO_ROOT);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), `${pkg.name}-${pkg.version}.tgz`);
      assert.deepEqual(readdirSync(dest), [`${pkg.name}-${pkg.version}.tgz`]);
    });

    it('fails the commit on bad files and passes clean ones', () => {
      const bad = runHook(['task-definition/bad-register.json', 'agent-config/bad.ecs.config', 'terraform/bad-module/main.tf']);
      assert.equal(bad.status, 1, bad.stderr);
      assert.match(bad.stdout, /\[task\/no-privileged\]/);
      assert.match(bad.stdout, /in 3 files\n$/);
      const good = runHook(['task-definition/good-register.json', 'cloudformation/good-stack.yaml', 'terraform/good-module/main.tf', 'agent-config/good-user-data.sh']);
      assert.equal(good.status, 0, good.stdout + good.stderr);
    });
  });
});
