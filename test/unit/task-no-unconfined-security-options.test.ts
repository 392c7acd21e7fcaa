import * as assert from 'node:assert/strict';
import { findings, flagged, lint, json, describeShape } from '../helpers';

const RULE = 'task/no-unconfined-security-options';
const task = (containers: object[]) => ({ family: 'web', requiresCompatibilities: ['EC2'], containerDefinitions: containers });
const opts = (dockerSecurityOptions: unknown, name = 'b') => ({ name, image: 'x', dockerSecurityOptions });

describe(RULE, () => {
  it('flags each unconfined option on the element, in a later container', () => {
    const text = json(task([opts(['no-new-privileges'], 'a'), opts(['no-new-privileges', 'seccomp:unconfined', 'apparmor:unconfined', 'label:disable'])]));
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"seccomp:unconfined"', '"apparmor:unconfined"', '"label:disable"']);
    assert.match(fs[0].message, /container "b".*seccomp/);
    assert.equal(fs[0].severity, 'warning');
  });
  it('accepts = as the separator and any case', () => {
    assert.equal(findings(RULE, json(task([opts(['seccomp=unconfined', 'AppArmor:Unconfined', 'LABEL=DISABLE', ' seccomp : unconfined '])]))).length, 4);
  });
  it('flags in the describe wrapper and in a bare container array', () => {
    assert.equal(findings(RULE, describeShape(task([opts(['seccomp:unconfined'])]))).length, 1);
    assert.equal(findings(RULE, json([opts(['apparmor:unconfined'])])).length, 1);
  });
  it('does not flag confining or custom options', () => {
    const ok = ['no-new-privileges', 'no-new-privileges:true', 'apparmor:docker-default', 'label:type:container_t', 'seccomp:/etc/profile.json', 'credentialspec:file://gmsa.json'];
    assert.equal(findings(RULE, json(task([opts(ok)]))).length, 0);
  });
  it('never throws on wrong types', () => {
    for (const o of [null, 'seccomp:unconfined', [1, null, {}]]) assert.doesNotThrow(() => lint(json(task([opts(o)]))));
  });
});
