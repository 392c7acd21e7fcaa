// Format-preserving JSON edits built on jsonc-parser's modify(); indentation is inferred from the document.
import { modify, parseTree, findNodeAtLocation, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { JsonNode, TextEdit } from './types';

export function inferFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  if (m && m[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  const size = m ? Math.min(m[1].length, 8) : 2;
  return { insertSpaces: true, tabSize: size || 2, eol };
}

/** Set (or insert) the value at `path`. */
export function setValue(text: string, path: JSONPath, value: unknown): TextEdit[] {
  return modify(text, path, value, { formattingOptions: inferFormatting(text) });
}

/**
 * Remove the property or array element at `path`. No reformatting: a removal needs none, and jsonc-parser 3.3's
 * formatted removal re-lays minified documents and mangles the last element of an array.
 */
export function removeValue(text: string, path: JSONPath): TextEdit[] {
  if (typeof path[path.length - 1] === 'number') {
    const el = findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, path);
    return el ? [removeArrayElement(el)] : [];
  }
  return modify(text, path, undefined, {});
}

/** Remove one array element by its own offsets, keeping the surrounding formatting. */
export function removeArrayElement(el: JsonNode): TextEdit {
  const siblings = el.parent?.children ?? [el];
  const i = siblings.indexOf(el);
  if (i > 0) {
    const prev = siblings[i - 1];
    return { offset: prev.offset + prev.length, length: el.offset + el.length - (prev.offset + prev.length), content: '' };
  }
  const next = siblings[i + 1];
  if (next) return { offset: el.offset, length: next.offset - el.offset, content: '' };
  // Only element: empty the array, dropping its inner whitespace too.
  const arr = el.parent!;
  return { offset: arr.offset + 1, length: arr.length - 2, content: '' };
}

/** Insert into an array at `index` (-1 appends). */
export function insertValue(text: string, path: JSONPath, index: number, value: unknown): TextEdit[] {
  return modify(text, [...path, index], value, { formattingOptions: inferFormatting(text), isArrayInsertion: true });
}

/** Apply edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}

