import * as assert from 'node:assert/strict';
import { fileUri, TestClient, waitFor } from './client';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const privileged = json({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y', privileged: true }] });
const codes = (ds: { code?: string | number }[]) => ds.map((d) => d.code);

describe('LSP settings (pull)', () => {
  let client: TestClient;
  beforeEach(async () => { client = await TestClient.start({ pull: true, refreshSupport: true }); });
  afterEach(async () => { await client.stop(); });

  it('reads ecsLint settings per document and refreshes after didChangeConfiguration', async () => {
    const uri = fileUri('settings/taskdef.json');
    client.open(uri, privileged);
    const first = (await client.pull(uri)).find((d) => d.code === 'task/no-privileged');
    assert.equal(first?.severity, 1);
    assert.ok(client.configRequests.some((r) => r.scopeUri === uri && r.section === 'ecsLint'));

    client.changeConfiguration({ '*': { rules: { 'task/no-privileged': 'warning' } } });
    await waitFor(() => client.refreshes >= 1, 'diagnostics refresh request');
    assert.equal((await client.pull(uri)).find((d) => d.code === 'task/no-privileged')?.severity, 2);

    client.changeConfiguration({ '*': { rules: { 'task/no-privileged': 'off' } } });
    await waitFor(() => client.refreshes >= 2, 'second refresh');
    assert.ok(!codes(await client.pull(uri)).includes('task/no-privileged'));
    // Code actions and hover follow the same settings.
    const r = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    const titles = (await client.codeActions(uri, r, [], ['quickfix'])).map((a) => a.title);
    assert.ok(!titles.some((t) => /privileged/.test(t)), titles.join(', '));
  });

  it('settings are per resource (scopeUri)', async () => {
    const a = fileUri('per-resource/a/taskdef.json');
    const b = fileUri('per-resource/b/taskdef.json');
    client.settings = { [a]: { rules: { 'task/no-privileged': 'off' } }, '*': {} };
    client.open(a, privileged);
    client.open(b, privileged);
    assert.ok(!codes(await client.pull(a)).includes('task/no-privileged'));
    assert.ok(codes(await client.pull(b)).includes('task/no-privileged'));
  });

  it('ecsLint.enable=false and mistyped settings', async () => {
    const uri = fileUri('enable/taskdef.json');
    client.settings = { '*': { enable: false } };
    client.open(uri, privileged);
    assert.deepEqual(await client.pull(uri), []);
    // Wrong types fall back to the defaults instead of breaking linting.
    client.changeConfiguration({ '*': { enable: 'yes', rules: ['x'], maxFileSizeKb: 'big', run: 42, files: null } });
    await waitFor(() => client.refreshes >= 1, 'refresh');
    assert.ok(codes(await client.pull(uri)).includes('task/no-privileged'));
  });

  it('ecsLint.files.associations decides the kind (fsPath matched against the globs)', async () => {
    const uri = fileUri('assoc/custom/policy-doc.json');
    const text = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] });
    client.open(uri, text);
    assert.deepEqual(await client.connection.sendRequest('ecsLint/documentKind', { uri }), { kind: 'ecr-repository-policy' });
    client.changeConfiguration({ '*': { files: { associations: { '**/custom/*.json': 'endpoint-policy' } } } });
    await waitFor(() => client.refreshes >= 1, 'refresh');
    assert.deepEqual(await client.connection.sendRequest('ecsLint/documentKind', { uri }), { kind: 'endpoint-policy' });
  });

  it('ecsLint.maxFileSizeKb: a larger file gets one error diagnostic saying it was not linted', async () => {
    const uri = fileUri('large/taskdef.json');
    client.settings = { '*': { maxFileSizeKb: 1 } };
    const big = json({ family: 'web', containerDefinitions: Array.from({ length: 40 }, (_, i) => ({ name: `c${i}`, image: 'x', privileged: true })) });
    assert.ok(big.length > 1024);
    client.open(uri, big);
    const ds = await client.pull(uri);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 1, 'fail closed: an error, never a clean-looking note');
    assert.deepEqual(ds[0].range.start, { line: 0, character: 0 });
    assert.match(ds[0].message, /not linted/i);
  });

  it('onSave mode answers pulls from the last saved text', async () => {
    const uri = fileUri('pull-onsave/taskdef.json');
    client.settings = { '*': { run: 'onSave' } };
    client.open(uri, json({ family: 'web', containerDefinitions: [{ name: 'a', image: 'x' }] }));
    assert.ok(!codes(await client.pull(uri)).includes('task/no-privileged'));
    client.change(uri, privileged);
    assert.ok(!codes(await client.pull(uri)).includes('task/no-privileged'), 'unsaved change not linted');
    client.save(uri);
    assert.ok(codes(await client.pull(uri)).includes('task/no-privileged'));
  });
});

describe('LSP settings without workspace/configuration', () => {
  it('uses the settings pushed with didChangeConfiguration', async () => {
    const client = await TestClient.start({ pull: true, refreshSupport: true, configuration: false });
    try {
      const uri = fileUri('pushed-settings/taskdef.json');
      client.open(uri, privileged);
      assert.ok(codes(await client.pull(uri)).includes('task/no-privileged'));
      client.changeConfiguration({ '*': { rules: { 'task/no-privileged': 'off' } } });
      await waitFor(() => client.refreshes >= 1, 'refresh');
      assert.ok(!codes(await client.pull(uri)).includes('task/no-privileged'));
      assert.equal(client.configRequests.length, 0);
    } finally {
      await client.stop();
    }
  });
});
