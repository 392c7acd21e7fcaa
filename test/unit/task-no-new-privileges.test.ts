import * as assert from 'node:assert/strict';
import { findings, flagged, lint, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/no-new-privileges';
const task = (containers: object[], extra: object = {}) => ({ family: 'web', requiresCompatibilities: ['EC2'], ...extra, containerDefinitions: containers });

describe(RULE, () => {
  it('flags a missing option on the container name and an incomplete list on its key, in later containers', () => {
    const text = json(task([{ name: 'a', dockerSecurityOptions: ['no-new-privileges'] }, { name: 'b' }, { name: 'c', dockerSecurityOptions: ['apparmor:docker-default'] }]));
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"b"', '"dockerSecurityOptions"']);
    assert.equal(fs[0].severity, 'info');
    assert.match(fs[1].message, /container "c"/);
  });
  it('flags in the describe wrapper and when requiresCompatibilities is absent', () => {
    assert.equal(findings(RULE, describeShape(task([{ name: 'a' }]))).length, 1);
    assert.equal(findings(RULE, json({ family: 'x', containerDefinitions: [{ name: 'a', image: 'x' }] })).length, 1);
  });
  it('accepts the spellings and is silent on Fargate, Windows and bare arrays', () => {
    for (const o of ['no-new-privileges', 'no-new-privileges:true', 'NO-NEW-PRIVILEGES=true']) assert.equal(findings(RULE, json(task([{ name: 'a', dockerSecurityOptions: [o] }]))).length, 0, o);
    assert.equal(findings(RULE, json(task([{ name: 'a' }], { requiresCompatibilities: ['EC2', 'FARGATE'] }))).length, 0);
    assert.equal(findings(RULE, json(task([{ name: 'a' }], { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }))).length, 0);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x' }])).length, 0);
    assert.equal(findings(RULE, json(task([{ name: 'a', dockerSecurityOptions: ['no-new-privileges:false'] }]))).length, 1);
  });
  it('fix adds the option (not safe); re-lint clean; no fix for a wrong type; never throws', () => {
    for (const text of [json(task([{ name: 'a', image: 'x' }])), json(task([{ name: 'a', dockerSecurityOptions: ['label:type:container_t'] }])), JSON.stringify(task([{ name: 'a', dockerSecurityOptions: [] }]))]) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, false);
      const fixed = applyFix(text, f);
      assert.equal(findings(RULE, fixed).length, 0);
      assert.ok(JSON.parse(fixed).containerDefinitions[0].dockerSecurityOptions.includes('no-new-privileges'));
    }
    assert.equal(findings(RULE, json(task([{ name: 'a', dockerSecurityOptions: 'x' }])))[0].fixes, undefined);
    assert.doesNotThrow(() => lint(json(task([{ name: 'a', dockerSecurityOptions: [null, 1] }], { requiresCompatibilities: null }))));
  });
});
