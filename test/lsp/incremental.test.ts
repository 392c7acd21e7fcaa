// Pull diagnostics over stdio after every edit of a long random session on a many-container task definition: the
// server lints incrementally (rules/core/incremental.ts) and answers `unchanged` (resultId) when nothing changed, and
// what the client then holds must equal a fresh lint of the current text at every step, not only at the end.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { defaultEngine, LineIndex } from '../../rules';
import { fileUri, TestClient } from './client';
import { rng } from '../helpers';
import { taskDefinitions } from '../inputs';

/** A random edit: one character inserted or deleted (structural ones included), sometimes a whole line removed. */
function mutate(text: string, r: () => number): string {
  const i = Math.floor(r() * text.length);
  const k = r();
  if (k < 0.45) return text.slice(0, i) + text.slice(i + 1);
  if (k < 0.95) {
    const chars = '{}[]",:x0 \\\n';
    return text.slice(0, i) + chars[Math.floor(r() * chars.length)] + text.slice(i);
  }
  const start = text.lastIndexOf('\n', i) + 1, end = text.indexOf('\n', i);
  return end < 0 ? text : text.slice(0, start) + text.slice(end + 1);
}

function key(d: Diagnostic): string {
  const fixable = (d.data as { fixable?: boolean } | undefined)?.fixable ? 'fix' : '-';
  return `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${fixable} ${d.message}`;
}

function freshLint(uri: string, text: string): string[] {
  const lines = new LineIndex(text);
  const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  return defaultEngine().lint(text, { fileName: new URL(uri).pathname }).findings.map((f) => {
    const s = lines.positionAt(f.offset), e = lines.positionAt(f.offset + Math.max(0, f.length));
    return `${f.ruleId} ${s.line}:${s.character}-${e.line}:${e.character} ${severity[f.severity]} ${f.fixes?.length ? 'fix' : '-'} ${f.message}`;
  }).sort();
}

describe('LSP incremental linting: pull after every edit equals a fresh lint', () => {
  let client: TestClient;
  afterEach(async () => { await client?.stop(); });

  it('400 random edits of a 40-container task definition, with resultIds', async function () {
    this.timeout(120_000);
    client = await TestClient.start({ pull: true });
    const containers = taskDefinitions().flatMap((f) => {
      try {
        const j = JSON.parse(f.text);
        return (Array.isArray(j) ? j : j.containerDefinitions ?? j.taskDefinition?.containerDefinitions ?? []) as unknown[];
      } catch { return []; }
    }).filter((c) => c && typeof c === 'object');
    assert.ok(containers.length >= 5, `${containers.length} containers`);
    const original = JSON.stringify({ family: 'x', networkMode: 'bridge', containerDefinitions: Array.from({ length: 40 }, (_, i) => ({ ...(containers[i % containers.length] as object), name: `c${i}` })) }, null, 2);
    const uri = fileUri('incremental/taskdef.json');
    client.open(uri, original);
    const r = rng(1203);
    let resultId: string | undefined;
    let held: Diagnostic[] = [];
    let unchanged = 0;
    for (let step = 0; step < 400; step++) {
      const text = r() < 0.3 ? original : mutate(client.texts.get(uri)!, r);
      client.change(uri, text);
      const report = await client.connection.sendRequest<{ kind: string; resultId?: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, ...(resultId ? { previousResultId: resultId } : {}) });
      if (report.kind === 'unchanged') { unchanged++; assert.equal(report.resultId, resultId); } else held = report.items!;
      resultId = report.resultId;
      assert.deepEqual(held.map(key).sort(), freshLint(uri, text), `step ${step}`);
    }
    assert.ok(unchanged > 0, 'some edits left the diagnostics as they were');
    client.close(uri);
  });
});
