// Status bar item showing the detected kind of the active document ("ECS: task-definition").
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR } from './selector';

const KIND_REQUEST = 'ecsLint/documentKind';
const DEBOUNCE_MS = 400;

export class KindStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Increments per request so a slow answer for a previous editor never overwrites a newer one. */
  private seq = 0;

  constructor(private readonly getClient: () => LanguageClient | undefined, private readonly log: vscode.LogOutputChannel) {
    this.item = vscode.window.createStatusBarItem('ecsLint.kind', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'ECS Security Lint: document kind';
    this.item.command = 'ecsLint.setDocumentKind';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === vscode.window.activeTextEditor?.document) this.schedule(); }),
      vscode.workspace.onDidSaveTextDocument((d) => { if (d === vscode.window.activeTextEditor?.document) this.refresh(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('ecsLint')) this.schedule(); }),
    );
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    const seq = ++this.seq;
    const doc = vscode.window.activeTextEditor?.document;
    const client = this.getClient();
    if (!doc || vscode.languages.match(DOCUMENT_SELECTOR, doc) === 0 || !client?.isRunning()) {
      this.item.hide();
      return;
    }
    if (!vscode.workspace.getConfiguration('ecsLint', doc).get<boolean>('enable', true)) {
      this.show('off', 'ECS Security Lint is disabled for this file (ecsLint.enable).');
      return;
    }
    let kind = 'unknown';
    try {
      const res = await client.sendRequest<{ kind?: string }>(KIND_REQUEST, { uri: doc.uri.toString() });
      if (typeof res?.kind === 'string') kind = res.kind;
    } catch (err) {
      this.log.debug(`${KIND_REQUEST} failed: ${String(err)}`);
    }
    if (seq !== this.seq) return;
    this.show(kind, kind === 'unknown'
      ? 'Not recognised as an ECS or IAM document, so not linted. Click to choose its kind.'
      : `Linted as ${kind}. Click to change the kind of this file.`);
  }

  private show(kind: string, tooltip: string): void {
    this.item.text = kind === 'unknown' ? '$(shield) ECS: unknown' : `$(shield) ECS: ${kind}`;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
