import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/no-host-network';
const task = (extra: object) => ({ family: 'web', ...extra, containerDefinitions: [{ name: 'a', image: 'x:1' }] });

describe(RULE, () => {
  it('flags networkMode "host" on the value, in register and describe shapes', () => {
    const text = json(task({ networkMode: 'host' }));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"host"');
    assert.equal(fs[0].severity, 'error');
    const d = describeShape(task({ networkMode: 'host' }));
    assert.equal(flagged(d, findings(RULE, d)[0]), '"host"');
  });
  it('does not flag awsvpc, bridge, absent, a bare container array or a wrong type', () => {
    for (const extra of [{ networkMode: 'awsvpc' }, { networkMode: 'bridge' }, {}, { networkMode: null }, { networkMode: ['host'] }]) {
      assert.equal(findings(RULE, json(task(extra))).length, 0, JSON.stringify(extra));
    }
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', networkMode: 'host' }])).length, 0);
  });
  it('fix sets awsvpc (not safe, preferred) and the re-lint is clean, in the describe shape too', () => {
    for (const text of [json(task({ networkMode: 'host' })), describeShape(task({ networkMode: 'host' }))]) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, false);
      assert.equal(f.fixes![0].preferred, true);
      const fixed = applyFix(text, f);
      assert.equal(findings(RULE, fixed).length, 0);
      assert.match(fixed, /"networkMode": "awsvpc"/);
    }
  });
});
