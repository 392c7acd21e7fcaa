import * as assert from 'node:assert/strict';
import { findings, flagged, lint, json, describeShape } from '../helpers';
import { normaliseHostPath } from '../../rules/task/no-sensitive-host-mounts';

const RULE = 'task/no-sensitive-host-mounts';
const mp = (sourceVolume: string, readOnly?: boolean) => ({ sourceVolume, containerPath: '/mnt/x', ...(readOnly === undefined ? {} : { readOnly }) });
const task = (sourcePath: unknown, containers: object[] = [{ name: 'agent', image: 'x', mountPoints: [mp('v')] }]) => ({
  family: 'daemon',
  volumes: [{ name: 'scratch' }, { name: 'v', host: { sourcePath } }],
  containerDefinitions: containers,
});
const one = (sourcePath: unknown, containers?: object[]) => {
  const text = json(task(sourcePath, containers));
  return { text, fs: findings(RULE, text) };
};

describe(RULE, () => {
  it('flags the Docker socket as an error on the sourcePath value, naming the container', () => {
    const { text, fs } = one('/var/run/docker.sock', [{ name: 'app', image: 'x' }, { name: 'agent', image: 'x', mountPoints: [mp('v')] }]);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"/var/run/docker.sock"');
    assert.equal(fs[0].severity, 'error');
    assert.match(fs[0].message, /container "agent"/);
    assert.doesNotMatch(fs[0].message, /container "app"/);
  });
  it('treats runtime sockets, their sub paths and /run, /var/run as errors even when read-only', () => {
    for (const p of ['/run/docker.sock', '/var/run/containerd', '/run/containerd/containerd.sock', '//var/run//docker.sock/', '/var/run', '/run/']) {
      const { fs } = one(p, [{ name: 'a', image: 'x', mountPoints: [mp('v', true)] }]);
      assert.equal(fs.length, 1, p);
      assert.equal(fs[0].severity, 'error', p);
    }
  });
  it('flags sensitive directories as warnings, and read-only mounts of them as info', () => {
    for (const p of ['/', '/etc', '/proc/', '/sys', '/root', '/home', '/var/lib/docker', '/boot', '/dev']) {
      assert.equal(one(p).fs[0]?.severity, 'warning', p);
      assert.equal(one(p, [{ name: 'a', image: 'x', mountPoints: [mp('v', true)] }]).fs[0]?.severity, 'info', p);
    }
    // One writable mount among read-only ones keeps the warning.
    const { fs } = one('/etc', [{ name: 'a', image: 'x', mountPoints: [mp('v', true)] }, { name: 'b', image: 'x', mountPoints: [mp('v')] }]);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /container "a", container "b"/);
  });
  it('flags in the describe wrapper; a bare container array has no volumes and is silent', () => {
    assert.equal(findings(RULE, describeShape(task('/var/run/docker.sock'))).length, 1);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', mountPoints: [mp('v')] }])).length, 0);
  });
  it('does not flag unmounted volumes, harmless or sub paths, or other volume types', () => {
    assert.equal(one('/var/run/docker.sock', [{ name: 'a', image: 'x', mountPoints: [mp('other')] }]).fs.length, 0);
    assert.equal(one('/var/run/docker.sock', [{ name: 'a', image: 'x' }]).fs.length, 0);
    for (const p of ['/var/log', '/sys/fs/cgroup', '/etc/ssl/certs', '/data', '/var/run-other', '/proc2', 'C:\\ProgramData']) assert.equal(one(p).fs.length, 0, p);
    const efs = { family: 'x', volumes: [{ name: 'v', efsVolumeConfiguration: { fileSystemId: 'fs-1', rootDirectory: '/' } }], containerDefinitions: [{ name: 'a', image: 'x', mountPoints: [mp('v')] }] };
    assert.equal(findings(RULE, json(efs)).length, 0);
  });
  it('never throws on malformed input', () => {
    for (const t of [
      json({ family: 'x', volumes: [null, 1, { name: 'v', host: null }, { name: 'w', host: { sourcePath: 5 } }], containerDefinitions: [{ name: 'a', mountPoints: [null, { sourceVolume: 7 }] }] }),
      json({ family: 'x', volumes: 'v', containerDefinitions: [] }), '{"volumes":[{"name":"v","host":{"sourcePath":"/var/run/dock',
    ]) assert.doesNotThrow(() => lint(t));
    assert.equal(normaliseHostPath('///'), '/');
  });
});
