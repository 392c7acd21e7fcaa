// Translate a fix computed on a virtual document into edits of the host file: apply it to the virtual text, diff the
// values before and after, and replay each change (set, add, remove, insert) on the host's own syntax. A change that
// cannot be replayed safely drops the whole fix: a missing fix is better than a wrong edit.
import type { FormattingOptions, JSONPath } from 'jsonc-parser';
import { isMap, isSeq, isScalar, isPair, stringify, type Node as YamlNode, type YAMLMap, type YAMLSeq, type Pair } from 'yaml';
import type { TextEdit } from '../core/types';
import { applyEdits, diffEdit, formattedModify, inferFormatting } from '../core/edits';
import { lastProp, namesOf, nodeAt, toHostKeys, type HNode } from './tree';
import type { HostFormat } from './cfn';
import { enclosingContainer, type VirtualDoc } from './virtual';

export type Path = (string | number)[];
export type Change =
  | { op: 'set'; path: Path; value: unknown }
  | { op: 'add'; path: Path; key: string; value: unknown }
  | { op: 'remove'; path: Path }
  | { op: 'insert'; path: Path; index: number; value: unknown };

function isObj(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return false;
}

/** Structural changes turning `a` into `b` (key order ignored; arrays: one removal or insertion, else a replacement). */
export function diffValues(a: unknown, b: unknown, path: Path = [], out: Change[] = []): Change[] {
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) out.push({ op: 'remove', path: [...path, k] });
    for (const k of Object.keys(b)) {
      if (!Object.hasOwn(a, k)) out.push({ op: 'add', path, key: k, value: b[k] });
      else diffValues(a[k], b[k], [...path, k], out);
    }
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === b.length) a.forEach((x, i) => diffValues(x, b[i], [...path, i], out));
    else if (Math.abs(a.length - b.length) === 1) {
      const [long, short] = a.length > b.length ? [a, b] : [b, a];
      let i = 0;
      while (i < short.length && same(long[i], short[i])) i++;
      if (!same(long.slice(i + 1), short.slice(i))) out.push({ op: 'set', path, value: b });
      else if (a.length > b.length) out.push({ op: 'remove', path: [...path, i] });
      else out.push({ op: 'insert', path, index: i, value: b[i] });
    } else out.push({ op: 'set', path, value: b });
  } else if (a !== b && !same(a, b)) out.push({ op: 'set', path, value: b });
  return out;
}

export interface HostFixInput {
  format: HostFormat;
  hostText: string;
  root: HNode;
  virtualText: string;
  edits: TextEdit[];
  /** The virtual document (segments with paths), to diff only the part a fix touches. */
  doc?: VirtualDoc;
  /** The virtual text's value, parsed once per document (never mutated). */
  before?: unknown;
  /** The host's formatting, inferred once per file. */
  formatting?: FormattingOptions;
}

/** Host edits for a virtual fix, or undefined when any change cannot be replayed safely. */
export function translateFix(input: HostFixInput, hcl?: (changes: Change[]) => TextEdit[] | undefined): TextEdit[] | undefined {
  let changes: Change[];
  try {
    changes = diffScoped(input);
  } catch {
    return undefined;
  }
  if (changes.length === 0) return undefined;
  // Every change must land on known host syntax: never inside an intrinsic function or a template.
  for (const c of changes) {
    const target = nodeAt(input.root, c.path);
    if (!target || target.t === 'unknown' || target.t === 'template') return undefined;
  }
  try {
    if (input.format === 'json') return jsonHostEdits(input, changes);
    if (input.format === 'yaml') return yamlHostEdits(input, changes);
    return hcl?.(changes);
  } catch {
    return undefined;
  }
}

/**
 * Diff only the innermost container holding every edit (usually one container definition), not the whole document:
 * a fix is translated for every finding, so this keeps a large template linear with small constants.
 */
function diffScoped(input: HostFixInput): Change[] {
  const from = input.edits.reduce((m, e) => Math.min(m, e.offset), Infinity);
  const to = Math.max(...input.edits.map((e) => e.offset + e.length));
  let scope = input.doc && input.before !== undefined ? enclosingContainer(input.doc, from, to) : undefined;
  for (; scope; scope = scope.parent) {
    const local = input.virtualText.slice(scope.v, scope.vEnd);
    let after: unknown;
    try {
      after = JSON.parse(applyEdits(local, input.edits.map((e) => ({ ...e, offset: e.offset - scope!.v }))));
    } catch {
      continue; // the edit reaches past this container (a minimal diff edit can end inside it): try the enclosing one
    }
    // The rest of the document is unchanged, so the container's new value is the whole change.
    let before: unknown = input.before;
    for (const k of scope.path!) before = (before as Record<string | number, unknown>)[k];
    return diffValues(before, after, [...scope.path!]);
  }
  return diffValues(input.before ?? JSON.parse(input.virtualText), JSON.parse(applyEdits(input.virtualText, input.edits)));
}

// ---- JSON host: jsonc-parser edits at the host path ----

function jsonHostEdits(input: HostFixInput, changes: Change[]): TextEdit[] | undefined {
  // Work on the resource's own text (indented as in the file), not the whole template: jsonc-parser's modify()
  // re-parses its input, and a template can hold hundreds of resources with a fix per finding.
  // The innermost container holding every change.
  const containers = changes.map((c) => (c.op === 'add' || c.op === 'insert' ? c.path : c.path.slice(0, -1)));
  let prefix = containers[0];
  for (const p of containers) {
    let i = 0;
    while (i < prefix.length && i < p.length && prefix[i] === p[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const base = nodeAt(input.root, prefix);
  const rootPath = base?.host as JSONPath | undefined;
  if (!base || !Array.isArray(rootPath)) return undefined;
  const { offset, length } = base.range;
  const lineStart = input.hostText.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(input.hostText.slice(lineStart, offset))![0];
  const local = indent + input.hostText.slice(offset, offset + length);
  const shift = offset - indent.length;
  const formattingOptions = input.formatting ?? inferFormatting(input.hostText);
  let text = local;
  for (const c of changes) {
    const node = nodeAt(input.root, c.path)!;
    const full = node.host as JSONPath | undefined;
    if (!Array.isArray(full)) return undefined;
    const hostPath = full.slice(rootPath.length);
    let edits;
    if (c.op === 'set') {
      if (node.t !== 'scalar' && node.t !== 'object' && node.t !== 'array') return undefined;
      const parent = nodeAt(input.root, c.path.slice(0, -1));
      const last = c.path[c.path.length - 1];
      const names = typeof last === 'string' ? namesOf(parent).child(last) : namesOf(parent);
      edits = formattedModify(text, hostPath, toHostKeys(c.value, names), formattingOptions);
    } else if (c.op === 'add') {
      const names = namesOf(node);
      edits = formattedModify(text, [...hostPath, names.toHost(c.key)], toHostKeys(c.value, names.child(c.key)), formattingOptions);
    } else if (c.op === 'remove') {
      edits = formattedModify(text, hostPath, undefined, formattingOptions);
    } else {
      edits = formattedModify(text, [...hostPath, c.index], toHostKeys(c.value, namesOf(node)), formattingOptions, true);
    }
    text = applyEdits(text, edits);
  }
  const e = diffEdit(local, text);
  return [{ ...e, offset: e.offset + shift }];
}

// ---- YAML host: minimal line edits that keep the file's indentation ----

const PLAIN = /^[A-Za-z_/][\w./:@-]*$/;
const AMBIGUOUS = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

export function yamlScalar(v: unknown): string {
  if (typeof v === 'string') return PLAIN.test(v) && !AMBIGUOUS.test(v) ? v : JSON.stringify(v);
  return v === null ? 'null' : String(v);
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** End of the last line holding content of a node ending at `end` (comments on that line included). */
function contentLineEnd(text: string, end: number): number {
  let p = end;
  while (p > 0 && /\s/.test(text[p - 1])) p--;
  const nl = text.indexOf('\n', p);
  return nl < 0 ? text.length : nl;
}

function onlySpaceBefore(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, pos), pos));
}

/** A block rendering of a value, each line indented by `indent` spaces. */
function yamlBlock(value: unknown, indent: number): string[] {
  const s = stringify(value, { lineWidth: 0, indent: 2 }).replace(/\n$/, '');
  return s.split('\n').map((l) => ' '.repeat(indent) + l);
}

/** `Key: value` (scalar inline, collections as a block below). */
function yamlPair(key: string, value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (value === null || typeof value !== 'object' || (Array.isArray(value) && value.length === 0) || (isObj(value) && !Object.keys(value).length)) {
    return `${pad}${yamlScalar(key)}: ${typeof value === 'object' && value !== null ? (Array.isArray(value) ? '[]' : '{}') : yamlScalar(value)}`;
  }
  return [`${pad}${yamlScalar(key)}:`, ...yamlBlock(value, indent + 2)].join('\n');
}

/** `- item` lines at `indent` (the dash column). */
function yamlItem(value: unknown, indent: number): string {
  const lines = yamlBlock([value], 0);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

function yamlHostEdits(input: HostFixInput, changes: Change[]): TextEdit[] | undefined {
  const text = input.hostText;
  const edits: TextEdit[] = [];
  for (const c of changes) {
    const node = nodeAt(input.root, c.path)!;
    const y = node.host as YamlNode | undefined;
    if (c.op === 'set') {
      if (node.t !== 'scalar' || !y || !isScalar(y) || (c.value !== null && typeof c.value === 'object')) return undefined;
      edits.push({ offset: node.range.offset, length: node.range.length, content: yamlScalar(c.value) });
    } else if (c.op === 'add') {
      if (!y || !isMap(y) || (y as YAMLMap).flow || !y.items.length) return undefined;
      const map = y as YAMLMap;
      const first = map.items[0] as Pair<YamlNode, YamlNode>;
      const last = map.items[map.items.length - 1] as Pair<YamlNode, YamlNode>;
      if (!first.key?.range) return undefined;
      const indent = first.key.range[0] - lineStart(text, first.key.range[0]);
      const end = contentLineEnd(text, (last.value ?? last.key)?.range?.[1] ?? first.key.range[1]);
      const hostKey = namesOf(node).toHost(c.key);
      edits.push({ offset: end, length: 0, content: '\n' + yamlPair(hostKey, toHostKeys(c.value, namesOf(node).child(c.key)), indent) });
    } else if (c.op === 'remove') {
      const parentNode = nodeAt(input.root, c.path.slice(0, -1));
      const last = c.path[c.path.length - 1];
      const py = parentNode?.host as YamlNode | undefined;
      if (typeof last === 'string') {
        if (!py || !isMap(py) || (py as YAMLMap).flow) return undefined;
        const hostKey = parentNode && parentNode.t === 'object' ? lastProp(parentNode, last)?.hostKey : undefined;
        const pair = [...py.items].reverse().find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === hostKey) as Pair<YamlNode, YamlNode> | undefined;
        if (!pair?.key?.range || py.items.length < 2 || !onlySpaceBefore(text, pair.key.range[0])) return undefined;
        edits.push(removeLines(text, lineStart(text, pair.key.range[0]), contentLineEnd(text, (pair.value ?? pair.key).range![1])));
      } else {
        if (!py || !isSeq(py) || (py as YAMLSeq).flow) return undefined;
        const item = py.items[last] as YamlNode | undefined;
        if (!item?.range) return undefined;
        const dash = dashBefore(text, item.range[0]);
        if (dash < 0) return undefined;
        const to = contentLineEnd(text, item.range[1]);
        if (py.items.length === 1) edits.push({ offset: dash, length: to - dash, content: '[]' });
        else {
          edits.push(removeLines(text, lineStart(text, dash), to));
        }
      }
    } else {
      if (!y || !isSeq(y)) return undefined;
      const seq = y as YAMLSeq;
      const value = toHostKeys(c.value, namesOf(node));
      if (seq.flow) {
        if (value !== null && typeof value === 'object') return undefined;
        const close = y.range![1] - 1;
        if (text[close] !== ']') return undefined;
        const before = seq.items[c.index] as YamlNode | undefined;
        if (before?.range) edits.push({ offset: before.range[0], length: 0, content: `${yamlScalar(value)}, ` });
        else edits.push({ offset: close, length: 0, content: (seq.items.length ? ', ' : '') + yamlScalar(value) });
        continue;
      }
      if (!seq.items.length) return undefined;
      const firstDash = dashBefore(text, (seq.items[0] as YamlNode).range![0]);
      if (firstDash < 0) return undefined;
      const indent = firstDash - lineStart(text, firstDash);
      if (c.index < seq.items.length) {
        const at = lineStart(text, dashBefore(text, (seq.items[c.index] as YamlNode).range![0]));
        edits.push({ offset: at, length: 0, content: yamlItem(value, indent) + '\n' });
      } else {
        const lastItem = seq.items[seq.items.length - 1] as YamlNode;
        edits.push({ offset: contentLineEnd(text, lastItem.range![1]), length: 0, content: '\n' + yamlItem(value, indent) });
      }
    }
  }
  // Overlapping edits cannot be applied together.
  edits.sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < edits.length; i++) if (edits[i].offset < edits[i - 1].offset + edits[i - 1].length) return undefined;
  return edits;
}

/**
 * Remove whole lines [from, to) plus one line break: the one before them, so an insertion after the same lines (at
 * `to`) does not overlap the removal.
 */
function removeLines(text: string, from: number, to: number): TextEdit {
  return from > 0 ? { offset: from - 1, length: to - from + 1, content: '' } : { offset: 0, length: Math.min(text.length, to + 1), content: '' };
}

/** The `-` of a block sequence item starting at `itemStart`, when it starts its line; else -1. */
function dashBefore(text: string, itemStart: number): number {
  let p = itemStart - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
  if (text[p] !== '-') return -1;
  return onlySpaceBefore(text, p) ? p : -1;
}
