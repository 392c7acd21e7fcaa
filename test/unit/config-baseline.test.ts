// Baselines: fingerprints survive line shifts and unrelated edits; file round-trip; only new findings stay active.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { defaultEngine } from '../../rules';
import { addToBaseline, BaselineError, ConfigLoader, emptyBaseline, fingerprints, lintFile, parseBaseline, readBaseline, writeBaseline } from '../../config';
import { privilegedTask, TempTree } from './config-helpers';

const engine = defaultEngine();

describe('config: baseline', () => {
  let t: TempTree;
  beforeEach(() => { t = new TempTree(); });
  afterEach(() => t.cleanup());

  it('round-trips through a file and keeps old findings suppressed after lines are inserted above them', () => {
    const file = t.write('svc/taskdef.json', privilegedTask(['web']));
    const loader = new ConfigLoader(engine);
    const first = lintFile(engine, file, privilegedTask(['web']), { loader });
    assert.ok(first.findings.length > 0);
    const b = emptyBaseline(t.root);
    addToBaseline(b, file, first.findings, first.fingerprints);
    const baselineFile = t.path('ecs-lint-baseline.json');
    writeBaseline(baselineFile, b);
    const written = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
    assert.equal(written.version, 1);
    assert.deepEqual(Object.keys(written.files), ['svc/taskdef.json'], 'relative posix paths');

    // New lines above, a new container before the old one (by name, not index), and a new privileged container.
    const edited = JSON.stringify({
      family: 'app', cpu: '256', memory: '512',
      containerDefinitions: [{ name: 'sidecar', image: 'busybox', privileged: true }, { name: 'web', image: 'nginx:1.27', privileged: true }],
    }, null, 4);
    const r = lintFile(engine, file, edited, { loader, baseline: readBaseline(baselineFile) });
    assert.equal(r.suppressed.filter((s) => s.by === 'baseline').length, first.findings.length);
    const fresh = r.findings.map((f) => f.ruleId + ' ' + edited.slice(f.offset - 40, f.offset));
    assert.ok(fresh.length > 0 && r.findings.every((f) => f.offset < edited.indexOf('"web"')), `only sidecar findings are new: ${fresh.join('\n')}`);
  });

  it('numbers identical findings so a new duplicate is new', () => {
    const text = JSON.stringify({ family: 'a', containerDefinitions: [{ image: 'x:1', privileged: true }, { image: 'x:1', privileged: true }] });
    const f = lintFile(engine, t.write('t.json', text), text, { loader: new ConfigLoader(engine), kind: 'task-definition' });
    const fps = fingerprints(f.findings, text, 'task-definition');
    assert.equal(new Set(fps).size, fps.length);
  });

  it('is line-insensitive for ecs.config too', () => {
    const a = 'ECS_ENABLE_TASK_IAM_ROLE=false\n';
    const r1 = lintFile(engine, t.write('ecs.config', a), a, { loader: new ConfigLoader(engine) });
    assert.ok(r1.findings.length > 0);
    const b = `# comment\nECS_CLUSTER=prod\n${a}`;
    const r2 = lintFile(engine, t.path('ecs.config'), b, { loader: new ConfigLoader(engine) });
    assert.deepEqual(r2.fingerprints, r1.fingerprints);
  });

  it('rejects unknown versions and malformed files with a clear error', () => {
    assert.throws(() => parseBaseline('{"version": 2, "files": {}}', t.root), (e: unknown) => e instanceof BaselineError && /unsupported baseline version 2/.test(e.message));
    assert.throws(() => parseBaseline('not json', t.root), BaselineError);
    assert.throws(() => parseBaseline('{"version": 1, "files": {"a": [1]}}', t.root), /must be an array of \{rule, fingerprint\}/);
    assert.throws(() => readBaseline(t.path('missing.json')), /cannot read baseline/);
  });
});
