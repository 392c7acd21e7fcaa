import * as assert from 'node:assert/strict';
import { findings, flagged, lint, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/no-host-devices';
const task = (containers: object[], extra: object = {}) => ({ family: 'web', ...extra, containerDefinitions: containers });
const dev = (devices: unknown, name = 'b') => ({ name, image: 'x', linuxParameters: { initProcessEnabled: true, devices } });
const DISK = [{ hostPath: '/dev/xvdb', containerPath: '/dev/xvdb', permissions: ['read', 'write'] }];

describe(RULE, () => {
  it('flags non-empty devices on the key, listing host paths, in a later container', () => {
    const text = json(task([{ name: 'a', image: 'x' }, dev(DISK)]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"devices"');
    assert.match(fs[0].message, /container "b".*\/dev\/xvdb/);
    assert.equal(fs[0].severity, 'warning');
  });
  it('flags in the describe wrapper and in a bare container array', () => {
    assert.equal(findings(RULE, describeShape(task([dev(DISK)]))).length, 1);
    assert.equal(findings(RULE, json([dev(DISK)])).length, 1);
  });
  it('does not flag empty, absent or wrong-typed devices, or Windows tasks', () => {
    for (const d of [[], null, 'x', {}]) assert.equal(findings(RULE, json(task([dev(d)]))).length, 0, JSON.stringify(d));
    assert.equal(findings(RULE, json(task([dev(DISK)], { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_FULL' } }))).length, 0);
    assert.doesNotThrow(() => lint(json(task([dev([null, 1])]))));
  });
  it('fix removes devices (safe, not preferred) and keeps the rest; re-lint clean (pretty and minified)', () => {
    for (const text of [json(task([dev(DISK)])), JSON.stringify(task([dev(DISK)])), JSON.stringify(task([{ name: 'a', linuxParameters: { devices: DISK } }]))]) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, true);
      assert.notEqual(f.fixes![0].preferred, true);
      const fixed = applyFix(text, f);
      assert.equal(findings(RULE, fixed).length, 0);
      assert.equal(JSON.parse(fixed).containerDefinitions[0].linuxParameters.devices, undefined);
    }
    const fixed = applyFix(json(task([dev(DISK)])), findings(RULE, json(task([dev(DISK)])))[0]);
    assert.equal(JSON.parse(fixed).containerDefinitions[0].linuxParameters.initProcessEnabled, true);
  });
});
