// `npm run bench`: engine (parse + all rules) vs vscode-json-languageservice (parse + doValidation with a task
// definition schema) vs JSON.parse, at ~1 KB, ~30 KB and ~900 KB generated from ../shared/corpus. Item 1 of issue 9
// only; the protocol, policy, start-up and CLI figures are not measured yet.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = join(mkdtempSync(join(tmpdir(), 'ecs-bench-')), 'engine.cjs');
await build({ entryPoints: [join(root, 'rules/index.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
const { defaultEngine } = require(out);
const ls = require('vscode-json-languageservice');

const corpus = join(root, '..', 'shared', 'corpus', 'taskdef');
const typical = readFileSync(join(corpus, readdirSync(corpus).sort().find((f) => { const n = readFileSync(join(corpus, f)).length; return n > 800 && n < 1500; })), 'utf8');
const base = JSON.parse(typical);
const pool = readdirSync(corpus).flatMap((f) => { try { const j = JSON.parse(readFileSync(join(corpus, f), 'utf8')); return (j.containerDefinitions ?? j.taskDefinition?.containerDefinitions ?? []).filter((c) => c && typeof c === 'object'); } catch { return []; } });
const gen = (n) => JSON.stringify({ ...base, containerDefinitions: Array.from({ length: n }, (_, i) => ({ ...pool[i % pool.length], name: `c${i}` })) }, null, 2);
const docs = { typical, medium: gen(80), large: gen(2000) };

const service = ls.getLanguageService({});
service.configure({ validate: true, schemas: [{ uri: 'bench://taskdef.schema.json', fileMatch: ['*.json'], schema: JSON.parse(readFileSync(join(root, 'bench/taskdef.schema.json'), 'utf8')) }] });
const engine = defaultEngine();

async function time(fn, runs) {
  const t = [];
  for (let i = 0; i < runs; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], p95: t[Math.min(t.length - 1, Math.floor(t.length * 0.95))] };
}
const results = { machine: `${process.platform} ${process.arch}, node ${process.version}, ${(await import('node:os')).cpus().length} cores`, engineVsJsonService: {} };
for (const [name, text] of Object.entries(docs)) {
  const runs = text.length > 500_000 ? 15 : text.length > 10_000 ? 60 : 300;
  const td = ls.TextDocument.create('file:///bench/taskdef.json', 'json', 1, text);
  const svc = async () => { const d = service.parseJSONDocument(td); await service.doValidation(td, d); };
  const eng = () => engine.lint(text, { fileName: 'taskdef.json' });
  const floor = () => JSON.parse(text);
  for (let w = 0; w < 3; w++) { await svc(); eng(); floor(); } // warm-up
  // Side by side in one process, one after the other per size (not interleaved per run yet).
  const a = await time(eng, runs), b = await time(svc, runs), c = await time(floor, runs);
  const row = { bytes: text.length, ours: a, jsonService: b, jsonParse: c, ratioVsService: a.median / b.median, ratioVsParse: a.median / c.median };
  results.engineVsJsonService[name] = row;
  console.log(`${name.padEnd(8)} ${String(text.length).padStart(8)} B  ours ${a.median.toFixed(2)} ms (p95 ${a.p95.toFixed(2)})  json-ls ${b.median.toFixed(2)} ms (p95 ${b.p95.toFixed(2)})  JSON.parse ${c.median.toFixed(3)} ms  ours/json-ls ${row.ratioVsService.toFixed(2)}x  ours/parse ${row.ratioVsParse.toFixed(0)}x`);
}
writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('wrote bench/results.json');
