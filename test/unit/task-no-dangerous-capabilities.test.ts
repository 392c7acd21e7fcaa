import * as assert from 'node:assert/strict';
import { findings, flagged, lint, json, describeShape } from '../helpers';

const RULE = 'task/no-dangerous-capabilities';
const task = (containers: object[], extra: object = {}) => ({ family: 'web', ...extra, containerDefinitions: containers });
const withAdd = (add: unknown, name = 'b') => ({ name, image: 'x', linuxParameters: { capabilities: { add } } });

describe(RULE, () => {
  it('flags each dangerous element, on the element, in a later container', () => {
    const text = json(task([{ name: 'a', image: 'x' }, withAdd(['NET_BIND_SERVICE', 'SYS_ADMIN', 'CHOWN', 'NET_ADMIN'])]));
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"SYS_ADMIN"', '"NET_ADMIN"']);
    assert.match(fs[0].message, /container "b".*CAP_SYS_ADMIN/);
    assert.equal(fs[0].severity, 'warning');
  });
  it('accepts the CAP_ prefix and any case, and knows the whole list', () => {
    const all = ['ALL', 'cap_sys_admin', 'Net_Admin', 'SYS_MODULE', 'SYS_RAWIO', 'CAP_SYS_PTRACE', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'SYS_BOOT', 'MAC_ADMIN', 'MAC_OVERRIDE', 'NET_RAW'];
    assert.equal(findings(RULE, json(task([withAdd(all)]))).length, all.length);
  });
  it('flags in the describe wrapper and in a bare container array', () => {
    assert.equal(findings(RULE, describeShape(task([withAdd(['SYS_PTRACE'])]))).length, 1);
    assert.equal(findings(RULE, json([withAdd(['SYS_PTRACE'])])).length, 1);
  });
  it('does not flag harmless capabilities, drop lists, or Windows tasks', () => {
    assert.equal(findings(RULE, json(task([withAdd(['NET_BIND_SERVICE', 'CHOWN', 'SETUID', 'SYS_TIME_X'])]))).length, 0);
    assert.equal(findings(RULE, json(task([{ name: 'a', image: 'x', linuxParameters: { capabilities: { drop: ['SYS_ADMIN', 'ALL'] } } }]))).length, 0);
    assert.equal(findings(RULE, json(task([withAdd(['SYS_ADMIN'])], { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }))).length, 0);
  });
  it('never throws on wrong types', () => {
    for (const add of [null, 'SYS_ADMIN', [1, null, {}], {}]) assert.doesNotThrow(() => lint(json(task([withAdd(add)]))));
    assert.doesNotThrow(() => lint(json(task([{ name: 'a', linuxParameters: { capabilities: null } }, { name: 'b', linuxParameters: 3 }]))));
  });
});
