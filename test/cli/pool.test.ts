// Worker threads for large CLI runs (cli/pool.ts): the same reports in the same order as a single-threaded run.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintInPool, unwrap, workerCount, FILES_PER_WORKER } from '../../cli/pool';
import { examples } from '../inputs';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

describe('cli worker pool', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ecs-lint-pool-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses spare cores only when each worker gets enough files; ECS_LINT_WORKERS overrides', () => {
    assert.equal(workerCount(10, { cores: 8 }), 0);
    assert.equal(workerCount(FILES_PER_WORKER * 2, { cores: 8 }), 1);
    assert.equal(workerCount(10_000, { cores: 2 }), 1, 'one worker on 2 cores: measured 15-20 % faster');
    assert.equal(workerCount(10_000, { cores: 1 }), 0);
    assert.equal(workerCount(10_000, { cores: 4 }), 3);
    assert.equal(workerCount(10_000, { env: '1', cores: 2 }), 1);
    assert.equal(workerCount(10_000, { cores: 8 }), 7);
    assert.equal(workerCount(50, { env: '3', cores: 1 }), 3);
    assert.equal(workerCount(50, { env: '0', cores: 8 }), 0);
    assert.equal(workerCount(2, { env: '3' }), 1, 'never more workers than files to share');
    assert.equal(workerCount(10_000, { env: 'many', cores: 8 }), 0, 'a mistyped value means single-threaded');
  });

  it('returns one outcome per target, in order, computed on the worker threads', () => {
    // A worker script of its own, so the test can see which thread linted what.
    const script = join(dir, 'worker.js');
    writeFileSync(script, `const { serveWorker } = require(${JSON.stringify(join(__dirname, '..', '..', 'cli', 'pool.js'))});
      const { threadId } = require('node:worker_threads');
      serveWorker((t, ctx) => { if (t === 13) throw new Error('boom 13'); return { t, ctx, threadId }; });`);
    const targets = Array.from({ length: 30 }, (_, i) => i);
    const out = lintInPool(targets, 'c', (t) => ({ t, ctx: 'c', threadId: 0 }), 2, script);
    assert.equal(out.length, 30);
    const values = out.map((o, i) => (i === 13 ? o : unwrap(o as { value: { t: number; ctx: string; threadId: number } })));
    assert.deepEqual(values.filter((_, i) => i !== 13).map((v: any) => v.t), targets.filter((t) => t !== 13));
    assert.ok(values.every((v: any, i) => i === 13 || v.ctx === 'c'));
    assert.deepEqual(out[13], { error: 'boom 13' }, 'a throwing target becomes an error outcome, not a lost slice');
    assert.throws(() => unwrap(out[13]), /boom 13/);
    const threads = new Set(values.filter((_, i) => i !== 13).map((v: any) => v.threadId));
    assert.ok(threads.has(0) && threads.size === 3, `main thread plus two workers, got ${[...threads]}`);
  });

  it('falls back to this thread when a worker cannot start', () => {
    const out = lintInPool([1, 2, 3, 4], undefined, (t) => t * 2, 1, join(dir, 'missing-worker.js'));
    assert.deepEqual(out.map((o) => unwrap(o)), [2, 4, 6, 8]);
  });

  it('the CLI prints byte-identical JSON with and without workers', () => {
    // Every kind and host (JSON, YAML, .tf, ecs.config, shell), plus a file that does not parse.
    const sources = [...examples(), { name: 'broken/task-definition.json', text: '{"family": "x", "containerDefinitions": [' }];
    for (let i = 0; i < 90; i++) {
      const sub = join(dir, `d${i % 3}`);
      mkdirSync(sub, { recursive: true });
      const src = sources[i % sources.length];
      writeFileSync(join(sub, `${i}-${src.name.split('/').pop()}`), src.text);
    }
    // Terraform too: each worker loads the grammar before it lints its slice.
    for (let i = 0; i < 30; i++) {
      writeFileSync(join(dir, `d${i % 3}`, `m${i}.tf`), `module "c${i}" {\n  source = "cloudposse/ecs-container-definition/aws"\n  container_name = "c"\n  container_image = "nginx:latest"\n  map_environment = { for k, v in var.env : k => v }\n}\n`);
    }
    const run = (workers: string) => spawnSync(process.execPath, [CLI, dir, '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ECS_LINT_WORKERS: workers }, maxBuffer: 1 << 28 });
    const single = run('0'), pooled = run('2');
    assert.ok(JSON.parse(single.stdout).files.length > 50);
    assert.equal(single.status, 1, 'the bad examples hold errors');
    const tf = JSON.parse(single.stdout).files.filter((f: { path: string }) => /\/m\d+\.tf$/.test(f.path)); // the module calls above
    assert.equal(tf.length, 30);
    assert.ok(tf.every((f: { findings: { ruleId: string }[] }) => f.findings.some((x) => x.ruleId === 'task/image-pinned') && !f.findings.some((x) => x.ruleId.startsWith('internal/') || x.ruleId === 'json/syntax-error')));
    assert.equal(pooled.status, single.status);
    assert.equal(pooled.stdout, single.stdout);
    assert.equal(pooled.stderr, single.stderr);
  });
});
