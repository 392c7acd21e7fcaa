// Hostile inputs against the CLI (issue 16): nothing may end a walk with exit 0 while a file went unlinted, and
// nothing from a file may rewrite the terminal.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/cli';
import { decodeText } from '../../cli/files';
import { printable } from '../../cli/format';
import { defaultEngine, type Rule } from '../../rules';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

const PRIVILEGED = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:1', privileged: true }] }, null, 2);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ECS_LINT_WORKERS: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI in this process (so a rule can be made to fail); returns status and output. */
function runHere(args: string[], cwd: string) {
  let stdout = '', stderr = '';
  const prev = process.env.ECS_LINT_WORKERS;
  process.env.ECS_LINT_WORKERS = '0';
  try {
    const status = run(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, color: false, cwd });
    return { status, stdout, stderr };
  } finally {
    if (prev === undefined) delete process.env.ECS_LINT_WORKERS; else process.env.ECS_LINT_WORKERS = prev;
  }
}

describe('hostile inputs: CLI fails closed', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ecs-lint-hostile-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function withFailingRule<T>(fn: () => T): T {
    const rule = defaultEngine().rule('task/no-privileged') as Rule;
    const check = rule.check;
    rule.check = () => { throw new Error('boom'); };
    try { return fn(); } finally { rule.check = check; }
  }

  it('a rule that throws during a directory walk: exit 2, SARIF not successful, with a notification', () => {
    writeFileSync(join(dir, 'taskdef.json'), PRIVILEGED);
    withFailingRule(() => {
      const text = runHere([dir], dir);
      assert.equal(text.status, 2);
      assert.match(text.stdout, /internal\/rule-error/);
      const sarif = runHere(['--format', 'sarif', dir], dir);
      assert.equal(sarif.status, 2);
      const inv = JSON.parse(sarif.stdout).runs[0].invocations[0];
      assert.equal(inv.executionSuccessful, false);
      assert.match(inv.toolExecutionNotifications[0].message.text, /task\/no-privileged failed/);
    });
  });

  it('an engine failure on a walked file keeps the file in the report (never dropped as "unknown")', () => {
    writeFileSync(join(dir, 'taskdef.json'), PRIVILEGED);
    const engine = defaultEngine() as unknown as { lintNormalized: unknown };
    const original = engine.lintNormalized;
    // eslint-disable-next-line require-yield
    engine.lintNormalized = function* () { throw new Error('host adapter exploded'); };
    try {
      const r = runHere(['--format', 'json', dir], dir);
      assert.equal(r.status, 2);
      const files = JSON.parse(r.stdout).files;
      assert.equal(files.length, 1);
      assert.equal(files[0].findings[0].ruleId, 'internal/not-linted');
      assert.match(files[0].findings[0].message, /host adapter exploded/);
    } finally {
      engine.lintNormalized = original;
    }
  });

  it('UTF-16 with a byte-order mark is decoded and linted; without one it is refused with exit 2, never skipped silently', () => {
    writeFileSync(join(dir, 'le-taskdef.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PRIVILEGED, 'utf16le')]));
    const be = Buffer.from(PRIVILEGED, 'utf16le').swap16();
    writeFileSync(join(dir, 'be-taskdef.json'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    let r = cli(['--format', 'json', dir]);
    assert.equal(r.status, 1);
    const files = JSON.parse(r.stdout).files;
    assert.equal(files.length, 2);
    for (const f of files) assert.ok(f.findings.some((x: { ruleId: string }) => x.ruleId === 'task/no-privileged'), f.path);
    writeFileSync(join(dir, 'nobom-taskdef.json'), Buffer.from(PRIVILEGED, 'utf16le'));
    r = cli([dir]);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /nobom-taskdef\.json: skipped: UTF-16 text without a byte-order mark/);
    assert.equal(decodeText(Buffer.from([0x7b, 0x00, 0xff, 0x00, 0x01])).ok, false);
  });

  it('a walked file over the size limit fails the run', () => {
    writeFileSync(join(dir, 'a-taskdef.json'), PRIVILEGED);
    writeFileSync(join(dir, 'b-taskdef.json'), '{"family":"x","containerDefinitions":[' + ' '.repeat(5200 * 1024) + ']}');
    const r = cli(['--format', 'sarif', dir]);
    assert.equal(r.status, 2);
    const log = JSON.parse(r.stdout);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.ok(log.runs[0].results.some((x: { ruleId: string; message: { text: string } }) => x.ruleId === 'internal/not-linted' && /larger than/.test(x.message.text)));
  });

  it('text output escapes CR, ESC and other control characters from file content', () => {
    const name = 'app\r\x1b[2Kok\u202e\n';
    writeFileSync(join(dir, 'taskdef.json'), JSON.stringify({ family: 'web', containerDefinitions: [{ name, image: 'nginx:1', privileged: true }] }));
    const r = cli([join(dir, 'taskdef.json')]);
    assert.equal(r.status, 1);
    assert.ok(!/[\r\x1b\u202e]/.test(r.stdout), 'no raw control characters');
    assert.match(r.stdout, /container "app\\r\\x1b\[2Kok\\u202e\\n"/);
    assert.equal(printable('a\tb'), 'a\tb', 'tabs stay');
  });
});
