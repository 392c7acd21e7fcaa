// Workspace trust: package.json declares untrustedWorkspaces.supported = true, so the extension must be
// active and linting whatever the trust state. The runner says which state it started VS Code in.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

describe('workspace trust', () => {
  it('the declared untrusted-workspace behaviour holds in this window', async () => {
    const ext = await h.activateExtension();
    assert.equal(ext.packageJSON.capabilities.untrustedWorkspaces.supported, true);
    const { expectTrusted } = h.config();
    if (typeof expectTrusted === 'boolean') assert.equal(vscode.workspace.isTrusted, expectTrusted, 'trust state differs from what the runner set up');
    console.log(`    workspace trusted: ${vscode.workspace.isTrusted}`);
    assert.ok(ext.isActive);
    const { doc } = await h.open('task.json');
    await h.waitForExactly(doc.uri, h.expectedFor('task.json').map(h.describeFinding), 'task.json diagnostics');
  });
});
