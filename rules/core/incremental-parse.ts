// Incremental parsing for the language server: an edit inside one object or array of a strict-JSON document re-parses
// only that value and splices it into the previous tree, moving the offsets after it, instead of parsing the whole
// document again (on a 900 KB task definition the parse and the garbage of a whole new tree were most of a lint).
// The result is exactly parseJson()'s: the value starts at the same offset with the same bracket and the parser
// never looks outside a bracketed value, so a full parse would build the same nodes.
//
// An edit that breaks the JSON inside one value (half of all keystrokes in the middle of a document) is spliced the
// same way with jsonc-parser's tolerant parse of that value, when the broken value still ends with its own closing
// bracket and no error sits at that bracket or after it: then the whole-document parse would have read the same tokens
// into the same nodes and reported the same errors, and the rest of the document is the strict text it was. The
// previous strict tree is changed in place for it and changed back before the next parse, so the edit that repairs
// the document (typing on, or an undo) is spliced into that strict tree again. Anything else (an edit touching a
// bracket, a value that now nests too deep, a tree another lint still reads) falls back to parseJson.
import type { ParseError } from 'jsonc-parser';
import type { JsonNode, ParsedJson } from './types';
import { MAX_DEPTH, nestsDeeperThan, parseJson, parseTolerant } from './json';
import { parseStrict } from './fast-parse';

interface N { type: JsonNode['type']; offset: number; length: number; parent?: N; children?: N[]; value?: unknown; colonOffset?: number }

const MIN_LENGTH = 4096;

/** The last strict parse of a document, and whether a lint is still reading it (then it must not be changed). */
export interface ParseMemo {
  text?: string;
  root?: JsonNode;
  /** Lints reading `root` (the server interleaves lints; the tree is changed in place only when none is). */
  readers: number;
  /**
   * Set while `root` holds a broken text's splice (the tree handed to that lint): puts the strict tree for `text`
   * back. Run before the next parse once no lint reads the tree.
   */
  restore?: () => void;
}

/** parseJson(text), re-using the memo's tree when only the inside of one value changed. Updates the memo. */
export function parseWithMemo(text: string, memo: ParseMemo): ParsedJson {
  if (memo.restore) {
    // The broken splice is still read: its tree is left to that lint, and the memo starts over.
    if (memo.readers === 0) memo.restore();
    else memo.text = memo.root = undefined;
    memo.restore = undefined;
  }
  // A small document parses faster than the previous one is compared with it.
  if (text.length < MIN_LENGTH) { memo.text = memo.root = undefined; return parseJson(text); }
  if (memo.readers === 0 && memo.text !== undefined && memo.root) {
    const spliced = splice(memo.text, memo.root as unknown as N, text);
    if (spliced?.errors) {
      // memo.text stays the strict text the restored tree will be for.
      memo.restore = spliced.restore;
      return { root: spliced.root as unknown as JsonNode, errors: spliced.errors };
    }
    if (spliced) {
      memo.text = text;
      memo.root = spliced.root as unknown as JsonNode;
      return { root: memo.root, errors: [] };
    }
  }
  const json = parseJson(text);
  const strict = json.errors.length === 0 && !json.deepRanges && json.root;
  if (strict) {
    // A tree other lints read is left to them; the next lint starts from this one.
    memo.text = text;
    memo.root = json.root;
  } else if (memo.readers > 0) {
    memo.text = memo.root = undefined;
  }
  // Otherwise a broken text keeps the last strict tree: the edit that repairs it (typing on, an undo) is spliced
  // into that tree (or, for an undo, is that tree) instead of parsing the whole document again.
  return json;
}

interface Spliced {
  root: N;
  /** Set for a broken value: its errors (document offsets), and how to put the strict tree back. */
  errors?: ParseError[];
  restore?: () => void;
}

function splice(before: string, root: N, after: string): Spliced | undefined {
  if (before === after) return { root: fresh(root) };
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
  const slice = ownCopy(after.slice(node.offset, node.offset + node.length + delta));
  let sub = parseStrict(slice, MAX_DEPTH - depth) as unknown as N | undefined;
  let errors: ParseError[] | undefined;
  if (!sub) {
    const broken = parseBrokenValue(slice, node.type, MAX_DEPTH - depth);
    if (!broken) return undefined;
    sub = broken.node;
    errors = broken.errors.map((e) => ({ ...e, offset: e.offset + node.offset }));
  }
  if (sub.type !== node.type) return undefined;
  // Replace the node's contents, keeping the node (its parent's children array holds it).
  const base = node.offset;
  const oldChildren = node.children, oldLength = node.length;
  node.children = sub.children ?? [];
  for (const c of node.children) { c.parent = node; shift(c, base); }
  node.length = sub.length;
  // Ancestors grow by delta; what follows the node in each of them moves by delta.
  const moved: N[] = [], ancestors: N[] = [];
  for (let cur = node, up = node.parent; up; cur = up, up = up.parent) {
    up.length += delta;
    ancestors.push(up);
    const kids = up.children ?? [];
    for (let i = kids.indexOf(cur) + 1; i < kids.length; i++) { shift(kids[i], delta); moved.push(kids[i]); }
  }
  const out = fresh(root);
  if (!errors) return { root: out };
  // The old contents were replaced, not changed: putting them back undoes the splice, with the moves and lengths.
  const restore = () => {
    node.children = oldChildren;
    node.length = oldLength;
    for (const a of ancestors) a.length -= delta;
    for (const m of moved) shift(m, -delta);
    for (const c of root.children ?? []) c.parent = root;
  };
  return { root: out, errors, restore };
}

/**
 * jsonc-parser's tree of a broken bracketed value, when the whole document's parse is bound to read it the same way:
 * the value runs to the slice's last character (its closing bracket, so the parser left the value there and not
 * further on) and no error is at that bracket or the end (a bracket consumed by error recovery, a string running on
 * to the line's end). A value nesting deeper than `maxDepth` is left to parseJson, which blanks it.
 */
function parseBrokenValue(slice: string, type: N['type'], maxDepth: number): { node: N; errors: ParseError[] } | undefined {
  if (nestsDeeperThan(slice, maxDepth)) return undefined;
  const errors: ParseError[] = [];
  const node = parseTolerant(slice, errors) as unknown as N | undefined;
  if (!node || node.type !== type || node.offset !== 0 || node.length !== slice.length) return undefined;
  const close = type === 'object' ? '}' : ']';
  if (slice[slice.length - 1] !== close) return undefined;
  if (errors.length === 0 || errors.some((e) => e.offset + e.length >= slice.length - 1)) return undefined;
  return { node, errors };
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

/**
 * The characters of `s` in a string of their own. A slice of the document is a view of the whole text, and the
 * parsed values would be views of it too: every spliced value kept its whole version of the document alive (400 edits
 * in a 900 KB task definition held 320 MB).
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1); // V8 flattens the concatenation into a new string before slicing it
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
