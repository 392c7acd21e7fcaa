// Items 2-4 through the real server (dist/server.js --stdio): pull and push latency after random single-character
// edits, the 50-statement policy and the IAM data's start-up cost, spawn-to-initialize, and RSS after 10,000 edits.
import { join } from 'node:path';
import { Lsp, policyDoc, positionAt, rng, rssMb, stats, taskDocs, randomEdit, undoEdit, root } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';

const EDITS = 200;
/** The ~1 MB document gets fewer rounds: each one moves 7,000 diagnostics (~3 MB of JSON) and the bench must stay short. */
const LARGE_EDITS = 60;

/**
 * Open `text`, then alternate a random single-character edit and its undo (so half the states are the original
 * document and half are broken or changed by one character), timing from didChange to the diagnostics: the pull
 * response in pull mode, the publishDiagnostics of that version in push mode (debounce 0).
 */
export async function editLatency(text, { pull, seed, edits = EDITS, name = 'doc.json' }) {
  const lsp = new Lsp({ pull, debounceMs: 0 });
  await lsp.initialize();
  const uri = `file:///bench/${pull ? 'pull' : 'push'}/${name}`;
  const first = pull ? undefined : lsp.published(uri, 1);
  lsp.open(uri, text);
  if (pull) await lsp.diagnostics(uri); else await first;
  const r = rng(seed);
  const times = [];
  let cur = text, pending;
  for (let i = 0; i < edits; i++) {
    let change;
    if (pending) { change = undoEdit(text, pending); cur = text; pending = undefined; } else { const e = randomEdit(text, r); change = e.change; cur = pending = e.text; }
    const s = performance.now();
    if (pull) {
      lsp.change(uri, change);
      await lsp.diagnostics(uri);
      times.push(performance.now() - s);
    } else {
      const version = lsp.versions.get(uri) + 1;
      const got = lsp.published(uri, version);
      lsp.change(uri, change);
      const { at } = await got;
      times.push(at - s);
    }
  }
  await lsp.stop();
  return stats(times);
}

/**
 * Ours against VS Code's JSON language server on the same edits, interleaved: both servers open `text`, then each
 * edit (the editLatency sequence) goes to one and is answered, then to the other, the first alternating, so machine
 * noise hits both alike. Pull: didChange -> the pull report (a client's previousResultId sent, `unchanged` honoured);
 * push: didChange -> the publishDiagnostics of that change (debounce 0 on both sides).
 */
export async function versusJson(text, { pull, seed, edits = EDITS, name = 'doc.json', jsonText = text }) {
  const servers = { ours: new Lsp({ pull, debounceMs: 0 }), json: new Lsp({ pull, debounceMs: 0, server: 'json' }) };
  const uri = `file:///bench/${pull ? 'pull' : 'push'}/${name}`;
  /** What each server edits: the same text, unless the JSON server cannot read ours (Terraform: `jsonText`). */
  const texts = { ours: text, json: jsonText };
  const jsonUri = jsonText === text ? uri : uri.replace(/[^/]*$/, 'same-size.json');
  const uris = { ours: uri, json: jsonUri };
  for (const [who, lsp] of Object.entries(servers)) {
    await lsp.initialize();
    const first = pull ? undefined : lsp.published(uris[who]);
    lsp.open(uris[who], texts[who]);
    if (pull) await lsp.diagnostics(uris[who]); else await first;
  }
  const time = async (lsp, change, uri) => {
    const s = performance.now();
    if (pull) {
      lsp.change(uri, change);
      await lsp.diagnostics(uri);
      return performance.now() - s;
    }
    const got = lsp.published(uri, lsp.versions.get(uri) + 1);
    lsp.change(uri, change);
    return (await got).at - s;
  };
  const rs = { ours: rng(seed), json: rng(seed) };
  const times = { ours: [], json: [] };
  const pending = { ours: undefined, json: undefined };
  const nextChange = (who) => {
    const base = texts[who];
    if (pending[who]) { const change = undoEdit(base, pending[who]); pending[who] = undefined; return change; }
    const e = randomEdit(base, rs[who]);
    pending[who] = e.text;
    return e.change;
  };
  for (let i = 0; i < edits; i++) {
    const order = i % 2 ? ['json', 'ours'] : ['ours', 'json'];
    for (const who of order) times[who].push(await time(servers[who], nextChange(who), uris[who]));
  }
  for (const lsp of Object.values(servers)) await lsp.stop();
  const ours = stats(times.ours), json = stats(times.json);
  return { ours, json, p50Ratio: ours.median / json.median, p95Ratio: ours.p95 / json.p95 };
}

/** Spawn -> initialize response, and -> first diagnostics of an opened document (push, debounce 0). */
async function startup(text, uri) {
  const lsp = new Lsp({ pull: false, debounceMs: 0 });
  const init = await lsp.initialize();
  const got = lsp.published(uri, 1);
  lsp.open(uri, text);
  const { at, params } = await got;
  const rss = rssMb(lsp.child.pid);
  await lsp.stop();
  return { initializeMs: init, firstDiagnosticsMs: at - lsp.spawnedAt, diagnostics: params.diagnostics.length, rssMb: rss };
}

/**
 * Memory over `edits` edits of one document (a pull every 10th, as when typing faster than the lints; all changes are
 * applied). RSS read from outside is a sawtooth: garbage that young collections promote waits in the old space for
 * the next full collection, so two readings differ by where they fall on it (between 1,000 and 10,000 edits: +4 MB
 * for the code before issue 18 in one run, +43 MB for code with a lower RSS throughout in another). The leak figures
 * are taken after a full collection (bench/gc-probe.cjs, loaded into this server process only): heap in use and RSS
 * after the first lint, at 1,000 edits and at the end. The peak and the RSS after the first lint are read from outside.
 */
export async function memory(text, edits) {
  const { lsp, probe, dispose, uri } = await openProbed(text, 'taskdef.json');
  const first = rssMb(lsp.child.pid);
  const firstGc = await probe();
  let warm, peak = first;
  const r = rng(99);
  let pending;
  for (let i = 0; i < edits; i++) {
    let change;
    if (pending) { change = undoEdit(text, pending); pending = undefined; } else { const e = randomEdit(text, r); change = e.change; pending = e.text; }
    lsp.change(uri, change);
    if (i % 10 === 9) await lsp.diagnostics(uri);
    if (i % 500 === 499) peak = Math.max(peak, rssMb(lsp.child.pid) ?? 0);
    if (i === 999) warm = await probe();
  }
  await lsp.diagnostics(uri);
  const after = await probe();
  await dispose();
  return {
    edits, rssFirstLintMb: first, peakRssMb: peak, rssFirstLintGcMb: firstGc.rssMb, growthFromFirstLintMb: after.rssMb - firstGc.rssMb,
    heapAfter1000Mb: warm.heapUsedMb, heapAfterMb: after.heapUsedMb, heapGrowthMb: after.heapUsedMb - warm.heapUsedMb,
    rssAfter1000Mb: warm.rssMb, rssAfterMb: after.rssMb, growthMb: after.rssMb - warm.rssMb,
  };
}

/** A server that reports its heap after a full GC on request (bench/gc-probe.cjs), with `text` open and pulled once. */
async function openProbed(text, name) {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-bench-gc-'));
  const out = join(dir, 'gc.json');
  const lsp = new Lsp({ pull: true, nodeArgs: ['--expose-gc', '--require', join(root, 'bench', 'gc-probe.cjs')], env: { ECS_BENCH_GC_OUT: out } });
  const probe = async () => {
    rmSync(out, { force: true });
    lsp.child.kill('SIGUSR2');
    for (let i = 0; i < 500 && !existsSync(out); i++) await new Promise((r) => setTimeout(r, 10));
    return JSON.parse(readFileSync(out, 'utf8'));
  };
  const dispose = async () => { await lsp.stop(); rmSync(dir, { recursive: true, force: true }); };
  await lsp.initialize();
  const uri = `file:///bench/memory/${name}`;
  lsp.open(uri, text);
  await lsp.diagnostics(uri);
  return { lsp, probe, dispose, uri };
}

/**
 * Typing: `edits` letters inserted one after another inside string values all over the document (it stays valid, so
 * every edit is spliced into the kept tree), a pull after each. What a long session keeps: heap in use after a full
 * GC at the start and at the end (a kept tree or report that held its version of the document grew this by the
 * document's size per edit).
 */
export async function typingMemory(text, edits) {
  const { lsp, probe, dispose, uri } = await openProbed(text, 'typing.json');
  const before = await probe();
  const r = rng(7);
  let cur = text;
  for (let i = 0; i < edits;) {
    const at = Math.floor(r() * cur.length);
    if (!/[a-z]/.test(cur[at])) continue;
    const next = cur.slice(0, at) + 'q' + cur.slice(at);
    try { JSON.parse(next); } catch { continue; }
    const start = positionAt(cur, at);
    lsp.change(uri, { range: { start, end: start }, text: 'q' });
    cur = next;
    i++;
    await lsp.diagnostics(uri);
  }
  const after = await probe();
  await dispose();
  return { edits, bytes: text.length, heapBeforeMb: before.heapUsedMb, heapAfterMb: after.heapUsedMb, heapGrowthMb: after.heapUsedMb - before.heapUsedMb };
}

/** Cost of the IAM data in a fresh process: require() of the bundled module, then the first lookup (parse + index). */
async function iamDataCost() {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-bench-iam-'));
  const out = join(dir, 'iam-data.cjs');
  await build({ entryPoints: [join(root, 'rules/iam/data.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  const code = `const s = performance.now(); const m = require(${JSON.stringify(out)}); const requireMs = performance.now() - s;
    const t = performance.now(); m.iamData().action('ecs:RunTask'); const firstLookupMs = performance.now() - t;
    console.log(JSON.stringify({ requireMs, firstLookupMs }))`;
  const runs = Array.from({ length: 3 }, () => JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' })));
  rmSync(dir, { recursive: true, force: true });
  return { requireMs: stats(runs.map((r) => r.requireMs)).median, firstLookupMs: stats(runs.map((r) => r.firstLookupMs)).median };
}

export async function benchProtocol({ memoryEdits = 10_000 } = {}) {
  const docs = taskDocs();
  const policy = policyDoc();
  const pullRows = {}, pushRows = {};
  let seed = 1;
  const versus = { pull: {}, push: {} };
  for (const [name, text] of Object.entries(docs)) {
    const edits = name === 'large' ? LARGE_EDITS : EDITS;
    for (const mode of ['pull', 'push']) versus[mode][name] = await versusJson(text, { pull: mode === 'pull', seed, name: 'taskdef.json', edits });
    pullRows[name] = versus.pull[name].ours;
    pushRows[name] = versus.push[name].ours;
    seed++;
  }
  pullRows.policy = await editLatency(policy, { pull: true, seed, name: 'policy.json' });
  pushRows.policy = await editLatency(policy, { pull: false, seed, name: 'policy.json' });
  // Fresh processes: a task definition first, then a policy first (which pays for parsing the IAM data).
  const starts = [];
  for (let i = 0; i < 5; i++) starts.push(await startup(docs.typical, 'file:///bench/start/taskdef.json'));
  const policyStarts = [];
  for (let i = 0; i < 3; i++) policyStarts.push(await startup(policy, 'file:///bench/start/policy.json'));
  const med = (xs, k) => stats(xs.map((x) => x[k])).median;
  return {
    pull: pullRows,
    push: pushRows,
    versusJsonServer: versus,
    startup: {
      initializeMs: med(starts, 'initializeMs'),
      firstDiagnosticsMs: med(starts, 'firstDiagnosticsMs'),
      firstPolicyDiagnosticsMs: med(policyStarts, 'firstDiagnosticsMs'),
      rssAfterFirstLintMb: med(starts, 'rssMb'),
      rssAfterFirstPolicyLintMb: med(policyStarts, 'rssMb'),
    },
    iamData: await iamDataCost(),
    memory: await memory(docs.medium, memoryEdits),
    typingMemory: await typingMemory(docs.large, 300),
  };
}
