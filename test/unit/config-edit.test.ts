// Writing suppressions: the `at` chosen for a finding, and config texts (JSON, YAML, package.json) with a new entry
// that then really suppresses the finding.
import * as assert from 'node:assert/strict';
import { defaultEngine } from '../../rules';
import { addIgnoreEntry, checkConfigText, ConfigLoader, filesGlobFor, ignoreTarget, lintFile, TODO_REASON } from '../../config';
import { privilegedTask, TempTree } from './config-helpers';

const engine = defaultEngine();

describe('config: writing ignore entries', () => {
  let t: TempTree;
  beforeEach(() => { t = new TempTree(); });
  afterEach(() => t.cleanup());

  it('picks Sid, then container name, then a JSON pointer', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }] });
    const pf = engine.lint(policy, { kind: 'identity-policy' }).findings[0];
    assert.equal(ignoreTarget(pf, policy, 'identity-policy'), 'Admin');
    const task = privilegedTask(['web']);
    const tf = engine.lint(task, { kind: 'task-definition' }).findings.find((f) => f.ruleId === 'task/no-privileged')!;
    assert.equal(ignoreTarget(tf, task, 'task-definition'), 'web');
    const svc = JSON.stringify({ serviceName: 's', cluster: 'c', networkConfiguration: { awsvpcConfiguration: { assignPublicIp: 'ENABLED' } } });
    const sf = engine.lint(svc, { kind: 'service-definition' }).findings.find((f) => f.ruleId === 'service/no-public-ip')!;
    assert.equal(ignoreTarget(sf, svc, 'service-definition'), '/networkConfiguration/awsvpcConfiguration/assignPublicIp');
  });

  it('appends to JSON, YAML and package.json configs, keeping what was there', () => {
    const entry = { rule: 'task/no-privileged', files: ['svc/taskdef.json'], at: 'web', reason: TODO_REASON };
    const json = addIgnoreEntry('/x/.ecslintrc.json', '{\n    "rules": { "task/image-pinned": "off" },\n    "ignores": [{ "rule": "task/no-host-pid", "reason": "r" }]\n}\n', entry);
    assert.deepEqual(JSON.parse(json).ignores[1], entry);
    assert.match(json, /\n {4}"rules"/, 'indentation kept');
    const yaml = addIgnoreEntry('/x/.ecslintrc.yaml', '# team config\nrules:\n  task/image-pinned: off\n', entry);
    assert.match(yaml, /^# team config\n/);
    assert.deepEqual(checkConfigText(engine, '/x/.ecslintrc.yaml', yaml), []);
    const pkg = addIgnoreEntry('/x/package.json', '{ "name": "x", "ecsLint": { "rules": {} } }', entry);
    assert.deepEqual(JSON.parse(pkg).ecsLint.ignores, [entry]);
    assert.equal(JSON.parse(pkg).name, 'x');
    assert.deepEqual(JSON.parse(addIgnoreEntry('/x/.ecslintrc.json', '', entry)), { ignores: [entry] });
    assert.equal(filesGlobFor('/x/.ecslintrc.json', '/x/a [1]/t.json'), 'a \\[1\\]/t.json');
  });

  it('the written entry suppresses the finding it was made for', () => {
    const rc = t.write('.ecslintrc.json', '{}');
    const file = t.write('svc/taskdef.json', privilegedTask(['web', 'api']));
    const text = privilegedTask(['web', 'api']);
    const before = lintFile(engine, file, text, { loader: new ConfigLoader(engine) });
    const f = before.findings.find((x) => x.ruleId === 'task/no-privileged')!;
    t.write('.ecslintrc.json', addIgnoreEntry(rc, '{}', { rule: f.ruleId, files: [filesGlobFor(rc, file)], at: ignoreTarget(f, text, before.kind), reason: TODO_REASON }));
    const after = lintFile(engine, file, text, { loader: new ConfigLoader(engine) });
    assert.deepEqual(after.configErrors, []);
    assert.equal(after.findings.filter((x) => x.ruleId === 'task/no-privileged').length, 1, 'only the other container remains');
    assert.equal(after.suppressed[0].finding.offset, f.offset);
  });
});
