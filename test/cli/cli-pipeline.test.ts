// The CLI for pipelines, end to end (spawns dist/cli.js): exit codes for every path, formats, --stdin, --list-rules,
// --explain, --output, baselines, config files, and the key promise: the editor and the CLI report the same findings.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../lsp/client';
import { assertValidSarif, validatedWith } from './sarif-check';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

interface Out { status: number | null; stdout: string; stderr: string }
function cli(args: string[], opts: { cwd?: string; input?: string } = {}): Out {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT, input: opts.input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (v: unknown) => JSON.stringify(v, null, 2);
/** One error (privileged) plus warnings and info from the default rules. */
const PRIVILEGED = json({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', image: 'nginx:1.27', essential: true, privileged: true }] });
/** Warnings and info only (no error-severity finding). */
const WARNINGS_ONLY = json({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', image: 'nginx:1.27', essential: true }] });

describe('cli for pipelines', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ecs-lint-pipe-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer) => { const p = join(dir, name); writeFileSync(p, text); return p; };
  const findingsOf = (r: Out) => JSON.parse(r.stdout).files.flatMap((f: any) => f.findings);

  describe('exit codes', () => {
    it('0 for a clean run and for findings below --fail-on; 1 at or above it', () => {
      const w = file('taskdef.json', WARNINGS_ONLY);
      const r = cli(['--format', 'json', w], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const sev = findingsOf(r).map((f: any) => f.severity);
      assert.ok(sev.includes('warning') && !sev.includes('error'), sev.join());
      assert.equal(cli(['--fail-on', 'warning', w], { cwd: dir }).status, 1);
      assert.equal(cli(['--fail-on', 'info', w], { cwd: dir }).status, 1);
      assert.equal(cli([file('clean-policy.json', json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/key' }] }))], { cwd: dir }).status, 0);
      assert.equal(cli([file('p-taskdef.json', PRIVILEGED)], { cwd: dir }).status, 1);
    });
    it('--max-warnings N fails only above N; --quiet drops warnings first', () => {
      const w = file('taskdef.json', WARNINGS_ONLY);
      const warnings = findingsOf(cli(['--format', 'json', w], { cwd: dir })).filter((f: any) => f.severity === 'warning').length;
      assert.ok(warnings >= 1);
      assert.equal(cli(['--max-warnings', String(warnings), w], { cwd: dir }).status, 0);
      assert.equal(cli(['--max-warnings', String(warnings - 1), w], { cwd: dir }).status, 1);
      const quiet = cli(['--quiet', '--max-warnings', '0', '--format', 'json', w], { cwd: dir });
      assert.equal(quiet.status, 0);
      assert.deepEqual(findingsOf(quiet), []);
    });
    it('2 for usage errors, with a suggestion for an unknown --rule id', () => {
      const w = file('taskdef.json', WARNINGS_ONLY);
      for (const args of [['--format', 'xml', w], ['--fail-on', 'never', w], ['--max-warnings', 'x', w], ['--rule', 'task/no-privilegd=off', w], ['--bogus']]) {
        const r = cli(args, { cwd: dir });
        assert.equal(r.status, 2, args.join(' '));
        assert.equal(r.stdout, '');
      }
      assert.match(cli(['--rule', 'task/no-privilegd=off', w]).stderr, /did you mean "task\/no-privileged"/);
    });
    it('2 for a broken config file, a missing --config or --baseline, and an unreadable named file', () => {
      const w = file('taskdef.json', PRIVILEGED);
      file('.ecslintrc.json', '{ "rules": { "task/no-privileged": "loud" } }');
      const broken = cli([w], { cwd: dir });
      assert.equal(broken.status, 2, broken.stdout + broken.stderr);
      assert.match(broken.stderr, /config error: .*\.ecslintrc\.json/);
      rmSync(join(dir, '.ecslintrc.json'));
      assert.equal(cli(['--config', join(dir, 'nope.json'), w]).status, 2);
      assert.equal(cli(['--baseline', join(dir, 'nope.json'), w]).status, 2);
      file('garbage-baseline.json', '{ "version": 99 }');
      assert.match(cli(['--baseline', join(dir, 'garbage-baseline.json'), w]).stderr, /unsupported baseline version/);
      const bin = file('bin-taskdef.json', Buffer.from([0x7b, 0, 1]));
      assert.equal(cli([bin, w]).status, 2, 'a read error wins over findings');
      assert.equal(cli(['--output', join(dir, 'no-such-dir', 'out.txt'), w]).status, 2);
    });
  });

  describe('rules and configuration', () => {
    it('--rule overrides severities and config files; --no-config ignores them', () => {
      const w = file('taskdef.json', PRIVILEGED);
      file('.ecslintrc.json', json({ rules: { 'task/no-privileged': 'warning' } }));
      const sevOf = (r: Out) => findingsOf(r).find((f: any) => f.ruleId === 'task/no-privileged')?.severity;
      assert.equal(sevOf(cli(['--format', 'json', w])), 'warning', 'the config file applies');
      assert.equal(sevOf(cli(['--format', 'json', '--no-config', w])), 'error');
      assert.equal(sevOf(cli(['--format', 'json', '--rule', 'task/no-privileged=info', w])), 'info', 'CLI flags win');
      assert.equal(sevOf(cli(['--format', 'json', '--rule', 'task/no-privileged=off', w])), undefined);
      const other = file('other.json', json({ rules: { 'task/no-privileged': 'hint' } }));
      assert.equal(sevOf(cli(['--format', 'json', '--config', other, w])), 'hint');
    });
    it('--print-config shows the resolved configuration and its sources', () => {
      const w = file('taskdef.json', PRIVILEGED);
      file('.ecslintrc.json', json({ rules: { 'task/no-privileged': 'warning' } }));
      const r = cli(['--print-config', w, '--rule', 'task/image-pinned=off']);
      assert.equal(r.status, 0, r.stderr);
      const c = JSON.parse(r.stdout);
      assert.deepEqual(c.sources, [join(dir, '.ecslintrc.json')]);
      assert.equal(c.rules['task/no-privileged'].severity, 'warning');
      assert.equal(c.rules['task/image-pinned'].from, 'cli');
    });
    it('reports config ignores that suppressed nothing, in the config file', () => {
      const w = file('taskdef.json', PRIVILEGED);
      file('.ecslintrc.json', json({ ignores: [
        { rule: 'task/no-privileged', at: 'app', reason: 'the CNI plugin needs it' },
        { rule: 'task/non-root-user', at: 'no-such-container', reason: 'old entry' },
      ] }));
      const r = cli(['--format', 'json', w]);
      const files = JSON.parse(r.stdout).files;
      const task = files.find((f: any) => f.path === w);
      assert.ok(!task.findings.some((f: any) => f.ruleId === 'task/no-privileged'));
      assert.deepEqual(task.suppressed.filter((s: any) => s.ruleId === 'task/no-privileged').map((s: any) => [s.by, s.reason]), [['config', 'the CNI plugin needs it']]);
      const cfg = files.find((f: any) => f.path.endsWith('.ecslintrc.json'));
      assert.ok(cfg, JSON.stringify(files.map((f: any) => f.path)));
      assert.deepEqual(cfg.findings.map((f: any) => [f.ruleId, f.severity]), [['config/unused-ignore', 'warning']]);
      assert.match(cfg.findings[0].message, /no-such-container/);
      assert.equal(cfg.findings[0].range.start.line, readFileSync(join(dir, '.ecslintrc.json'), 'utf8').split('\n').findIndex((l) => l.includes('task/non-root-user')) - 1);
      assert.match(cli([w]).stdout, /\.ecslintrc\.json:\d+:\d+ warning .*\[config\/unused-ignore\]/, 'shown in text output too');
      assert.equal(cli(['--format', 'json', '--rule', 'config/unused-ignore=off', w]).stdout.includes('unused-ignore'), false);
    });
    it('skips files matched by ignorePatterns, even when named', () => {
      const w = file('legacy-taskdef.json', PRIVILEGED);
      file('.ecslintrc.json', json({ ignorePatterns: ['legacy-*.json'] }));
      const r = cli(['--format', 'json', w, dir]);
      assert.equal(r.status, 0, r.stdout);
      assert.deepEqual(JSON.parse(r.stdout).files, []);
    });
  });

  describe('stdin, --list-rules, --explain, --output', () => {
    it('--stdin lints standard input under --stdin-filename', () => {
      const r = cli(['--stdin', '--stdin-filename', 'deploy/taskdef.json', '--format', 'json'], { input: PRIVILEGED, cwd: dir });
      assert.equal(r.status, 1);
      const f = JSON.parse(r.stdout).files[0];
      assert.equal(f.path, 'deploy/taskdef.json');
      assert.equal(f.kind, 'task-definition');
      assert.ok(f.findings.some((x: any) => x.ruleId === 'task/no-privileged'));
      const anon = cli(['--stdin', '--kind', 'trust-policy', '--format', 'json'], { input: '{"Version":"2012-10-17","Statement":[]}', cwd: dir });
      assert.equal(JSON.parse(anon.stdout).files[0].path, '<stdin>');
      assert.equal(JSON.parse(anon.stdout).files[0].kind, 'trust-policy');
    });
    it('--list-rules prints id, default severity, kinds and description (text and JSON)', () => {
      const t = cli(['--list-rules']);
      assert.equal(t.status, 0);
      assert.match(t.stdout, /^task\/no-privileged\s+error\s+task-definition,container-definitions$/m);
      const j = JSON.parse(cli(['--list-rules', '--format', 'json']).stdout);
      const priv = j.find((r: any) => r.id === 'task/no-privileged');
      assert.equal(priv.defaultSeverity, 'error');
      assert.ok(priv.description.length > 10);
    });
    it('--explain prints the bundled docs page from any working directory', () => {
      const r = cli(['--explain', 'task/no-privileged'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, readFileSync(join(ROOT, 'rules', 'docs', 'task', 'no-privileged.md'), 'utf8'));
      const bad = cli(['--explain', '../../etc/passwd']);
      assert.equal(bad.status, 2);
      assert.equal(bad.stdout, '');
    });
    it('--explain works from a packaged layout (only dist/cli.js and rules/docs, as in the .vsix)', () => {
      const pkg = join(dir, 'extension');
      cpSync(CLI, join(pkg, 'dist', 'cli.js'));
      cpSync(join(ROOT, 'rules', 'docs'), join(pkg, 'rules', 'docs'), { recursive: true });
      const r = spawnSync(process.execPath, [join(pkg, 'dist', 'cli.js'), '--explain', 'iam/wildcard-action'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^# iam\/wildcard-action/);
    });
    it('--output writes the report to a file and nothing to stdout', () => {
      const w = file('taskdef.json', PRIVILEGED);
      const out = join(dir, 'report.txt');
      const r = cli(['--output', out, w]);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(readFileSync(out, 'utf8'), /\[task\/no-privileged\]/);
    });
  });

  describe('formats end to end', () => {
    it('sarif: valid, with artifact URIs relative to the working directory', () => {
      file('taskdef.json', PRIVILEGED);
      const r = cli(['--format', 'sarif', '.'], { cwd: dir });
      assert.equal(r.status, 1, r.stderr);
      const log = JSON.parse(r.stdout);
      assertValidSarif(log);
      const res = log.runs[0].results.find((x: any) => x.ruleId === 'task/no-privileged');
      assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'taskdef.json', uriBaseId: '%SRCROOT%', index: 0 });
      assert.match(res.partialFingerprints['ecsLintFingerprint/v1'], /^[0-9a-f]{16}$/);
      // package.json names the repository: help URIs point at the docs page there, which exists in this checkout.
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      const rule = log.runs[0].tool.driver.rules.find((x: any) => x.id === 'task/no-privileged');
      assert.equal(rule.helpUri, `${pkg.repository.url.replace(/\.git$/, '')}/blob/main/rules/docs/task/no-privileged.md`);
      assert.ok(existsSync(join(ROOT, rule.helpUri.replace(/^.*\/blob\/main\//, ''))));
    });
    it('sarif: directives in YAML and Terraform and template Metadata are inSource suppressions; bad ones are results', () => {
      file('template.yaml', [
        'AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  TaskDef:', '    Type: AWS::ECS::TaskDefinition', '    Properties:',
        '      ContainerDefinitions:', '        - Name: web', '          Image: nginx:1.27',
        '          # ecs-lint-disable-next-line task/no-privileged -- yaml reason', '          Privileged: true', '',
      ].join('\n'));
      file('main.tf', [
        'resource "aws_ecs_task_definition" "web" {', '  family = "app"', '  container_definitions = jsonencode([{',
        '    name = "web"', '    image = "nginx:1.27"', '    privileged = true # ecs-lint-disable-line task/no-privileged -- tf reason',
        '    # ecs-lint-disable-next-line task/no-host-pid -- nothing here', '    essential = true', '  }])', '}', '',
      ].join('\n'));
      file('template.json', json({ Resources: { TaskDef: {
        Type: 'AWS::ECS::TaskDefinition',
        Metadata: { 'ecs-lint': { suppress: [{ id: 'task/no-privileged', reason: 'json reason' }, { id: 'task/no-privileged' }] } },
        Properties: { ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Privileged: true }] },
      } } }));
      const r = cli(['--format', 'sarif', '.'], { cwd: dir });
      const log = JSON.parse(r.stdout);
      assertValidSarif(log);
      const results = log.runs[0].results;
      const uri = (x: any) => x.locations[0].physicalLocation.artifactLocation.uri;
      const privileged = results.filter((x: any) => x.ruleId === 'task/no-privileged');
      assert.deepEqual(privileged.map((x: any) => [uri(x), x.suppressions?.[0].kind, x.suppressions?.[0].justification]).sort(),
        [['main.tf', 'inSource', 'tf reason'], ['template.json', 'inSource', 'json reason'], ['template.yaml', 'inSource', 'yaml reason']]);
      const unused = results.filter((x: any) => x.ruleId === 'config/unused-ignore');
      assert.deepEqual(unused.map((x: any) => [uri(x), x.locations[0].physicalLocation.region.startLine, x.suppressions]), [['main.tf', 7, undefined]]);
      const invalid = results.filter((x: any) => x.ruleId === 'config/invalid-directive');
      assert.deepEqual(invalid.map(uri), ['template.json']);
      assert.match(invalid[0].message.text, /needs a reason/);
    });
    it('junit and github print their formats for a real run', () => {
      file('taskdef.json', PRIVILEGED);
      assert.match(cli(['--format', 'junit', '.'], { cwd: dir }).stdout, /<failure message="container &quot;app&quot; runs privileged/);
      assert.match(cli(['--format', 'github', '.'], { cwd: dir }).stdout, /^::error file=taskdef\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=task\/no-privileged::/m);
    });
  });

  describe('baseline', () => {
    it('round trip: write, shift lines, rerun => 0; a new finding => 1', () => {
      const w = file('taskdef.json', PRIVILEGED);
      const baseline = join(dir, 'ecs-lint-baseline.json');
      const wr = cli(['--write-baseline', baseline, '--quiet', '.'], { cwd: dir });
      assert.equal(wr.status, 0, wr.stderr);
      assert.match(wr.stderr, /wrote \d+ findings to/);
      const b = JSON.parse(readFileSync(baseline, 'utf8'));
      assert.ok(b.files['taskdef.json'].some((e: any) => e.rule === 'task/no-privileged'));
      assert.ok(b.files['taskdef.json'].some((e: any) => e.rule === 'task/non-root-user'), '--quiet does not shrink the baseline');
      // Lines inserted above every finding, and the file moved nowhere: still fully baselined.
      const shifted = PRIVILEGED.replace('{\n', '{\n  "tags": [],\n  "cpu": "256",\n');
      writeFileSync(w, shifted);
      const again = cli(['--baseline', baseline, '--fail-on', 'info', '--format', 'json', '.'], { cwd: dir });
      assert.equal(again.status, 0, again.stdout);
      assert.ok(JSON.parse(again.stdout).files[0].suppressed.every((s: any) => s.by === 'baseline'));
      // A second container with the same problem is new.
      const t = JSON.parse(shifted);
      t.containerDefinitions.push({ name: 'sidecar', image: 'envoy:1.30', essential: false, privileged: true });
      writeFileSync(w, json(t));
      const fresh = cli(['--baseline', baseline, '--format', 'json', '.'], { cwd: dir });
      assert.equal(fresh.status, 1);
      const left = findingsOf(fresh).filter((f: any) => f.ruleId === 'task/no-privileged');
      assert.equal(left.length, 1);
      assert.match(left[0].message, /sidecar/);
    });
  });

  describe('git pre-commit hook (scripts/pre-commit.sh)', () => {
    it('lints the staged candidates only, blocks on findings and passes when nothing is staged', function () {
      if (spawnSync('git', ['--version']).status !== 0) this.skip();
      const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
      assert.equal(git('init', '-q').status, 0);
      const hook = (): Out => {
        const r = spawnSync('sh', [join(ROOT, 'scripts', 'pre-commit.sh')], {
          cwd: dir, encoding: 'utf8', env: { ...process.env, ECS_LINT: `${process.execPath} ${CLI}` },
        });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      assert.equal(hook().status, 0, 'nothing staged');
      file('notes.txt', 'x');
      file('my task.json', WARNINGS_ONLY);
      git('add', 'notes.txt', 'my task.json');
      const ok = hook();
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /my task\.json:\d+:\d+ warning/, 'names with spaces are passed whole');
      file('bad-taskdef.json', PRIVILEGED);
      file('unstaged-taskdef.json', PRIVILEGED);
      git('add', 'bad-taskdef.json');
      const blocked = hook();
      assert.notEqual(blocked.status, 0, 'the commit is blocked (xargs reports the linter failing as 123)');
      assert.match(blocked.stdout, /bad-taskdef\.json:\d+:\d+ error .*\[task\/no-privileged\]/);
      assert.doesNotMatch(blocked.stdout, /unstaged-taskdef/);
      // Templates and Terraform are candidates too.
      git('reset', '-q', 'bad-taskdef.json');
      file('main.tf', 'resource "aws_ecs_task_definition" "t" {\n  family = "t"\n  pid_mode = "host"\n  container_definitions = jsonencode([])\n}\n');
      git('add', 'main.tf');
      const tf = hook();
      assert.notEqual(tf.status, 0);
      assert.match(tf.stdout, /main\.tf:\d+:\d+ error .*\[task\/no-host-pid\]/);
    });
  });

  describe('editor and CLI agree', () => {
    let client: TestClient | undefined;
    afterEach(async () => { await client?.stop(); client = undefined; });

    it('the language server and the CLI report identical findings for the same file and config', async () => {
      const text = json({
        family: 'web', networkMode: 'awsvpc',
        containerDefinitions: [
          { name: 'app', image: 'nginx', essential: true, privileged: true, environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }] },
          { name: 'sidecar', image: 'envoy:1.30', essential: false, linuxParameters: { capabilities: { add: ['SYS_ADMIN'] } } },
        ],
      });
      const w = file('taskdef.json', text);
      file('.ecslintrc.json', json({
        rules: { 'task/image-pinned': 'error', 'task/logging-configured': 'off', 'task/no-new-privileges': 'hint' },
        ignores: [{ rule: 'task/no-privileged', at: 'app', reason: 'needs the host network stack' }],
      }));
      const r = cli(['--format', 'json', w]);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const fromCli = findingsOf(r).map((f: any) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range }));

      client = await TestClient.start({ pull: true });
      const uri = pathToFileURL(w).toString();
      client.open(uri, text);
      const diags = await client.pull(uri);
      const sev = ['', 'error', 'warning', 'info', 'hint'];
      const fromEditor = diags.map((d) => ({ ruleId: d.code, severity: sev[d.severity!], message: d.message, range: d.range }));
      assert.ok(fromCli.length >= 4, JSON.stringify(fromCli));
      assert.ok(!fromCli.some((f: any) => f.ruleId === 'task/no-privileged' || f.ruleId === 'task/logging-configured'), 'the config applied');
      assert.equal(fromCli.find((f: any) => f.ruleId === 'task/image-pinned')?.severity, 'error');
      assert.deepEqual(fromEditor, fromCli);
    });
  });

  describe('examples as SARIF', function () {
    it(`produces a valid SARIF file for examples/ (checked with ${validatedWith}), every rule with help`, function () {
      this.timeout(60000);
      const out = join(dir, 'examples.sarif');
      const r = cli(['--format', 'sarif', '--output', out, 'examples']);
      assert.equal(r.status, 1, r.stderr);
      const log = JSON.parse(readFileSync(out, 'utf8'));
      assertValidSarif(log);
      const run = log.runs[0];
      assert.ok(run.results.length >= 40, `${run.results.length} results`);
      assert.ok(run.artifacts.every((a: any) => a.location.uri.startsWith('examples/') && a.location.uriBaseId === '%SRCROOT%'));
      for (const ext of ['.json', '.yaml', '.tf', '.sh', '.ecs.config']) assert.ok(run.artifacts.some((a: any) => a.location.uri.endsWith(ext)), ext);
      assert.equal(run.invocations[0].executionSuccessful, true);
      const undocumented = run.tool.driver.rules.filter((d: any) => !d.help?.markdown || !d.helpUri).map((d: any) => d.id);
      assert.deepEqual(undocumented, [], 'code scanning shows rules without help blank');
    });
  });
});
