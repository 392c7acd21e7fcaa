// ecs.config hover and completion through the language server.
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver';
import { fileUri, positionAt, TestClient } from './client';

describe('LSP: ecs.config hover and completion', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ pull: true }); });
  after(async () => { await client.stop(); });

  async function completions(uri: string, text: string, offset: number): Promise<CompletionItem[]> {
    const r = await client.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri }, position: positionAt(text, offset),
    });
    return Array.isArray(r) ? r : r?.items ?? [];
  }

  it('advertises completion with = and _ as trigger characters (and " : for the JSON kinds)', () => {
    assert.deepEqual(client.initializeResult.capabilities.completionProvider?.triggerCharacters, ['=', '_', '"', ':']);
  });

  it('hover on ECS_AWSVPC_BLOCK_IMDS shows its meaning and defaults on the key range', async () => {
    const uri = fileUri('agent-assist/hover/ecs.config');
    const text = 'ECS_CLUSTER=prod\nECS_AWSVPC_BLOCK_IMDS=true\n';
    client.open(uri, text, 'ecs-agent-config');
    const key = text.indexOf('ECS_AWSVPC_BLOCK_IMDS');
    const h = await client.hover(uri, positionAt(text, key + 4));
    assert.ok(h, 'a hover');
    const md = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /\*\*ECS_AWSVPC_BLOCK_IMDS\*\*/);
    assert.match(md, /metadata/i);
    assert.match(md, /Linux default: `false`/);
    assert.match(md, /Windows default:/);
    assert.deepEqual(h.range, { start: positionAt(text, key), end: positionAt(text, key + 'ECS_AWSVPC_BLOCK_IMDS'.length) });
    client.close(uri);
  });

  it('a finding and the variable docs share one hover', async () => {
    const uri = fileUri('agent-assist/both/ecs.config');
    const text = 'ECS_CLUSTER=prod\nECS_AWSVPC_BLOCK_IMDS=false\n';
    client.open(uri, text, 'ecs-agent-config');
    const h = await client.hover(uri, positionAt(text, text.indexOf('false') + 1));
    const md = (h!.contents as MarkupContent).value;
    assert.match(md, /agent\/block-imds/);
    assert.match(md, /\*\*ECS_AWSVPC_BLOCK_IMDS\*\*/);
    client.close(uri);
  });

  it('completion at the start of a line lists the variables, inserting NAME=', async () => {
    const uri = fileUri('agent-assist/keys/ecs.config');
    const text = 'ECS_CLUSTER=prod\n';
    client.open(uri, text, 'ecs-agent-config');
    const items = await completions(uri, text, text.length);
    const cluster = items.find((i) => i.label === 'ECS_CLUSTER');
    assert.ok(cluster, 'ECS_CLUSTER offered');
    assert.ok(items.some((i) => i.label === 'ECS_AWSVPC_BLOCK_IMDS'));
    assert.equal((cluster.textEdit as TextEdit).newText, 'ECS_CLUSTER=');
    assert.match((cluster.documentation as MarkupContent).value, /Linux default/);
    client.close(uri);
  });

  it('after ECS_AWSVPC_BLOCK_IMDS= offers true first, replacing the typed value', async () => {
    const uri = fileUri('agent-assist/values/ecs.config');
    const text = 'ECS_AWSVPC_BLOCK_IMDS=f';
    client.open(uri, text, 'ecs-agent-config');
    const items = await completions(uri, text, text.length);
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(sorted.map((i) => i.label), ['true', 'false']);
    assert.deepEqual((sorted[0].textEdit as TextEdit).range, { start: positionAt(text, text.length - 1), end: positionAt(text, text.length) });
    client.close(uri);
  });

  it('no completion in JSON documents (no provider for that kind yet) and for unknown documents', async () => {
    const uri = fileUri('agent-assist/json/taskdef.json');
    const text = '{"family": "x", "containerDefinitions": []}';
    client.open(uri, text);
    assert.deepEqual(await completions(uri, text, 1), []);
    client.close(uri);
    assert.deepEqual(await completions(fileUri('agent-assist/never-opened/ecs.config'), '', 0), []);
  });
});
