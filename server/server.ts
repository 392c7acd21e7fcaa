// ECS Security Lint language server: `node dist/server.js --stdio`. A thin LSP layer over the pure engine in ../rules.
// Any LSP client works (Neovim, Emacs, Helix): it uses pull diagnostics when the client advertises
// textDocument.diagnostic and pushes otherwise; settings come from workspace/configuration section `ecsLint`
// (or didChangeConfiguration {settings: {ecsLint}}); initializationOptions {debounceMs} tunes the push debounce.
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind,
  ProposedFeatures, TextDocuments, TextDocumentSyncKind, type CancellationToken, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultEngine, type DocumentKind } from '../rules';
import { ConfigLoader } from '../config';
import { codeActions, fixAllEdit, FIX_ALL_KIND } from './codeActions';
import { PullReports, PushScheduler, toDiagnostics } from './diagnostics';
import * as path from 'node:path';
import { fileNameOf, LintCache, type LintSnapshot, type TextSnapshot } from './documents';
import { isTerraformFile, terraformSiblings } from './terraform-module';
import { hover } from './hover';
import { completion } from './completion';
import { cancelled, guard, runSafe } from './safe';
import { SettingsStore, type Settings } from './settings';
import { LINT_FILES_REQUEST, WorkspaceScan } from './scan';
import { loadTerraform } from '../config/terraform-grammar';

/** Config file names the server wants to hear about (a changed `extends` target is re-read by mtime on the next lint). */
const CONFIG_WATCH_GLOBS = ['**/.ecslintrc', '**/.ecslintrc.json', '**/.ecslintrc.yaml', '**/.ecslintrc.yml', '**/package.json'];

/** Custom request for the client's status bar: `ecsLint/documentKind` {uri} -> {kind}. */
export const DOCUMENT_KIND_REQUEST = 'ecsLint/documentKind';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const engine = defaultEngine();
const log = (m: string) => connection.console.error(m);

let pullMode = false;
let configurationSupport = false;
let refreshSupport = false;
let documentChangesSupport = false;
let dynamicConfigRegistration = false;
let literalCodeActions = false;
/** The client resolves a code action's edit on demand (VS Code does): fix-all is computed only when chosen. */
let resolveFixAll = false;
let watchedFilesRegistration = false;
let createFileSupport = false;
/** Workspace folder paths, for where "Ignore <rule> here" creates a config file when there is none. */
let workspaceFolders: string[] = [];
/** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
let pushedSettings: unknown = undefined;

const settings = new SettingsStore(
  (uri) => configurationSupport
    ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'ecsLint' })
    : Promise.resolve(pushedSettings),
  (e) => log(`reading settings failed: ${String(e)}`),
);
// A failing rule fails again on every keystroke: log each distinct failure once (the diagnostic shows every time).
const loggedFailures = new Set<string>();
const cache = new LintCache(engine, (ruleId, e) => {
  const entry = `rule ${ruleId} failed: ${e instanceof Error ? e.stack : String(e)}`;
  if (loggedFailures.has(entry) || loggedFailures.size >= 100) return;
  loggedFailures.add(entry);
  log(entry);
}, new ConfigLoader(engine, { trustCache: true, roots: () => workspaceFolders }), (fileName) => terraformSiblings(fileName, openTerraformTexts()));

/** Open .tf documents by file name: their unsaved text is what the module's other files see. */
function openTerraformTexts(): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of documents.all()) {
    const f = fileNameOf(d.uri);
    if (isTerraformFile(f)) out.set(f, d.getText());
  }
  return out;
}
/** The Terraform grammar loads while the client initialises; every request that lints waits for it (lintSettings). */
const terraformLoaded = loadTerraform();

/** Settings of a document, once linting it gives complete results (the Terraform grammar has loaded). */
async function lintSettings(uri: string): Promise<Settings> {
  await terraformLoaded;
  return settings.get(uri);
}

/** Push mode: the diagnostics last published per document (toDiagnostics re-uses their objects). */
const published = new Map<string, Diagnostic[]>();

/** Text as of the last open/save, linted in `ecsLint.run: onSave` mode. */
const saved = new Map<string, TextSnapshot>();
let scheduler: PushScheduler | undefined;

function current(doc: TextDocument): TextSnapshot {
  return { uri: doc.uri, version: doc.version, text: doc.getText() };
}

/**
 * Lints in slices (LintCache.lintAsync): a long lint of a large document lets newer edits and cancellations through.
 * Throws RequestCancelled (answered by runSafe) when the request is cancelled first.
 */
async function lintCurrent(doc: TextDocument, s: Settings, token?: CancellationToken): Promise<LintSnapshot> {
  const snap = await cache.lintAsync(current(doc), s, token);
  if (!snap) throw cancelled();
  return snap;
}

/** What diagnostics describe: the current text, or the last saved one in onSave mode. */
function diagnosticsTarget(doc: TextDocument, s: Settings): TextSnapshot {
  return (s.run === 'onSave' ? saved.get(doc.uri) : undefined) ?? current(doc);
}

async function publish(uri: string, token: CancellationToken): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const s = await lintSettings(uri);
  const live = documents.get(uri);
  // A newer version arrived (or the document closed) while we waited: its own run will publish.
  if (token.isCancellationRequested || !live || live.version !== doc.version) return;
  if (!s.enable) {
    await connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  const target = diagnosticsTarget(live, s);
  const snap = await cache.lintAsync(target, s, token);
  if (!snap || token.isCancellationRequested) return;
  const diagnostics = toDiagnostics(engine, snap, s, { lines: live, previous: published.get(uri) });
  published.set(uri, diagnostics);
  await connection.sendDiagnostics({ uri, version: target.version, diagnostics });
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities ?? {};
  pullMode = !!caps.textDocument?.diagnostic;
  configurationSupport = !!caps.workspace?.configuration;
  refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
  documentChangesSupport = !!caps.workspace?.workspaceEdit?.documentChanges;
  dynamicConfigRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  const opts = params.initializationOptions as { debounceMs?: unknown } | null | undefined;
  const debounce = typeof opts?.debounceMs === 'number' && opts.debounceMs >= 0 ? opts.debounceMs : 200;
  if (!pullMode) scheduler = new PushScheduler(debounce, publish, (e) => log(`publishing diagnostics failed: ${String(e)}`));
  literalCodeActions = !!caps.textDocument?.codeAction?.codeActionLiteralSupport;
  resolveFixAll = literalCodeActions && !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  watchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  createFileSupport = !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create');
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileNameOf(f.uri));
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [fileNameOf(params.rootUri)];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: literalCodeActions ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true } : true,
      hoverProvider: true,
      // `=` `_`: ecs.config; `"` starts a JSON key or value, `:` follows an IAM service prefix or a JSON key.
      completionProvider: { triggerCharacters: ['=', '_', '"', ':'] },
      ...(pullMode ? { diagnosticProvider: { identifier: 'ecs-lint', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'ecs-security-lint' },
  };
});

connection.onInitialized(guard(log, 'initialized', () => {
  if (dynamicConfigRegistration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  // Config files: any LSP client that can watch files tells us about changes (VS Code, Neovim...).
  if (watchedFilesRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_WATCH_GLOBS.map((globPattern) => ({ globPattern })) });
  }
}));

/** Re-lint every open document (after a settings or config file change). */
function relintAll(): void {
  cache.clear();
  if (pullMode) {
    if (refreshSupport) connection.languages.diagnostics.refresh();
  } else {
    for (const d of documents.all()) scheduler?.schedule(d.uri);
  }
}

connection.onDidChangeWatchedFiles(guard(log, 'didChangeWatchedFiles', (params) => {
  const changed = (params?.changes ?? []).filter((c) => typeof c?.uri === 'string' && c.uri.startsWith('file:'));
  if (changed.length === 0) return;
  for (const c of changed) cache.loader.invalidate(fileNameOf(c.uri));
  relintAll();
}));

connection.onDidChangeConfiguration(guard(log, 'didChangeConfiguration', (params) => {
  if (!configurationSupport) pushedSettings = (params?.settings as { ecsLint?: unknown } | undefined)?.ecsLint;
  settings.clear();
  relintAll();
}));

documents.onDidOpen(guard(log, 'didOpen', (e) => {
  saved.set(e.document.uri, current(e.document));
  // Pull mode keeps pulled and pushed diagnostics apart: drop the scan's copy so the file is not listed twice.
  if (scan.release(e.document.uri) && pullMode) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  scheduler?.schedule(e.document.uri);
}));

documents.onDidChangeContent(guard(log, 'didChange', async (e) => {
  const uri = e.document.uri;
  if (!scheduler || saved.get(uri)?.version === e.document.version) return; // open already scheduled it
  const s = await settings.get(uri);
  if (s.run === 'onType') {
    scheduler.schedule(uri);
    // The other open files of a Terraform module see this edit too.
    if (isTerraformFile(fileNameOf(uri))) {
      const dir = path.dirname(fileNameOf(uri));
      for (const d of documents.all()) if (d.uri !== uri && isTerraformFile(fileNameOf(d.uri)) && path.dirname(fileNameOf(d.uri)) === dir) scheduler.schedule(d.uri);
    }
  }
}));

documents.onDidSave(guard(log, 'didSave', (e) => {
  saved.set(e.document.uri, current(e.document));
  scheduler?.schedule(e.document.uri);
}));

documents.onDidClose(guard(log, 'didClose', (e) => {
  const uri = e.document.uri;
  scheduler?.cancel(uri);
  saved.delete(uri);
  cache.forget(uri);
  reports.forget(uri);
  published.delete(uri);
  settings.forget(uri);
  if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] });
}));

/** The last pull report per document (resultId, `unchanged`). */
const reports = new PullReports();

connection.languages.diagnostics.on((params, token) => runSafe(log, 'textDocument/diagnostic',
  { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const s = await lintSettings(doc.uri);
    if (!s.enable || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const snap = await cache.lintAsync(diagnosticsTarget(doc, s), s, token);
    if (!snap) throw cancelled();
    return reports.report(doc.uri, toDiagnostics(engine, snap, s, { lines: doc, previous: reports.lastItems(doc.uri) }), params.previousResultId);
  }, token));

connection.onCodeAction((params, token) => runSafe(log, 'textDocument/codeAction', [], async () => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const s = await lintSettings(doc.uri);
  if (!s.enable) return [];
  const snap = await lintCurrent(doc, s, token);
  const fileName = fileNameOf(doc.uri);
  const actions = codeActions({
    engine, snap, doc, params, documentChanges: documentChangesSupport,
    ignore: {
      fileName,
      openDocument: (uri) => { const d = documents.get(uri); return d ? { text: d.getText(), version: d.version } : undefined; },
      workspaceFolders,
      documentChanges: documentChangesSupport,
      createFileSupport,
    },
  });
  const fixAll = actions.find((a) => a.kind === FIX_ALL_KIND);
  if (fixAll) {
    // Resolved on demand where the client can; otherwise computed now, in slices a newer edit can cancel.
    if (resolveFixAll) fixAll.data = { uri: doc.uri, version: doc.version, kind: snap.kind } satisfies FixAllData;
    else {
      fixAll.edit = await fixAllEdit(doc, snap.text, (t) => cache.lintTextAsync(doc.uri, t, s, snap.kind, token), documentChangesSupport);
      if (!fixAll.edit) actions.splice(actions.indexOf(fixAll), 1);
    }
  }
  // Clients without code action literals only understand plain commands.
  return literalCodeActions ? actions : actions.flatMap((a) => (a.command ? [a.command] : []));
}, token));

/** What a lazily offered fix-all carries until the client resolves it. */
interface FixAllData { uri: string; version: number; kind: DocumentKind }

connection.onCodeActionResolve((action, token) => runSafe(log, 'codeAction/resolve', action, async () => {
  const data = action.data as Partial<FixAllData> | undefined;
  if (action.kind !== FIX_ALL_KIND || typeof data?.uri !== 'string') return action;
  const doc = documents.get(data.uri);
  // The document changed since the action was offered: no edit rather than one computed for other text.
  if (!doc || doc.version !== data.version) return action;
  const s = await lintSettings(doc.uri);
  const text = doc.getText();
  // Same path as diagnostics (kind pinned): fix-all never touches suppressed findings.
  const edit = await fixAllEdit(doc, text, (t) => cache.lintTextAsync(doc.uri, t, s, data.kind as DocumentKind, token), documentChangesSupport);
  return edit ? { ...action, edit } : action;
}, token));

connection.onHover((params, token) => runSafe(log, 'textDocument/hover', null, async () => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const s = await lintSettings(doc.uri);
  if (!s.enable) return null;
  return hover({ engine, snap: await lintCurrent(doc, s, token), doc, offset: doc.offsetAt(params.position) }, undefined, (e) => log(`hover provider failed: ${String(e)}`));
}, token));

connection.onCompletion((params, token) => runSafe(log, 'textDocument/completion', [], async () => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const s = await lintSettings(doc.uri);
  if (!s.enable) return [];
  const { kind } = await lintCurrent(doc, s, token);
  // `"` and `:` are JSON trigger characters; in ecs.config they only start a quoted value or a URL.
  const trigger = params.context?.triggerCharacter;
  if (kind === 'agent-config' && (trigger === '"' || trigger === ':')) return [];
  return completion({ doc, kind, offset: doc.offsetAt(params.position) }, undefined, (e) => log(`completion provider failed: ${String(e)}`));
}, token));

/** "Lint workspace": files not open in the editor, linted with the same settings and cache as open ones. */
const scan = new WorkspaceScan({
  isOpen: (uri) => documents.get(uri) !== undefined,
  lint: async (uri, text) => {
    const s = await lintSettings(uri);
    settings.forget(uri);
    if (!s.enable) return undefined;
    const snap = await cache.lintAsync({ uri, version: -1, text }, s);
    if (!snap) return undefined;
    cache.forget(uri);
    return toDiagnostics(engine, snap, s);
  },
  publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics }),
});
connection.onRequest(LINT_FILES_REQUEST, (params: unknown, token) => runSafe(log, LINT_FILES_REQUEST,
  { linted: 0, problems: 0, skipped: [], cancelled: false }, () => scan.lintFiles(params, token), token));

connection.onRequest(DOCUMENT_KIND_REQUEST, (params: { uri?: unknown } | null | undefined, token) => runSafe(log, 'ecsLint/documentKind', { kind: 'unknown' as DocumentKind }, async () => {
  const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
  if (!doc) return { kind: 'unknown' as DocumentKind };
  const s = await lintSettings(doc.uri);
  return { kind: (await lintCurrent(doc, s, token)).kind };
}, token));

connection.onShutdown(() => {
  scheduler?.dispose();
});

// Last line of defence: log, keep serving.
process.on('uncaughtException', (e) => log(`uncaught: ${e instanceof Error ? e.stack : String(e)}`));
process.on('unhandledRejection', (e) => log(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));

documents.listen(connection);
connection.listen();
