// Hover through the editor's hover command shows the rule docs (the docs ship in the package) and the field docs.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const h = require('./helpers');

describe('hover', () => {
  before(() => h.activateExtension());

  it('hovering the privileged key shows the rule, its message and a link to its documentation', async () => {
    const { doc } = await h.open('task.json');
    await h.waitForExactly(doc.uri, h.expectedFor('task.json').map(h.describeFinding), 'task.json diagnostics');
    const hovers = await h.waitFor(async () => {
      const r = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(13, 9));
      return r.some((x) => h.markdownOf(x).includes('task/no-privileged')) && r;
    }, { what: 'an ecs-lint hover' });
    const md = hovers.map(h.markdownOf).join('\n');
    assert.match(md, /\*\*task\/no-privileged\*\* \(error\)/);
    assert.match(md, /runs privileged/);
    const link = /\[Documentation for task\/no-privileged\]\((file:[^)]+)\)/.exec(md);
    assert.ok(link, md);
    const docsFile = vscode.Uri.parse(link[1]).fsPath;
    assert.match(fs.readFileSync(docsFile, 'utf8'), /^# task\/no-privileged/);
  });

  it('hovering a field shows its documentation from the ECS API model', async () => {
    const { doc } = await h.open('task.json');
    const line = doc.getText().split('\n').findIndex((l) => l.includes('"image"'));
    const col = doc.lineAt(line).text.indexOf('"image"') + 2;
    const hovers = await h.waitFor(async () => {
      const r = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col));
      return r.some((x) => h.markdownOf(x).includes('@aws-sdk/client-ecs')) && r;
    }, { what: 'a field hover' });
    const md = hovers.map(h.markdownOf).join('\n');
    assert.match(md, /image/i);
    assert.match(md, /Field data: @aws-sdk\/client-ecs \d+\.\d+\.\d+/);
  });
});
