// Quick fixes, "fix all safe problems" and "show documentation", always recomputed from the CURRENT text.
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, type Engine, type Finding, type Fix } from '../rules';
import type { LintSnapshot } from './documents';
import { docsUri, findingRange, SOURCE } from './diagnostics';
import { disableLineAction, ignoreHereAction, metadataSuppressAction, type IgnoreContext } from './ignoreHere';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const SHOW_DOCS_COMMAND = 'ecsLint.showDocumentation';
const FIX_ALL_ROUNDS = 5;

export interface CodeActionInput {
  engine: Engine;
  /** Lint of the document's current text (same version as `doc`). */
  snap: LintSnapshot;
  doc: TextDocument;
  params: CodeActionParams;
  documentChanges: boolean;
  /** Enables "Ignore <rule> here" (writes into the nearest config file). */
  ignore?: IgnoreContext & { fileName: string };
}

function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

function workspaceEdit(doc: TextDocument, edits: LspTextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

function toLspEdits(doc: TextDocument, fix: Fix): LspTextEdit[] {
  return fix.edits.map((e) => ({ range: findingRange(doc, e), newText: e.content }));
}

/**
 * Finds the context diagnostic (ours) that reports a finding, if the client sent one. Indexed by rule id and start
 * offset: a linear search per finding was quadratic on a request over a whole document of 25,000 findings.
 */
class DiagnosticIndex {
  private readonly byRule = new Map<string, { start: number; end: number; d: Diagnostic }[]>();
  constructor(doc: TextDocument, diagnostics: Diagnostic[]) {
    for (const d of diagnostics) {
      if (d.source !== SOURCE || typeof d.code !== 'string') continue;
      const list = this.byRule.get(d.code) ?? this.byRule.set(d.code, []).get(d.code)!;
      list.push({ start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end), d });
    }
    for (const list of this.byRule.values()) list.sort((a, b) => a.start - b.start);
  }
  /** Ranges may be slightly stale; overlap is enough because the rule id matches too. */
  find(f: Finding): Diagnostic | undefined {
    const list = this.byRule.get(f.ruleId);
    if (!list) return undefined;
    const end = f.offset + f.length;
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid].start <= end) lo = mid + 1; else hi = mid; }
    // The nearest few diagnostics starting before the finding's end: ours do not nest deeply.
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (overlaps(list[i].start, list[i].end, f.offset, end)) return list[i].d;
    return undefined;
  }
}

/** Findings given quick fixes per request: a request over a whole generated document must stay cheap. */
export const MAX_QUICK_FIX_FINDINGS = 100;

/**
 * Apply safe fixes in rounds (up to FIX_ALL_ROUNDS) until nothing changes, re-linting between rounds with `lint` (the
 * server's sliced, cancellable lint: a newer edit or a cancellation wins over a long fix-all). Undefined when a lint
 * was cancelled.
 */
export async function fixAllSafeAsync(text: string, lint: (t: string) => Promise<Finding[] | undefined>): Promise<string | undefined> {
  let current = text;
  for (let round = 0; round < FIX_ALL_ROUNDS; round++) {
    const findings = await lint(current);
    if (!findings) return undefined;
    const next = fixRound(current, findings);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** One round: the first safe fix of each finding whose edits touch no fix already taken (the rest wait a round). */
function fixRound(current: string, findings: readonly Finding[]): string {
  const accepted: { offset: number; end: number }[] = [];
  const edits = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe && x.edits.length > 0);
    if (!fix) continue;
    const spans = fix.edits.map((e) => ({ offset: e.offset, end: e.offset + e.length }));
    // Strict overlap, plus touching insertions, would make the edit order ambiguous: leave those for the next round.
    if (spans.some((sp) => accepted.some((a) => sp.offset <= a.end && a.offset <= sp.end))) continue;
    accepted.push(...spans);
    edits.push(...fix.edits);
  }
  return edits.length ? applyEdits(current, edits) : current;
}

/** One edit replacing only the changed middle part of the text. */
function minimalEdit(doc: TextDocument, before: string, after: string): LspTextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length, endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) { endB--; endA--; }
  return { range: { start: doc.positionAt(start), end: doc.positionAt(endB) }, newText: after.slice(start, endA) };
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { engine, snap, doc, params } = input;
  if (snap.tooLarge || snap.text !== doc.getText()) return [];
  const only = params.context.only;
  const contextDiagnostics = (params.context.diagnostics ?? []).filter((d) => d.source === SOURCE);
  const rs = doc.offsetAt(params.range.start), re = doc.offsetAt(params.range.end);
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix, only)) {
    const docsShown = new Set<string>();
    const index = new DiagnosticIndex(doc, contextDiagnostics);
    let served = 0;
    for (const f of snap.findings) {
      if (served >= MAX_QUICK_FIX_FINDINGS) break;
      const diagnostic = index.find(f);
      if (!diagnostic && !overlaps(f.offset, f.offset + f.length, rs, re)) continue;
      served++;
      for (const fix of f.fixes ?? []) {
        if (fix.edits.length === 0) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
          isPreferred: fix.preferred === true,
          edit: workspaceEdit(doc, toLspEdits(doc, fix), input.documentChanges),
        });
      }
      // Suppressions come after real fixes, never preferred: they hide a problem rather than fix it.
      const ignore = input.ignore ? ignoreHereAction(input.ignore, input.ignore.fileName, snap, f, diagnostic) : undefined;
      if (ignore) actions.push(ignore);
      const disable = disableLineAction(engine, doc, snap, f, diagnostic, input.documentChanges);
      if (disable) actions.push(disable);
      const metadata = metadataSuppressAction(doc, snap, f, diagnostic, input.documentChanges);
      if (metadata) actions.push(metadata);
      const href = docsUri(engine, f.ruleId);
      if (href && !docsShown.has(f.ruleId)) {
        docsShown.add(f.ruleId);
        actions.push({
          title: `Show documentation for ${f.ruleId}`,
          kind: CodeActionKind.QuickFix,
          command: { title: `Show documentation for ${f.ruleId}`, command: SHOW_DOCS_COMMAND, arguments: [f.ruleId, href] },
        });
      }
    }
  }

  // Without an explicit `only` (light bulb), offer fix-all only next to the quick fixes it complements. Its edit is
  // computed by the caller (fixAllAction), lazily where the client resolves code actions: a light bulb appears on every
  // cursor move, and fix-all re-lints the document up to five times.
  const offerFixAll = only?.length ? wanted(FIX_ALL_KIND, only) : actions.length > 0;
  if (offerFixAll && snap.findings.some((f) => f.fixes?.some((x) => x.safe))) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND });
  return actions;
}

export const FIX_ALL_TITLE = 'Fix all safe ECS lint problems';

/** The edit of the fix-all action: the whole safe-fix result as one minimal edit; undefined when nothing changes or cancelled. */
export async function fixAllEdit(doc: TextDocument, text: string, lint: (t: string) => Promise<Finding[] | undefined>, documentChanges: boolean): Promise<WorkspaceEdit | undefined> {
  const fixed = await fixAllSafeAsync(text, lint);
  return fixed === undefined || fixed === text ? undefined : workspaceEdit(doc, [minimalEdit(doc, text, fixed)], documentChanges);
}
