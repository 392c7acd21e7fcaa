// The CLI end to end: spawns the bundled dist/cli.js on temp files (examples/: test/cli/examples.test.ts; the shared
// corpus, when present: test/corpus).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

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
      // Shell scripts: reported when they write ecs.config (EC2 user data), not otherwise.
      writeFileSync(join(dir, 'infra', 'user-data.sh'), '#!/bin/bash\necho "ECS_CLUSTER=prod" >> /etc/ecs/ecs.config\n');
      writeFileSync(join(dir, 'build.sh'), '#!/bin/sh\nnpm ci\n');
      const r = cliJson([dir]);
      assert.deepEqual(r.files.map((f) => basename(f.path)).sort(), ['ecs.config', 'task-definition.json', 'user-data.sh']);
      assert.equal(r.files.find((f) => basename(f.path) === 'user-data.sh').kind, 'agent-config');
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
});
