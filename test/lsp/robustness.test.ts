import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { fileUri, TestClient, waitFor } from './client';

const json = (v: unknown) => JSON.stringify(v, null, 2);

describe('LSP robustness and lifecycle', () => {
  let client: TestClient;
  afterEach(async () => { await client?.stop(); });

  it('unknown JSON gets no diagnostics', async () => {
    client = await TestClient.start({ pull: true });
    const uri = fileUri('robust/package.json');
    client.open(uri, json({ name: 'x', version: '1.0.0', dependencies: { a: '1' } }));
    assert.deepEqual(await client.pull(uri), []);
    assert.deepEqual(await client.connection.sendRequest('ecsLint/documentKind', { uri }), { kind: 'unknown' });
  });

  it('broken JSON, binary junk and malformed requests do not crash the server', async () => {
    client = await TestClient.start({ pull: true });
    const truncated = fileUri('robust/taskdef.json');
    const full = json({ family: 'web', containerDefinitions: [{ name: 'a', image: 'x', privileged: true }] });
    client.open(truncated, full.slice(0, full.indexOf('true') + 2));
    const ds = await client.pull(truncated);
    assert.ok(ds.every((d) => d.source === 'ecs-lint'));

    const junk = fileUri('robust/junk.json');
    let bytes = '';
    for (let i = 0; i < 4096; i++) bytes += String.fromCharCode((i * 7919) % 65536);
    client.open(junk, `{${bytes}`);
    await client.pull(junk);
    await client.hover(junk, { line: 99999, character: 5 });
    await client.codeActions(junk, { start: { line: -1, character: -1 }, end: { line: 1e9, character: 0 } });

    // Malformed params: answered with defaults (or an error), never a crash.
    await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: truncated } }).catch(() => undefined);
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: truncated } }).catch(() => undefined);
    await client.connection.sendRequest('textDocument/diagnostic', {}).catch(() => undefined);
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: fileUri('never-opened.json'), version: 3 }, contentChanges: [{ text: '{' }] });
    void client.connection.sendNotification('workspace/didChangeConfiguration', null);

    // Still serving.
    client.change(truncated, full);
    assert.ok((await client.pull(truncated)).some((d) => d.code === 'task/no-privileged'));
    assert.equal(client.exitCode, undefined);
  });

  it('honours cancellation of a pull request', async () => {
    client = await TestClient.start({ pull: true, configDelayMs: 300 });
    const uri = fileUri('robust/cancel/taskdef.json');
    client.open(uri, json({ family: 'web', containerDefinitions: [{ name: 'a', image: 'x', privileged: true }] }));
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    await waitFor(() => client.configRequests.some((r) => r.scopeUri === uri), 'configuration request');
    source.cancel();
    await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
    // The next request is answered normally.
    assert.ok((await client.pull(uri)).some((d) => d.code === 'task/no-privileged'));
  });

  it('shuts down and exits with code 0', async () => {
    client = await TestClient.start({ pull: true });
    assert.equal(await client.connection.sendRequest('shutdown'), null);
    void client.connection.sendNotification('exit');
    await waitFor(() => client.exitCode !== undefined, 'exit');
    assert.equal(client.exitCode, 0);
  });
});
