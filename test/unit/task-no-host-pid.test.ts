import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/no-host-pid';
const task = (extra: object) => ({ family: 'web', networkMode: 'awsvpc', ...extra, containerDefinitions: [{ name: 'a', image: 'x:1' }] });

describe(RULE, () => {
  it('flags pidMode "host" on the value in register and describe shapes', () => {
    for (const text of [json(task({ pidMode: 'host' })), describeShape(task({ pidMode: 'host' }))]) {
      const fs = findings(RULE, text);
      assert.equal(fs.length, 1);
      assert.equal(flagged(text, fs[0]), '"host"');
      assert.equal(fs[0].severity, 'error');
    }
  });
  it('does not flag "task", absent, or a container-level pidMode (Checkov CKV_AWS_335 reads that)', () => {
    assert.equal(findings(RULE, json(task({ pidMode: 'task' }))).length, 0);
    assert.equal(findings(RULE, json(task({}))).length, 0);
    const text = json({ family: 'x', containerDefinitions: [{ name: 'a', image: 'x', pidMode: 'host' }] });
    assert.equal(findings(RULE, text).length, 0);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', pidMode: 'host' }])).length, 0);
  });
  it('fix removes pidMode (safe, preferred) and the re-lint is clean', () => {
    const text = describeShape(task({ pidMode: 'host', ipcMode: 'task' }));
    const f = findings(RULE, text)[0];
    assert.equal(f.fixes![0].safe, true);
    const fixed = applyFix(text, f);
    assert.equal(findings(RULE, fixed).length, 0);
    assert.equal(JSON.parse(fixed).taskDefinition.pidMode, undefined);
    assert.equal(JSON.parse(fixed).taskDefinition.ipcMode, 'task');
  });
});
