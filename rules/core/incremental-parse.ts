// Incremental parsing for the language server: an edit inside one object or array of a strict-JSON document re-parses
// only that value and splices it into the previous tree, moving the offsets after it, instead of parsing the whole
// document again (on a 900 KB task definition the parse and the garbage of a whole new tree were most of a lint).
// The result is exactly parseJson()'s: the value starts at the same offset with the same bracket and the parser
// never looks outside a bracketed value, so a full parse would build the same nodes; anything else (a broken edit,
// an edit touching a bracket, a previous parse with errors) falls back to parseJson.
import type { JsonNode, ParsedJson } from './types';
import { MAX_DEPTH, parseJson } from './json';
import { parseStrict } from './fast-parse';

interface N { type: JsonNode['type']; offset: number; length: number; parent?: N; children?: N[]; value?: unknown; colonOffset?: number }

const MIN_LENGTH = 4096;

/** The last strict parse of a document, and whether a lint is still reading it (then it must not be changed). */
export interface ParseMemo {
  text?: string;
  root?: JsonNode;
  /** Lints reading `root` (the server interleaves lints; the tree is changed in place only when none is). */
  readers: number;
}

/** parseJson(text), re-using the memo's tree when only the inside of one value changed. Updates the memo. */
export function parseWithMemo(text: string, memo: ParseMemo): ParsedJson {
  // A small document parses faster than the previous one is compared with it.
  if (text.length < MIN_LENGTH) { memo.text = memo.root = undefined; return parseJson(text); }
  const spliced = memo.readers === 0 && memo.text !== undefined && memo.root ? splice(memo.text, memo.root as unknown as N, text) : undefined;
  if (spliced) {
    memo.text = text;
    memo.root = spliced as unknown as JsonNode;
    return { root: memo.root, errors: [] };
  }
  const json = parseJson(text);
  const strict = json.errors.length === 0 && !json.deepRanges && json.root;
  // A tree other lints read is left to them; the next lint starts from this one.
  memo.text = strict ? text : undefined;
  memo.root = strict ? json.root : undefined;
  return json;
}

function splice(before: string, root: N, after: string): N | undefined {
  if (before === after) return fresh(root);
  const min = Math.min(before.length, after.length);
  // Common prefix and suffix, a block at a time (string comparison is native), then character by character.
  let p = 0;
  for (let b = 4096; b >= 1; b >>= 4) while (p + b <= min && before.slice(p, p + b) === after.slice(p, p + b)) p += b;
  let s = 0;
  const bl = before.length, al = after.length;
  for (let b = 4096; b >= 1; b >>= 4) while (s + b <= min - p && before.slice(bl - s - b, bl - s) === after.slice(al - s - b, al - s)) s += b;
  const oldEnd = before.length - s; // changed: [p, oldEnd) in `before`
  const delta = after.length - before.length;
  // The innermost object or array whose brackets both lie outside the change.
  let node = root, depth = 0;
  if (!(node.type === 'object' || node.type === 'array') || !(node.offset < p && oldEnd < node.offset + node.length)) return undefined;
  for (;;) {
    const next = childAround(node, p, oldEnd);
    if (!next) break;
    node = next.node;
    depth = depth + next.levels;
  }
  const sub = parseStrict(after.slice(node.offset, node.offset + node.length + delta), MAX_DEPTH - depth) as unknown as N | undefined;
  if (!sub || sub.type !== node.type) return undefined;
  // Replace the node's contents, keeping the node (its parent's children array holds it).
  const base = node.offset;
  node.children = sub.children ?? [];
  for (const c of node.children) { c.parent = node; shift(c, base); }
  node.length = sub.length;
  // Ancestors grow by delta; what follows the node in each of them moves by delta.
  for (let cur = node, up = node.parent; up; cur = up, up = up.parent) {
    up.length += delta;
    const kids = up.children ?? [];
    for (let i = kids.indexOf(cur) + 1; i < kids.length; i++) shift(kids[i], delta);
  }
  return fresh(root);
}

/** The child value (through a property) that is an object or array strictly containing [p, end), and its depth step. */
function childAround(node: N, p: number, end: number): { node: N; levels: number } | undefined {
  for (const c of node.children ?? []) {
    if (c.offset > p) return undefined;
    if (c.offset + c.length < end) continue;
    const v = c.type === 'property' ? c.children?.[1] : c;
    if (!v || !(v.type === 'object' || v.type === 'array')) return undefined;
    return v.offset < p && end < v.offset + v.length ? { node: v, levels: 1 } : undefined;
  }
  return undefined;
}

/** Move a subtree by `delta`. */
function shift(n: N, delta: number): void {
  n.offset += delta;
  if (n.colonOffset !== undefined) n.colonOffset += delta;
  if (n.children) for (const c of n.children) shift(c, delta);
}

/**
 * A new root object for the changed tree: per-root caches (the task view) must not serve the previous text's view.
 * Its children point at it; deeper nodes are shared with (and changed under) the previous tree, which no lint reads.
 */
function fresh(root: N): N {
  const copy: N = { ...root };
  if (copy.children) { copy.children = [...copy.children]; for (const c of copy.children) c.parent = copy; }
  return copy;
}
