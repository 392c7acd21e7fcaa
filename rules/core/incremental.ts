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
import type { DocumentKind, JsonNode, RuleContext } from './types';
import type { ParseMemo } from './incremental-parse';

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

/** What a rule reported, offsets relative to its unit's start. */
export type Reported = Parameters<RuleContext['report']>[0];

/** One rule's reports per unit (by the id of its key), valid for one context and one set of options. */
export interface RuleMemo {
  context: string;
  units: Map<number, Reported[]>;
  /** The rule reported outside the unit it checked: no reuse in this context. */
  off: boolean;
  /** LintMemo.epoch when `units` was last brought up to date. */
  epoch: number;
}

/** Per-document memory of the scoped rules' findings between lints (kept by the caller, one per document). */
export class LintMemo {
  readonly rules = new Map<string, RuleMemo>();
  /** The last strict parse, re-used by the next lint when an edit stays inside one value (core/incremental-parse.ts). */
  readonly parse: ParseMemo = { readers: 0 };
  /**
   * Unit keys of the last lint -> small ids, so each key (a container's text) is hashed and compared once per lint,
   * not once per rule. Ids are never reused; keys not seen in a lint are dropped.
   */
  private ids = new Map<string, number>();
  private nextId = 1;

  /** Lints that computed unit ids; a rule memo last updated in the previous one can be updated by `dropped` alone. */
  epoch = 0;
  /** Ids of the previous lint's keys that this lint does not have. */
  dropped: number[] = [];

  /** Ids of this lint's unit keys (the same id as in the previous lint for a key it had). */
  idsOf(keys: readonly string[]): number[] {
    const next = new Map<string, number>();
    const out = keys.map((k) => {
      let id = this.ids.get(k);
      if (id === undefined) id = this.nextId++;
      next.set(k, id);
      return id;
    });
    this.dropped = [];
    if (next.size !== this.ids.size || out.some((id, i) => id !== this.ids.get(keys[i]))) {
      for (const [k, id] of this.ids) if (next.get(k) !== id) this.dropped.push(id);
    }
    this.ids = next;
    this.epoch++;
    return out;
  }

  /** Units checked and reused by the last lints (for tests and profiles). */
  readonly stats = { checked: 0, reused: 0 };
}

/** Move a report by `delta` (fix edits and related locations too); a new object, the stored one is kept as is. */
export function shiftReport(f: Reported, delta: number): Reported {
  const out: Reported = { ...f, offset: f.offset + delta };
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
