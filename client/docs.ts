// `ecsLint.showDocumentation`: opens a rule's bundled markdown page (offline) in the preview.
import * as vscode from 'vscode';
import { isSafeRuleId } from './settings';

/** The docs page of a rule inside the installed extension; never a path taken from the server's argument. */
export function docsPageUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  const [pack, name] = ruleId.split('/');
  return vscode.Uri.joinPath(extensionUri, 'rules', 'docs', pack, `${name}.md`);
}

export async function showDocumentation(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, ruleId?: unknown, docsUri?: unknown): Promise<void> {
  let target: vscode.Uri | undefined;
  if (isSafeRuleId(ruleId)) target = docsPageUri(extensionUri, ruleId);
  else if (typeof docsUri === 'string') {
    // Only accept a server-sent URI that points inside this extension.
    const u = vscode.Uri.parse(docsUri);
    if (u.scheme === 'file' && u.path.startsWith(`${extensionUri.path}/rules/docs/`) && u.path.endsWith('.md')) target = u;
  }
  if (!target) {
    log.warn(`showDocumentation: no documentation for ${JSON.stringify(ruleId)}`);
    void vscode.window.showWarningMessage(`ECS Security Lint: no documentation page for ${String(ruleId)}.`);
    return;
  }
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    log.warn(`showDocumentation: ${target.toString()} is missing`);
    void vscode.window.showWarningMessage(`ECS Security Lint: documentation page for ${String(ruleId)} is missing from this build.`);
    return;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', target);
  } catch (err) {
    // The built-in markdown extension may be disabled: fall back to the plain editor.
    log.info(`markdown.showPreview failed (${String(err)}); opening as text`);
    await vscode.commands.executeCommand('vscode.open', target);
  }
}
