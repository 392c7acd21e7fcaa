// A fast path for the common case: strict JSON (no comments, no trailing commas, no errors) parsed straight into the
// same node tree jsonc-parser's parseTree() builds. jsonc-parser goes through a scanner and a visitor of callbacks,
// which profiles showed to be a third of a lint. Anything this parser does not fully understand returns undefined
// and the caller falls back to jsonc-parser, so errors, comments and odd whitespace are always jsonc-parser's answer.
import type { JsonNode } from './types';

/** jsonc-parser's Node with writable fields (its type is readonly); the same shape is returned as JsonNode. */
interface N { type: JsonNode['type']; offset: number; length: number; parent?: N; children?: N[]; value?: unknown; colonOffset?: number }

/** Thrown internally to abandon the fast path; never escapes parseStrict. */
const BAIL = new Error('bail');

/**
 * The parseTree() tree of `text` when it is strict JSON nesting at most `maxDepth` levels, else undefined (then
 * the text has comments, trailing commas, unusual whitespace, syntax errors, or nests too deep).
 */
export function parseStrict(text: string, maxDepth: number): JsonNode | undefined {
  const n = text.length;
  let pos = 0;

  function ws(): void {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else return;
    }
  }

  /** Offset just past the closing quote of the string starting at `pos`; sets `escaped` when it has backslashes. */
  let escaped = false;
  function stringEnd(): number {
    let i = pos + 1;
    escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) return i + 1;
      if (c === 92) { escaped = true; i += 2; continue; }
      if (c < 32) throw BAIL; // jsonc-parser reports control characters and line breaks inside strings
      i++;
    }
    throw BAIL;
  }

  function stringValue(start: number, end: number): string {
    if (!escaped) return text.slice(start + 1, end - 1);
    try {
      return JSON.parse(text.slice(start, end)) as string; // same unescaping as jsonc-parser for valid escapes
    } catch {
      throw BAIL;
    }
  }

  /** After a literal or number: the next character must end the token, as in jsonc-parser's scanner. */
  function delimited(i: number): boolean {
    if (i >= n) return true;
    const c = text.charCodeAt(i);
    return c === 32 || c === 10 || c === 13 || c === 9 || c === 44 || c === 93 || c === 125;
  }

  function digits(i: number): number {
    const s = i;
    while (i < n) { const c = text.charCodeAt(i); if (c < 48 || c > 57) break; i++; }
    if (i === s) throw BAIL;
    return i;
  }

  function value(parent: N | undefined, depth: number): N {
    const c = text.charCodeAt(pos);
    const start = pos;
    if (c === 123) { // {
      if (depth >= maxDepth) throw BAIL;
      const obj: N = { type: 'object', offset: start, length: -1, parent, children: [] };
      pos++;
      ws();
      if (text.charCodeAt(pos) === 125) { pos++; obj.length = pos - start; return obj; }
      for (;;) {
        if (text.charCodeAt(pos) !== 34) throw BAIL;
        const keyStart = pos;
        const keyEnd = stringEnd();
        // children is filled once with exactly [key, value]: a pushed-to [] reserves ~17 slots, and properties are
        // most of the nodes of a large document (less garbage, fewer GC pauses).
        const prop: N = { type: 'property', offset: keyStart, length: -1, parent: obj, children: undefined };
        obj.children!.push(prop);
        const key: N = { type: 'string', value: stringValue(keyStart, keyEnd), offset: keyStart, length: keyEnd - keyStart, parent: prop };
        pos = keyEnd;
        ws();
        if (text.charCodeAt(pos) !== 58) throw BAIL;
        prop.colonOffset = pos;
        pos++;
        ws();
        const v = value(prop, depth + 1);
        prop.children = [key, v];
        prop.length = v.offset + v.length - keyStart;
        ws();
        const sep = text.charCodeAt(pos);
        if (sep === 44) { pos++; ws(); continue; }
        if (sep === 125) { pos++; obj.length = pos - start; return obj; }
        throw BAIL;
      }
    }
    if (c === 91) { // [
      if (depth >= maxDepth) throw BAIL;
      const arr: N = { type: 'array', offset: start, length: -1, parent, children: [] };
      pos++;
      ws();
      if (text.charCodeAt(pos) === 93) { pos++; arr.length = pos - start; return arr; }
      for (;;) {
        arr.children!.push(value(arr, depth + 1));
        ws();
        const sep = text.charCodeAt(pos);
        if (sep === 44) { pos++; ws(); continue; }
        if (sep === 93) { pos++; arr.length = pos - start; return arr; }
        throw BAIL;
      }
    }
    if (c === 34) {
      const end = stringEnd();
      pos = end;
      return { type: 'string', offset: start, length: end - start, parent, value: stringValue(start, end) };
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      let i = c === 45 ? start + 1 : start;
      if (text.charCodeAt(i) === 48) i++;
      else i = digits(i);
      if (text.charCodeAt(i) === 46) i = digits(i + 1);
      const e = text.charCodeAt(i);
      if (e === 101 || e === 69) {
        i++;
        const sign = text.charCodeAt(i);
        if (sign === 43 || sign === 45) i++;
        i = digits(i);
      }
      if (!delimited(i)) throw BAIL;
      pos = i;
      return { type: 'number', offset: start, length: i - start, parent, value: Number(text.slice(start, i)) };
    }
    for (const [word, v] of LITERALS) {
      if (text.startsWith(word, start) && delimited(start + word.length)) {
        pos = start + word.length;
        return { type: v === null ? 'null' : 'boolean', offset: start, length: word.length, parent, value: v };
      }
    }
    throw BAIL;
  }

  try {
    ws();
    if (pos >= n) return undefined; // empty content: jsonc-parser decides
    const root = value(undefined, 0);
    ws();
    if (pos !== n) return undefined;
    delete root.parent; // as parseTree() leaves it
    return root as unknown as JsonNode;
  } catch (e) {
    if (e === BAIL || e instanceof RangeError) return undefined;
    throw e;
  }
}

const LITERALS: readonly [string, boolean | null][] = [['true', true], ['false', false], ['null', null]];
