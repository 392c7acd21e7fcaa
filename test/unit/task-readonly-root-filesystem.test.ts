import * as assert from 'node:assert/strict';
import { findings, flagged, lint, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/readonly-root-filesystem';
const task = (containers: object[], extra: object = {}) => ({ family: 'web', networkMode: 'awsvpc', ...extra, containerDefinitions: containers });
const WINDOWS = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } };

describe(RULE, () => {
  it('flags false on the key and value, and absent on the container name, in later containers too', () => {
    const text = json(task([{ name: 'a', image: 'x', readonlyRootFilesystem: true }, { name: 'b', readonlyRootFilesystem: false }, { name: 'c' }]));
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"readonlyRootFilesystem": false', '"c"']);
    assert.match(fs[1].message, /container "c"/);
    assert.equal(fs[0].severity, 'warning');
  });
  it('flags in the describe wrapper and in a bare container array; falls back to the brace without a name', () => {
    assert.equal(findings(RULE, describeShape(task([{ name: 'a' }]))).length, 1);
    const text = json([{ image: 'x' }]);
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '{');
  });
  it('flags a wrong-typed value ("true" as a string) but not true', () => {
    assert.equal(findings(RULE, json(task([{ name: 'a', readonlyRootFilesystem: 'true' }]))).length, 1);
    assert.equal(findings(RULE, json(task([{ name: 'a', readonlyRootFilesystem: true }]))).length, 0);
  });
  it('is silent on Windows tasks (Prowler false-positive trap) and explicit LINUX is checked', () => {
    assert.equal(findings(RULE, json(task([{ name: 'a' }], WINDOWS))).length, 0);
    assert.equal(findings(RULE, json(task([{ name: 'a' }], { runtimePlatform: { operatingSystemFamily: 'LINUX' } }))).length, 1);
  });
  it('fix keeps the document layout (2-space, 4-space and tabs)', () => {
    for (const indent of [2, 4, '\t']) {
      const t = task([{ name: 'a', image: 'x' }]);
      const text = JSON.stringify(t, null, indent);
      const fixed = applyFix(text, findings(RULE, text)[0]);
      const expected = JSON.stringify({ ...t, containerDefinitions: [{ name: 'a', image: 'x', readonlyRootFilesystem: true }] }, null, indent);
      assert.equal(fixed, expected);
    }
  });
  it('never throws on malformed input', () => {
    for (const t of [json(task([null as unknown as object, 'x' as unknown as object])), json({ containerDefinitions: 'x' }), '[{"name":"a","readonly']) assert.doesNotThrow(() => lint(t));
  });
  it('fix sets true (not safe, preferred) and the re-lint is clean, pretty and minified', () => {
    for (const text of [json(task([{ name: 'a', readonlyRootFilesystem: false, essential: true }])), JSON.stringify(task([{ name: 'a' }, { name: 'b' }]))]) {
      let cur = text;
      for (let guard = 0; guard < 3 && findings(RULE, cur).length; guard++) {
        const f = findings(RULE, cur)[0];
        assert.equal(f.fixes![0].safe, false);
        assert.equal(f.fixes![0].preferred, true);
        cur = applyFix(cur, f);
      }
      assert.equal(findings(RULE, cur).length, 0);
      assert.ok(JSON.parse(cur).containerDefinitions.every((c: { readonlyRootFilesystem: boolean }) => c.readonlyRootFilesystem === true));
    }
  });
});
