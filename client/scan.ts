// `ecsLint.lintWorkspace` ("ECS Lint: Lint workspace"): finds candidate files, sends them to the server in batches
// under a cancellable progress notification; the server publishes their diagnostics into the Problems panel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { batches, excludeGlob, LINT_FILES_REQUEST, MAX_SCAN_FILES, SCAN_INCLUDE, summary, type ScanTotals } from './scan-plan';

interface LintFilesResult { linted: number; problems: number; skipped: unknown[]; cancelled: boolean }

export async function lintWorkspace(client: LanguageClient | undefined, log: vscode.LogOutputChannel): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('ECS Security Lint: the language server is not running.');
    return;
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('ECS Security Lint: open a folder to lint a workspace.');
    return;
  }
  const totals: ScanTotals = { files: 0, linted: 0, problems: 0, skipped: 0, cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'ECS Security Lint', cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'finding files…' });
      const exclude = excludeGlob(vscode.workspace.getConfiguration('files').get('exclude'));
      const uris = await vscode.workspace.findFiles(SCAN_INCLUDE, exclude, MAX_SCAN_FILES, token);
      totals.files = uris.length;
      if (uris.length === MAX_SCAN_FILES) log.warn(`Lint workspace: stopped at ${MAX_SCAN_FILES} files`);
      for (const batch of batches(uris)) {
        if (token.isCancellationRequested) break;
        try {
          const r = await client.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, { uris: batch.map((u) => u.toString()) }, token);
          totals.linted += r.linted;
          totals.problems += r.problems;
          totals.skipped += r.skipped.length;
        } catch (err) {
          if (token.isCancellationRequested) break;
          log.error(`Lint workspace: a batch failed: ${String(err)}`);
          totals.skipped += batch.length;
        }
        const done = totals.linted + totals.skipped;
        progress.report({ increment: (batch.length / uris.length) * 100, message: `${done}/${uris.length} files` });
      }
      totals.cancelled = token.isCancellationRequested;
    },
  );
  log.info(summary(totals));
  // Not awaited: the command completes when the scan does, not when the user dismisses the notification.
  void vscode.window.showInformationMessage(summary(totals), 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
