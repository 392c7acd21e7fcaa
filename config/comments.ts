// Comments of a linted file, found from its text in each syntax that may hold suppression directives: JSONC (`//`,
// `/* */`), YAML (`#`) and HCL (`#`, `//`, `/* */`). Text inside strings, YAML block scalars and HCL heredocs is never
// a comment. HCL is lexed here rather than taken from the Terraform parser, so directives do not depend on it.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { Parser } from 'yaml';

export type CommentSyntax = 'jsonc' | 'yaml' | 'hcl';

export interface Comment {
  /** Range of the whole comment, markers included. */
  offset: number;
  length: number;
  /** Text between the markers (`#`, `//`, `/*` … `*\/`). */
  body: string;
}

/** A top-level Terraform block (`resource "type" "name" { … }`), from its first keyword to its closing brace. */
export interface HclBlock {
  label: string;
  offset: number;
  length: number;
}

export function scanComments(text: string, syntax: CommentSyntax): Comment[] {
  if (syntax === 'jsonc') return jsoncComments(text);
  if (syntax === 'yaml') return yamlComments(text);
  return lexHcl(text).comments;
}

function comment(text: string, offset: number, end: number): Comment {
  const raw = text.slice(offset, end);
  const body = raw.startsWith('/*') ? raw.slice(2, raw.endsWith('*/') && raw.length >= 4 ? -2 : undefined) : raw.slice(raw.startsWith('#') ? 1 : 2);
  return { offset, length: end - offset, body };
}

function jsoncComments(text: string): Comment[] {
  const out: Comment[] = [];
  const scanner = createScanner(text, false);
  for (let t = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
    if (t !== SyntaxKind.LineCommentTrivia && t !== SyntaxKind.BlockCommentTrivia) continue;
    const offset = scanner.getTokenOffset();
    out.push(comment(text, offset, offset + scanner.getTokenLength()));
  }
  return out;
}

/**
 * Comment tokens of the YAML concrete syntax tree (block scalars are scalar tokens, so their `#` lines are not).
 * Walked with an explicit stack: a deeply nested document must not overflow the call stack.
 */
function yamlComments(text: string): Comment[] {
  const out: Comment[] = [];
  let tokens: unknown[];
  try {
    tokens = [...new Parser().parse(text)];
  } catch {
    return out; // the template's own parse reports the document as broken
  }
  const stack: unknown[] = tokens;
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object') continue;
    if (Array.isArray(t)) { for (const x of t) stack.push(x); continue; }
    const tok = t as { type?: string; offset?: number; source?: string };
    if (tok.type === 'comment' && typeof tok.offset === 'number' && typeof tok.source === 'string') {
      out.push(comment(text, tok.offset, tok.offset + tok.source.length));
      continue;
    }
    for (const [k, v] of Object.entries(t)) if (k !== 'source') stack.push(v);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const HEREDOC = /<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/y;
const BLOCK_HEADER = /^[ \t]*(resource|data)[ \t]+"([^"\n]*)"[ \t]+"([^"\n]*)"[ \t]*$/;

/**
 * Comments and top-level resource/data blocks of an HCL text. Strings (with `${…}` / `%{…}` templates that may
 * nest strings) and heredocs are skipped; an unterminated string ends at its line, so one typo cannot hide the rest.
 */
export function lexHcl(text: string): { comments: Comment[]; blocks: HclBlock[] } {
  const comments: Comment[] = [];
  const blocks: HclBlock[] = [];
  const n = text.length;
  let depth = 0;
  /** Brace depth at which each open template interpolation started. */
  const templates: number[] = [];
  let inString = false;
  let open: { label: string; offset: number } | undefined;
  const lineEnd = (i: number) => { const e = text.indexOf('\n', i); return e < 0 ? n : e > 0 && text[e - 1] === '\r' ? e - 1 : e; };
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 2;
      else if (c === '"' || c === '\n') { inString = false; i++; }
      else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') i += 3; // $${ is a literal
      else if ((c === '$' || c === '%') && text[i + 1] === '{') { templates.push(depth++); inString = false; i += 2; }
      else i++;
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const end = lineEnd(i);
      comments.push(comment(text, i, end));
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      comments.push(comment(text, i, end));
      i = end;
    } else if (c === '"') {
      inString = true;
      i++;
    } else if (c === '<' && text[i + 1] === '<') {
      HEREDOC.lastIndex = i;
      const m = HEREDOC.exec(text);
      i = m ? heredocEnd(text, i + m[0].length, m[1]) : i + 2;
    } else if (c === '{') {
      if (depth === 0 && templates.length === 0) {
        const lineStart = text.lastIndexOf('\n', i - 1) + 1;
        const h = BLOCK_HEADER.exec(text.slice(lineStart, i));
        open = h ? { label: h[1] === 'data' ? `data.${h[2]}.${h[3]}` : `${h[2]}.${h[3]}`, offset: lineStart + h[0].indexOf(h[1]) } : undefined;
      }
      depth++;
      i++;
    } else if (c === '}') {
      if (depth > 0) depth--;
      if (templates.length && templates[templates.length - 1] === depth) { templates.pop(); inString = true; }
      else if (depth === 0 && open) { blocks.push({ label: open.label, offset: open.offset, length: i + 1 - open.offset }); open = undefined; }
      i++;
    } else i++;
  }
  return { comments, blocks };
}

/** Offset just after a heredoc's closing marker line (or the end of the text when it has none). */
function heredocEnd(text: string, from: number, marker: string): number {
  let i = from;
  while (i < text.length) {
    const e = text.indexOf('\n', i);
    const end = e < 0 ? text.length : e;
    if (text.slice(i, end).trim() === marker) return end;
    i = end + 1;
  }
  return text.length;
}
