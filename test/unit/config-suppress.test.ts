// Suppressions: config ignores (rule globs, files, `at` forms), unused entries, .jsonc directives.
import * as assert from 'node:assert/strict';
import { defaultEngine } from '../../rules';
import { ConfigLoader, lintFile, unusedIgnoresAcross, type LintFileResult } from '../../config';
import { privilegedTask, TempTree } from './config-helpers';

const engine = defaultEngine();
const RULE = 'task/no-privileged';

describe('config: ignores entries', () => {
  let t: TempTree;
  beforeEach(() => { t = new TempTree(); });
  afterEach(() => t.cleanup());

  function run(ignores: unknown[], text = privilegedTask(['web', 'worker']), name = 'taskdef.json'): LintFileResult & { text: string } {
    t.write('.ecslintrc.json', { ignores });
    const r = lintFile(engine, t.write(name, text), text, { loader: new ConfigLoader(engine) });
    assert.deepEqual(r.configErrors, []);
    return { ...r, text };
  }
  const privileged = (r: LintFileResult) => r.findings.filter((f) => f.ruleId === RULE).length;

  it('at = container name suppresses only that container', () => {
    const r = run([{ rule: RULE, at: 'worker', reason: 'needs /dev access' }]);
    assert.equal(privileged(r), 1);
    assert.match(r.text.slice(r.findings.find((f) => f.ruleId === RULE)!.offset - 60), /"web"/);
    assert.equal(r.suppressed.length, 1);
    assert.equal(r.suppressed[0].by, 'config');
    assert.equal(r.suppressed[0].reason, 'needs /dev access');
    assert.deepEqual(r.unusedIgnores, []);
  });

  it('at = JSON pointer (and ~1 escapes); rule globs', () => {
    assert.equal(privileged(run([{ rule: RULE, at: '/containerDefinitions/0', reason: 'r' }])), 1);
    assert.equal(privileged(run([{ rule: 'task/*', at: '/containerDefinitions', reason: 'r' }])), 0);
    const text = JSON.stringify({ family: 'a', containerDefinitions: [{ name: 'x', image: 'nginx:1', privileged: true, dockerLabels: { 'a/b': 'c' } }] });
    const r = run([{ rule: RULE, at: '/containerDefinitions/0/privileged', reason: 'r' }, { rule: 'task/*', at: '/containerDefinitions/0/dockerLabels/a~1b', reason: 'r' }], text);
    assert.equal(privileged(r), 0);
    assert.equal(r.unusedIgnores.length, 1, 'the label pointer suppressed nothing');
    assert.equal(r.unusedIgnores[0].index, 1);
  });

  it('at = Sid in an IAM policy', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [
      { Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'Other', Effect: 'Allow', Action: 's3:*', Resource: '*' },
    ] }, null, 2);
    const before = run([], policy, 'policy.json').findings.length;
    const r = run([{ rule: 'iam/*', at: 'Admin', reason: 'break-glass role' }], policy, 'policy.json');
    assert.ok(r.suppressed.length > 0);
    assert.equal(r.findings.length + r.suppressed.length, before);
    const adminEnd = policy.indexOf('"Other"');
    assert.ok(r.suppressed.every((s) => s.finding.offset < adminEnd), 'only findings inside the Admin statement');
    assert.ok(r.findings.some((f) => f.offset > adminEnd), 'the other statement is still linted');
  });

  it('files globs restrict an entry; an entry for other files is not unused for this one', () => {
    const r = run([{ rule: RULE, files: ['other/*.json'], reason: 'r' }]);
    assert.equal(privileged(r), 2);
    assert.deepEqual(r.unusedIgnores, []);
    assert.deepEqual(unusedIgnoresAcross([r]).map((u) => u.index), [0], 'across files it matched nothing, so it is unused');
  });

  it('reports unused entries with their range in the config file, and across files only if no file used them', () => {
    const rc = JSON.stringify({ ignores: [{ rule: RULE, at: 'web', reason: 'r' }, { rule: 'task/no-host-pid', reason: 'never matches' }] }, null, 2);
    t.write('.ecslintrc.json', rc);
    const loader = new ConfigLoader(engine);
    const a = lintFile(engine, t.write('a/taskdef.json', privilegedTask(['web'])), privilegedTask(['web']), { loader });
    const b = lintFile(engine, t.write('b/taskdef.json', privilegedTask(['api'])), privilegedTask(['api']), { loader });
    assert.deepEqual(b.unusedIgnores.map((u) => u.index), [0, 1]);
    const across = unusedIgnoresAcross([a, b]);
    assert.deepEqual(across.map((u) => u.index), [1]);
    assert.equal(across[0].configFile, t.path('.ecslintrc.json'));
    const slice = rc.slice(across[0].offset, across[0].offset + across[0].length);
    assert.equal(JSON.parse(slice).reason, 'never matches');
  });
});

describe('config: ecs-lint-disable-next-line directives', () => {
  let t: TempTree;
  beforeEach(() => { t = new TempTree(); });
  afterEach(() => t.cleanup());

  const task = (comment: string) => `{
  "family": "app",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      ${comment}
      "privileged": true
    }
  ]
}`;
  function run(name: string, text: string) {
    return lintFile(engine, t.write(name, text), text, { loader: new ConfigLoader(engine), kind: 'task-definition' });
  }

  it('suppresses the named rule on the next line in .jsonc (line and block comments)', () => {
    for (const c of [`// ecs-lint-disable-next-line ${RULE} -- GPU driver install`, `/* ecs-lint-disable-next-line task/image-pinned, ${RULE} -- GPU driver */`]) {
      const r = run('taskdef.jsonc', task(c));
      assert.equal(r.findings.filter((f) => f.ruleId === RULE).length, 0, c);
      assert.equal(r.suppressed.find((s) => s.finding.ruleId === RULE)?.by, 'directive');
      assert.ok(!r.findings.some((f) => f.ruleId.startsWith('config/')), JSON.stringify(r.findings));
    }
  });

  it('has no effect in .json files, and says so', () => {
    const r = run('taskdef.json', task(`// ecs-lint-disable-next-line ${RULE} -- reason`));
    assert.equal(r.findings.filter((f) => f.ruleId === RULE).length, 1);
    const p = r.findings.filter((f) => f.ruleId === 'config/invalid-directive');
    assert.equal(p.length, 1);
    assert.match(p[0].message, /has no effect: .*only work in \.jsonc files; use an "ignores" entry/);
    assert.deepEqual(run('taskdef.json', task('// a plain comment')).findings.filter((f) => f.ruleId.startsWith('config/')), []);
  });

  it('stacks over blank and comment lines; ecs-lint-disable-line disables its own line', () => {
    const stacked = run('taskdef.jsonc', task(`// ecs-lint-disable-next-line ${RULE} -- GPU driver\n\n      // another comment\n`));
    assert.equal(stacked.findings.filter((f) => f.ruleId === RULE).length, 0);
    const text = task('').replace('"privileged": true', `"privileged": true // ecs-lint-disable-line ${RULE} -- GPU driver`);
    const same = run('taskdef.jsonc', text);
    assert.equal(same.findings.filter((f) => f.ruleId === RULE).length, 0);
    assert.equal(same.suppressed.find((s) => s.finding.ruleId === RULE)?.reason, 'GPU driver');
  });

  it('reports unknown rules, a missing reason (then has no effect) and unused directives', () => {
    const unknown = run('taskdef.jsonc', task(`// ecs-lint-disable-next-line task/nope, ${RULE} -- reason`));
    const u = unknown.findings.filter((f) => f.ruleId === 'config/invalid-directive');
    assert.equal(u.length, 1);
    assert.match(u[0].message, /Unknown rule "task\/nope"/);
    assert.equal(unknown.findings.filter((f) => f.ruleId === RULE).length, 0, 'the known rule is still disabled');

    const text = task(`// ecs-lint-disable-next-line ${RULE}`);
    const noReason = run('taskdef.jsonc', text);
    const m = noReason.findings.find((f) => f.ruleId === 'config/invalid-directive')!;
    assert.match(m.message, /needs a reason/);
    assert.equal(text.slice(m.offset, m.offset + m.length), `// ecs-lint-disable-next-line ${RULE}`);
    assert.equal(noReason.findings.filter((f) => f.ruleId === RULE).length, 1);

    const unused = run('taskdef.jsonc', task('// ecs-lint-disable-next-line task/no-host-pid -- reason'));
    assert.equal(unused.findings.filter((f) => f.ruleId === 'config/unused-ignore').length, 1);
  });
});
