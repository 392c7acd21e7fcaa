// The server reads config files like the CLI, re-lints open documents when a watched config file changes, reports
// config errors, and offers "Ignore <rule> here" writing into the nearest config file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver';
import { defaultEngine } from '../../rules';
import { lintFile } from '../../config';
import { TestClient, waitFor } from './client';

const RULE = 'task/no-privileged';
const task = JSON.stringify({ family: 'app', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', privileged: true }] }, null, 2);

describe('LSP config files', () => {
  let dir: string;
  let client: TestClient;
  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-lsp-config-')));
    client = await TestClient.start({ pull: true, refreshSupport: true });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (rel: string, v: unknown) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, typeof v === 'string' ? v : JSON.stringify(v, null, 2));
    return p;
  };
  const severityOf = async (uri: string) => (await client.pull(uri)).find((d) => d.code === RULE)?.severity;

  it('re-lints an open document when a watched config file changes', async () => {
    const rc = write('.ecslintrc.json', { rules: { [RULE]: 'warning' } });
    const file = write('svc/taskdef.json', task);
    const uri = pathToFileURL(file).toString();
    client.open(uri, task);
    assert.equal(await severityOf(uri), 2);

    write('.ecslintrc.json', { rules: { [RULE]: 'off' } });
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).toString(), type: 2 }] });
    await waitFor(() => client.refreshes >= 1, 'diagnostics refresh after the config change');
    assert.equal(await severityOf(uri), undefined);

    // A new, nearer config file (created) is found after its creation is reported.
    const nearer = write('svc/.ecslintrc.yaml', `rules:\n  ${RULE}: info\n`);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(nearer).toString(), type: 1 }] });
    await waitFor(() => client.refreshes >= 2, 'second refresh');
    assert.equal(await severityOf(uri), 3);

    // The editor and the CLI entry point agree on the same file and config.
    const cli = lintFile(defaultEngine(), file, task).findings.map((f) => `${f.ruleId}@${f.offset}:${f.severity}`);
    const severities = ['', 'error', 'warning', 'info', 'hint'];
    const editor = (await client.pull(uri)).map((d) => `${d.code}@${offsetOf(task, d.range.start)}:${severities[d.severity!]}`);
    assert.deepEqual(editor.sort(), cli.sort());
  });

  it('shows config errors on the linted file and, precisely, on the open config file', async () => {
    const rcText = JSON.stringify({ rules: { 'task/nope': 'error' } }, null, 2);
    const rc = write('.ecslintrc.json', rcText);
    const uri = pathToFileURL(write('taskdef.json', task)).toString();
    client.open(uri, task);
    const top = (await client.pull(uri)).find((d) => d.code === 'config/invalid-config');
    assert.ok(top, 'one config diagnostic on the linted file');
    assert.match(top.message, /unknown rule "task\/nope"/);
    assert.equal(top.range.start.line, 0);
    const rcUri = pathToFileURL(rc).toString();
    client.open(rcUri, rcText);
    const own = await client.pull(rcUri);
    assert.equal(own.length, 1);
    assert.equal(own[0].range.start.line, 2, 'on the offending value');
  });

  it('offers "Ignore <rule> here" that edits only the config file, never preferred', async () => {
    const rcText = '{\n  "rules": {}\n}\n';
    const rc = write('.ecslintrc.json', rcText);
    const file = write('svc/taskdef.jsonc', task);
    const uri = pathToFileURL(file).toString();
    client.open(uri, task, 'jsonc');
    const diags = (await client.pull(uri)).filter((d) => d.code === RULE);
    const actions = (await client.codeActions(uri, diags[0].range, diags, ['quickfix'])) as CodeAction[];
    const ignore = actions.find((a) => a.title === `Ignore ${RULE} here (entry in .ecslintrc.json)`);
    assert.ok(ignore, actions.map((a) => a.title).join(', '));
    assert.equal(ignore.isPreferred, false);
    const changes = ignore.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => c.textDocument.uri), [pathToFileURL(rc).toString()]);
    const written = JSON.parse(changes[0].edits[0].newText);
    assert.deepEqual(written.ignores, [{ rule: RULE, files: ['svc/taskdef.jsonc'], at: 'web', reason: 'TODO: why this is acceptable' }]);

    const disable = actions.find((a) => a.title === `Disable ${RULE} for this line`);
    assert.ok(disable);
    assert.equal(disable.isPreferred, false);
    const e = (disable.edit!.documentChanges as TextDocumentEdit[])[0];
    assert.equal(e.textDocument.uri, uri);
    assert.equal(e.edits[0].newText, `      // ecs-lint-disable-next-line ${RULE} -- TODO: why this is acceptable\n`);
  });
});

function offsetOf(text: string, pos: { line: number; character: number }): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < pos.line; i++) o += lines[i].length + 1;
  return o + pos.character;
}
