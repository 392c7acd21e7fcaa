// The GitHub Action (action.yml), tested offline the way a runner would run it: each `run:` step's command line with
// `${{ inputs.* }}` and `${{ github.action_path }}` substituted, in bash -e (GitHub's shell), in a caller's workspace.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers';
import { EXAMPLES } from '../inputs';
import { assertValidSarif } from './sarif-check';

interface Step { name?: string; id?: string; shell?: string; run?: string; uses?: string; env?: Record<string, string>; 'working-directory'?: string }
interface Action { inputs: Record<string, { default?: string; required?: boolean }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }
const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

/** Replace `${{ inputs.x }}` and `${{ github.action_path }}` as the runner does; anything else is a test failure. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.action_path') return REPO_ROOT;
    const m = /^inputs\.([\w-]+)$/.exec(expr);
    assert.ok(m && m[1] in action.inputs, `unexpected expression \${{ ${expr} }}`);
    return inputs[m![1]];
  });
}

/** Runs every `run:` step in order, like the runner; returns the first failing status (or 0) and the step outputs. */
function runAction(given: Record<string, string>, workspace: string): { status: number; outputs: Record<string, string>; log: string } {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
  const outputsFile = join(workspace, '..', `outputs-${Date.now()}`);
  writeFileSync(outputsFile, '');
  let log = '';
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    assert.equal(step.shell, 'bash');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), inputs)]));
    const cwd = step['working-directory'] ? expand(step['working-directory'], inputs) : workspace;
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run, inputs)], {
      cwd, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_OUTPUT: outputsFile, GITHUB_WORKSPACE: workspace, NO_COLOR: '1' },
    });
    log += r.stdout + r.stderr;
    if (r.status !== 0) return { status: r.status ?? -1, outputs: readOutputs(outputsFile), log };
  }
  return { status: 0, outputs: readOutputs(outputsFile), log };
}
const readOutputs = (f: string) => Object.fromEntries(readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));

describe('GitHub Action (action.yml)', function () {
  this.timeout(60_000);
  let root: string, workspace: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ecs-lint-action-'));
    workspace = join(root, 'repo');
    cpSync(EXAMPLES, workspace, { recursive: true }); // the caller's checkout
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is a composite action with the documented inputs and outputs', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['baseline', 'fail-on', 'format', 'output', 'paths']);
    assert.equal(action.inputs.format.default, 'sarif');
    assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'sarif-file']);
    assert.ok(existsSync(join(REPO_ROOT, 'dist', 'cli.js')), 'built, so the build step is skipped (offline)');
  });

  it('writes a valid SARIF file for upload-sarif and fails on errors', () => {
    const r = runAction({}, workspace);
    assert.equal(r.status, 1, r.log);
    assert.deepEqual(r.outputs, { 'exit-code': '1', 'sarif-file': 'ecs-lint.sarif' });
    const log = JSON.parse(readFileSync(join(workspace, 'ecs-lint.sarif'), 'utf8'));
    assertValidSarif(log);
    const uris = log.runs[0].artifacts.map((a: any) => a.location.uri);
    assert.ok(uris.includes('task-definition/bad-register.json') && uris.includes('terraform/bad-module/main.tf'), 'paths relative to the workspace');
    assert.ok(log.runs[0].results.some((x: any) => x.ruleId === 'task/no-privileged'));
  });

  it('lints only the given paths (spaces and new lines) and passes clean files', () => {
    const ok = runAction({ paths: 'policies/good-trust-policy.json\ncloudformation/good-stack.yaml  terraform/good-module', output: 'clean.sarif' }, workspace);
    assert.equal(ok.status, 0, ok.log);
    const log = JSON.parse(readFileSync(join(workspace, 'clean.sarif'), 'utf8'));
    assert.deepEqual(log.runs[0].artifacts.map((a: any) => a.location.uri).sort(),
      ['cloudformation/good-stack.yaml', 'policies/good-trust-policy.json', 'terraform/good-module/iam.tf', 'terraform/good-module/main.tf', 'terraform/good-module/variables.tf']);
    assert.equal(ok.outputs['sarif-file'], 'clean.sarif');
  });

  it('honours fail-on and format', () => {
    const withError = 'service-definition/bad-service.json'; // one error, two warnings
    assert.equal(runAction({ paths: 'task-definition/bad-container-definitions.json' }, workspace).status, 0, 'warnings only: below fail-on error');
    assert.equal(runAction({ paths: 'task-definition/bad-container-definitions.json', 'fail-on': 'warning' }, workspace).status, 1);
    const gh = runAction({ paths: withError, format: 'github' }, workspace);
    assert.equal(gh.status, 1);
    assert.match(gh.log, /^::error file=service-definition\/bad-service\.json,line=\d+/m);
    assert.equal(gh.outputs['sarif-file'], undefined, 'no SARIF for other formats');
  });

  it('reports only new findings with a baseline', () => {
    const cli = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), '--write-baseline', 'baseline.json', '.'], { cwd: workspace, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const r = runAction({ baseline: 'baseline.json' }, workspace);
    assert.equal(r.status, 0, r.log);
    writeFileSync(join(workspace, 'task-definition', 'new-task-definition.json'), readFileSync(join(EXAMPLES, 'task-definition', 'bad-register.json')));
    assert.equal(runAction({ baseline: 'baseline.json' }, workspace).status, 1, 'a new file with errors fails again');
  });
});
