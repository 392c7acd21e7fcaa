// The examples/ contract: examples/README.md's table names the findings (rule ids) each example file must produce.
// Used by `npm run lint:examples` (scripts/lint-examples.mjs) and by test/cli/examples.test.ts.
'use strict';
const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

/** "`a/b`, `c/d` ×2" -> ['a/b', 'c/d', 'c/d']; "—" -> []. */
function parseRuleList(cell) {
  const out = [];
  for (const m of cell.matchAll(/`([a-z0-9-]+\/[a-z0-9-]+)`(?:\s*×(\d+))?/g)) {
    for (let i = 0; i < Number(m[2] ?? 1); i++) out.push(m[1]);
  }
  return out.sort();
}

/** Expected rule ids per example file (path relative to examples/, `/` separators), from the README table. */
function expectedFindings(examplesDir) {
  const expected = new Map();
  for (const line of readFileSync(join(examplesDir, 'README.md'), 'utf8').split(/\r?\n/)) {
    const cells = line.split('|').map((c) => c.trim());
    // | `path` | kind | findings | what is wrong |
    const file = /^`([^`]+)`$/.exec(cells[1] ?? '');
    if (!file || cells.length < 5) continue;
    if (expected.has(file[1])) throw new Error(`examples/README.md lists ${file[1]} twice`);
    expected.set(file[1], parseRuleList(cells[3]));
  }
  return expected;
}

/** Actual rule ids per file from `ecs-lint --format json` output run on examples/ (paths relative to it). */
function actualFindings(report, examplesDir, cwd) {
  const actual = new Map();
  for (const f of report.files) {
    const rel = relative(examplesDir, join(cwd, f.path)).split('\\').join('/');
    actual.set(rel, f.error ? [`(not linted: ${f.error})`] : f.findings.map((x) => x.ruleId).sort());
  }
  return actual;
}

/** One line per difference; empty when every file produced exactly the findings the table names. */
function compare(expected, actual) {
  const problems = [];
  for (const [file, want] of expected) {
    const got = actual.get(file);
    if (!got) problems.push(`${file}: listed in examples/README.md but not reported by the CLI`);
    else if (got.join(',') !== want.join(',')) problems.push(`${file}: expected [${want.join(', ')}], got [${got.join(', ')}]`);
  }
  for (const file of actual.keys()) if (!expected.has(file)) problems.push(`${file}: reported by the CLI but not listed in examples/README.md`);
  return problems;
}

module.exports = { expectedFindings, actualFindings, compare, parseRuleList };
