// Shared helpers for the editor-hosted suite: configuration, polling, documents and our diagnostics.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'ecs-security-lint.ecs-security-lint';
const SOURCE = 'ecs-lint';

function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the runner must open a workspace folder');
  return folder.uri.fsPath;
}

/** Written by the runner next to the fixtures: expected findings (from the CLI), trust expectation. */
function config() {
  return JSON.parse(fs.readFileSync(path.join(workspaceRoot(), '.e2e', 'config.json'), 'utf8'));
}

/** Polls `probe` until it returns a truthy value; throws with the last observed state on timeout. */
async function waitFor(probe, { timeout = 15000, interval = 50, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Asserts that `probe` stays falsy for a whole window. Proving that something does NOT happen
 * needs a bounded observation window; it is only used for negative checks.
 */
async function staysFalse(probe, { window = 2000, interval = 50, what = 'condition' } = {}) {
  const end = Date.now() + window;
  while (Date.now() < end) {
    const v = await probe();
    assert.ok(!v, `${what} happened but must not`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function fixtureUri(name) {
  return vscode.Uri.file(path.join(workspaceRoot(), name));
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };

/** Comparable form: "rule@l:c-l:c severity". */
function describeDiagnostic(d) {
  const r = d.range;
  return `${codeOf(d)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${Object.keys(SEVERITY).find((k) => SEVERITY[k] === d.severity)}`;
}
function describeFinding(f) {
  const r = f.range;
  return `${f.ruleId}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${f.severity}`;
}

/** Our diagnostics for a file, once they equal the expectation (sorted strings), or a timeout showing both. */
async function waitForExactly(uri, expected, what) {
  const want = [...expected].sort();
  let got = [];
  try {
    await waitFor(() => {
      got = ours(uri).map(describeDiagnostic).sort();
      return JSON.stringify(got) === JSON.stringify(want);
    }, { what });
  } catch (e) {
    assert.deepEqual(got, want, `${what}: diagnostics never matched`);
  }
}

/** Expected findings (CLI, default settings) for a workspace-relative file. */
function expectedFor(name) {
  const file = config().expected.find((f) => f.path.replace(/\\/g, '/').endsWith(`/${name}`) || f.path === name);
  return file ? file.findings : [];
}

async function activateExtension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

async function setSetting(key, value) {
  await vscode.workspace.getConfiguration('ecsLint').update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function revertAll() {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
}

/** Resets a fixture file on disk to the pristine copy the runner stored in .e2e/pristine. */
function restoreFixture(name) {
  fs.copyFileSync(path.join(workspaceRoot(), '.e2e', 'pristine', name), path.join(workspaceRoot(), name));
}

/** Inserts a line after the line containing `anchor`; returns the 0-based line of the new text. */
async function insertLineAfter(editor, anchor, text) {
  const line = editor.document.getText().split('\n').findIndex((l) => l.includes(anchor));
  assert.ok(line >= 0, `anchor ${anchor} not found`);
  const end = editor.document.lineAt(line).range.end;
  assert.ok(await editor.edit((b) => b.insert(end, `\n${text}`)));
  return line + 1;
}

function markdownOf(hover) {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

module.exports = {
  EXTENSION_ID, SOURCE, SEVERITY, workspaceRoot, config, waitFor, staysFalse, fixtureUri, open, codeOf, ours,
  describeDiagnostic, describeFinding, waitForExactly, expectedFor, activateExtension, setSetting, revertAll, restoreFixture, markdownOf, insertLineAfter,
};
