// A small LSP test client: spawns `node dist/server.js --stdio` and speaks JSON-RPC over its stdio.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction, Command, Diagnostic, Hover, InitializeResult, Position, PublishDiagnosticsParams, Range, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';

/** From out-<name>/test/lsp back to the repo root. */
export const SERVER_PATH = path.join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  /** Advertise textDocument.diagnostic (pull); otherwise the server pushes. */
  pull?: boolean;
  refreshSupport?: boolean;
  /** Advertise workspace/configuration (default true). */
  configuration?: boolean;
  /** Answer workspace/configuration after this delay (to hold a lint in flight). */
  configDelayMs?: number;
  debounceMs?: number;
  /** Advertise codeAction resolveSupport for `edit` (as VS Code does). */
  resolveCodeActions?: boolean;
}

export function fileUri(name: string): string {
  return pathToFileURL(path.join('/tmp/ecs-lint-lsp-test', name)).toString();
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly configRequests: { scopeUri?: string; section?: string }[] = [];
  refreshes = 0;
  /** `ecsLint` settings answered to workspace/configuration, per URI (`*` for all). */
  settings: Record<string, unknown> = {};
  configDelayMs = 0;
  private readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  exitCode: number | null | undefined = undefined;
  initializeResult!: InitializeResult;

  private constructor(readonly child: ChildProcess, readonly connection: MessageConnection) {}

  /**
   * Spawn and initialize. A server that dies before answering initialize (e.g. dist/ being rebuilt by a parallel
   * run at that moment) is retried instead of hanging the suite.
   */
  static async start(opts: ClientOptions = {}): Promise<TestClient> {
    for (let attempt = 1; ; attempt++) {
      const client = TestClient.spawn(opts);
      try {
        await client.initialize(opts);
        return client;
      } catch (e) {
        client.child.kill();
        client.connection.dispose();
        if (attempt >= 3) throw e;
      }
    }
  }

  private static spawn(opts: ClientOptions): TestClient {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    client.configDelayMs = opts.configDelayMs ?? 0;
    child.on('exit', (code) => { client.exitCode = code; });
    child.stderr!.on('data', (d) => client.logs.push(String(d)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { client.published.push(p); });
    connection.onNotification('window/logMessage', (p: { message: string }) => { client.logs.push(p.message); });
    connection.onRequest('workspace/configuration', async (p: { items: { scopeUri?: string; section?: string }[] }) => {
      client.configRequests.push(...p.items);
      if (client.configDelayMs) await new Promise((r) => setTimeout(r, client.configDelayMs));
      return p.items.map((i) => (i.scopeUri && i.scopeUri in client.settings ? client.settings[i.scopeUri] : client.settings['*']) ?? null);
    });
    connection.onRequest('workspace/diagnostic/refresh', () => { client.refreshes++; return null; });
    connection.onRequest('client/registerCapability', () => null);
    connection.onError(() => { /* the server exiting closes the stream */ });
    connection.listen();
    return client;
  }

  private async initialize(opts: ClientOptions): Promise<void> {
    const connection = this.connection;
    // An event-based promise: no timer keeps running once initialize has been answered.
    const died = new Promise<never>((_, reject) => this.child.once('exit', () => reject(new Error(`server exited during initialize: ${this.logs.join('')}`))));
    this.initializeResult = await Promise.race([died, connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, ...(opts.resolveCodeActions ? { resolveSupport: { properties: ['edit'] } } : {}) },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        workspace: {
          configuration: opts.configuration ?? true,
          workspaceEdit: { documentChanges: true },
          ...(opts.refreshSupport ? { diagnostics: { refreshSupport: true } } : {}),
        },
      },
      initializationOptions: { debounceMs: opts.debounceMs ?? 20 },
    })]);
    died.catch(() => undefined); // the race is decided; a later exit is the test's business
    await connection.sendNotification('initialized', {});
  }

  open(uri: string, text: string, languageId = 'json'): void {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Full-text change; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const r = await this.connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return r.items;
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<(CodeAction | Command)[]> {
    return (await this.connection.sendRequest<(CodeAction | Command)[] | null>('textDocument/codeAction', {
      textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) },
    })) ?? [];
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest<CodeAction>('codeAction/resolve', action);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  changeConfiguration(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ecsLint: settings['*'] ?? null } });
  }

  /** Latest push for a URI. */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return [...this.published].reverse().find((p) => p.uri === uri);
  }

  async stop(): Promise<void> {
    if (this.exitCode === undefined) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
        await waitFor(() => this.exitCode !== undefined, 'server exit', 5000);
      } catch {
        this.child.kill();
      }
    }
    this.connection.dispose();
  }
}

/** Poll until `check` returns a truthy value (never a fixed sleep). */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function offsetAt(text: string, pos: Position): number {
  let line = 0, i = 0;
  while (line < pos.line) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
    line++;
  }
  return Math.min(i + pos.character, text.length);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Range of the first occurrence of `needle` (throws if absent). */
export function rangeOf(text: string, needle: string): Range {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in text`);
  return { start: positionAt(text, i), end: positionAt(text, i + needle.length) };
}

export function lineOfText(text: string, needle: string): number {
  return positionAt(text, text.indexOf(needle)).line;
}

/** Apply a WorkspaceEdit's edits for one document (documentChanges or changes). */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) edits.push(...dc.edits.filter((e): e is TextEdit => 'range' in e));
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function isCodeAction(a: CodeAction | Command): a is CodeAction {
  return typeof (a as CodeAction).kind === 'string' || (a as CodeAction).edit !== undefined || typeof (a as Command).command !== 'string';
}

/** Version of the document a WorkspaceEdit was computed for (documentChanges form). */
export function editVersion(edit: WorkspaceEdit): number | null | undefined {
  const dc = edit.documentChanges?.[0];
  return dc && 'textDocument' in dc ? dc.textDocument.version : undefined;
}
