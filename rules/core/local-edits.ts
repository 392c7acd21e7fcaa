// Cheap local fix edits. jsonc-parser's modify() re-parses the whole document per call, which is fine once per
// document but not once per container of a 60,000-container file; these edits touch only the node's own text.
import { modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { JsonNode, TextEdit } from './types';
import { inferFormatting, safeEdits, shiftEdits } from './edits';

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

/** Replace a value node with a new JSON value, written compactly. */
export function replaceNode(node: JsonNode, value: unknown): TextEdit[] {
  return [{ offset: node.offset, length: node.length, content: JSON.stringify(value) }];
}

/**
 * A small document holding just `node` (e.g. a container object), with the indentation of its line so jsonc-parser
 * formats inserted lines at the right depth. Fixes are computed on it and shifted back by `shift`.
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

/** Whitespace before `offset` on its line and the line's end-of-line, or undefined when other text precedes it there. */
function lineIndent(text: string, offset: number): { indent: string; eol: string } | undefined {
  let i = offset - 1;
  for (let c = text.charCodeAt(i); c === 32 || c === 9; c = text.charCodeAt(--i));
  if (i >= 0 && text.charCodeAt(i) !== 10) return undefined;
  return { indent: text.slice(i + 1, offset), eol: i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n' };
}

/** JSON text of `value` with continuation lines joined by `glue`; scalars (most fixes) skip the re-join. */
function stringifyJoined(value: unknown, unit: string, glue: string): string {
  const s = JSON.stringify(value, null, unit);
  return value !== null && typeof value === 'object' ? s.split('\n').join(glue) : s;
}

/** JSON text of `value` laid out like the document, continuation lines starting at `indent`. */
function layout(value: unknown, indent: string, f: FormattingOptions): string {
  const unit = f.insertSpaces ? ' '.repeat(f.tabSize ?? 2) : '\t';
  return stringifyJoined(value, unit, (f.eol ?? '\n') + indent);
}

/** Append `"key": value` as the last property of an object, following the object's own layout. */
export function appendProperty(text: string, obj: JsonNode, key: string, value: unknown): TextEdit[] {
  const props = obj.children ?? [];
  if (props.length === 0) return [{ offset: obj.offset + 1, length: 0, content: `${JSON.stringify(key)}: ${JSON.stringify(value)}` }];
  const last = props[props.length - 1];
  const end = last.offset + last.length;
  const line = lineIndent(text, last.offset);
  if (!line) return [{ offset: end, length: 0, content: `, ${JSON.stringify(key)}: ${JSON.stringify(value)}` }];
  const parent = lineIndent(text, obj.offset);
  const unit = parent && line.indent.startsWith(parent.indent) && line.indent.length > parent.indent.length ? line.indent.slice(parent.indent.length) : '  ';
  const body = stringifyJoined(value, unit, line.eol + line.indent);
  return [{ offset: end, length: 0, content: `,${line.eol}${line.indent}${JSON.stringify(key)}: ${body}` }];
}

/**
 * Set `key` of object `obj` to `value` with one hand-built edit (no re-parse). Replaces an existing value (laid out
 * like the document), else appends the property (see appendProperty). jsonc-parser lays out an empty object.
 */
export function setProperty(text: string, obj: JsonNode, key: string, value: unknown): TextEdit[] | undefined {
  const existing = obj.children?.find((p) => p.children?.[0]?.value === key);
  if (existing?.children?.[1]) {
    const v = existing.children[1];
    return [{ offset: v.offset, length: v.length, content: layout(value, lineIndent(text, existing.offset)?.indent ?? '', documentFormatting(text)) }];
  }
  if (!obj.children?.length) return modifyWithin(text, obj, [key], value);
  return appendProperty(text, obj, key, value);
}

/** Insert a string as the first element of a non-empty array, matching its layout. */
export function prependElement(text: string, arr: JsonNode, value: string): TextEdit[] {
  const first = arr.children?.[0];
  if (!first) return [{ offset: arr.offset, length: arr.length, content: JSON.stringify([value]) }];
  const line = lineIndent(text, first.offset);
  const content = line ? `${JSON.stringify(value)},${line.eol}${line.indent}` : `${JSON.stringify(value)}, `;
  return [{ offset: first.offset, length: 0, content }];
}
