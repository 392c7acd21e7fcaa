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

/** Set (or insert) the value at `path`; no edits when jsonc-parser cannot (it throws on some broken documents). */
export function setValue(text: string, path: JSONPath, value: unknown): TextEdit[] {
  return safeEdits(() => formattedModify(text, path, value, inferFormatting(text))) ?? [];
}

/**
 * jsonc-parser's modify(), formatted like the document (throws where modify() does). It formats the whole lines around an insertion, applying each
 * formatting edit to the full text: on a line holding thousands of brackets that took 40 s (1M fuzz run), so such
 * lines keep the unformatted edit, which is just as valid.
 */
export function formattedModify(text: string, path: JSONPath, value: unknown, formattingOptions: FormattingOptions, isArrayInsertion = false): TextEdit[] {
  const raw = modify(text, path, value, { isArrayInsertion });
  if (!raw.length || !cheapToFormat(text, raw[0])) return raw;
  return safeEdits(() => modify(text, path, value, { formattingOptions, isArrayInsertion })) ?? raw;
}

/** Formatting lines longer than this, or holding more openers, is skipped (see setValue). */
const MAX_FORMAT_SPAN = 16_384;
const MAX_FORMAT_OPENERS = 256;

function cheapToFormat(text: string, edit: TextEdit): boolean {
  let begin = edit.offset;
  let end = edit.offset + edit.length;
  while (begin > 0 && text[begin - 1] !== '\n' && text[begin - 1] !== '\r') if (edit.offset - --begin > MAX_FORMAT_SPAN) return false;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') if (++end - edit.offset > MAX_FORMAT_SPAN) return false;
  let openers = 0;
  for (const s of [text.slice(begin, end), edit.content]) {
    for (let i = 0; i < s.length; i++) if ((s[i] === '{' || s[i] === '[') && ++openers > MAX_FORMAT_OPENERS) return false;
  }
  return true;
}

/**
 * Remove the property or array element at `path`. No reformatting: a removal needs none, and jsonc-parser 3.3's
 * formatted removal re-lays minified documents and mangles the last element of an array.
 */
export function removeValue(text: string, path: JSONPath): TextEdit[] {
  if (typeof path[path.length - 1] === 'number') {
    const el = findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, path);
    return el ? [removeNode(el)] : [];
  }
  return modify(text, path, undefined, {});
}

/**
 * Remove a property or array element by its own offsets, with its separating comma, keeping the surrounding
 * formatting (no re-parse: rules may report thousands of these in a generated file).
 */
export function removeNode(node: JsonNode): TextEdit {
  const parent = node.parent;
  if (!parent) return { offset: node.offset, length: node.length, content: '' };
  const siblings = parent.children ?? [node];
  const i = siblings.indexOf(node);
  if (i > 0) {
    const prev = siblings[i - 1];
    return { offset: prev.offset + prev.length, length: node.offset + node.length - (prev.offset + prev.length), content: '' };
  }
  const next = siblings[i + 1];
  if (i === 0 && next) return { offset: node.offset, length: next.offset - node.offset, content: '' };
  // Only child: empty the container, dropping its inner whitespace too but keeping the brackets.
  return { offset: parent.offset + 1, length: parent.length - 2, content: '' };
}

/** Insert into an array at `index` (-1 appends). */
export function insertValue(text: string, path: JSONPath, index: number, value: unknown): TextEdit[] {
  return safeEdits(() => formattedModify(text, [...path, index], value, inferFormatting(text), true)) ?? [];
}

/** Apply edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}


/** Build fix edits, returning undefined instead of throwing when the document shape defeats jsonc-parser's modify(). */
export function safeEdits<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/** One edit turning `before` into `after` (common prefix and suffix kept). */
export function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) };
}

/**
 * Chain edit steps, each computed on the text the previous ones produced, as one edit on the original text (the
 * steps' raw edits would overlap there).
 */
export function chainEdits(text: string, steps: ((t: string) => TextEdit[])[]): TextEdit[] {
  let out = text;
  for (const step of steps) out = applyEdits(out, step(out));
  return out === text ? [] : [diffEdit(text, out)];
}

export function shiftEdits(edits: TextEdit[], shift: number): TextEdit[] {
  return edits.map((e) => ({ offset: e.offset + shift, length: e.length, content: e.content }));
}
