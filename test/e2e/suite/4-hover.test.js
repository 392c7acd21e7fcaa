// Hover through the editor's hover command shows the rule docs, and the docs ship in the package.
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
});
