// A folder holding only main.tf, in a VS Code without the HashiCorp Terraform extension: the file is Plain Text and
// no JSON or YAML file is ever opened, yet the extension activates (workspaceContains:**/*.tf, onLanguage:plaintext)
// and its problems appear once main.tf is opened. This window never calls ext.activate() itself.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../suite/helpers');

describe('Terraform-only folder (no Terraform extension)', () => {
  it('activates without any JSON or YAML file opened', async () => {
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    assert.ok(ext, `${h.EXTENSION_ID} is not installed`);
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => ['json', 'jsonc', 'yaml'].includes(d.languageId)).map((d) => d.uri.fsPath), []);
    await h.waitFor(() => ext.isActive, { timeout: 20000, what: 'the extension to activate in a folder holding only main.tf' });
  });

  it('shows main.tf\'s problems when it is opened as Plain Text', async () => {
    const { doc } = await h.open('main.tf');
    assert.equal(doc.languageId, 'plaintext', 'no Terraform extension: .tf files are Plain Text');
    const expected = h.expectedFor('main.tf');
    assert.equal(expected.length, 4, JSON.stringify(expected));
    await h.waitForExactly(doc.uri, expected.map(h.describeFinding), 'main.tf diagnostics');
    assert.ok(h.ours(doc.uri).some((d) => h.codeOf(d) === 'task/no-privileged'));
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => ['json', 'jsonc', 'yaml'].includes(d.languageId)).map((d) => d.uri.fsPath), [], 'still no JSON or YAML file opened');
  });
});
