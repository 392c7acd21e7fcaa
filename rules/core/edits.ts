// Format-preserving JSON edits built on jsonc-parser's modify(); indentation is inferred from the document.
import { modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { TextEdit } from './types';

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

/** Remove the property or array element at `path`. */
export function removeValue(text: string, path: JSONPath): TextEdit[] {
  return modify(text, path, undefined, { formattingOptions: inferFormatting(text) });
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
