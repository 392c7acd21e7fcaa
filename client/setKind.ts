// `ecsLint.setDocumentKind`: quick pick of kinds, stored in ecsLint.files.associations for the file.
import * as vscode from 'vscode';
import { KIND_CHOICES, relativeKey, withAssociation } from './settings';

const SETTING = 'files.associations';
const AUTO = 'Detect automatically';

interface KindItem extends vscode.QuickPickItem { documentKind?: string }

export async function setDocumentKind(arg?: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('ECS Security Lint: open a file first to set its kind.');
    return;
  }
  if (uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('ECS Security Lint: save the file first; kinds are stored by file path.');
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const rel = folder ? relativeKey(folder.uri.fsPath, uri.fsPath) : undefined;
  // Outside a workspace folder the absolute path goes to user settings.
  const key = rel ?? uri.fsPath.replace(/\\/g, '/');
  const config = vscode.workspace.getConfiguration('ecsLint', uri);
  const inspected = config.inspect<Record<string, string>>(SETTING);
  const current = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? {};
  const currentKind = typeof current[key] === 'string' ? current[key] : undefined;

  const items: KindItem[] = KIND_CHOICES.map((c) => ({
    label: c.kind,
    documentKind: c.kind,
    description: c.kind === currentKind ? '(current)' : undefined,
    detail: c.description,
  }));
  if (currentKind) items.push({ label: AUTO, detail: 'Remove the association and detect the kind from the name and content' });
  const picked = await vscode.window.showQuickPick(items, { title: `ECS Security Lint: kind of ${key}`, placeHolder: 'Lint this file as…', matchOnDetail: true });
  if (!picked) return;

  const next = withAssociation(current, key, picked.documentKind);
  await config.update(SETTING, Object.keys(next).length ? next : undefined, folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
}
