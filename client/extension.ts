// Extension entry point: starts the bundled language server and wires commands and the status bar.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { showDocumentation } from './docs';
import { lintWorkspace } from './scan';
import { setDocumentKind } from './setKind';
import { resolveSectionAssociations, skipPull } from './settings';
import { DOCUMENT_SELECTOR } from './selector';
import { KindStatus } from './status';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: log,
    synchronize: { configurationSection: 'ecsLint' },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // `ecsLint.run: onSave` skips pulls while typing (opening a file still lints it).
      filter: (document, mode) => skipPull(vscode.workspace.getConfiguration('ecsLint', document.uri).get('run'), mode),
    },
    middleware: {
      workspace: {
        // Workspace-relative association globs become patterns that match the absolute paths the server sees.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => (params.items[i]?.section === 'ecsLint' ? resolveSectionAssociations(value) : value));
        },
      },
    },
  };
  return new LanguageClient('ecsLint', 'ECS Security Lint', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('ECS Security Lint', { log: true });
  context.subscriptions.push(log);
  const status = new KindStatus(() => client, log);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('ecsLint.showDocumentation', (ruleId?: unknown, docsUri?: unknown) => showDocumentation(context.extensionUri, log, ruleId, docsUri)),
    vscode.commands.registerCommand('ecsLint.setDocumentKind', (uri?: unknown) => setDocumentKind(uri)),
    vscode.commands.registerCommand('ecsLint.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('ecsLint.lintWorkspace', () => lintWorkspace(client, log)),
    vscode.commands.registerCommand('ecsLint.restartServer', async () => {
      log.info('Restarting the language server');
      try {
        if (client) await client.restart();
        else await start(context, log);
      } catch (err) {
        log.error(`Restart failed: ${String(err)}`);
        void vscode.window.showErrorMessage('ECS Security Lint: the language server failed to restart. See the output channel.');
      }
      void status.refresh();
    }),
  );
  await start(context, log);
  void status.refresh();
}

async function start(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  client = createClient(context, log);
  try {
    await client.start();
  } catch (err) {
    log.error(`The language server failed to start: ${String(err)}`);
    void vscode.window.showErrorMessage('ECS Security Lint: the language server failed to start.', 'Show Output').then((choice) => {
      if (choice) log.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  try {
    if (c) await c.stop();
  } catch {
    // A server that never started (or already died) has nothing to stop.
  }
}
