// "Lint Workspace": a file that was never opened gets its diagnostics from the workspace scan.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

describe('lint workspace command', () => {
  before(() => h.activateExtension());

  it('fills the Problems panel for files that are not open', async () => {
    const uri = h.fixtureUri('scan-task.json');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'scan-task.json must not be open');
    assert.deepEqual(h.ours(uri), [], 'no diagnostics before the scan');
    await vscode.commands.executeCommand('ecsLint.lintWorkspace');
    await h.waitForExactly(uri, h.expectedFor('scan-task.json').map(h.describeFinding), 'scan-task.json diagnostics from the scan');
    assert.ok(h.ours(uri).some((d) => h.codeOf(d) === 'task/no-privileged'));
  });
});
