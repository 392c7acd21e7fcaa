// Shared helpers for the container-hardening rules (my rules only; model.ts stays the general view).
import { modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { JsonNode, TextEdit } from '../core/types';
import { inferFormatting } from '../core/edits';
import { child, elements, keyNode } from '../core/json';
import type { ContainerView } from './model';

/** Where to point a "field is missing" finding: the container's name value, else its opening brace. */
export function containerAnchor(c: ContainerView): { offset: number; length: number } {
  const name = child(c.node, 'name');
  if (name) return { offset: name.offset, length: name.length };
  return { offset: c.node.offset, length: 1 };
}

/** Range covering a property's key through its value (one finding on `"key": value`). */
export function propertyRange(obj: JsonNode, key: string): { offset: number; length: number } | undefined {
  const k = keyNode(obj, key);
  const v = child(obj, key);
  if (!k) return undefined;
  const end = v ? v.offset + v.length : k.offset + k.length;
  return { offset: k.offset, length: end - k.offset };
}

/** `linuxParameters.capabilities` of a container (undefined when absent or not an object). */
export function capabilitiesNode(c: ContainerView): JsonNode | undefined {
  const caps = child(child(c.node, 'linuxParameters'), 'capabilities');
  return caps?.type === 'object' ? caps : undefined;
}

/** Normalise a capability name the way Docker does: case-insensitive, optional CAP_ prefix. */
export function normaliseCapability(s: string): string {
  return s.trim().toUpperCase().replace(/^CAP_/, '');
}

/** String elements of an array node. */
export function stringElements(node: JsonNode | undefined): JsonNode[] {
  return elements(node).filter((n) => n.type === 'string');
}

/** Build fix edits, returning undefined instead of throwing when the document shape defeats jsonc-parser's modify(). */
export function safeEdits<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/**
 * One edit turning `before` into `after` (common prefix and suffix kept). Lets a fix chain several modify() calls,
 * each computed on the previous result, whose raw edits would overlap on the original text.
 */
export function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) };
}

export { removeArrayElement } from '../core/edits';

let lastText: string | undefined;
let lastFormat: FormattingOptions | undefined;
/** Formatting inferred from the whole document (cached: rules call it once per finding). */
function documentFormatting(text: string): FormattingOptions {
  if (text !== lastText || !lastFormat) {
    lastText = text;
    lastFormat = inferFormatting(text);
  }
  return lastFormat;
}

/**
 * A small document holding just `node` (a container object), with the indentation of its line so jsonc-parser formats
 * inserted lines at the right depth. Fixes are computed on it and shifted back: running modify() on the whole
 * document for every finding re-parses it each time, which is quadratic on large files.
 */
export interface LocalDoc {
  text: string;
  /** Add to a local offset to get the document offset. */
  shift: number;
  format: FormattingOptions;
}

export function localDoc(text: string, node: JsonNode): LocalDoc {
  const from = Math.max(0, node.offset - 200);
  const before = text.slice(from, node.offset);
  const nl = before.lastIndexOf('\n');
  const indent = nl >= 0 ? /^[ \t]*/.exec(before.slice(nl + 1))![0] : '';
  return { text: indent + text.slice(node.offset, node.offset + node.length), shift: node.offset - indent.length, format: documentFormatting(text) };
}

/** modify() at `path` relative to `node`, returned as document edits; undefined if jsonc-parser refuses. */
export function modifyWithin(text: string, node: JsonNode, path: JSONPath, value: unknown, isArrayInsertion = false): TextEdit[] | undefined {
  return safeEdits(() => {
    const doc = localDoc(text, node);
    return shiftEdits(modify(doc.text, path, value, { formattingOptions: doc.format, isArrayInsertion }), doc.shift);
  });
}

export function shiftEdits(edits: TextEdit[], shift: number): TextEdit[] {
  return edits.map((e) => ({ offset: e.offset + shift, length: e.length, content: e.content }));
}

/** Leading whitespace of the line `offset` starts, or undefined when other text precedes it on that line. */
function ownLineIndent(text: string, offset: number): string | undefined {
  const before = text.slice(Math.max(0, offset - 200), offset);
  const nl = before.lastIndexOf('\n');
  if (nl < 0 && offset > 200) return undefined;
  const lead = before.slice(nl + 1);
  return /^[ \t]*$/.test(lead) ? lead : undefined;
}

/** JSON text of `value` laid out like the document, continuation lines starting at `indent`. */
function layout(value: unknown, indent: string, f: FormattingOptions): string {
  const unit = f.insertSpaces ? ' '.repeat(f.tabSize ?? 2) : '\t';
  return JSON.stringify(value, null, unit).replace(/\n/g, (f.eol ?? '\n') + indent);
}

/**
 * Set `key` of object `obj` to `value` with one hand-built edit (no re-parse; cheap enough for tens of thousands of
 * findings). Replaces an existing value, else appends the property after the last one, on its own line when the
 * object is multi-line. Falls back to jsonc-parser for an empty object.
 */
export function setProperty(text: string, obj: JsonNode, key: string, value: unknown): TextEdit[] | undefined {
  const existing = obj.children?.find((p) => p.children?.[0]?.value === key);
  const f = documentFormatting(text);
  if (existing?.children?.[1]) {
    const v = existing.children[1];
    return [{ offset: v.offset, length: v.length, content: layout(value, ownLineIndent(text, existing.offset) ?? '', f) }];
  }
  const last = obj.children?.[obj.children.length - 1];
  if (!last) return modifyWithin(text, obj, [key], value);
  const indent = ownLineIndent(text, last.offset);
  const content = indent !== undefined
    ? `,${f.eol ?? '\n'}${indent}${JSON.stringify(key)}: ${layout(value, indent, f)}`
    : `, ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  return [{ offset: last.offset + last.length, length: 0, content }];
}

/** Insert a string as the first element of a non-empty array, matching its layout. */
export function prependElement(text: string, arr: JsonNode, value: string): TextEdit[] {
  const first = arr.children?.[0];
  if (!first) return [{ offset: arr.offset, length: arr.length, content: JSON.stringify([value]) }];
  const indent = ownLineIndent(text, first.offset);
  const f = documentFormatting(text);
  const content = indent !== undefined ? `${JSON.stringify(value)},${f.eol ?? '\n'}${indent}` : `${JSON.stringify(value)}, `;
  return [{ offset: first.offset, length: 0, content }];
}
