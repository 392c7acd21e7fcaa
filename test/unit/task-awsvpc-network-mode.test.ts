import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/awsvpc-network-mode';
const task = (extra: object) => ({ family: 'web', ...extra, containerDefinitions: [{ name: 'a', image: 'x:1' }] });

describe(RULE, () => {
  it('flags bridge and none on the value', () => {
    for (const mode of ['bridge', 'none']) {
      const text = json(task({ networkMode: mode }));
      const fs = findings(RULE, text);
      assert.equal(fs.length, 1);
      assert.equal(flagged(text, fs[0]), `"${mode}"`);
      assert.equal(fs[0].severity, 'warning');
    }
  });
  it('flags an absent networkMode (bridge default) on the family key, in both shapes', () => {
    const text = json(task({}));
    const f = findings(RULE, text)[0];
    assert.equal(flagged(text, f), '"family": "web"');
    assert.match(f.message, /bridge/);
    const d = describeShape(task({}));
    assert.equal(flagged(d, findings(RULE, d)[0]), '"family": "web"');
  });
  it('without family, points at the first key', () => {
    const text = json({ containerDefinitions: [{ name: 'a', image: 'x' }] });
    assert.equal(flagged(text, findings(RULE, text)[0]), '"containerDefinitions"');
  });
  it('mentions the Windows default (NAT) when the OS is Windows', () => {
    const f = findings(RULE, json(task({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } })))[0];
    assert.match(f.message, /"default" \(NAT\)/);
  });
  it('does not flag awsvpc, host (task/no-host-network), Fargate-only definitions, or a bare container array', () => {
    assert.equal(findings(RULE, json(task({ networkMode: 'awsvpc' }))).length, 0);
    assert.equal(findings(RULE, json(task({ networkMode: 'host' }))).length, 0);
    assert.equal(findings(RULE, json(task({ requiresCompatibilities: ['FARGATE'] }))).length, 0);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x' }])).length, 0);
  });
  it('still flags a definition compatible with both EC2 and FARGATE', () => {
    assert.equal(findings(RULE, json(task({ requiresCompatibilities: ['EC2', 'FARGATE'], networkMode: 'bridge' }))).length, 1);
  });
  it('fix sets awsvpc, inserting the key when absent; not safe; re-lint is clean', () => {
    for (const text of [json(task({ networkMode: 'bridge' })), json(task({})), describeShape(task({}))]) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, false);
      const fixed = applyFix(text, f);
      assert.equal(findings(RULE, fixed).length, 0);
      const obj = JSON.parse(fixed);
      assert.equal((obj.taskDefinition ?? obj).networkMode, 'awsvpc');
    }
  });
});
