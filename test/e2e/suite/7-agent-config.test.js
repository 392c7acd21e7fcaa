// ecs.config in the editor: language id and contributed grammar, hover with the variable docs, completion.
// (Its diagnostics are checked in 1-diagnostics.test.js.)
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

describe('ecs.config language', () => {
  before(() => h.activateExtension());

  it('gets the ecs-agent-config language, whose grammar the extension contributes', async () => {
    const { doc } = await h.open('ecs.config');
    assert.equal(doc.languageId, 'ecs-agent-config');
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    const grammar = (ext.packageJSON.contributes.grammars || []).find((g) => g.language === doc.languageId);
    assert.ok(grammar, 'a grammar for ecs-agent-config');
    assert.equal(grammar.scopeName, 'source.ecs-agent-config');
    // Token colours cannot be read through the API; the grammar file at least ships and parses.
    const file = path.join(ext.extensionPath, grammar.path);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).scopeName, grammar.scopeName);
  });

  it('hover on a key shows the variable docs with both defaults', async () => {
    const { doc } = await h.open('ecs.config');
    const line = 2; // ECS_AWSVPC_BLOCK_IMDS=false
    assert.match(doc.lineAt(line).text, /^ECS_AWSVPC_BLOCK_IMDS=/);
    const hovers = await h.waitFor(async () => {
      const r = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 5));
      return r.some((x) => h.markdownOf(x).includes('**ECS_AWSVPC_BLOCK_IMDS**')) && r;
    }, { what: 'the ECS_AWSVPC_BLOCK_IMDS hover' });
    const md = hovers.map(h.markdownOf).join('\n');
    assert.match(md, /Linux default: `false`/);
    assert.match(md, /Windows default:/);
  });

  it('completion offers the variables at a new line and true first after ECS_AWSVPC_BLOCK_IMDS=', async () => {
    const { doc } = await h.open('ecs.config');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await h.waitFor(async () => {
      const r = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, end);
      return r.items.some((i) => i.label === 'ECS_CLUSTER') && r;
    }, { what: 'ECS_CLUSTER in the completion list' });
    const cluster = list.items.find((i) => i.label === 'ECS_CLUSTER');
    assert.equal(cluster.kind, vscode.CompletionItemKind.Variable);
    assert.ok(list.items.some((i) => i.label === 'ECS_DISABLE_PRIVILEGED'));

    const afterEquals = new vscode.Position(2, 'ECS_AWSVPC_BLOCK_IMDS='.length);
    const values = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, afterEquals);
    const ours = values.items.filter((i) => i.kind === vscode.CompletionItemKind.Value)
      .sort((a, b) => (a.sortText || '').localeCompare(b.sortText || ''));
    assert.deepEqual(ours.map((i) => i.label), ['true', 'false']);
    assert.match(ours[0].detail, /recommended/);
  });
});
