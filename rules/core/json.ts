// Helpers over jsonc-parser's offset-keeping tree. Rules never index raw objects: every value keeps its range.
import { parseTree, type ParseError, findNodeAtLocation, getNodeValue } from 'jsonc-parser';
import type { JsonNode, ParsedJson } from './types';
import { parseStrict } from './fast-parse';

/** Deeper nesting than this is refused: jsonc-parser recurses, and no ECS or IAM document nests beyond ~10 levels. */
export const MAX_DEPTH = 256;

/**
 * Containers that open deeper than `limit` levels (outside strings): each one's range from its opening bracket to its
 * matching closing bracket (or the end of the text when it is never closed), outermost only.
 */
function tooDeepRanges(text: string, limit: number): Range[] {
  const out: Range[] = [];
  let depth = 0, inString = false, start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) { if (++depth === limit + 1) start = i; }
    else if (c === 125 || c === 93) {
      if (depth === limit + 1 && start >= 0) { out.push({ offset: start, length: i + 1 - start }); start = -1; }
      if (depth > 0) depth--;
    }
  }
  if (start >= 0) out.push({ offset: start, length: text.length - start });
  return out;
}

/**
 * The text with the inside of each too-deep container blanked (same length, so every offset stays valid): `[[[…]]]`
 * becomes `[      ]`, an empty container the parsers take without recursing, and the rest of the document is linted.
 */
function blankRanges(text: string, ranges: readonly Range[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const r of ranges) {
    const end = r.offset + r.length;
    const closed = text[end - 1] === (text[r.offset] === '{' ? '}' : ']') && r.length >= 2;
    parts.push(text.slice(pos, r.offset + 1), ' '.repeat(Math.max(0, r.length - (closed ? 2 : 1))), closed ? text[end - 1] : '');
    pos = end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

export function parseJson(text: string): ParsedJson {
  // Strict JSON (nearly every real file) takes the fast path; everything else gets jsonc-parser's tree and errors.
  const fast = parseStrict(text, MAX_DEPTH);
  if (fast) return { root: fast, errors: [] };
  const deep = tooDeepRanges(text, MAX_DEPTH);
  const source = deep.length ? blankRanges(text, deep) : text;
  const errors: ParseError[] = [];
  // The strict parser is tried again only on a text it has not seen (too-deep values blanked): a broken document
  // was parsed three times over before (strict, strict again, jsonc-parser).
  const root = (deep.length ? parseStrict(source, MAX_DEPTH) : undefined) ?? parseTolerant(source, errors);
  return deep.length ? { root, errors, tooDeep: true, deepRanges: deep, source } : { root, errors };
}

/** jsonc-parser's tree and errors, with the options every JSON document is parsed with. */
export function parseTolerant(text: string, errors: ParseError[]): JsonNode | undefined {
  return parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
}

/** Whether some container in `text` opens deeper than `limit` levels (outside strings). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  return tooDeepRanges(text, limit).length > 0;
}

/** The property node (key + value) named `key` of an object node. Exact, case-sensitive match like the AWS API. */
export function property(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  // Last one wins, as in JSON.parse.
  for (let i = obj.children.length - 1; i >= 0; i--) {
    const p = obj.children[i];
    if (p.children && p.children[0]?.value === key) return p;
  }
  return undefined;
}

/** The value node of property `key`. */
export function child(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  return property(obj, key)?.children?.[1];
}

/** The key node of property `key` (for ranges on the key). */
export function keyNode(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  return property(obj, key)?.children?.[0];
}

/** Follow a path of keys / indexes. */
export function at(node: JsonNode | undefined, ...path: (string | number)[]): JsonNode | undefined {
  return node ? findNodeAtLocation(node, path) : undefined;
}

export function elements(node: JsonNode | undefined): JsonNode[] {
  return node && node.type === 'array' && node.children ? node.children : [];
}

export function properties(node: JsonNode | undefined): { key: string; keyNode: JsonNode; value: JsonNode | undefined; prop: JsonNode }[] {
  if (!node || node.type !== 'object' || !node.children) return [];
  const out = [];
  for (const p of node.children) {
    const k = p.children?.[0];
    if (!k || typeof k.value !== 'string') continue;
    out.push({ key: k.value as string, keyNode: k, value: p.children?.[1], prop: p });
  }
  return out;
}

export function stringValue(node: JsonNode | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

export function booleanValue(node: JsonNode | undefined): boolean | undefined {
  return node && node.type === 'boolean' ? (node.value as boolean) : undefined;
}

export function numberValue(node: JsonNode | undefined): number | undefined {
  return node && node.type === 'number' ? (node.value as number) : undefined;
}

/** Strings of a string-or-array-of-strings value (IAM style). */
export function stringList(node: JsonNode | undefined): { value: string; node: JsonNode }[] {
  if (!node) return [];
  if (node.type === 'string') return [{ value: node.value as string, node }];
  return elements(node)
    .filter((n) => n.type === 'string')
    .map((n) => ({ value: n.value as string, node: n }));
}

export function value(node: JsonNode | undefined): unknown {
  return node ? getNodeValue(node) : undefined;
}

/** JSON path (keys and indexes) from the root to `node`. */
export function pathOf(node: JsonNode): (string | number)[] {
  const path: (string | number)[] = [];
  let cur: JsonNode | undefined = node;
  while (cur && cur.parent) {
    const parent: JsonNode = cur.parent;
    if (parent.type === 'property') {
      path.unshift(parent.children![0].value as string);
      cur = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.children!.indexOf(cur));
      cur = parent;
    } else {
      cur = parent;
    }
  }
  return path;
}

export interface Range { offset: number; length: number }

/** The range of a node (for a finding on a whole value or key). */
export function rangeOf(node: JsonNode): Range {
  return { offset: node.offset, length: node.length };
}

/** From the start of the key to the end of the value of property `key` (e.g. `"privileged": true`). */
export function propertyRange(obj: JsonNode | undefined, key: string): Range | undefined {
  const p = property(obj, key);
  const k = p?.children?.[0];
  if (!k) return undefined;
  const v = p.children?.[1];
  const end = v ? v.offset + v.length : k.offset + k.length;
  return { offset: k.offset, length: end - k.offset };
}

/**
 * Where to point a finding about something absent from an object: the first of its `preferred` properties (key
 * through value), else its first key, else its opening brace.
 */
export function anchorOf(obj: JsonNode, preferred: readonly string[] = []): Range {
  for (const key of preferred) {
    const r = propertyRange(obj, key);
    if (r) return r;
  }
  const first = obj.children?.[0]?.children?.[0];
  return first ? rangeOf(first) : { offset: obj.offset, length: 1 };
}
