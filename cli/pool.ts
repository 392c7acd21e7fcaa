// Worker threads for large CLI runs. The CLI's run() is synchronous, so the pool is too: the main thread lints its
// own share while the workers lint theirs, then collects their reports with receiveMessageOnPort, blocking on
// Atomics.wait in between. Each worker gets one contiguous slice of the targets and returns the reports in order, so
// the output is byte-for-byte the single-threaded one. Workers run this same file (the CLI entry) in worker mode.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';

/** Below this many files per worker, starting a thread (~50 ms: loading the bundle) costs more than it saves. */
export const FILES_PER_WORKER = 500;
/** A worker that has not loaded after this long is given up (loading the bundle takes ~0.1-0.3 s). */
const LOAD_TIMEOUT_MS = 15_000;
/** ... or that has linted nothing for this long (the slowest single file, 10 MB, lints in a few seconds). */
const STALL_TIMEOUT_MS = 60_000;

export interface PoolOptions {
  /** ECS_LINT_WORKERS: an explicit worker count (0 = single-threaded); unset = automatic. */
  env?: string;
  cores?: number;
}

/**
 * Below this many cores no workers are started by default. On the 2-core VM a worker made 10,000 files 15-20 % faster
 * when the machine was otherwise idle (7.0-7.8 s → 6.1-6.3 s, bench/cli.mjs); ~10 % slower while test runs shared it.
 */
export const MIN_CORES = 2;

/** Extra threads for `files` files: one per spare core, only when each gets at least FILES_PER_WORKER files. */
export function workerCount(files: number, { env, cores = availableParallelism() }: PoolOptions = {}): number {
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, Math.max(0, files - 1), 16) : 0;
  }
  if (cores < MIN_CORES) return 0;
  return Math.max(0, Math.min(cores - 1, Math.floor(files / FILES_PER_WORKER) - 1));
}

/** One target's outcome: the lint result, or the message of what it threw (rethrown by unwrap in the caller's loop). */
export type Outcome<R> = { value: R } | { error: string };

export function unwrap<R>(o: Outcome<R>): R {
  if ('error' in o) throw new Error(o.error);
  return o.value;
}

function attempt<T, C, R>(lint: (t: T, ctx: C) => R, t: T, ctx: C): Outcome<R> {
  try {
    return { value: lint(t, ctx) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

interface Job<T, C> { pool: 'ecs-lint'; targets: T[]; ctx: C; port: MessagePort; signal: Int32Array }

/**
 * Lint `targets` with `lint` on `workers` extra threads plus this one; the result has one outcome per target, in order.
 * `script` is the file the workers load (the CLI entry, which calls serveWorker when started as a pool worker).
 * Targets and ctx must be structured-cloneable. A worker that fails has its slice linted here instead.
 */
export function lintInPool<T, C, R>(targets: readonly T[], ctx: C, lint: (t: T, ctx: C) => R, workers: number, script: string): Outcome<R>[] {
  const parts = workers + 1;
  const size = Math.ceil(targets.length / parts);
  const slices = Array.from({ length: parts }, (_, i) => targets.slice(i * size, (i + 1) * size));
  const started = slices.slice(1).map((slice) => {
    // [0]: 1 once the reports are posted; [1]: heartbeat, 1 when the worker has loaded, +1 per linted target.
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    let worker: Worker | undefined;
    if (existsSync(script)) {
      try {
        const job: Job<T, C> = { pool: 'ecs-lint', targets: slice, ctx, port: port2, signal };
        worker = new Worker(script, { workerData: job, transferList: [port2] });
        worker.unref(); // a stuck worker must not keep the CLI alive once its slice has been linted here instead
        worker.on('error', () => undefined); // delivered only after the wait below; the slice is redone here then
      } catch {
        worker = undefined;
      }
    }
    return { slice, worker, port: port1, signal };
  });
  const out: Outcome<R>[] = slices[0].map((t) => attempt(lint, t, ctx));
  for (const s of started) {
    let reports: Outcome<R>[] | undefined;
    if (s.worker) {
      // The event loop is blocked here, so the worker's 'error' and 'exit' events cannot arrive: a worker that shows
      // no heartbeat for too long (failed to load, or wedged) is abandoned and its slice linted on this thread.
      let beat = Atomics.load(s.signal, 1), since = Date.now();
      while (Atomics.load(s.signal, 0) === 0 && s.worker.threadId !== -1) {
        Atomics.wait(s.signal, 0, 0, 20);
        const now = Atomics.load(s.signal, 1);
        if (now !== beat) { beat = now; since = Date.now(); }
        else if (Date.now() - since > (beat === 0 ? LOAD_TIMEOUT_MS : STALL_TIMEOUT_MS)) break;
      }
      const msg = Atomics.load(s.signal, 0) === 1 ? receiveMessageOnPort(s.port) : undefined;
      reports = msg && Array.isArray(msg.message) ? (msg.message as Outcome<R>[]) : undefined;
      void s.worker.terminate();
    }
    s.port.close();
    out.push(...(reports && reports.length === s.slice.length ? reports : s.slice.map((t) => attempt(lint, t, ctx))));
  }
  return out;
}

/**
 * In a pool worker: once `prepare` resolves (the Terraform grammar is loaded), lint the slice, post the reports, signal.
 * Returns false, synchronously, when this thread is not a pool worker.
 */
export function serveWorker<T, C, R>(lint: (t: T, ctx: C) => R, prepare: () => Promise<void> = async () => undefined): boolean {
  const job = workerData as Job<T, C> | undefined;
  if (isMainThread || !job || job.pool !== 'ecs-lint') return false;
  void prepare().then(() => {
    Atomics.store(job.signal, 1, 1);
    const reports = job.targets.map((t) => {
      const o = attempt(lint, t, job.ctx);
      Atomics.add(job.signal, 1, 1);
      return o;
    });
    job.port.postMessage(reports);
    Atomics.store(job.signal, 0, 1);
    Atomics.notify(job.signal, 0);
    job.port.close();
  });
  return true;
}
