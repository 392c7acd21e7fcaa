// In-process tests of the server's pure helpers (no spawned process).
import * as assert from 'node:assert/strict';
import { Engine, type Rule } from '../../rules';
import { fixAllSafeAsync } from '../../server/codeActions';
import { PushScheduler, toDiagnostics } from '../../server/diagnostics';
import { fileNameOf, LintCache } from '../../server/documents';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultEngine } from '../../rules';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/settings';
import { waitFor } from './client';

describe('server modules', () => {
  it('normalizeSettings keeps valid values and falls back on anything else', () => {
    assert.deepEqual(normalizeSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ enable: 'no', run: 'sometimes', maxFileSizeKb: -1, rules: 'x' }), DEFAULT_SETTINGS);
    const s = normalizeSettings({
      enable: false, run: 'onSave', maxFileSizeKb: 10,
      rules: { 'task/no-privileged': 'off', 'iam/wildcard-action': 'hint', 'x/y': 'loud', 'a/b': 3 },
      files: { associations: { '**/p/*.json': 'trust-policy', bad: 7 } },
    });
    assert.deepEqual(s, {
      enable: false, run: 'onSave', maxFileSizeKb: 10, maxDiagnostics: 1000,
      rules: { 'task/no-privileged': 'off', 'iam/wildcard-action': 'hint' },
      associations: { '**/p/*.json': 'trust-policy' },
    });
    // VS Code may hand over the dotted key unflattened.
    assert.deepEqual(normalizeSettings({ 'files.associations': { '*.td.json': 'task-definition' } }).associations, { '*.td.json': 'task-definition' });
  });

  it('fixAllSafeAsync applies one of two overlapping safe fixes, skips unsafe ones, and stops when nothing changes', async () => {
    const rule: Rule = {
      meta: { id: 'test/overlap', kinds: ['agent-config'], defaultSeverity: 'warning', description: 'd', references: [], fixable: true },
      check(ctx) {
        if (!ctx.text.startsWith('A')) return;
        const edit = (content: string) => [{ offset: 0, length: 1, content }];
        ctx.report({ message: 'one', offset: 0, length: 1, fixes: [{ title: 'Z', edits: edit('Z'), safe: true }] });
        ctx.report({ message: 'two', offset: 0, length: 1, fixes: [{ title: 'Y', edits: edit('Y'), safe: true }] });
        ctx.report({ message: 'three', offset: 1, length: 1, fixes: [{ title: 'unsafe', edits: [{ offset: 1, length: 1, content: '!' }], safe: false }] });
      },
    };
    const engine = new Engine([rule]);
    const out = await fixAllSafeAsync('AB', async (t) => engine.lint(t, { kind: 'agent-config' }).findings);
    assert.ok(out === 'ZB' || out === 'YB', out);
  });

  it('PushScheduler debounces per document and cancels the run in flight', async () => {
    const runs: string[] = [];
    const tokens = new Map<string, { isCancellationRequested: boolean }>();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const s = new PushScheduler(5, async (uri, token) => { runs.push(uri); tokens.set(uri, token); await gate; }, (e) => { throw e; });
    s.schedule('a'); s.schedule('a'); s.schedule('b');
    await waitFor(() => runs.length === 2, 'two runs');
    assert.deepEqual([...runs].sort(), ['a', 'b']);
    s.schedule('a'); // a newer version: the first run of "a" is cancelled
    assert.equal(tokens.get('a')!.isCancellationRequested, true);
    assert.equal(tokens.get('b')!.isCancellationRequested, false);
    s.dispose();
    release();
  });

  it('toDiagnostics re-uses the previous objects of unchanged diagnostics and equals a fresh conversion', () => {
    const engine = defaultEngine();
    const cache = new LintCache(engine, () => undefined);
    const settings = normalizeSettings({});
    const containers = Array.from({ length: 12 }, (_, i) => ({ name: `c${i}`, image: 'nginx:latest', privileged: i % 2 === 0, user: 'root' }));
    let text = JSON.stringify({ family: 'f', containerDefinitions: containers }, null, 2);
    const uri = 'untitled:reuse.json';
    const live = TextDocument.create(uri, 'json', 1, text);
    let previous = toDiagnostics(engine, cache.lint({ uri, version: 1, text }, settings), settings, { lines: live });
    assert.ok(previous.length > 20);
    const edits = [
      { at: text.indexOf('"c5"') + 2, insert: 'x' }, // a finding's own value: that diagnostic changes, the rest are kept
      { at: text.indexOf('"family"'), insert: '\n' }, // every line moves: nothing is re-used
      { at: text.lastIndexOf('"nginx:latest"') + 3, insert: 'q' },
      { at: text.indexOf('"c3"'), insert: '{' }, // broken: a syntax error joins the list
    ];
    let version = 1;
    for (const e of edits) {
      text = text.slice(0, e.at) + e.insert + text.slice(e.at);
      version++;
      TextDocument.update(live, [{ text }], version);
      const snap = cache.lint({ uri, version, text }, settings);
      const reused = toDiagnostics(engine, snap, settings, { lines: live, previous });
      assert.deepEqual(reused, toDiagnostics(engine, snap, settings), `after inserting ${JSON.stringify(e.insert)}`);
      const kept = reused.filter((d) => previous.includes(d)).length;
      // A newline moves every line; a broken container loses what the tolerant parse drops after it; another edit
      // changes only the diagnostics of the container it is in.
      if (e.insert === '\n') assert.equal(kept, 0);
      else if (e.insert === '{') assert.ok(kept >= reused.filter((d) => d.range.start.line < live.positionAt(e.at).line).length, `${kept} re-used`);
      else assert.ok(kept >= previous.length - 10, `${JSON.stringify(e.insert)}: ${kept} of ${previous.length} re-used`);
      previous = reused;
    }
  });

  it('fileNameOf gives the fs path for file URIs and the path for other schemes', () => {
    assert.equal(fileNameOf('file:///tmp/a%20b/taskdef.json'), '/tmp/a b/taskdef.json');
    assert.equal(fileNameOf('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(fileNameOf('::not a uri'), '::not a uri');
  });
});
