// Stress over stdio: 20 documents, interleaved edits and closes, code actions and hovers on stale versions, and
// cancelled requests. Nothing may crash, closed documents may only ever be cleared, and what the server finally
// publishes must equal a fresh lint of the final text.
import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver';
import { defaultEngine, LineIndex } from '../../rules';
import { fileUri, TestClient, waitFor } from './client';
import { rng } from '../helpers';
import { taskDefinitions } from '../inputs';


/** One random single-character insert or delete (structural characters included, so the JSON often breaks). */
function mutate(text: string, r: () => number): string {
  const i = Math.floor(r() * text.length);
  if (r() < 0.5) return text.slice(0, i) + text.slice(i + 1);
  const chars = '{}[]",:x0 \\';
  return text.slice(0, i) + chars[Math.floor(r() * chars.length)] + text.slice(i);
}

/** The comparable part of a diagnostic: rule, range, severity, message. */
function key(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`;
}

/** What a fresh engine lint of `text` says, in the same comparable form. */
function freshLint(uri: string, text: string): string[] {
  const lines = new LineIndex(text);
  const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  return defaultEngine().lint(text, { fileName: new URL(uri).pathname }).findings.map((f) => {
    const s = lines.positionAt(f.offset), e = lines.positionAt(f.offset + Math.max(0, f.length));
    return `${f.ruleId} ${s.line}:${s.character}-${e.line}:${e.character} ${severity[f.severity]} ${f.message}`;
  }).sort();
}

describe('LSP stress: 20 documents, edits, closes, stale requests, cancellation', () => {
  let client: TestClient;
  afterEach(async () => { await client?.stop(); });

  it('never crashes, never publishes findings for closed documents, and ends equal to a fresh lint', async function () {
    this.timeout(60_000);
    client = await TestClient.start({ pull: false, debounceMs: 0 });
    const r = rng(90210);
    const sources = taskDefinitions().map((f) => f.text).filter((t) => t.length < 20_000);
    assert.ok(sources.length >= 5, `${sources.length} task definitions`);
    const uris = Array.from({ length: 20 }, (_, i) => fileUri(`stress/doc${i}/taskdef.json`));
    const open = new Set<string>();
    uris.forEach((uri, i) => { client.open(uri, sources[(i * 7) % sources.length]); open.add(uri); });
    /** Index in client.published from which a closed document may only receive empty diagnostics. */
    const closedAt = new Map<string, number>();
    const pending: Promise<unknown>[] = [];

    for (let step = 0; step < 400; step++) {
      const live = [...open];
      const uri = live[Math.floor(r() * live.length)];
      const text = client.texts.get(uri)!;
      const op = r();
      if (op < 0.6) {
        client.change(uri, mutate(text, r));
      } else if (op < 0.75) {
        // Code actions and hover for a range of the text as it was, sent after it has already changed again.
        const at = { line: Math.floor(r() * 40), character: Math.floor(r() * 20) };
        client.change(uri, mutate(text, r));
        const last = client.lastPublished(uri)?.diagnostics ?? [];
        pending.push(client.codeActions(uri, { start: at, end: { line: at.line + 1, character: 0 } }, last.slice(0, 3)));
        pending.push(client.hover(uri, at));
      } else if (op < 0.9) {
        // In-flight requests cancelled straight away ($/cancelRequest): answered or rejected as cancelled, never hung.
        const source = new CancellationTokenSource();
        const reqs = [
          client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: [] } }, source.token),
          client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } }, source.token),
        ];
        source.cancel();
        for (const p of reqs) pending.push(p.then(() => undefined, (e: { code?: number }) => { assert.equal(e.code, -32800, `unexpected error ${JSON.stringify(e)}`); }));
      } else if (live.length > 12) {
        closedAt.set(uri, client.published.length);
        client.close(uri);
        open.delete(uri);
        // Requests about a document that is gone: answered with nothing.
        pending.push(client.hover(uri, { line: 1, character: 1 }));
        pending.push(client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }));
      }
      if (step % 25 === 0) await new Promise((res) => setImmediate(res)); // let some runs start mid-stream
    }
    await Promise.all(pending);

    // Settle: every open document's final version is published.
    for (const uri of open) await waitFor(() => client.lastPublished(uri)?.version === client.version(uri), `final publish of ${uri}`, 20_000);
    // Anything still queued for closed documents has had time to arrive: the server answers a request after it.
    await client.hover(uris[0], { line: 0, character: 0 });

    assert.equal(client.exitCode, undefined, 'the server is still running');
    assert.ok(closedAt.size >= 3, `closed ${closedAt.size} documents`);
    for (const [uri, from] of closedAt) {
      const late = client.published.slice(from).filter((p) => p.uri === uri && p.diagnostics.length > 0);
      assert.deepEqual(late.map((p) => p.version), [], `findings published for closed ${uri}`);
      assert.ok(client.published.slice(from).some((p) => p.uri === uri && p.diagnostics.length === 0), `closing ${uri} clears it`);
    }
    for (const uri of open) {
      const published = client.lastPublished(uri)!.diagnostics.map(key).sort();
      assert.deepEqual(published, freshLint(uri, client.texts.get(uri)!), `final diagnostics of ${uri}`);
    }
    assert.ok(client.logs.every((l) => !/uncaught|unhandled/i.test(l)), client.logs.join('\n'));
  });
});
