// Incremental linting: a rule of `scope: 'container'` (RuleMeta.scope) is re-run only on the units (container
// definitions) whose text changed since the previous lint of the same document; the findings of the other units are
// reused, moved to where their unit now is. A caller that lints the same document again and again (the language
// server, on every edit) keeps one LintMemo per document and passes it in LintOptions.memo; without one nothing changes.
//
// What a unit's findings may depend on is its key: the unit's own text with what precedes it back to the previous
// unit (separators, indentation: fixes copy the indentation of the line), its index, and the context: the text
// outside all units, the document's layout (indentation, line ends: fixes are formatted like the document), the
// kind, the file name, the rule's options and what the kind's unit provider derives from the whole document (a
// task definition's OS). Any change of the context re-runs the rule on every unit. A rule that breaks its declaration
// (a finding outside the unit it checked) is run on the whole document from then on.
import type { DocumentKind, Finding, JsonNode, RuleContext } from './types';
import { ownCopy, type ParseMemo } from './incremental-parse';

/** The units of a document and what rules derive from all of them (part of every unit's context). */
export interface Units {
  /** In text order, non-overlapping. */
  nodes: readonly JsonNode[];
  /** Index of each unit as rules report it (a container's position in its array, counting non-object elements). */
  indexes: readonly number[];
  /** Whole-document facts rules of this scope read besides the unit and the text outside the units. */
  derived: string;
}

export type UnitProvider = (ctx: Pick<RuleContext, 'text' | 'kind' | 'json' | 'fileName'>) => Units | undefined;

const providers = new Map<DocumentKind, UnitProvider>();

/** Registered by the rules that define a kind's units (rules/task registers container definitions). */
export function registerUnits(kinds: readonly DocumentKind[], provider: UnitProvider): void {
  for (const k of kinds) providers.set(k, provider);
}

export function unitProvider(kind: DocumentKind): UnitProvider | undefined {
  return providers.get(kind);
}

/** What a rule reported. */
export type Reported = Parameters<RuleContext['report']>[0];

/**
 * A rule's reports on one unit, as they were when the unit started at `at`; moved (to new objects) only when the unit
 * has moved, so the units before an edit cost nothing to report again.
 */
export interface UnitReports {
  at: number;
  list: Reported[];
}

/** One rule's reports per unit, valid for one context and one set of options. */
export interface RuleMemo {
  context: string;
  /** Unit ids of the lint that last updated this memo, in unit order, and the reports on each unit. */
  ids: number[];
  entries: UnitReports[];
  /** The rule reported outside the unit it checked: no reuse in this context. */
  off: boolean;
  /** The lint (LintMemo.epoch) whose units `ids` are. */
  epoch: number;
}

/** The ids a lint gave its units (LintMemo.idsOf). */
export interface UnitIds {
  ids: number[];
  /** This lint's number; the previous lint's is one less. */
  epoch: number;
  /**
   * Positions whose id is new when the previous lint had as many units (an edit inside containers, the common case);
   * undefined when the count changed (a container added or removed).
   */
  changed?: number[];
}

/**
 * An embedded document of a host file (rules/hosts) and its findings in the host, as they were when the text its
 * findings depend on started at `at`.
 */
export interface HostDocFindings {
  at: number;
  findings: Finding[];
}

/** Per-document memory of the scoped rules' findings between lints (kept by the caller, one per document). */
export class LintMemo {
  readonly rules = new Map<string, RuleMemo>();
  /**
   * Host files: the last lint's embedded documents by everything their findings depend on (rules/hosts/lint.ts), so
   * an edit re-lints only the resources it touched.
   */
  hostDocs = new Map<string, HostDocFindings>();
  /** The last strict parse, re-used by the next lint when an edit stays inside one value (core/incremental-parse.ts). */
  readonly parse: ParseMemo = { readers: 0 };
  /**
   * The units of the last lint, in order: each one's index, text (its key) and id. A unit keeps its id when the unit at
   * the same position has the same index and text; ids are never reused. Texts are compared where they are (a string
   * comparison of two slices copies nothing) rather than hashed into a map: a 900 KB document's containers were
   * hashed on every edit.
   */
  private unitTexts: string[] = [];
  private unitIndexes: number[] = [];
  private unitIds: number[] = [];
  private nextId = 1;

  /** Lints that computed unit ids. */
  epoch = 0;

  /**
   * Ids of this lint's units (the same id as in the previous lint for a unit it had at the same position with the
   * same index and text). The texts are kept until the next lint; they should be slices of the linted text, which
   * the caller keeps anyway, so no other version of the document stays in memory.
   */
  idsOf(texts: readonly string[], indexes: readonly number[]): UnitIds {
    const prevTexts = this.unitTexts, prevIndexes = this.unitIndexes, prevIds = this.unitIds;
    const ids = new Array<number>(texts.length);
    const changed: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      if (i < prevIds.length && prevIndexes[i] === indexes[i] && prevTexts[i] === texts[i]) ids[i] = prevIds[i];
      else { ids[i] = this.nextId++; changed.push(i); }
    }
    const aligned = texts.length === prevIds.length;
    this.unitTexts = texts.slice();
    this.unitIndexes = indexes.slice();
    this.unitIds = ids;
    return { ids, epoch: ++this.epoch, ...(aligned ? { changed } : {}) };
  }

  /** Units checked and reused, host documents reused, by the last lints (for tests and profiles). */
  readonly stats = { checked: 0, reused: 0, hostDocsReused: 0 };
}

/**
 * A report to keep across lints, with strings of its own: a message built from a value of the document (a container
 * name) is a view of that version's whole text until something flattens it, and a kept report would keep that text.
 */
export function keptReport<T extends Reported>(f: T): T {
  const out: T = { ...f, message: ownCopy(f.message) };
  if (f.fixes) out.fixes = f.fixes.map((x) => ({ ...x, title: ownCopy(x.title), edits: x.edits.map((e) => ({ ...e, content: ownCopy(e.content) })) }));
  if (f.related) out.related = f.related.map((r) => ({ ...r, message: ownCopy(r.message) }));
  return out;
}

/** A report (or finding) moved by `delta`, fix edits and related locations too: a new object, `f` is kept as is. */
export function shiftReport<T extends Reported>(f: T, delta: number): T {
  const out: T = { ...f, offset: f.offset + delta };
  if (f.fixes) out.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, offset: e.offset + delta })) }));
  if (f.related) out.related = f.related.map((r) => (r.fileName ? r : { ...r, offset: r.offset + delta }));
  return out;
}

/** Whether everything a report points at lies within [from, to]. */
export function reportWithin(f: Reported, from: number, to: number): boolean {
  const inside = (o: number, l: number) => o >= from && o + Math.max(0, l) <= to;
  if (!inside(f.offset, f.length)) return false;
  if (f.fixes?.some((x) => x.edits.some((e) => !inside(e.offset, e.length)))) return false;
  if (f.related?.some((r) => r.fileName !== undefined || !inside(r.offset, r.length))) return false;
  return true;
}
