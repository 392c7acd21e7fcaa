// Workspace scan, server side: `ecsLint/lintFiles` lints files from disk that are not open and publishes their
// diagnostics; open documents stay with the editor's own flow; the server keeps answering while it scans.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LINT_FILES_REQUEST } from '../../server/scan';
import { LINT_FILES_REQUEST as CLIENT_REQUEST } from '../../client/scan-plan';
import { lineOfText, TestClient, waitFor } from './client';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const privileged = json({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'x', privileged: true }] });
const clean = json({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [] });

interface Result { linted: number; problems: number; skipped: { uri: string; reason: string }[]; cancelled: boolean }

describe('LSP workspace scan (ecsLint/lintFiles)', () => {
  let client: TestClient;
  let dir: string;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ecs-lint-scan-')); });
  afterEach(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses the request name the client sends', () => assert.equal(CLIENT_REQUEST, LINT_FILES_REQUEST));

  it('lints CloudFormation YAML and Terraform files, with ranges in the host file', async () => {
    client = await TestClient.start({ pull: false });
    const yaml = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  TaskDef:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      NetworkMode: awsvpc',
      '      ContainerDefinitions:',
      '        - Name: app',
      '          Image: nginx',
      '          Privileged: true',
      '',
    ].join('\n');
    const tf = [
      'resource "aws_ecs_task_definition" "web" {',
      '  family       = "web"',
      '  network_mode = "host"',
      '  container_definitions = jsonencode([{ name = "app", image = "nginx" }])',
      '}',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'service.yaml'), yaml);
    writeFileSync(join(dir, 'ecs.tf'), tf);
    writeFileSync(join(dir, 'other.yaml'), 'name: ci\non: [push]\n');
    const r = await client.connection.sendRequest<Result>(LINT_FILES_REQUEST, { uris: ['service.yaml', 'ecs.tf', 'other.yaml'].map(uriOf) });
    assert.equal(r.cancelled, false);
    const cfn = client.lastPublished(uriOf('service.yaml'))!.diagnostics.find((x) => x.code === 'task/no-privileged');
    assert.ok(cfn, 'task/no-privileged in the CloudFormation template');
    assert.equal(cfn!.range.start.line, 9);
    const host = client.lastPublished(uriOf('ecs.tf'))!.diagnostics.find((x) => x.code === 'task/no-host-network');
    assert.ok(host, 'task/no-host-network in the Terraform file');
    assert.equal(host!.range.start.line, 2);
    assert.deepEqual(client.lastPublished(uriOf('other.yaml'))?.diagnostics ?? [], [], 'unrelated YAML stays silent');
  });

  for (const pull of [false, true]) {
    it(`publishes diagnostics for closed files and skips open, missing, binary and non-file ones (${pull ? 'pull' : 'push'} mode)`, async () => {
      client = await TestClient.start({ pull });
      writeFileSync(join(dir, 'bad-taskdef.json'), privileged);
      writeFileSync(join(dir, 'clean-taskdef.json'), clean);
      writeFileSync(join(dir, 'bin.json'), Buffer.from([0x7b, 0, 1]));
      writeFileSync(join(dir, 'open-taskdef.json'), privileged);
      client.open(uriOf('open-taskdef.json'), privileged);
      const uris = ['bad-taskdef.json', 'clean-taskdef.json', 'bin.json', 'open-taskdef.json', 'missing.json'].map(uriOf);
      const r = await client.connection.sendRequest<Result>(LINT_FILES_REQUEST, { uris: [...uris, 'untitled:Untitled-1', 42] });
      assert.equal(r.linted, 3, 'the binary file is reported as not linted, not skipped silently');
      assert.equal(r.cancelled, false);
      assert.deepEqual(r.skipped.map((s) => [s.uri.replace(/^.*\//, ''), s.reason.replace(/ \(.*\)$/, '')]), [
        ['open-taskdef.json', 'open in the editor'],
        ['missing.json', 'cannot read file'],
        ['untitled:Untitled-1', 'not a file: URI'],
      ]);
      const bad = client.lastPublished(uriOf('bad-taskdef.json'));
      assert.ok(bad, 'published for the closed file');
      const d = bad!.diagnostics.find((x) => x.code === 'task/no-privileged');
      assert.ok(d, JSON.stringify(bad!.diagnostics));
      assert.equal(d!.range.start.line, lineOfText(privileged, '"privileged"'));
      assert.equal(r.problems, bad!.diagnostics.length + client.lastPublished(uriOf('clean-taskdef.json'))!.diagnostics.length + 1);
      const bin = client.lastPublished(uriOf('bin.json'))!.diagnostics;
      assert.deepEqual(bin.map((x) => [x.code, x.severity]), [['internal/not-linted', 1]]);
      assert.match(bin[0].message, /Not linted: binary file/);

      // The scan's diagnostics equal what the editor shows once the same file is opened.
      const before = client.published.length;
      client.open(uriOf('bad-taskdef.json'), privileged);
      const editor = pull
        ? await client.pull(uriOf('bad-taskdef.json'))
        : (await waitFor(() => client.published.slice(before).find((p) => p.uri === uriOf('bad-taskdef.json') && p.version === 1), 'publish on open')).diagnostics;
      assert.deepEqual(editor.map((x) => [x.code, x.range, x.message]), bad!.diagnostics.map((x) => [x.code, x.range, x.message]));
      if (pull) {
        // Pulled and pushed diagnostics are kept apart by VS Code: the pushed copy is cleared so nothing shows twice.
        await waitFor(() => client.published.slice(before).some((p) => p.uri === uriOf('bad-taskdef.json') && p.diagnostics.length === 0), 'pushed copy cleared');
      }
    });
  }

  it('honours ecsLint.enable per file and answers bad params with an empty result', async () => {
    client = await TestClient.start({ pull: true });
    writeFileSync(join(dir, 'taskdef.json'), privileged);
    client.settings = { '*': { enable: false } };
    const r = await client.connection.sendRequest<Result>(LINT_FILES_REQUEST, { uris: [uriOf('taskdef.json')] });
    assert.deepEqual(r.skipped.map((s) => s.reason), ['linting is disabled']);
    assert.equal(client.published.length, 0);
    assert.deepEqual(await client.connection.sendRequest<Result>(LINT_FILES_REQUEST, null), { linted: 0, problems: 0, skipped: [], cancelled: false });
    assert.deepEqual(await client.connection.sendRequest<Result>(LINT_FILES_REQUEST, { uris: 'x' }), { linted: 0, problems: 0, skipped: [], cancelled: false });
  });

  it('stays responsive while scanning and stops when cancelled', async function () {
    this.timeout(30000);
    client = await TestClient.start({ pull: true });
    const names: string[] = [];
    for (let i = 0; i < 400; i++) {
      const name = `t${i}-taskdef.json`;
      writeFileSync(join(dir, name), privileged);
      names.push(name);
    }
    const typing = 'file:///tmp/ecs-lint-scan-typing/taskdef.json';
    client.open(typing, privileged);
    const source = new CancellationTokenSource();
    const scanning = client.connection.sendRequest<Result>(LINT_FILES_REQUEST, { uris: names.map(uriOf) }, source.token);
    // Requests for the document being typed in are answered while the scan runs (it yields between files).
    await waitFor(() => client.published.length >= 5, 'scan under way', 10000);
    const t0 = Date.now();
    const items = await client.pull(typing);
    const pullMs = Date.now() - t0;
    assert.ok(items.some((d) => d.code === 'task/no-privileged'));
    const publishedAtPull = client.published.length;
    assert.ok(publishedAtPull < names.length, `the pull was answered before the scan finished (${publishedAtPull} published, ${pullMs} ms)`);
    source.cancel();
    await assert.rejects(scanning, (e: { code?: number }) => e.code === -32800, 'RequestCancelled');
    const afterCancel = client.published.length;
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(client.published.length <= afterCancel + 1, 'no more files are linted after cancellation');
    assert.ok(afterCancel < names.length, `cancelled before the end (${afterCancel}/${names.length})`);
  });
});
