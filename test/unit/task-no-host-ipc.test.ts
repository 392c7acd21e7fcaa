import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/no-host-ipc';
const task = (extra: object) => ({ family: 'web', networkMode: 'awsvpc', ...extra, containerDefinitions: [{ name: 'a', image: 'x:1' }] });

describe(RULE, () => {
  it('flags ipcMode "host" on the value in register and describe shapes', () => {
    for (const text of [json(task({ ipcMode: 'host' })), describeShape(task({ ipcMode: 'host' }))]) {
      const fs = findings(RULE, text);
      assert.equal(fs.length, 1);
      assert.equal(flagged(text, fs[0]), '"host"');
      assert.equal(fs[0].severity, 'warning');
    }
  });
  it('does not flag "task", "none", absent, or pidMode "host"', () => {
    for (const extra of [{ ipcMode: 'task' }, { ipcMode: 'none' }, {}, { pidMode: 'host' }, { ipcMode: 42 }]) {
      assert.equal(findings(RULE, json(task(extra))).length, 0);
    }
  });
  it('fix removes ipcMode and the re-lint is clean', () => {
    const text = json(task({ ipcMode: 'host' }));
    const fixed = applyFix(text, findings(RULE, text)[0]);
    assert.equal(findings(RULE, fixed).length, 0);
    assert.equal(JSON.parse(fixed).ipcMode, undefined);
  });
});
