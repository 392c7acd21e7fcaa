// Findings -> LSP diagnostics, and the debounced per-document scheduler used for push diagnostics.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, DiagnosticSeverity, type CancellationToken, type Diagnostic, type Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NOT_LINTED_ID, ruleDocsPath, type Engine, type Finding, type Severity } from '../rules';
import type { LintSnapshot } from './documents';

export const SOURCE = 'ecs-lint';

/**
 * What a diagnostic carries besides its rule id (its `code`): whether a quick fix is offered. Nothing more: every
 * diagnostic is encoded and sent on each change of a document's list (about 35 bytes a diagnostic went with a copy of
 * the rule id here), and no document version: a diagnostic that an edit leaves as it was stays equal, so a pull can
 * answer `unchanged` (code actions lint the current text anyway).
 */
export interface DiagnosticData {
  fixable: boolean;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** file:// URI of a rule's bundled docs page (dist/server.js -> <package root>/rules/docs/<id>.md); none for pseudo-rules. */
export function docsUri(engine: Engine, ruleId: string): string | undefined {
  if (!engine.rule(ruleId)) return undefined;
  // Memoised: pathToFileURL per diagnostic was half of toDiagnostics for a 7,000-finding document.
  let href = hrefs.get(ruleId);
  if (href === undefined) hrefs.set(ruleId, href = pathToFileURL(path.join(__dirname, '..', ruleDocsPath(ruleId))).toString());
  return href;
}
const hrefs = new Map<string, string>();

export function snapshotDocument(snap: LintSnapshot): TextDocument {
  return TextDocument.create(snap.uri, 'json', snap.version, snap.text);
}

export function findingRange(doc: TextDocument, f: Pick<Finding, 'offset' | 'length'>) {
  return { start: doc.positionAt(f.offset), end: doc.positionAt(f.offset + Math.max(0, f.length)) };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Findings shown for a document: at most `max`, most severe first (then in text order). */
function shown(findings: readonly Finding[], max: number): { keep: readonly Finding[]; hidden: Finding[] } {
  if (findings.length <= max) return { keep: findings, hidden: [] };
  const order = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.offset - b.offset);
  return { keep: order.slice(0, max).sort((a, b) => a.offset - b.offset), hidden: order.slice(max) };
}

/**
 * What makes building a document's diagnostics cheap while typing: `lines`, the live document when it holds the linted
 * text (its line offsets are kept up to date edit by edit; a new TextDocument would scan the whole text), and
 * `previous`, the diagnostics last sent for it, whose objects are re-used where a diagnostic is unchanged, so that
 * comparing with them (PullReports) is an identity check and no garbage is made.
 */
export interface DiagnosticsReuse {
  lines?: TextDocument;
  previous?: readonly Diagnostic[];
}

export function toDiagnostics(engine: Engine, snap: LintSnapshot, limits: { maxFileSizeKb: number; maxDiagnostics: number }, reuse: DiagnosticsReuse = {}): Diagnostic[] {
  if (snap.tooLarge) {
    // An error, not a note: the file was not linted, and nothing may read as a clean result.
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: NOT_LINTED_ID,
      message: `Not linted: the file is larger than ecsLint.maxFileSizeKb (${limits.maxFileSizeKb} KB). Findings of this file are unknown; raise the setting or run the CLI.`,
    }];
  }
  const live = reuse.lines;
  const doc = live && live.version === snap.version && live.getText() === snap.text ? live : snapshotDocument(snap);
  const { keep, hidden } = shown(snap.findings, limits.maxDiagnostics);
  const previous = reuse.previous ?? [];
  let p = 0; // where the previous list is matched up to (findings and diagnostics are both in text order)
  const out: Diagnostic[] = keep.map((f) => {
    const start = doc.positionAt(f.offset);
    const end = f.length > 0 ? doc.positionAt(f.offset + f.length) : start;
    const severity = SEVERITY[f.severity] ?? DiagnosticSeverity.Warning;
    const fixable = !!f.fixes?.length;
    if (!f.related?.length) {
      // Both lists are in text order: skip the previous diagnostics before this position (gone, or moved), then look
      // among those at this very position.
      while (p < previous.length && before(previous[p].range.start, start)) p++;
      for (let j = p; j < previous.length && !before(start, previous[j].range.start); j++) {
        if (sameAs(previous[j], f, start, end, severity, fixable)) { p = j + 1; return previous[j]; }
      }
    }
    const href = docsUri(engine, f.ruleId);
    const data: DiagnosticData = { fixable };
    return {
      range: { start, end: f.length > 0 ? end : { line: start.line, character: start.character } },
      severity,
      code: f.ruleId,
      ...(href ? { codeDescription: { href } } : {}),
      source: SOURCE,
      message: f.message,
      ...(f.related?.length ? { relatedInformation: f.related.flatMap((r) => {
        if (!r.fileName) return [{ location: { uri: snap.uri, range: findingRange(doc, r) }, message: r.message }];
        // Another file of the Terraform module, positioned in the text it was linted with.
        const sibling = snap.siblings?.find((x) => x.fileName === r.fileName);
        if (!sibling) return [];
        const other = TextDocument.create(pathToFileURL(r.fileName).toString(), 'terraform', 0, sibling.text);
        return [{ location: { uri: other.uri, range: findingRange(other, r) }, message: r.message }];
      }) } : {}),
      data,
    };
  });
  if (hidden.length) {
    // One honest summary, as severe as the worst finding it stands for.
    const worst = hidden.reduce((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), 'hint' as Severity);
    out.unshift({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: SEVERITY[worst],
      source: SOURCE,
      code: MORE_FINDINGS_CODE,
      message: `${hidden.length} more finding${hidden.length === 1 ? '' : 's'} not shown (ecsLint.maxDiagnostics is ${limits.maxDiagnostics}); run the CLI to see them all.`,
    });
  }
  return out;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether a previous diagnostic (without related locations) says exactly what the finding would. */
function sameAs(d: Diagnostic, f: Finding, start: Position, end: Position, severity: DiagnosticSeverity, fixable: boolean): boolean {
  const r = d.range;
  return d.code === f.ruleId && d.message === f.message && d.severity === severity && !d.relatedInformation
    && r.start.line === start.line && r.start.character === start.character && r.end.line === end.line && r.end.character === end.character
    && (d.data as DiagnosticData | undefined)?.fixable === fixable;
}

/** Whether two diagnostic lists are equal, field by field (what a client would show is the same). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * Pull reports with LSP `resultId`s: the last report per document, so a pull whose diagnostics equal the last ones
 * answers `unchanged` (nothing re-encoded, nothing re-decoded by the client) when the client holds that result.
 */
export class PullReports {
  private readonly last = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private next = 1;

  report(uri: string, items: Diagnostic[], previousResultId: string | undefined):
    { kind: 'full'; resultId: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string } {
    const prev = this.last.get(uri);
    if (prev && sameDiagnostics(prev.items, items)) {
      return previousResultId === prev.resultId ? { kind: 'unchanged', resultId: prev.resultId } : { kind: 'full', resultId: prev.resultId, items: prev.items };
    }
    const resultId = String(this.next++);
    this.last.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }

  /** The diagnostics of the last report for uri (toDiagnostics re-uses their objects). */
  lastItems(uri: string): readonly Diagnostic[] | undefined {
    return this.last.get(uri)?.items;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** Code of the summary diagnostic that stands for findings beyond ecsLint.maxDiagnostics. */
export const MORE_FINDINGS_CODE = 'ecs-lint/more-findings';

/**
 * Push mode: one debounce timer per document; a newer change cancels both the pending timer and the in-flight run
 * (its token), so results for an old version are never published.
 */
export class PushScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, CancellationTokenSource>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string, token: CancellationToken) => Promise<void>,
    private readonly onError: (e: unknown) => void,
  ) {}

  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      const source = new CancellationTokenSource();
      this.running.set(uri, source);
      this.run(uri, source.token)
        .catch(this.onError)
        .finally(() => {
          if (this.running.get(uri) === source) this.running.delete(uri);
          source.dispose();
        });
    }, delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.running.get(uri)?.cancel();
    this.running.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys(), ...this.running.keys()]) this.cancel(uri);
  }
}
