import * as assert from 'node:assert/strict';
import { findings, flagged, lint, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/drop-all-capabilities';
const task = (containers: object[], extra: object = {}) => ({ family: 'web', ...extra, containerDefinitions: containers });
const drop = (d: unknown) => ({ name: 'b', image: 'x', linuxParameters: { capabilities: { drop: d } } });

describe(RULE, () => {
  it('flags a drop list without ALL on the "drop" key, in a later container', () => {
    const text = json(task([drop(['ALL']), drop(['NET_RAW'])]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"drop"');
    assert.match(fs[0].message, /container "b"/);
    assert.equal(fs[0].severity, 'info');
  });
  it('points at the most specific existing node when drop is missing', () => {
    let text = json(task([{ name: 'a', image: 'x' }]));
    assert.equal(flagged(text, findings(RULE, text)[0]), '"a"');
    text = json(task([{ name: 'a', linuxParameters: { initProcessEnabled: true } }]));
    assert.equal(flagged(text, findings(RULE, text)[0]), '"linuxParameters"');
    text = json(task([{ name: 'a', linuxParameters: { capabilities: { add: ['CHOWN'] } } }]));
    assert.equal(flagged(text, findings(RULE, text)[0]), '"capabilities"');
  });
  it('flags in the describe wrapper and in a bare container array', () => {
    assert.equal(findings(RULE, describeShape(task([{ name: 'a' }]))).length, 1);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x' }])).length, 1);
  });
  it('accepts ALL in any case and with the CAP_ prefix; silent on Windows', () => {
    for (const d of [['ALL'], ['all'], ['CAP_ALL'], ['NET_RAW', 'All']]) assert.equal(findings(RULE, json(task([drop(d)]))).length, 0, String(d));
    assert.equal(findings(RULE, json(task([{ name: 'a' }], { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' } }))).length, 0);
  });
  it('fix inserts ALL into an existing list, or creates the objects; not safe; re-lint clean', () => {
    const texts = [
      json(task([drop(['NET_RAW'])])),
      json(task([{ name: 'a', image: 'x' }])),
      json(task([{ name: 'a', linuxParameters: { initProcessEnabled: true } }])),
      JSON.stringify(task([{ name: 'a', linuxParameters: { capabilities: { add: ['CHOWN'] } } }])),
      describeShape(task([drop([])])),
    ];
    for (const text of texts) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, false);
      const fixed = applyFix(text, f);
      assert.equal(findings(RULE, fixed).length, 0, fixed);
    }
    const fixed = applyFix(texts[0], findings(RULE, texts[0])[0]);
    assert.deepEqual(JSON.parse(fixed).containerDefinitions[0].linuxParameters.capabilities.drop, ['ALL', 'NET_RAW']);
  });
  it('fix output is laid out like the rest of the document', () => {
    const t = task([{ name: 'a', image: 'x', linuxParameters: { capabilities: { drop: ['NET_RAW'] } } }, { name: 'b', image: 'x' }]);
    let text = json(t);
    text = applyFix(text, findings(RULE, text)[0]);
    text = applyFix(text, findings(RULE, text)[0]);
    const expected = task([{ name: 'a', image: 'x', linuxParameters: { capabilities: { drop: ['ALL', 'NET_RAW'] } } }, { name: 'b', image: 'x', linuxParameters: { capabilities: { drop: ['ALL'] } } }]);
    assert.equal(text, json(expected));
  });
  it('offers no fix (and does not throw) when linuxParameters has the wrong type', () => {
    const text = json(task([{ name: 'a', linuxParameters: 'x' }, { name: 'b', linuxParameters: { capabilities: [] } }, { name: 'c', linuxParameters: { capabilities: { drop: 'ALL' } } }]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 3);
    assert.equal(fs[0].fixes, undefined);
    assert.equal(fs[1].fixes, undefined);
  });
});
