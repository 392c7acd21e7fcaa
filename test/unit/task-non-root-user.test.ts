import * as assert from 'node:assert/strict';
import { findings, flagged, lint, applyFix, json, describeShape } from '../helpers';
import { isRootUser } from '../../rules/task/non-root-user';

const RULE = 'task/non-root-user';
const task = (containers: object[], extra: object = {}) => ({ family: 'web', ...extra, containerDefinitions: containers });

describe(RULE, () => {
  it('flags root identities on the user value, including "0" that Prowler misses', () => {
    for (const user of ['root', 'ROOT', '0', '0:0', 'root:root', 'root:staff', '0:1000', '']) {
      const text = json(task([{ name: 'a', user: '1000' }, { name: 'b', user }]));
      const fs = findings(RULE, text);
      assert.equal(fs.length, 1, user);
      assert.equal(flagged(text, fs[0]), JSON.stringify(user));
      assert.match(fs[0].message, /container "b"/);
    }
  });
  it('flags an absent user on the container name, in every shape', () => {
    const text = json(task([{ name: 'web', image: 'x' }]));
    assert.equal(flagged(text, findings(RULE, text)[0]), '"web"');
    assert.equal(findings(RULE, describeShape(task([{ name: 'a' }]))).length, 1);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x' }, { name: 'b', image: 'x', user: 'app' }])).length, 1);
  });
  it('does not flag non-root users', () => {
    for (const user of ['1000', '1000:1000', 'nginx', 'app:root', '10', 'rootless', '1337']) {
      assert.equal(findings(RULE, json(task([{ name: 'a', user }]))).length, 0, user);
    }
    assert.equal(isRootUser('00'), true);
  });
  it('is silent on Windows tasks (covered by task/windows-non-admin-user)', () => {
    assert.equal(findings(RULE, json(task([{ name: 'a' }], { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' } }))).length, 0);
  });
  it('treats a numeric 0 as root and null as absent, without throwing', () => {
    assert.equal(findings(RULE, json(task([{ name: 'a', user: 0 }]))).length, 1);
    assert.match(findings(RULE, json(task([{ name: 'a', user: null }])))[0].message, /does not set "user"/);
    assert.equal(findings(RULE, json(task([{ name: 'a', user: {} }]))).length, 0); // malformed: the schema's business
    assert.doesNotThrow(() => lint('{"containerDefinitions":[{"name":"a","user":'));
  });
  it('fix sets a placeholder uid (not safe, not preferred); re-lint is clean', () => {
    for (const text of [json(task([{ name: 'a', user: 'root' }])), json(task([{ name: 'a', image: 'x' }]))]) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, false);
      assert.notEqual(f.fixes![0].preferred, true);
      const fixed = applyFix(text, f);
      assert.equal(JSON.parse(fixed).containerDefinitions[0].user, '1000:1000');
      assert.equal(findings(RULE, fixed).length, 0);
    }
  });
});
