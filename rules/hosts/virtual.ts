// Render a host tree as the API's JSON text (the "virtual document" the existing rules lint), with a source map from
// every virtual key, value and property back to the host range it came from.
import type { HNode, HProp, Range } from './tree';

/** One mapped span: virtual [v, vEnd) came from host range `h`. */
export interface Segment {
  v: number;
  vEnd: number;
  h: Range;
  role: 'key' | 'value' | 'prop';
  node: HNode;
  /** For values and keys: the property they belong to. */
  prop?: HProp;
  /** For object and array values: their path (API keys / indexes) from the document root. */
  path?: (string | number)[];
  /** For object and array values: the container values directly inside, in text order, and the enclosing one. */
  kids?: Segment[];
  parent?: Segment;
}

export interface VirtualDoc {
  text: string;
  segments: Segment[];
  /**
   * Virtual spans of unknown values (with their property's key start): findings there are dropped. `partial`: a
   * template with literal parts after a leading interpolation, which rules that read literal parts still judge.
   */
  unknowns: { v: number; vEnd: number; keyStart?: number; partial?: boolean }[];
}

/**
 * What an unknown value reads as: its expression in `${...}` (`${DbPassword}`, `${Role.Arn}`, `${var.name}`), a
 * placeholder the rules treat as templated.
 */
export function unknownText(n: HNode & { t: 'unknown' }): string {
  const t = n.text && n.text.length <= 80 && !/[\n{}]/.test(n.text) ? n.text : 'deploy-time value';
  return JSON.stringify(`\${${t}}`);
}

/**
 * Labels: values that only name things (a task family, a container or service name). A deploy-time label is still
 * rendered as its expression's text but is not unknown, so findings that point at it (about something the container
 * lacks) are kept.
 */
export function isLabelPath(path: readonly (string | number)[]): boolean {
  const [a, b, c] = path;
  if (path.length === 1) return a === 'family' || a === 'serviceName';
  if (path.length === 3) return a === 'containerDefinitions' && typeof b === 'number' && c === 'name';
  return path.length === 2 && typeof a === 'number' && b === 'name'; // a bare containerDefinitions array
}

export function renderVirtual(root: HNode, labels: (path: readonly (string | number)[]) => boolean = () => false): VirtualDoc {
  const parts: string[] = [];
  let pos = 0;
  const segments: Segment[] = [];
  const unknowns: VirtualDoc['unknowns'] = [];
  const emit = (s: string) => { parts.push(s); pos += s.length; };
  const path: (string | number)[] = [];
  const open: Segment[] = [];

  const value = (n: HNode, indent: string, prop?: HProp, keyStart?: number) => {
    const start = pos;
    let container: Segment | undefined;
    if (n.t === 'object' || n.t === 'array') {
      const parent = open[open.length - 1];
      container = { v: start, vEnd: start, h: n.range, role: 'value', node: n, prop, path: [...path], kids: [], parent };
      parent?.kids!.push(container);
      open.push(container);
    }
    switch (n.t) {
      case 'scalar': emit(JSON.stringify(n.value)); break;
      case 'template':
        emit(JSON.stringify(n.value));
        // A template that starts with an interpolation has no known prefix: format checks (ARNs) cannot judge it.
        if (n.value.startsWith('${') && !labels(path)) unknowns.push({ v: start, vEnd: pos, keyStart, partial: /^\$\{[^}]*\}$/.test(n.value) ? undefined : true });
        break;
      case 'unknown':
        emit(unknownText(n));
        if (!labels(path)) unknowns.push({ v: start, vEnd: pos, keyStart });
        break;
      case 'object': {
        if (n.props.length === 0) { emit('{}'); break; }
        emit('{\n');
        const inner = indent + '  ';
        n.props.forEach((p, i) => {
          emit(inner);
          const ks = pos;
          emit(JSON.stringify(p.key));
          segments.push({ v: ks, vEnd: pos, h: p.keyRange, role: 'key', node: p.value, prop: p });
          emit(': ');
          path.push(p.key);
          value(p.value, inner, p, ks);
          path.pop();
          const h = { offset: p.keyRange.offset, length: Math.max(p.keyRange.length, p.value.range.offset + p.value.range.length - p.keyRange.offset) };
          segments.push({ v: ks, vEnd: pos, h, role: 'prop', node: p.value, prop: p });
          emit(i < n.props.length - 1 ? ',\n' : '\n');
        });
        emit(indent + '}');
        break;
      }
      case 'array': {
        if (n.items.length === 0) { emit('[]'); break; }
        emit('[\n');
        const inner = indent + '  ';
        n.items.forEach((item, i) => {
          emit(inner);
          path.push(i);
          value(item, inner);
          path.pop();
          emit(i < n.items.length - 1 ? ',\n' : '\n');
        });
        emit(indent + ']');
        break;
      }
    }
    if (container) {
      open.pop();
      container.vEnd = pos;
      segments.push(container);
    } else segments.push({ v: start, vEnd: pos, h: n.range, role: 'value', node: n, prop });
  };
  value(root, '');
  return { text: parts.join(''), segments, unknowns };
}

/**
 * True when a finding at virtual [s, e) is about an unknown value (the value itself, or its whole property).
 * `readsLiterals`: the rule judges literal parts of templates (`${Repo}:latest`), so partial templates are known to it.
 */
export function aboutUnknown(doc: VirtualDoc, s: number, e: number, readsLiterals = false): boolean {
  // Unknowns are leaves, recorded in text order: binary search the last one starting at or before s.
  const u = doc.unknowns;
  let lo = 0, hi = u.length - 1, at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (u[mid].v <= s) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (at >= 0 && e <= u[at].vEnd) return !(readsLiterals && u[at].partial);
  // A `"key": value` range, or the key alone (a rule judging the value names its key), starts before the value.
  const next = u[at + 1];
  return !!next && next.keyStart === s && e <= next.vEnd && !(readsLiterals && next.partial);
}

interface SegmentIndex { byStart: Map<number, Segment[]>; byEnd: Map<number, Segment[]> }
const indexes = new WeakMap<VirtualDoc, SegmentIndex>();

function indexOf(doc: VirtualDoc): SegmentIndex {
  let ix = indexes.get(doc);
  if (!ix) {
    ix = { byStart: new Map(), byEnd: new Map() };
    for (const seg of doc.segments) {
      (ix.byStart.get(seg.v) ?? ix.byStart.set(seg.v, []).get(seg.v)!).push(seg);
      (ix.byEnd.get(seg.vEnd) ?? ix.byEnd.set(seg.vEnd, []).get(seg.vEnd)!).push(seg);
    }
    indexes.set(doc, ix);
  }
  return ix;
}

/**
 * Map a virtual range to the host. Exact spans map exactly; a span from one key/value to another maps from the
 * first's host start to the second's host end; a sub-range of a string maps inside it when both spell it the same;
 * anything else maps to the innermost span holding it (an object's opening brace maps to its property's key).
 */
export function mapRange(doc: VirtualDoc, hostText: string, s: number, e: number, fallback: Range): Range {
  const ix = indexOf(doc);
  let startSeg: Segment | undefined, endSeg: Segment | undefined, inner: Segment | undefined;
  for (const seg of ix.byStart.get(s) ?? []) {
    if (seg.vEnd === e) return seg.h;
    if (!startSeg || seg.vEnd < startSeg.vEnd) startSeg = seg;
    if (seg.vEnd >= e && (!inner || seg.vEnd < inner.vEnd)) inner = seg;
  }
  for (const seg of ix.byEnd.get(e) ?? []) if (!endSeg || seg.v > endSeg.v) endSeg = seg;
  if (startSeg && endSeg && endSeg.h.offset + endSeg.h.length >= startSeg.h.offset && e > s) {
    return { offset: startSeg.h.offset, length: endSeg.h.offset + endSeg.h.length - startSeg.h.offset };
  }
  if (!inner) {
    // Rare (a sub-range of a string): scan for the innermost span holding it.
    for (const seg of doc.segments) {
      if (seg.v <= s && e <= seg.vEnd && (!inner || seg.vEnd - seg.v < inner.vEnd - inner.v)) inner = seg;
    }
  }
  if (!inner) return fallback;
  const n = inner.node;
  if (inner.role === 'value' && (n.t === 'scalar' || n.t === 'template') && typeof n.value === 'string') {
    const vText = doc.text.slice(inner.v, inner.vEnd);
    const hText = hostText.slice(inner.h.offset, inner.h.offset + inner.h.length);
    if (vText === hText) return { offset: inner.h.offset + (s - inner.v), length: e - s };
    // A plain (unquoted) host scalar without escapes: shift past the virtual opening quote.
    if (hText === n.value && vText === `"${n.value}"` && s > inner.v && e < inner.vEnd) {
      return { offset: inner.h.offset + (s - inner.v - 1), length: e - s };
    }
    return inner.h;
  }
  if (inner.role === 'value' && (n.t === 'object' || n.t === 'array')) {
    if (inner.prop) return inner.prop.keyRange;
    if (inner === doc.segments[doc.segments.length - 1]) return fallback; // the document root
  }
  return inner.h;
}

/** The innermost object or array value strictly enclosing virtual [from, to) (a fix's edits), if any. */
export function enclosingContainer(doc: VirtualDoc, from: number, to: number): Segment | undefined {
  const root = doc.segments[doc.segments.length - 1];
  if (!root?.kids || !(root.v < from && to < root.vEnd)) return undefined;
  let cur = root;
  for (;;) {
    // Kids are in text order and do not overlap: binary search the last one starting before `from`.
    const kids = cur.kids!;
    let lo = 0, hi = kids.length - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kids[mid].v < from) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    const k = kids[at];
    if (!k || !(to < k.vEnd)) return cur;
    cur = k;
  }
}
