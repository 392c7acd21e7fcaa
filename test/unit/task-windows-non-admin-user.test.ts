import * as assert from 'node:assert/strict';
import { findings, flagged, lint, json, describeShape } from '../helpers';

const RULE = 'task/windows-non-admin-user';
const WIN = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } };
const task = (containers: object[], extra: object = WIN) => ({ family: 'iis', ...extra, containerDefinitions: containers });

describe(RULE, () => {
  it('flags ContainerAdministrator in any case on the value, in a later container', () => {
    for (const user of ['ContainerAdministrator', 'containeradministrator', 'CONTAINERADMINISTRATOR']) {
      const text = json(task([{ name: 'a', user: 'ContainerUser' }, { name: 'b', user }]));
      const fs = findings(RULE, text);
      assert.equal(fs.length, 1);
      assert.equal(flagged(text, fs[0]), JSON.stringify(user));
      assert.match(fs[0].message, /container "b"/);
    }
  });
  it('flags an absent user on the container name, also in the describe wrapper', () => {
    const text = json(task([{ name: 'iis' }]));
    assert.equal(flagged(text, findings(RULE, text)[0]), '"iis"');
    assert.equal(findings(RULE, describeShape(task([{ name: 'iis' }]))).length, 1);
  });
  it('does not flag non-admin users', () => {
    assert.equal(findings(RULE, json(task([{ name: 'a', user: 'ContainerUser' }, { name: 'b', user: 'svc-app' }]))).length, 0);
  });
  it('is silent on Linux and unset platforms (no double finding with task/non-root-user) and on bare arrays', () => {
    assert.equal(findings(RULE, json(task([{ name: 'a' }], {}))).length, 0);
    assert.equal(findings(RULE, json(task([{ name: 'a' }], { runtimePlatform: { operatingSystemFamily: 'LINUX' } }))).length, 0);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', user: 'ContainerAdministrator' }])).length, 0);
    assert.equal(findings('task/non-root-user', json(task([{ name: 'a' }]))).length, 0);
  });
  it('never throws on malformed input', () => {
    assert.doesNotThrow(() => lint(json(task([{ name: 'a', user: 7 }, null as unknown as object]))));
    assert.doesNotThrow(() => lint(json({ runtimePlatform: null, containerDefinitions: [{}] })));
  });
});
