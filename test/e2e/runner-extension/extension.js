// Test-only extension for the offline runner: when the workspace holds .e2e/config.json with mode "extension",
// it runs the mocha suite (config.suiteIndex) in this extension host and writes the results to config.resultsFile.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

function writeAtomic(file, data) {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

async function activate() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) return;
  const configFile = path.join(folder.uri.fsPath, '.e2e', 'config.json');
  if (!fs.existsSync(configFile)) return;
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  if (config.mode !== 'extension') return;

  let result;
  try {
    const summary = await require(config.suiteIndex).run({ resolveOnFailure: true });
    result = { ...summary, vscodeVersion: vscode.version };
  } catch (err) {
    result = { passed: 0, failed: 1, tests: [], error: String(err && (err.stack || err)), vscodeVersion: vscode.version };
  }
  writeAtomic(config.resultsFile, result);
}

module.exports = { activate, deactivate() {} };
