import * as assert from 'node:assert/strict';
import { fileUri, lineOfText, TestClient, waitFor } from './client';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const privileged = json({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y', privileged: true }] });
const clean = json({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'x' }] });

describe('LSP push diagnostics', () => {
  let client: TestClient;
  afterEach(async () => { await client?.stop(); });

  it('publishes for a client without textDocument.diagnostic, and clears on close', async () => {
    client = await TestClient.start({ pull: false });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = fileUri('push/taskdef.json');
    client.open(uri, privileged);
    const p = await waitFor(() => client.lastPublished(uri), 'publishDiagnostics');
    assert.equal(p.version, 1);
    const d = p.diagnostics.find((x) => x.code === 'task/no-privileged');
    assert.ok(d);
    assert.equal(d!.range.start.line, lineOfText(privileged, '"privileged"'));

    client.change(uri, clean);
    await waitFor(() => client.lastPublished(uri)?.version === 2, 'publish of version 2');
    assert.equal(client.lastPublished(uri)!.diagnostics.filter((x) => x.code === 'task/no-privileged').length, 0);

    const before = client.published.length;
    client.close(uri);
    await waitFor(() => client.published.length > before, 'clearing publish');
    assert.deepEqual(client.lastPublished(uri)!.diagnostics, []);
  });

  it('debounces rapid changes and never publishes a stale version', async () => {
    client = await TestClient.start({ pull: false, debounceMs: 150, configDelayMs: 300 });
    const uri = fileUri('push-stale/taskdef.json');
    client.open(uri, privileged);
    // Version 1 is in flight (waiting for its settings) when version 2 arrives.
    await waitFor(() => client.configRequests.some((r) => r.scopeUri === uri), 'configuration request');
    client.change(uri, clean);
    await waitFor(() => client.lastPublished(uri)?.version === 2, 'publish of version 2');
    // Quick successive edits: only the last one is linted and published.
    for (let i = 0; i < 4; i++) client.change(uri, i % 2 ? clean : privileged);
    const last = client.version(uri);
    await waitFor(() => client.lastPublished(uri)?.version === last, `publish of version ${last}`);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.equal(versions[0], 2, 'version 1 was superseded while in flight and never published');
    assert.ok(versions.every((v, i) => i === 0 || v > versions[i - 1]), `published in order: ${versions}`);
    assert.ok(versions.length < 1 + 4, `rapid edits coalesced: ${versions}`);
    assert.equal(versions[versions.length - 1], last);
  });

  it('in onSave mode lints the text as of the last save', async () => {
    client = await TestClient.start({ pull: false });
    client.settings = { '*': { run: 'onSave' } };
    const uri = fileUri('push-onsave/taskdef.json');
    client.open(uri, clean);
    await waitFor(() => client.lastPublished(uri)?.version === 1, 'publish on open');
    client.change(uri, privileged);
    // A document opened after the change is published after it would have been: use it as a barrier.
    const other = fileUri('push-onsave/other-taskdef.json');
    client.open(other, clean);
    await waitFor(() => client.lastPublished(other), 'barrier publish');
    assert.equal(client.published.filter((p) => p.uri === uri).length, 1, 'no publish for an unsaved change');
    client.save(uri);
    const p = await waitFor(() => client.lastPublished(uri)?.version === 2 && client.lastPublished(uri), 'publish after save');
    assert.equal(p.diagnostics.filter((x) => x.code === 'task/no-privileged').length, 1);
  });

  it('re-lints open documents after a settings change', async () => {
    client = await TestClient.start({ pull: false });
    const uri = fileUri('push-settings/taskdef.json');
    client.open(uri, privileged);
    await waitFor(() => client.lastPublished(uri), 'first publish');
    assert.equal(client.lastPublished(uri)!.diagnostics.find((d) => d.code === 'task/no-privileged')!.severity, 1);
    const before = client.published.length;
    client.changeConfiguration({ '*': { rules: { 'task/no-privileged': 'hint' } } });
    await waitFor(() => client.published.length > before, 'publish after the settings change');
    assert.equal(client.lastPublished(uri)!.diagnostics.find((d) => d.code === 'task/no-privileged')!.severity, 4);
    const n = client.published.length;
    client.changeConfiguration({ '*': { enable: false } });
    await waitFor(() => client.published.length > n, 'publish after disabling');
    assert.deepEqual(client.lastPublished(uri)!.diagnostics, []);
  });
});
