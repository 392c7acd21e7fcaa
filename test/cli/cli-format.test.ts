// CLI internals in-process: argument parsing and colours (the spawned tests cannot fake a TTY).
import * as assert from 'node:assert/strict';
import { parseArgs } from '../../cli/args';
import { formatText, type FileReport } from '../../cli/format';
import { run } from '../../cli/cli';

const report: FileReport = {
  path: 'a.json', kind: 'task-definition',
  findings: [{ ruleId: 'task/no-privileged', severity: 'error', message: 'm', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } } }],
};

describe('cli internals', () => {
  it('parses flags in both forms and rejects bad ones', () => {
    const ok = parseArgs(['--format=json', '--kind', 'trust-policy', 'a', '--', '--weird-name.json']);
    assert.deepEqual(ok, { ok: true, options: { format: 'json', kind: 'trust-policy', paths: ['a', '--weird-name.json'], help: false, version: false } });
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

  it('run() returns 2 on usage errors without throwing', () => {
    let err = '';
    const code = run(['--nope'], { stdout: () => assert.fail('no stdout'), stderr: (s) => { err += s; }, color: false });
    assert.equal(code, 2);
    assert.match(err, /unknown option --nope/);
  });
});
