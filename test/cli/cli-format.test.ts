// CLI internals in-process: argument parsing and colours (the spawned tests cannot fake a TTY).
import * as assert from 'node:assert/strict';
import { parseArgs } from '../../cli/args';
import { formatText, type FileReport } from '../../cli/format';
import { run } from '../../cli/cli';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report: FileReport = {
  path: 'a.json', kind: 'task-definition',
  findings: [{ ruleId: 'task/no-privileged', severity: 'error', message: 'm', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } }, offset: 2, length: 3 }],
};

describe('cli internals', () => {
  it('parses flags in both forms and rejects bad ones', () => {
    const ok = parseArgs(['--format=json', '--kind', 'trust-policy', 'a', '--', '--weird-name.json']);
    assert.ok(ok.ok);
    assert.equal(ok.options.format, 'json');
    assert.equal(ok.options.kind, 'trust-policy');
    assert.deepEqual(ok.options.paths, ['a', '--weird-name.json']);
    assert.equal(parseArgs(['--kind', 'unknown', 'a']).ok, false, 'unknown is not a kind to force');
    assert.equal(parseArgs(['--format']).ok, false);
    assert.equal(parseArgs(['-x', 'a']).ok, false);
    assert.equal(parseArgs(['--help']).ok, true);
  });

  it('colours severities only when asked', () => {
    assert.match(formatText([report], true), /\x1b\[31merror\x1b\[0m/);
    const plain = formatText([report], false);
    assert.doesNotMatch(plain, /\x1b/);
    assert.equal(plain.split('\n')[0], 'a.json:1:3 error m [task/no-privileged]');
  });

  it('shows progress on a TTY stderr only after the first second, then clears it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-lint-progress-'));
    try {
      for (let i = 0; i < 4; i++) writeFileSync(join(dir, `t${i}-taskdef.json`), '{"family":"x","containerDefinitions":[]}');
      const runWith = (progress: boolean, step: number) => {
        let err = '';
        let t = 0;
        run(['--format', 'json', dir], { stdout: () => undefined, stderr: (s) => { err += s; }, color: false, progress, now: () => (t += step) });
        return err;
      };
      assert.equal(runWith(true, 10), '', 'a fast scan shows nothing');
      assert.equal(runWith(false, 600), '', 'no progress when stderr is not a TTY');
      const slow = runWith(true, 600);
      assert.match(slow, /^\rLinting 1\/4 files…/);
      assert.match(slow, /\r\x1b\[K$/, 'the line is cleared at the end');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('run() returns 2 on usage errors without throwing', () => {
    let err = '';
    const code = run(['--nope'], { stdout: () => assert.fail('no stdout'), stderr: (s) => { err += s; }, color: false });
    assert.equal(code, 2);
    assert.match(err, /unknown option --nope/);
  });
});
