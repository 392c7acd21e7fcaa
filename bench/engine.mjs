// Item 1: our parse + all rules vs vscode-json-languageservice parse + doValidation (with a task definition schema)
// vs JSON.parse, on the same text. Runs are interleaved (ours, json-ls, JSON.parse, ours, ...) so machine noise
// hits all three alike and cancels in the ratios.
import { build } from 'esbuild';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { root, require, stats, taskDocs } from './lib.mjs';

export async function benchEngine() {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-bench-'));
  const out = join(dir, 'engine.cjs');
  await build({ entryPoints: [join(root, 'rules/index.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  const { defaultEngine } = require(out);
  rmSync(dir, { recursive: true, force: true });
  const ls = require('vscode-json-languageservice');
  const service = ls.getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: 'bench://taskdef.schema.json', fileMatch: ['*.json'], schema: JSON.parse(readFileSync(join(root, 'bench/taskdef.schema.json'), 'utf8')) }] });
  const engine = defaultEngine();

  const rows = {};
  for (const [name, text] of Object.entries(taskDocs())) {
    const runs = text.length > 500_000 ? 21 : text.length > 10_000 ? 101 : 501;
    const td = ls.TextDocument.create('file:///bench/taskdef.json', 'json', 1, text);
    const fns = {
      ours: () => engine.lint(text, { fileName: 'taskdef.json' }),
      jsonService: async () => { const d = service.parseJSONDocument(td); await service.doValidation(td, d); },
      jsonParse: () => JSON.parse(text),
    };
    const times = { ours: [], jsonService: [], jsonParse: [] };
    for (let i = 0; i < runs + 3; i++) {
      for (const [k, f] of Object.entries(fns)) {
        const s = performance.now();
        await f();
        if (i >= 3) times[k].push(performance.now() - s); // 3 warm-up rounds
      }
    }
    const [a, b, c] = [stats(times.ours), stats(times.jsonService), stats(times.jsonParse)];
    rows[name] = {
      bytes: text.length,
      containers: (JSON.parse(text).containerDefinitions ?? []).length,
      findings: engine.lint(text, { fileName: 'taskdef.json' }).findings.length,
      ours: a, jsonService: b, jsonParse: c,
      ratioVsService: a.median / b.median, ratioVsParse: a.median / c.median,
    };
  }
  // Growth: time per KB should stay flat from medium to large (linear), within noise. The JSON language service's own
  // growth is given alongside: above the young generation's size, GC makes every tree-building parser superlinear.
  const perKb = (r, k = 'ours') => r[k].median / (r.bytes / 1024);
  return {
    rows,
    growth: {
      msPerKbMedium: perKb(rows.medium), msPerKbLarge: perKb(rows.large), largeOverMedium: perKb(rows.large) / perKb(rows.medium),
      jsonServiceLargeOverMedium: perKb(rows.large, 'jsonService') / perKb(rows.medium, 'jsonService'),
    },
  };
}
