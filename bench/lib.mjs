// Shared pieces of `npm run bench`: the benchmark documents (generated from ../shared/corpus when present, else from
// the repository's examples/), a seeded random
// generator, statistics, and a minimal LSP client over stdio for dist/server.js.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(join(root, 'package.json'));
const corpusDir = join(require('./scripts/shared-dir.cjs').sharedDir(root), 'corpus');
/** The shared corpus is a development aid; a user's clone benchmarks on examples/ (smaller, so figures differ). */
export const usingCorpus = existsSync(join(corpusDir, 'taskdef'));
const EXAMPLE_DIRS = { taskdef: 'examples/task-definition', policy: 'examples/policies' };
/** Folder of benchmark inputs of one sort (taskdef, policy, unparsable), or undefined when there are none. */
export function inputDir(sub) {
  if (usingCorpus) return join(corpusDir, sub);
  return EXAMPLE_DIRS[sub] && join(root, EXAMPLE_DIRS[sub]);
}

/** mulberry32: small, fast, reproducible. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median, p95 and max of a list of milliseconds. */
export function stats(ms) {
  const t = [...ms].sort((a, b) => a - b);
  const q = (p) => t[Math.min(t.length - 1, Math.floor(t.length * p))];
  return { n: t.length, median: q(0.5), p95: q(0.95), max: t[t.length - 1] };
}

function corpusJson(sub) {
  const dir = inputDir(sub);
  return readdirSync(dir).sort().flatMap((f) => {
    try { return [{ file: f, text: readFileSync(join(dir, f), 'utf8'), json: JSON.parse(readFileSync(join(dir, f), 'utf8')) }]; } catch { return []; }
  });
}

/**
 * The three task definitions of the issue: a real ~1 KB corpus file, and ~30 KB (80 containers) / ~900 KB
 * (2,000 containers) ones made of corpus containers. Containers above 500 bytes (pretty-printed) are left out so the
 * generated sizes match the issue's ~375-450 bytes per container; names are made unique.
 */
export function taskDocs() {
  const files = corpusJson('taskdef');
  const typical = files.find((f) => f.text.length > 800 && f.text.length < 1500).text;
  const base = JSON.parse(typical);
  const all = files
    .flatMap((f) => (Array.isArray(f.json) ? f.json : f.json.containerDefinitions ?? f.json.taskDefinition?.containerDefinitions ?? []))
    .filter((c) => c && typeof c === 'object');
  const small = all.filter((c) => JSON.stringify(c, null, 2).length <= 500);
  const pool = small.length >= 10 ? small : all; // examples/ has few, richer containers
  const gen = (n) => JSON.stringify({ ...base, containerDefinitions: Array.from({ length: n }, (_, i) => ({ ...pool[i % pool.length], name: `c${i}` })) }, null, 2);
  return { typical, medium: gen(80), large: gen(2000) };
}

/**
 * An identity policy of 50 statements with wildcard actions and resources, so every statement goes through the
 * IAM data (action expansion, condition keys, ARN formats). Statements are taken round-robin from the corpus
 * policies and patterns.
 */
export function policyDoc() {
  const services = ['ecs', 'ecr', 'logs', 's3', 'iam', 'ssm', 'secretsmanager', 'kms', 'ec2', 'elasticloadbalancing'];
  const verbs = ['Describe*', 'List*', 'Get*', 'Put*', 'Create*', 'Update*', '*'];
  const statements = Array.from({ length: 50 }, (_, i) => {
    const svc = services[i % services.length];
    return {
      Sid: `S${i}`,
      Effect: i % 7 === 6 ? 'Deny' : 'Allow',
      Action: [`${svc}:${verbs[i % verbs.length]}`, `${services[(i + 3) % services.length]}:${verbs[(i + 2) % verbs.length]}`],
      Resource: i % 3 === 0 ? '*' : `arn:aws:${svc}:us-east-1:123456789012:*`,
      ...(i % 4 === 0 ? { Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'aws:ResourceTag/team': 'a' } } } : {}),
    };
  });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** 0-based line/character of an offset (LSP positions, UTF-16). */
export function positionAt(text, offset) {
  let line = 0, lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
  return { line, character: offset - lineStart };
}

/**
 * One random single-character edit: insert a character (structural ones included, so the JSON often breaks) or
 * delete one, at a random offset. Returns the LSP change and the new text.
 */
export function randomEdit(text, r) {
  const offset = Math.floor(r() * text.length);
  const start = positionAt(text, offset);
  if (r() < 0.5 && text.length > 1) {
    const end = text[offset] === '\n' ? { line: start.line + 1, character: 0 } : { line: start.line, character: start.character + 1 };
    return { text: text.slice(0, offset) + text.slice(offset + 1), change: { range: { start, end }, text: '' } };
  }
  const chars = 'abcxyz019 {}[]",:\\-*';
  const ch = chars[Math.floor(r() * chars.length)];
  return { text: text.slice(0, offset) + ch + text.slice(offset), change: { range: { start, end: start }, text: ch } };
}

/** The change that turns `after` back into `before` (one edit from randomEdit). */
export function undoEdit(before, after) {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  const start = positionAt(after, i);
  if (after.length > before.length) {
    const end = after[i] === '\n' ? { line: start.line + 1, character: 0 } : { line: start.line, character: start.character + 1 };
    return { range: { start, end }, text: '' };
  }
  return { range: { start, end: start }, text: before[i] };
}

/** Resident set size of a process, from /proc (Linux); undefined elsewhere. */
export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A JSON-RPC client for `node dist/server.js --stdio` (vscode-jsonrpc, as every LSP client uses), or, with
 * `server: 'json'`, for VS Code's JSON language server (bench/json-server.cjs: no schema, no push delay).
 */
export class Lsp {
  constructor({ pull = true, debounceMs = 0, server = 'ours', nodeArgs = [], env } = {}) {
    const rpc = require('vscode-jsonrpc/node');
    this.spawnedAt = performance.now();
    this.server = server;
    // BENCH_SERVER_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=bench/tmp" to profile it.
    const script = server === 'json' ? join(root, 'bench', 'json-server.cjs') : join(root, 'dist', 'server.js');
    const flags = server === 'json' ? (process.env.BENCH_JSON_SERVER_ARGS ?? '') : (process.env.BENCH_SERVER_ARGS ?? '');
    this.child = spawn(process.execPath, [...(flags ? flags.split(' ') : []), ...nodeArgs, script, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], ...(env ? { env: { ...process.env, ...env } } : {}) });
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.waiters = [];
    this.versions = new Map();
    this.resultIds = new Map();
    this.kept = new Map();
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      // The JSON server publishes without a version: the next publish after a change is that change's.
      this.waiters = this.waiters.filter((w) => !(w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version === w.version) && (w.resolve({ at, params: p }), true)));
    });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onError(() => undefined);
    this.conn.listen();
    this.pull = pull;
    this.debounceMs = debounceMs;
  }

  /** Resolves with the ms from spawn to the initialize response. */
  async initialize() {
    await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null,
      capabilities: { textDocument: { ...(this.pull ? { diagnostic: {} } : {}), publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } },
      initializationOptions: { debounceMs: this.debounceMs },
    });
    const ms = performance.now() - this.spawnedAt;
    await this.conn.sendNotification('initialized', {});
    return ms;
  }

  /** Next publishDiagnostics for uri (and version, when given). */
  published(uri, version) {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  open(uri, text) {
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  }

  change(uri, change) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  async diagnostics(uri) {
    const report = await this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(this.resultIds.has(uri) ? { previousResultId: this.resultIds.get(uri) } : {}) });
    // A client keeps the diagnostics of a report of kind `unchanged` (LSP 3.17 resultId), as VS Code does.
    if (report.resultId !== undefined) this.resultIds.set(uri, report.resultId); else this.resultIds.delete(uri);
    if (report.kind === 'unchanged') return this.kept.get(uri) ?? [];
    this.kept.set(uri, report.items);
    return report.items;
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    setTimeout(() => this.child.kill(), 500).unref();
    await new Promise((r) => (this.child.exitCode !== null ? r() : this.child.once('exit', r)));
    this.conn.dispose();
  }
}
