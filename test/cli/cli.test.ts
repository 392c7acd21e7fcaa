// The CLI end to end: spawns the bundled dist/cli.js on temp files and on the shared corpus.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { SHARED } from '../helpers';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CORPUS = join(SHARED, 'corpus');

interface Out { status: number | null; stdout: string; stderr: string }
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Out {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function cliJson(args: string[]): { status: number | null; files: any[] } {
  const r = cli(['--format', 'json', ...args]);
  return { status: r.status, files: JSON.parse(r.stdout).files };
}

const PRIVILEGED = JSON.stringify({
  family: 'web', networkMode: 'awsvpc',
  containerDefinitions: [{ name: 'app', image: 'nginx', essential: true, privileged: true }],
}, null, 2);
const CLEAN_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/key' }] }, null, 2);

describe('cli', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ecs-lint-cli-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is built', () => assert.ok(existsSync(CLI), `${CLI} missing: run the build`));

  describe('exit codes', () => {
    it('exits 1 when a finding has severity error', () => {
      const f = join(dir, 'taskdef.json');
      writeFileSync(f, PRIVILEGED);
      assert.equal(cli([f]).status, 1);
    });
    it('exits 0 when there is no error finding', () => {
      const f = join(dir, 'policy.json');
      writeFileSync(f, CLEAN_POLICY);
      const r = cliJson([f]);
      assert.equal(r.status, 0);
      assert.ok(r.files[0].findings.every((x: any) => x.severity !== 'error'));
    });
    it('exits 2 for an unknown flag, a bad kind, a bad format, a missing path or no path', () => {
      for (const args of [['--bogus', dir], ['--kind', 'nope', dir], ['--kind'], ['--format', 'xml', dir], [join(dir, 'missing.json')], []]) {
        const r = cli(args);
        assert.equal(r.status, 2, `args ${args.join(' ')}`);
        assert.match(r.stderr, /ecs-lint: /);
        assert.equal(r.stdout, '', 'usage errors go to stderr only');
      }
    });
    it('--help and --version exit 0', () => {
      const h = cli(['--help']);
      assert.equal(h.status, 0);
      assert.match(h.stdout, /Usage: ecs-lint/);
      const v = cli(['--version']);
      assert.equal(v.status, 0);
      assert.match(v.stdout.trim(), /^\d+\.\d+\.\d+/);
    });
  });

  describe('json format', () => {
    it('prints exactly one object with 0-based ranges on the offending key', () => {
      const f = join(dir, 'taskdef.json');
      writeFileSync(f, PRIVILEGED);
      const r = cli(['--format=json', f]);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(out), ['files']);
      assert.equal(out.files.length, 1);
      const file = out.files[0];
      assert.deepEqual(Object.keys(file).sort(), ['findings', 'kind', 'path']);
      assert.equal(file.path, f);
      assert.equal(file.kind, 'task-definition');
      const priv = file.findings.find((x: any) => x.ruleId === 'task/no-privileged');
      assert.ok(priv, 'privileged finding');
      assert.deepEqual(Object.keys(priv).sort(), ['message', 'range', 'ruleId', 'severity']);
      assert.equal(priv.severity, 'error');
      // The range covers `"privileged": true` exactly.
      const line = PRIVILEGED.split('\n').findIndex((l) => l.includes('"privileged"'));
      const character = PRIVILEGED.split('\n')[line].indexOf('"privileged"');
      assert.deepEqual(priv.range.start, { line, character });
      assert.deepEqual(priv.range.end, { line, character: character + '"privileged": true'.length });
    });
    it('--kind forces the kind', () => {
      const f = join(dir, 'whatever.json');
      writeFileSync(f, CLEAN_POLICY);
      assert.equal(cliJson(['--kind', 'identity-policy', f]).files[0].kind, 'identity-policy');
      assert.equal(cliJson(['--kind=endpoint-policy', f]).files[0].kind, 'endpoint-policy');
    });
  });

  describe('directories', () => {
    it('walks directories, reports only recognised candidates, skips node_modules and .git', () => {
      writeFileSync(join(dir, 'task-definition.json'), PRIVILEGED);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
      writeFileSync(join(dir, 'tsconfig.json'), '{ "compilerOptions": {} }');
      writeFileSync(join(dir, 'notes.txt'), PRIVILEGED);
      mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'pkg', 'taskdef.json'), PRIVILEGED);
      mkdirSync(join(dir, '.git'));
      writeFileSync(join(dir, '.git', 'taskdef.json'), PRIVILEGED);
      mkdirSync(join(dir, 'infra'));
      writeFileSync(join(dir, 'infra', 'ecs.config'), 'ECS_CLUSTER=prod\n');
      const r = cliJson([dir]);
      assert.deepEqual(r.files.map((f) => basename(f.path)).sort(), ['ecs.config', 'task-definition.json']);
      assert.equal(r.files.find((f) => basename(f.path) === 'ecs.config').kind, 'agent-config');
    });
    it('never crashes on binary, huge, empty or non-JSON candidates and keeps going', () => {
      writeFileSync(join(dir, 'a-binary.json'), Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x00]));
      writeFileSync(join(dir, 'b-huge-taskdef.json'), '{"family":"x","containerDefinitions":[' + ' '.repeat(5200 * 1024) + ']}');
      writeFileSync(join(dir, 'c-empty-taskdef.json'), '');
      writeFileSync(join(dir, 'd-truncated-taskdef.json'), PRIVILEGED.slice(0, 60));
      writeFileSync(join(dir, 'e-null.json'), 'null');
      writeFileSync(join(dir, 'z-taskdef.json'), PRIVILEGED);
      const r = cliJson([dir]);
      assert.equal(r.status, 2, 'walked files that could not be linted fail the run (fail closed)');
      const byName = new Map(r.files.map((f) => [basename(f.path), f]));
      assert.match(byName.get('a-binary.json').error, /binary/);
      assert.match(byName.get('b-huge-taskdef.json').error, /larger than/);
      assert.ok(byName.get('d-truncated-taskdef.json').findings.some((f: any) => f.ruleId === 'json/syntax-error'));
      assert.ok(byName.get('z-taskdef.json').findings.some((f: any) => f.ruleId === 'task/no-privileged'), 'files after the bad ones are still linted');
    });
    it('lints a file named twice (or also inside a named directory) once', () => {
      const f = join(dir, 'taskdef.json');
      writeFileSync(f, PRIVILEGED);
      assert.equal(cliJson([f, dir, f]).files.length, 1);
    });
    it('reports an explicitly named file even when its kind is unknown', () => {
      const f = join(dir, 'package.json');
      writeFileSync(f, '{"name":"x"}');
      const r = cliJson([f]);
      assert.equal(r.status, 0);
      assert.deepEqual(r.files, [{ path: f, kind: 'unknown', findings: [] }]);
      assert.match(cli([f]).stdout, /not recognised/);
    });
    it('exits 2 when an explicitly named file cannot be linted', () => {
      const f = join(dir, 'bin-taskdef.json');
      writeFileSync(f, Buffer.from([0, 1, 2]));
      const r = cli([f]);
      assert.equal(r.status, 2);
      assert.match(r.stdout, /skipped: binary file/);
    });
  });

  describe('text format', () => {
    it('prints path:line:col severity message [ruleId] with 1-based positions and a summary', () => {
      const f = join(dir, 'taskdef.json');
      writeFileSync(f, PRIVILEGED);
      const r = cli([f]);
      const lines0 = PRIVILEGED.split('\n');
      const line = lines0.findIndex((l) => l.includes('"privileged"')) + 1;
      const col = lines0[line - 1].indexOf('"privileged"') + 1;
      const lines = r.stdout.trimEnd().split('\n');
      const hit = lines.find((l) => l.endsWith('[task/no-privileged]'));
      assert.ok(hit, r.stdout);
      assert.ok(hit!.startsWith(`${f}:${line}:${col} error `), hit);
      assert.match(lines[lines.length - 1], /^\d+ problems? \(\d+ errors?, .*\) in 1 file$/);
      assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colours when stdout is not a TTY');
    });
    it('colours output on a terminal unless NO_COLOR is set', function () {
      // util-linux `script` gives the CLI a pseudo-terminal as stdout.
      if (spawnSync('script', ['--version']).status !== 0) this.skip();
      const f = join(dir, 'taskdef.json');
      writeFileSync(f, PRIVILEGED);
      const onTty = (env: NodeJS.ProcessEnv) => spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" "${f}"`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env } }).stdout;
      assert.match(onTty({ NO_COLOR: '' }), /\x1b\[31merror\x1b\[0m/);
      assert.doesNotMatch(onTty({ NO_COLOR: '1' }), /\x1b\[/);
    });
    it('prints a clean summary for a clean file', () => {
      const f = join(dir, 'taskdef.json');
      writeFileSync(f, JSON.stringify({ family: 'x', networkMode: 'awsvpc', containerDefinitions: [] }));
      const r = cli(['--format', 'text', f]);
      assert.match(r.stdout, /in 1 file\n$/);
    });
  });

  describe('shared corpus', function () {
    before(function () { if (!existsSync(CORPUS)) this.skip(); });

    it('lints every corpus file without a crash and detects each kind', function () {
      this.timeout(60000);
      const r = cli(['--format', 'json', CORPUS]);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      const files: any[] = JSON.parse(r.stdout).files;
      const reported = new Map(files.map((f) => [f.path.slice(CORPUS.length + 1), f]));
      for (const sub of ['taskdef', 'policy', 'unparsable']) {
        for (const name of readdirSync(join(CORPUS, sub))) {
          const f = reported.get(`${sub}/${name}`);
          assert.ok(f, `${sub}/${name} not reported`);
          assert.equal(f.error, undefined, `${sub}/${name}: ${f.error}`);
          assert.ok(!f.findings.some((x: any) => x.ruleId === 'internal/rule-error'), `${sub}/${name}: a rule threw: ${JSON.stringify(f.findings)}`);
          if (sub === 'taskdef') assert.ok(['task-definition', 'container-definitions'].includes(f.kind), `${name}: ${f.kind}`);
          // One policy is an ECR public repository policy (Principal "*", only ecr: actions); detection is right.
          if (sub === 'policy') assert.equal(f.kind, /repo_policy/.test(name) ? 'ecr-repository-policy' : 'identity-policy', name);
          if (sub === 'unparsable') {
            assert.equal(f.kind, 'task-definition', name);
            assert.ok(f.findings.some((x: any) => x.ruleId === 'json/syntax-error'), `${name}: no syntax finding`);
          }
        }
      }
    });
    it('runs the README command (npm run lint:corpus: the CLI on the located corpus) in text mode', () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'lint-corpus.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.match(r.stdout, /problems? \(.*\) in \d+ files\n$/);
    });
  });
});
