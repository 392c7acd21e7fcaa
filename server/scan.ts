// Workspace scan: the client's "Lint workspace" command sends batches of file URIs (`ecsLint/lintFiles`); the server
// reads each file that is not open in the editor, lints it like an open document, and publishes its diagnostics.
// It yields to the event loop between files so that requests for the document being typed in are served in between.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { decodeText } from '../config/text';
import { NOT_LINTED_ID } from '../rules';
import { SOURCE } from './diagnostics';

export const LINT_FILES_REQUEST = 'ecsLint/lintFiles';

export interface LintFilesParams {
  uris: string[];
}

export interface LintFilesResult {
  /** Files linted and published (including those with no problems). */
  linted: number;
  /** Diagnostics published in total. */
  problems: number;
  /** Files left out: open in the editor (already linted), not a file: URI, unreadable, binary or huge. */
  skipped: { uri: string; reason: string }[];
  cancelled: boolean;
}

export interface ScanDeps {
  /** Open documents are linted (and their diagnostics owned) by the normal document flow. */
  isOpen(uri: string): boolean;
  /** Diagnostics for the text of a file that is not open, or undefined when linting is disabled for it. */
  lint(uri: string, text: string): Promise<Diagnostic[] | undefined>;
  publish(uri: string, diagnostics: Diagnostic[]): Promise<void>;
}

/** Hard cap before reading; the per-resource ecsLint.maxFileSizeKb applies after (in the lint cache). */
const MAX_READ_BYTES = 64 * 1024 * 1024;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceScan {
  /** URIs whose diagnostics this scan published, so that opening one can hand it over to the editor's own diagnostics. */
  private readonly published = new Set<string>();

  constructor(private readonly deps: ScanDeps) {}

  async lintFiles(params: unknown, token: CancellationToken): Promise<LintFilesResult> {
    const result: LintFilesResult = { linted: 0, problems: 0, skipped: [], cancelled: false };
    const uris = (params as Partial<LintFilesParams> | null | undefined)?.uris;
    if (!Array.isArray(uris)) return result;
    for (const uri of uris) {
      if (token.isCancellationRequested) { result.cancelled = true; break; }
      await yieldToEventLoop();
      if (typeof uri !== 'string') continue;
      if (this.deps.isOpen(uri)) { result.skipped.push({ uri, reason: 'open in the editor' }); continue; }
      const read = await readText(uri);
      if (typeof read !== 'string' && read.undecodable && !this.deps.isOpen(uri)) {
        // Binary or UTF-16 without a byte-order mark: an error on the file, never a silent skip (fail closed).
        await this.deps.publish(uri, [notLintedDiagnostic(read.reason)]);
        this.published.add(uri);
        result.linted++;
        result.problems++;
        continue;
      }
      if (typeof read !== 'string') { result.skipped.push({ uri, reason: read.reason }); continue; }
      // The document may have been opened while the file was read: the editor's flow owns it now.
      if (this.deps.isOpen(uri) || token.isCancellationRequested) {
        if (token.isCancellationRequested) { result.cancelled = true; break; }
        result.skipped.push({ uri, reason: 'open in the editor' });
        continue;
      }
      const diagnostics = await this.deps.lint(uri, read);
      if (diagnostics === undefined) { result.skipped.push({ uri, reason: 'linting is disabled' }); continue; }
      if (this.deps.isOpen(uri)) { result.skipped.push({ uri, reason: 'open in the editor' }); continue; }
      await this.deps.publish(uri, diagnostics);
      this.published.add(uri);
      result.linted++;
      result.problems += diagnostics.length;
    }
    return result;
  }

  /** True (once) when `uri` carries diagnostics pushed by a scan. */
  release(uri: string): boolean {
    return this.published.delete(uri);
  }
}

function notLintedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error, source: SOURCE, code: NOT_LINTED_ID,
    message: `Not linted: ${reason}. Findings of this file are unknown.`,
  };
}

async function readText(uri: string): Promise<string | { reason: string; undecodable?: boolean }> {
  let path: string;
  try {
    if (!uri.startsWith('file:')) return { reason: 'not a file: URI' };
    path = fileURLToPath(uri);
  } catch {
    return { reason: 'not a file: URI' };
  }
  try {
    const st = await stat(path);
    if (!st.isFile()) return { reason: 'not a regular file' };
    if (st.size > MAX_READ_BYTES) return { reason: 'file too large' };
    const read = decodeText(await readFile(path));
    return read.ok ? read.text : { reason: read.reason, undecodable: true };
  } catch (err) {
    return { reason: `cannot read file (${(err as NodeJS.ErrnoException)?.code ?? String(err)})` };
  }
}
