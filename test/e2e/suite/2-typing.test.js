// Linting while typing: an unsaved edit adds a diagnostic, undoing the edit clears it.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');
const { insertLineAfter } = h;

describe('typing', () => {
  before(() => h.activateExtension());
  afterEach(() => h.revertAll());

  it('adding "privileged": true shows the diagnostic without saving; removing it clears it', async () => {
    const { doc, editor } = await h.open('edit-task.json');
    assert.deepEqual(h.expectedFor('edit-task.json'), []);
    const line = await insertLineAfter(editor, '"essential": true,', '      "privileged": true,');
    assert.ok(doc.isDirty, 'the edit must stay unsaved');
    const want = `task/no-privileged@${line}:6-${line}:24 error`;
    await h.waitForExactly(doc.uri, [want], 'the no-privileged diagnostic after typing');
    assert.ok(doc.isDirty, 'linted without saving');

    const range = new vscode.Range(line - 1, doc.lineAt(line - 1).range.end.character, line, doc.lineAt(line).range.end.character);
    assert.ok(await editor.edit((b) => b.delete(range)));
    await h.waitForExactly(doc.uri, [], 'diagnostics cleared after removing the line');
  });
});
