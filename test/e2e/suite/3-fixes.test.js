// Code actions through the real editor commands: a quick fix and source.fixAll.ecs-lint (safe fixes only).
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

const codes = (uri) => h.ours(uri).map(h.codeOf).sort();

describe('fixes', () => {
  before(() => h.activateExtension());
  afterEach(() => h.revertAll());

  it('the "Remove \\"privileged\\"" quick fix applied with workspace.applyEdit fixes the document', async () => {
    const { doc } = await h.open('fix-task.json');
    await h.waitForExactly(doc.uri, h.expectedFor('fix-task.json').map(h.describeFinding), 'fix-task.json diagnostics');
    const diag = h.ours(doc.uri).find((d) => h.codeOf(d) === 'task/no-privileged');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range);
    const fix = actions.find((a) => a.title === 'Remove "privileged"');
    assert.ok(fix, `no quick fix; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await h.waitFor(() => !codes(doc.uri).includes('task/no-privileged'), { what: 'the no-privileged diagnostic to go' });
    const task = JSON.parse(doc.getText());
    assert.equal('privileged' in task.containerDefinitions[0], false);
    assert.equal(task.networkMode, 'host', 'a quick fix must change only what it says');
  });

  it('source.fixAll.ecs-lint applies only the safe fixes', async () => {
    const { doc } = await h.open('fix-task.json');
    await h.waitForExactly(doc.uri, h.expectedFor('fix-task.json').map(h.describeFinding), 'fix-task.json diagnostics');
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    // The server offers fix-all without its edit and computes it when VS Code resolves the action.
    const unresolved = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, full, 'source.fixAll.ecs-lint');
    assert.equal(unresolved.find((a) => a.kind && a.kind.value === 'source.fixAll.ecs-lint')?.edit, undefined, 'fix-all edit computed before it was chosen');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, full, 'source.fixAll.ecs-lint', 5);
    const fixAll = actions.find((a) => a.kind && a.kind.value === 'source.fixAll.ecs-lint');
    assert.ok(fixAll && fixAll.edit, `no resolved fix-all action; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    await h.waitFor(() => !codes(doc.uri).includes('task/no-privileged'), { what: 'the safe fix to apply' });
    const task = JSON.parse(doc.getText());
    // Unsafe fixes (change networking; insert a placeholder secret ARN) must not be applied.
    assert.equal(task.networkMode, 'host');
    assert.deepEqual(task.containerDefinitions[0].environment.map((e) => e.name), ['DB_PASSWORD']);
    const left = codes(doc.uri);
    assert.ok(left.includes('task/no-host-network') && left.includes('task/no-plaintext-secrets'), left.join(', '));
  });
});
