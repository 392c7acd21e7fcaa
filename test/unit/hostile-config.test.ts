// Hostile repository configs (issue 16): patterns that backtrack exponentially, extends that reach outside the
// repository, symbolic links to secrets, and extends diamonds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultEngine } from '../../rules';
import { globMatcher } from '../../rules/core/glob';
import { ConfigLoader, lintFile } from '../../config';
import { privilegedTask, TempTree } from './config-helpers';

const engine = defaultEngine();
const elapsed = (fn: () => void) => { const t0 = performance.now(); fn(); return performance.now() - t0; };

describe('hostile configs: patterns', () => {
  let t: TempTree;
  beforeEach(() => { t = new TempTree(); });
  afterEach(() => t.cleanup());

  it('secretNamePatterns "^(a+)+$" runs in linear time (RE2) and still matches', () => {
    t.write('.ecslintrc.json', { rules: { 'task/no-plaintext-secrets': ['error', { secretNamePatterns: ['^(a+)+$'] }] } });
    const mk = (name: string) => JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'c', image: 'x', environment: [{ name, value: 'p4ssw0rd-value' }] }] });
    const file = t.path('taskdef.json');
    const loader = new ConfigLoader(engine);
    let r = lintFile(engine, file, mk('a'.repeat(32)), { loader });
    assert.deepEqual(r.configErrors, []);
    assert.ok(r.findings.some((f) => f.ruleId === 'task/no-plaintext-secrets'), 'the pattern still matches');
    const ms = elapsed(() => { r = lintFile(engine, file, mk('a'.repeat(5000) + '!'), { loader }); });
    assert.ok(!r.findings.some((f) => f.ruleId === 'task/no-plaintext-secrets'));
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms (V8 needed 100 s for 32 characters)`);
  });

  it('a pattern RE2 cannot run (lookaround, backreference) is a config error, not silently weakened', () => {
    t.write('.ecslintrc.json', { rules: { 'task/no-plaintext-secrets': ['error', { secretNamePatterns: ['^(?=A)B', '(a)\\1'] }] } });
    const r = lintFile(engine, t.path('taskdef.json'), privilegedTask(), { loader: new ConfigLoader(engine) });
    assert.equal(r.configErrors.length, 2);
    for (const e of r.configErrors) assert.match(e.message, /unsupported regular expression .*linear-time engine/);
  });

  it('an ignorePatterns glob like *a*a*a*a*a*a*a*a*a*a*b against a 40-character name is instant', () => {
    const glob = '*a'.repeat(10) + '*b';
    const name = 'a'.repeat(40) + '.json';
    t.write('.ecslintrc.json', { ignorePatterns: [glob] });
    const ms = elapsed(() => {
      const r = lintFile(engine, t.path(name), privilegedTask(), { loader: new ConfigLoader(engine) });
      assert.ok(r.findings.some((f) => f.ruleId === 'task/no-privileged'), 'not ignored: it does not match');
    });
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms (picomatch took over 100 s)`);
    const big = elapsed(() => assert.ok(!globMatcher('*a'.repeat(200) + '*b')('a'.repeat(5000))));
    assert.ok(big < 2000, `${big.toFixed(0)} ms for a 401-token glob on 5,000 characters`);
    assert.ok(globMatcher(glob)('xaaaaaaaaaaaab'), 'and still matches what it should');
  });

  it('brace expansion is bounded, and such a glob is a config error', () => {
    assert.throws(() => globMatcher('{a,b}'.repeat(12)), /more than 256 alternatives/);
    t.write('.ecslintrc.json', { ignorePatterns: ['{a,b}'.repeat(12)] });
    const r = lintFile(engine, t.path('taskdef.json'), privilegedTask(), { loader: new ConfigLoader(engine) });
    assert.match(r.configErrors[0].message, /more than 256 alternatives/);
    assert.ok(globMatcher('{a,b}{c,d}.json')('bd.json'));
  });
});

describe('hostile configs: extends stays inside the repository', () => {
  let t: TempTree;
  let outside: string;
  const SECRET = 'AWS_SECRET_ACCESS_KEY_VALUE_DO_NOT_PRINT';
  beforeEach(() => {
    t = new TempTree();
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-outside-')));
    // A foreign file whose keys and values must never reach an error message.
    fs.writeFileSync(path.join(outside, 'config.json'), JSON.stringify({ auths: { [SECRET]: { auth: SECRET } } }));
  });
  afterEach(() => { t.cleanup(); fs.rmSync(outside, { recursive: true, force: true }); });

  const errorsOf = (rc: unknown, file = 'taskdef.json') => {
    t.write('.ecslintrc.json', rc);
    return lintFile(engine, t.path(file), privilegedTask(), { loader: new ConfigLoader(engine) }).configErrors;
  };
  const assertNotQuoted = (errors: { message: string }[]) => {
    assert.ok(errors.length > 0);
    for (const e of errors) assert.ok(!e.message.includes(SECRET) && !e.message.includes('auths'), e.message);
  };

  it('an absolute path is refused', () => {
    const errors = errorsOf({ extends: path.join(outside, 'config.json') });
    assert.match(errors[0].message, /must be a relative path/);
    assertNotQuoted(errors);
    assert.match(errorsOf({ extends: '/proc/self/environ' })[0].message, /must be a relative path/);
  });

  it('../../.. out of the repository is refused without reading the target', () => {
    const rel = path.relative(t.root, path.join(outside, 'config.json'));
    const errors = errorsOf({ extends: `./${rel}` });
    assert.match(errors[0].message, /is outside the repository .* it was not read/);
    assertNotQuoted(errors);
  });

  it('a symbolic link inside the repository that leads outside is refused', () => {
    fs.symlinkSync(path.join(outside, 'config.json'), t.path('base.json'));
    const errors = errorsOf({ extends: './base.json' });
    assert.match(errors[0].message, /through a symbolic link/);
    assertNotQuoted(errors);
  });

  it('a config file that is itself a link to a file outside is not read', () => {
    fs.symlinkSync(path.join(outside, 'config.json'), t.path('.ecslintrc.json'));
    const r = lintFile(engine, t.path('taskdef.json'), privilegedTask(), { loader: new ConfigLoader(engine) });
    assert.match(r.configErrors[0].message, /symbolic link to a file outside the repository/);
    assertNotQuoted(r.configErrors);
    assert.ok(r.findings.some((f) => f.ruleId === 'task/no-privileged'));
  });

  it('inside the repository, ../ and links within it still work', () => {
    t.write('shared/base.json', { rules: { 'task/no-privileged': 'warning' } });
    fs.symlinkSync(t.path('shared/base.json'), t.path('shared/link.json'));
    t.write('app/.ecslintrc.json', { extends: ['../shared/base.json', '../shared/link.json'] });
    const r = lintFile(engine, t.path('app/taskdef.json'), privilegedTask(), { loader: new ConfigLoader(engine) });
    assert.deepEqual(r.configErrors, []);
    assert.equal(r.findings.find((f) => f.ruleId === 'task/no-privileged')?.severity, 'warning');
  });

  it('the editor contains extends in the workspace folder', () => {
    t.write('shared/base.json', { rules: { 'task/no-privileged': 'warning' } });
    t.write('app/.ecslintrc.json', { extends: '../shared/base.json' });
    const loader = new ConfigLoader(engine, { roots: () => [t.path('app')] });
    const r = lintFile(engine, t.path('app/taskdef.json'), privilegedTask(), { loader });
    assert.match(r.configErrors[0].message, /outside the repository/);
  });

  it('a wide extends diamond is expanded once per file (no blow-up, no exception)', () => {
    // 12 levels of 4 files, each extending all 4 of the level below: 4^12 paths, 48 files.
    const W = 4, D = 12;
    for (let d = 0; d < D; d++) {
      for (let w = 0; w < W; w++) {
        t.write(`d/${d}-${w}.json`, { extends: d + 1 < D ? Array.from({ length: W }, (_, k) => `./${d + 1}-${k}.json`) : [], rules: { 'task/no-privileged': 'warning' } });
      }
    }
    t.write('d/.ecslintrc.json', { extends: Array.from({ length: W }, (_, k) => `./0-${k}.json`) });
    let r: ReturnType<typeof lintFile> | undefined;
    const ms = elapsed(() => { r = lintFile(engine, t.path('d/taskdef.json'), privilegedTask(), { loader: new ConfigLoader(engine) }); });
    assert.deepEqual(r!.configErrors, []);
    assert.equal(r!.config.sources.length, W * D + 1);
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });
});
