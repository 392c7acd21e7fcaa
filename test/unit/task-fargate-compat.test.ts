import * as assert from 'node:assert/strict';
import { findings, flagged, json, describeShape } from '../helpers';

const RULE = 'task/fargate-compat';
const LOGS = { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1' } };
const ok = () => ({
  family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512',
  containerDefinitions: [{ name: 'a', image: 'x:1', logConfiguration: LOGS }] as object[],
});
const run = (def: object) => { const text = json(def); return findings(RULE, text).map((f) => flagged(text, f)); };

describe(RULE, () => {
  it('is silent on a valid Fargate definition, in both shapes, and on EC2-only or bare-array input', () => {
    assert.deepEqual(run(ok()), []);
    assert.equal(findings(RULE, describeShape({ ...ok(), compatibilities: ['EC2', 'FARGATE'], placementConstraints: [], requiresAttributes: [] })).length, 0);
    assert.deepEqual(run({ ...ok(), requiresCompatibilities: ['EC2'], networkMode: 'bridge', cpu: undefined }), []);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', privileged: true }])).length, 0);
  });
  it('flags networkMode: wrong value on the value, absent on the FARGATE entry', () => {
    assert.deepEqual(run({ ...ok(), networkMode: 'bridge' }), ['"bridge"']);
    const { networkMode: _omit, ...noMode } = ok();
    assert.deepEqual(run(noMode), ['"FARGATE"']);
  });
  it('flags container problems in a later container, each on its own key or value', () => {
    const def = ok();
    def.containerDefinitions.push({
      name: 'b', image: 'x', privileged: true,
      linuxParameters: { devices: [{ hostPath: '/dev/fuse' }], capabilities: { add: ['SYS_PTRACE', 'NET_ADMIN'] } },
      logConfiguration: { logDriver: 'fluentd' },
    });
    const got = run(def);
    assert.deepEqual(got, ['"privileged": true', '"devices"', '"NET_ADMIN"', '"fluentd"']);
    const fs = findings(RULE, json(def));
    assert.ok(fs.every((f) => /container "b"/.test(f.message) && f.severity === 'error'));
  });
  it('flags task-level pidMode host, host sourcePath volumes and placementConstraints', () => {
    const got = run({ ...ok(), pidMode: 'host', placementConstraints: [{ type: 'memberOf', expression: 'attribute:x == y' }], volumes: [{ name: 'ok', host: {} }, { name: 'h', host: { sourcePath: '/var/run/docker.sock' } }] });
    assert.deepEqual(got, ['"host"', '"placementConstraints"', '"sourcePath": "/var/run/docker.sock"']);
  });
  it('does not flag pidMode task, empty placementConstraints/devices, SYS_PTRACE or the allowed log drivers', () => {
    const def = { ...ok(), pidMode: 'task', placementConstraints: [] };
    def.containerDefinitions = ['awslogs', 'splunk', 'awsfirelens'].map((d) => ({ name: d, image: 'x', logConfiguration: { logDriver: d }, linuxParameters: { devices: [], capabilities: { add: ['SYS_PTRACE'], drop: ['ALL'] } } }));
    assert.deepEqual(run(def), []);
  });
  it('checks task size: missing cpu/memory on the FARGATE entry, bad cpu on cpu, bad pair on memory', () => {
    const { cpu: _c, memory: _m, ...noSize } = ok();
    assert.deepEqual(run(noSize), ['"FARGATE"', '"FARGATE"']);
    assert.deepEqual(run({ ...ok(), cpu: '300' }), ['"300"']);
    assert.deepEqual(run({ ...ok(), cpu: 1024, memory: 1024 }), ['1024']);
    assert.deepEqual(run({ ...ok(), cpu: '256', memory: '4096' }), ['"4096"']);
    assert.match(findings(RULE, json({ ...ok(), cpu: 8192, memory: 20000 }))[0].message, /16384-61440 in steps of 4096/);
  });
  it('accepts every size spelling: numbers, numeric strings, vCPU and GB strings', () => {
    for (const [cpu, memory] of [[256, 512], ['.25 vCPU', '0.5 GB'], ['0.25 vcpu', '2GB'], ['1 vCPU', '2 GB'], [512, '4096'], ['4 vCPU', '30 GB'], [8192, 61440], ['16 vCPU', '120 GB'], [16384, 122880]]) {
      assert.deepEqual(run({ ...ok(), cpu, memory }), [], `${cpu}/${memory}`);
    }
    assert.deepEqual(run({ ...ok(), cpu: '${CPU}', memory: '${MEMORY}' }), []);
  });
  it('applies to EC2+FARGATE definitions and never throws on odd types', () => {
    assert.deepEqual(run({ ...ok(), requiresCompatibilities: ['EC2', 'FARGATE'], networkMode: 'host' }), ['"host"']);
    assert.doesNotThrow(() => run({ ...ok(), cpu: null, memory: {}, volumes: [null, { host: 'x' }, { host: { sourcePath: null } }], containerDefinitions: [{ name: 'a', linuxParameters: { capabilities: { add: 'NET_ADMIN' } }, logConfiguration: 'x' }] }));
  });
});
