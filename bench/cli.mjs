// Item 5: CLI throughput on the corpus replicated to 10,000 files, and the .vsix size (item 4's footprint).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';
import { inputDir, root } from './lib.mjs';

/** Copies of every corpus file (taskdef, policy, unparsable) until `count` files, 500 per folder. */
function replicate(count) {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-bench-cli-'));
  const files = ['taskdef', 'policy', 'unparsable'].map(inputDir).filter(Boolean)
    .flatMap((dir) => readdirSync(dir).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f)) })));
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(sub);
    const f = files[i % files.length];
    writeFileSync(join(sub, `${i}-${f.name}`), f.text);
  }
  return dir;
}

/** Wall time of `node dist/cli.js <dir> --format json`, output discarded (piped and dropped). */
function runCli(dir, extraEnv = {}) {
  const s = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), dir, '--format', 'json'], {
    cwd: dir, maxBuffer: 1 << 30, encoding: 'utf8', env: { ...process.env, ...extraEnv },
  });
  const ms = performance.now() - s;
  let files = 0;
  try { files = JSON.parse(r.stdout).files.length; } catch { /* reported as 0 */ }
  return { ms, exitCode: r.status, reportedFiles: files, stdout: r.stdout, stderr: r.stderr.slice(0, 500) };
}

export function benchCli({ count = 10_000 } = {}) {
  const dir = replicate(count);
  try {
    const run = runCli(dir);
    // The other mode for comparison: single-threaded where the default uses workers (2+ cores, see cli/pool.ts),
    // else one worker.
    const workers = availableParallelism() >= 2 ? 0 : 1;
    const other = runCli(dir, { ECS_LINT_WORKERS: String(workers) });
    return {
      files: count,
      reportedFiles: run.reportedFiles,
      exitCode: run.exitCode,
      totalMs: run.ms,
      filesPerSecond: count / (run.ms / 1000),
      withWorkers: { workers, ms: other.ms, sameOutput: other.stdout === run.stdout },
      ...(run.reportedFiles === 0 ? { stderr: run.stderr } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Size of the packaged extension: ecs-security-lint.vsix when present (npm run package), else undefined. */
export function vsixSize() {
  const p = join(root, 'ecs-security-lint.vsix');
  if (!existsSync(p)) return { bytes: undefined, note: 'no ecs-security-lint.vsix: run `npm run package` first' };
  const st = statSync(p);
  return { bytes: st.size, mb: st.size / (1024 * 1024), builtAt: st.mtime.toISOString() };
}
