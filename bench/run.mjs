// `npm run bench`: every figure of issue 9 (and the host files of issue 17) in one table, written to bench/results.json. Builds dist/ first (the
// protocol and CLI figures run the real bundles). `node bench/run.mjs engine protocol cli` runs a subset; a subset
// run merges into the existing results.json. Figures are medians (and p95/max) over repeated runs, measured side by
// side in one process where a ratio is reported.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { root, usingCorpus } from './lib.mjs';
import { benchEngine } from './engine.mjs';
import { benchProtocol } from './protocol.mjs';
import { benchCli, vsixSize } from './cli.mjs';
import { benchHosts } from './hosts.mjs';

const all = ['engine', 'protocol', 'cli', 'hosts'];
const wanted = process.argv.slice(2).filter((a) => all.includes(a));
const sections = wanted.length ? wanted : all;
const started = performance.now();

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

const file = join(root, 'bench/results.json');
const previous = wanted.length && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
const results = {
  ...previous,
  machine: `${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}`,
  date: new Date().toISOString(),
};
if (sections.includes('engine')) results.engine = await benchEngine();
if (sections.includes('protocol')) results.protocol = await benchProtocol();
if (sections.includes('cli')) { results.cli = benchCli(); results.vsix = vsixSize(); }
if (sections.includes('hosts')) results.hosts = await benchHosts();
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');

// ---- table ----
const ms = (x) => (x === undefined ? '-' : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const lines = [];
const row = (figure, value, target = '', ok) => lines.push([figure, value, target, ok === undefined ? '' : ok ? 'ok' : 'MISSED']);
/** Ours against VS Code's JSON language server, interleaved in one run (issue 18: p50 ≤ 1.0×, p95 ≤ 1.5×). */
function versusRow(label, v) {
  if (!v?.ours) return;
  row(`${label}: didChange -> diagnostics, ${v.ours.n} edits, ours / JSON server p50 (p95) ms`, `${ms(v.ours.median)} / ${ms(v.json.median)}  (${ms(v.ours.p95)} / ${ms(v.json.p95)})`);
  row(`${label}: ours ÷ JSON server, p50 / p95`, `${v.p50Ratio.toFixed(2)}× / ${v.p95Ratio.toFixed(2)}×`, 'p50 ≤ 1.0×, p95 ≤ 1.5×', v.p50Ratio <= 1 && v.p95Ratio <= 1.5);
}
const e = results.engine;
if (e) {
  for (const [name, r] of Object.entries(e.rows)) {
    row(`1 engine ${name} (${(r.bytes / 1024).toFixed(0)} KB, ${r.containers} containers): ours / json-ls / JSON.parse, median ms`,
      `${ms(r.ours.median)} / ${ms(r.jsonService.median)} / ${ms(r.jsonParse.median)}  (p95 ${ms(r.ours.p95)} / ${ms(r.jsonService.p95)})`);
    row(`1 engine ${name}: ours ÷ json-ls`, `${r.ratioVsService.toFixed(2)}×  (÷ JSON.parse ${r.ratioVsParse.toFixed(0)}×)`, '≤ 1.0×', r.ratioVsService <= 1);
  }
  row('1 engine growth: ms per KB large ÷ medium (json-ls: same figure)', `${e.growth.largeOverMedium.toFixed(2)} (json-ls ${e.growth.jsonServiceLargeOverMedium?.toFixed(2) ?? '-'})`, '≈ 1 (linear)', e.growth.largeOverMedium < 1.5);
}
const p = results.protocol;
if (p) {
  for (const mode of ['pull', 'push']) {
    for (const [name, v] of Object.entries(p.versusJsonServer?.[mode] ?? {})) versusRow(`2 ${mode} ${name}`, v);
    const s = p[mode].policy;
    if (s) row(`3 ${mode} policy: didChange -> diagnostics, ${s.n} edits, p50 / p95 / max ms`, `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.max)}`);
  }
  row('3 IAM data: require() / first lookup (parse + index), fresh process, ms', `${ms(p.iamData.requireMs)} / ${ms(p.iamData.firstLookupMs)}`);
  row('3 first diagnostics of a policy in a fresh server, ms', ms(p.startup.firstPolicyDiagnosticsMs));
  row('4 spawn -> initialize response, ms', ms(p.startup.initializeMs), '≤ 300', p.startup.initializeMs <= 300);
  row('4 spawn -> first diagnostics (typical task definition), ms', ms(p.startup.firstDiagnosticsMs));
  row('4 RSS after first lint / after first policy lint, MB', `${ms(p.startup.rssAfterFirstLintMb)} / ${ms(p.startup.rssAfterFirstPolicyLintMb)}`);
  row(`4 RSS growth from 1,000 to ${p.memory.edits} edits (medium), after a full GC, MB`, `${ms(p.memory.growthMb)} (${ms(p.memory.rssAfter1000Mb)} -> ${ms(p.memory.rssAfterMb)})`, '≤ 20', p.memory.growthMb !== undefined && p.memory.growthMb <= 20);
  row(`4 heap in use after a full GC, 1,000 -> ${p.memory.edits} edits, MB`, `${ms(p.memory.heapAfter1000Mb)} -> ${ms(p.memory.heapAfterMb)} (${p.memory.heapGrowthMb >= 0 ? '+' : ''}${ms(p.memory.heapGrowthMb)})`);
  row(`4 RSS growth from the first lint to ${p.memory.edits} edits, after a full GC, MB`, `${ms(p.memory.growthFromFirstLintMb)} (${ms(p.memory.rssFirstLintGcMb)} -> ${ms(p.memory.rssAfterMb)})`);
  row(`4 RSS after the first lint / peak over ${p.memory.edits} edits (read from outside), MB`, `${ms(p.memory.rssFirstLintMb)} / ${ms(p.memory.peakRssMb)}`);
  const t = p.typingMemory;
  if (t) row(`4 typing ${t.edits} letters into the large file (${(t.bytes / 1024).toFixed(0)} KB), heap after a full GC, MB`, `${ms(t.heapBeforeMb)} -> ${ms(t.heapAfterMb)} (${t.heapGrowthMb >= 0 ? '+' : ''}${ms(t.heapGrowthMb)})`, '≤ 20', t.heapGrowthMb <= 20);
}
if (results.vsix) row('4 .vsix size, MB', results.vsix.mb === undefined ? results.vsix.note : results.vsix.mb.toFixed(2), '≤ 5', results.vsix.mb !== undefined && results.vsix.mb <= 5);
const c = results.cli;
if (c) {
  row(`5 CLI ${c.files} files --format json: total s (files/s)`, `${(c.totalMs / 1000).toFixed(1)} (${c.filesPerSecond.toFixed(0)}/s); ECS_LINT_WORKERS=${c.withWorkers.workers}: ${(c.withWorkers.ms / 1000).toFixed(1)}${c.withWorkers.sameOutput ? '' : ' (OUTPUT DIFFERS)'}`, '≤ 10 s', c.totalMs <= 10_000 && c.reportedFiles === c.files);
}
const h = results.hosts;
if (h) {
  const cf = h.cloudformation;
  row(`6 CloudFormation ${(cf.bytes / 1e6).toFixed(2)} MB, ${cf.resources} resources: lint median / p95 ms (${cf.findings} findings, ${cf.deploymentFindings} of deployment rules)`, `${ms(cf.lintMs.median)} / ${ms(cf.lintMs.p95)}`);
  row('6 CloudFormation: the same without the deployment rules, median ms', ms(cf.lintWithoutDeploymentRulesMs.median));
  for (const mode of ['pull', 'push']) versusRow(`6 CloudFormation ${mode}`, cf[mode]);
  row(`6 Terraform ${h.terraform.resources} resources (${(h.terraform.bytes / 1024).toFixed(0)} KB): lint median / p95 ms`, `${ms(h.terraform.lintMs.median)} / ${ms(h.terraform.lintMs.p95)}`);
  if (h.terraform.moduleOfFourLintMs) row('6 Terraform: the same as 4 files, one linted with its 3 siblings (whole-module model), median / p95 ms', `${ms(h.terraform.moduleOfFourLintMs.median)} / ${ms(h.terraform.moduleOfFourLintMs.p95)}`);
  for (const mode of ['pull', 'push']) versusRow(`6 Terraform ${mode} (JSON server: a same-size JSON template)`, h.terraform[mode]);
}
const w = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i].length)));
console.log(`\n${results.machine}\ninputs: ${usingCorpus ? '../shared/corpus' : 'examples/ (../shared/corpus not found: figures are not comparable with the README\'s)'}\n`);
for (const l of lines) console.log(`${l[0].padEnd(w[0])}  ${l[1].padEnd(w[1])}  ${l[2].padEnd(w[2])}  ${l[3]}`);
console.log(`\nwrote bench/results.json (${((performance.now() - started) / 1000).toFixed(0)} s)`);
