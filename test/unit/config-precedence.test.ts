// Config files: upward search, precedence of every layer, extends (incl. cycles), formats, invalid files.
import * as assert from 'node:assert/strict';
import { defaultEngine } from '../../rules';
import { ConfigLoader, lintFile, printConfig, type LintFileOptions } from '../../config';
import { privilegedTask, TempTree } from './config-helpers';

const engine = defaultEngine();
const RULE = 'task/no-privileged';

describe('config: precedence and loading', () => {
  let t: TempTree;
  beforeEach(() => { t = new TempTree(); });
  afterEach(() => t.cleanup());

  function severity(rel: string, opts: LintFileOptions = {}): string | undefined {
    const file = t.write(rel, privilegedTask());
    const r = lintFile(engine, file, privilegedTask(), { loader: new ConfigLoader(engine), ...opts });
    assert.deepEqual(r.configErrors, []);
    return r.findings.find((f) => f.ruleId === RULE)?.severity;
  }

  it('uses the rule default without any config', () => {
    assert.equal(severity('a/taskdef.json'), 'error');
  });

  it('editor settings beat defaults', () => {
    assert.equal(severity('a/taskdef.json', { editorSettings: { rules: { [RULE]: 'hint' } } }), 'hint');
  });

  it('a parent config beats editor settings', () => {
    t.write('.ecslintrc.json', { rules: { [RULE]: 'info' } });
    assert.equal(severity('a/taskdef.json', { editorSettings: { rules: { [RULE]: 'hint' } } }), 'info');
  });

  it('the nearest config beats parent configs', () => {
    t.write('.ecslintrc.json', { rules: { [RULE]: 'info' } });
    t.write('a/.ecslintrc.yaml', `rules:\n  ${RULE}: warning\n`);
    assert.equal(severity('a/b/taskdef.json'), 'warning');
  });

  it('CLI flags beat the nearest config', () => {
    t.write('a/.ecslintrc.json', { rules: { [RULE]: 'info' } });
    assert.equal(severity('a/taskdef.json', { cliRules: { [RULE]: 'warning' } }), 'warning');
    assert.equal(severity('a/taskdef.json', { cliRules: { [RULE]: 'off' } }), undefined);
  });

  it('extends apply before the file that extends them, and are listed after it in sources', () => {
    t.write('shared/base.yml', `rules:\n  ${RULE}: hint\n  task/image-pinned: info\n`);
    const rc = t.write('a/.ecslintrc.json', { extends: '../shared/base.yml', rules: { [RULE]: 'warning' } });
    assert.equal(severity('a/taskdef.json'), 'warning');
    const file = t.path('a/taskdef.json');
    const printed = JSON.parse(printConfig(file, { loader: new ConfigLoader(engine) }));
    assert.deepEqual(printed.sources, [rc, t.path('shared/base.yml')]);
    assert.equal(printed.rules['task/image-pinned'].severity, 'info');
    assert.equal(printed.rules['task/image-pinned'].from, t.path('shared/base.yml'));
    assert.deepEqual(printed.rules[RULE], { severity: 'warning', from: rc });
    assert.equal(printed.rules['task/no-host-pid'].from, 'default');
  });

  it('root: true stops the upward search; --no-config and --config bypass it', () => {
    t.write('.ecslintrc.json', { rules: { [RULE]: 'off' } });
    t.write('a/package.json', { name: 'x', ecsLint: { root: true, rules: { [RULE]: 'info' } } });
    assert.equal(severity('a/taskdef.json'), 'info');
    assert.equal(severity('a/taskdef.json', { noConfig: true }), 'error');
    const other = t.write('other.yaml', `rules:\n  ${RULE}: hint\n`);
    assert.equal(severity('a/taskdef.json', { configFile: other }), 'hint');
  });

  it('a package.json without "ecsLint" is not a config (the search goes on)', () => {
    t.write('.ecslintrc.json', { rules: { [RULE]: 'info' } });
    t.write('a/package.json', { name: 'x' });
    assert.equal(severity('a/taskdef.json'), 'info');
  });

  it('reports an extends cycle clearly instead of looping', () => {
    t.write('a.json', { extends: './b.json' });
    t.write('b.json', { extends: './a.json', rules: { [RULE]: 'info' } });
    const file = t.write('x/taskdef.json', privilegedTask());
    const r = lintFile(engine, file, privilegedTask(), { configFile: t.path('a.json'), loader: new ConfigLoader(engine) });
    assert.equal(r.configErrors.length, 1);
    assert.match(r.configErrors[0].message, /"extends" cycle: a\.json -> b\.json -> a\.json/);
    assert.equal(r.findings.find((f) => f.ruleId === RULE)?.severity, 'info', 'the valid part still applies');
  });

  it('files.associations in a config set the kind, relative to the config file', () => {
    t.write('.ecslintrc.json', { files: { associations: { 'deploy/*.json': 'task-definition' } } });
    const text = JSON.stringify({ containerDefinitions: [] });
    const inDeploy = lintFile(engine, t.write('deploy/x.json', text), '{}', { loader: new ConfigLoader(engine) });
    assert.equal(inDeploy.kind, 'task-definition');
    const elsewhere = lintFile(engine, t.write('other/deploy/x.json', '{}'), '{}', { loader: new ConfigLoader(engine) });
    assert.equal(elsewhere.kind, 'unknown');
  });

  it('ignorePatterns (relative to the config file) skip files and directories', () => {
    t.write('.ecslintrc.json', { ignorePatterns: ['generated', 'legacy/*.json'] });
    const loader = new ConfigLoader(engine);
    const a = lintFile(engine, t.write('generated/deep/taskdef.json', privilegedTask()), privilegedTask(), { loader });
    assert.equal(a.config.ignored, true);
    assert.deepEqual(a.findings, []);
    assert.equal(lintFile(engine, t.write('legacy/taskdef.json', privilegedTask()), privilegedTask(), { loader }).config.ignored, true);
    assert.equal(lintFile(engine, t.write('src/taskdef.json', privilegedTask()), privilegedTask(), { loader }).config.ignored, false);
  });

  it('re-reads a changed config file (mtime check); a trusting loader sees new files only after invalidation', () => {
    t.write('.ecslintrc.json', { rules: { [RULE]: 'info' } });
    const loader = new ConfigLoader(engine, { trustCache: true });
    const file = t.write('a/taskdef.json', privilegedTask());
    const sev = () => lintFile(engine, file, privilegedTask(), { loader }).findings.find((f) => f.ruleId === RULE)?.severity;
    assert.equal(sev(), 'info');
    t.write('.ecslintrc.json', { rules: { [RULE]: 'warning', 'task/image-pinned': 'off' } });
    assert.equal(sev(), 'warning', 'size/mtime changed');
    const nearer = t.write('a/.ecslintrc.json', { rules: { [RULE]: 'hint' } });
    assert.equal(sev(), 'warning', 'directory lookups are trusted until invalidated');
    loader.invalidate(nearer);
    assert.equal(sev(), 'hint');
    // The default loader probes directories each time.
    t.write('a/.ecslintrc.json', { rules: { [RULE]: 'off' } });
    assert.equal(lintFile(engine, file, privilegedTask()).findings.find((f) => f.ruleId === RULE), undefined);
  });
});

describe('config: invalid files are errors with ranges, never crashes', () => {
  let t: TempTree;
  beforeEach(() => { t = new TempTree(); });
  afterEach(() => t.cleanup());

  function errorsFor(name: string, content: string) {
    const rc = t.write(name, content);
    const r = lintFile(engine, t.write('taskdef.json', privilegedTask()), privilegedTask(), { loader: new ConfigLoader(engine) });
    return r.configErrors.map((e) => ({ ...e, at: e.offset !== undefined ? content.slice(e.offset, e.offset + e.length!) : undefined, rc }));
  }

  it('broken JSON', () => {
    const e = errorsFor('.ecslintrc.json', '{ "rules": { ');
    assert.equal(e.length, 1);
    assert.match(e[0].message, /invalid JSON/);
    assert.equal(e[0].file, e[0].rc);
  });

  it('broken YAML', () => {
    const e = errorsFor('.ecslintrc.yml', 'rules:\n  a: [\n');
    assert.equal(e.length, 1);
    assert.match(e[0].message, /invalid YAML/);
  });

  it('unknown rule, bad severity, unknown top-level key, bad kind', () => {
    const text = JSON.stringify({ rules: { 'task/no-such-rule': 'error', [RULE]: 'fatal' }, rulez: {}, files: { associations: { '*.json': 'helm-chart' } } }, null, 2);
    const e = errorsFor('.ecslintrc.json', text);
    assert.deepEqual(e.map((x) => x.message), [
      'unknown property "rulez" (expected one of $schema, root, extends, rules, files, ignorePatterns, ignores)',
      'unknown rule "task/no-such-rule"',
      'invalid severity "fatal" (use off, error, warning, info or hint)',
      'unknown document kind "helm-chart" for "*.json"',
    ]);
    assert.equal(e[1].at, '"error"');
    assert.equal(e[2].at, '"fatal"');
  });

  it('bad rule options: unknown option, wrong type, invalid regex, rule without options', () => {
    const text = JSON.stringify({ rules: {
      'task/required-tags': ['warning', { tag: ['owner'] }],
      'task/no-dangerous-capabilities': { severity: 'error', options: { extraCapabilities: 'CHOWN' } },
      'task/no-plaintext-secrets': ['error', { secretNamePatterns: ['(unclosed'] }],
      [RULE]: ['error', { x: 1 }],
    } }, null, 2);
    const msgs = errorsFor('.ecslintrc.json', text).map((x) => x.message);
    assert.equal(msgs.length, 4);
    assert.match(msgs[0], /unknown option "tag" for task\/required-tags/);
    assert.match(msgs[1], /option "extraCapabilities" must be an array of strings/);
    assert.match(msgs[2], /unsupported regular expression "\(unclosed"/);
    assert.match(msgs[3], /rule "task\/no-privileged" takes no options/);
  });

  it('ignores entries need a reason and a known rule', () => {
    const text = JSON.stringify({ ignores: [{ rule: RULE, at: 'web' }, { rule: RULE, reason: '  ' }, { rule: 'nope/x', reason: 'r' }, { rule: RULE, reason: 'ok', why: 1 }] }, null, 2);
    const e = errorsFor('.ecslintrc.json', text);
    assert.equal(e.length, 4);
    assert.match(e[0].message, /needs a non-empty "reason"/);
    assert.ok(e[0].at?.startsWith('{') && e[0].at.includes('"web"'), 'points at the entry');
    assert.match(e[1].message, /needs a non-empty "reason"/);
    assert.match(e[2].message, /unknown rule "nope\/x"/);
    assert.match(e[3].message, /unknown property "why"/);
  });

  it('extends target missing or not a relative path', () => {
    const e = errorsFor('.ecslintrc.json', JSON.stringify({ extends: ['./missing.json', 'some-package'] }));
    assert.deepEqual(e.map((x) => x.message), [
      '"extends" entry "some-package" must be a path starting with ./ or ../ (packages are not loaded)',
      '"extends" target not found: ./missing.json',
    ]);
    assert.equal(e[1].at, '"./missing.json"');
  });

  it('garbage of every shape is an error, never an exception (incl. a YAML alias bomb)', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';
    const cases: [string, string][] = [
      ['.ecslintrc.yaml', bomb], ['.ecslintrc.json', 'null'], ['.ecslintrc.json', '"rules"'], ['.ecslintrc', '[1, 2]'],
      ['.ecslintrc.json', JSON.stringify({ rules: null, ignores: {}, ignorePatterns: [1], files: [], extends: 5, root: 'yes' })],
      ['.ecslintrc.json', JSON.stringify({ rules: { ['__proto__']: 'off', 'task/no-privileged': [] }, ignores: [null, 'x', { rule: '[' , reason: 'r' }] })],
      ['.ecslintrc.yml', '\u0000\u0001: ['], ['.ecslintrc.json', '\ufeff{"rules": {}}'],
    ];
    for (const [name, content] of cases) {
      const d = new TempTree();
      try {
        d.write(name, content);
        const r = lintFile(engine, d.write('taskdef.json', privilegedTask()), privilegedTask(), { loader: new ConfigLoader(engine) });
        assert.ok(Array.isArray(r.findings));
        if (!content.startsWith('\ufeff')) assert.ok(r.configErrors.length > 0, `${name}: ${content.slice(0, 40)}`);
        else assert.deepEqual(r.configErrors, []);
      } finally { d.cleanup(); }
    }
  });

  it('a config that is not an object', () => {
    assert.match(errorsFor('.ecslintrc.yaml', '- a\n- b\n')[0].message, /must be an object/);
  });
});
