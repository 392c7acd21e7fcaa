// A small HCL (Terraform) parser for the subset the linter needs: blocks, attributes, objects, tuples, strings with
// `${}` templates, heredocs, function calls, comments. Expressions it does not model (references, operators, `for`,
// conditionals) are kept as `expr` nodes: unknown values. Every node keeps its source range. Never throws: errors are
// collected and parsing resumes at the next line.

export interface Span { offset: number; length: number }

export type HclExpr =
  | { t: 'string'; span: Span; value: string; interpolated: boolean; heredoc?: { contentOffset: number; raw: string } }
  | { t: 'number'; span: Span; value: number }
  | { t: 'bool'; span: Span; value: boolean }
  | { t: 'null'; span: Span }
  | { t: 'object'; span: Span; items: HclObjectItem[] }
  | { t: 'tuple'; span: Span; items: HclExpr[] }
  | { t: 'call'; span: Span; name: string; args: HclExpr[] }
  /** Anything else (references, operators, for/conditional expressions): unknown at lint time. */
  | { t: 'expr'; span: Span; text: string };

export interface HclObjectItem { key: string; keySpan: Span; value: HclExpr }

export interface HclAttribute { kind: 'attribute'; name: string; nameSpan: Span; value: HclExpr; span: Span }
export interface HclBlock { kind: 'block'; type: string; typeSpan: Span; labels: string[]; body: HclBody; span: Span; bodySpan: Span }
export interface HclBody { items: (HclAttribute | HclBlock)[] }

export interface HclParse { body: HclBody; errors: { message: string; offset: number; length: number }[] }

type TokKind = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'newline' | 'eof';
interface Token { kind: TokKind; text: string; offset: number; end: number; value?: string; interpolated?: boolean; contentOffset?: number; raw?: string }

class ParseError extends Error {
  constructor(message: string, readonly offset: number) { super(message); }
}

function lex(src: string, errors: HclParse['errors']): Token[] {
  const toks: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\n') { toks.push({ kind: 'newline', text: '\n', offset: i, end: i + 1 }); i++; continue; }
    if (c === '#' || (c === '/' && src[i + 1] === '/')) { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      if (e < 0) { errors.push({ message: 'Unterminated comment', offset: i, length: 2 }); i = n; } else i = e + 2;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const s = i;
      while (i < n && /[\w-]/.test(src[i])) i++;
      toks.push({ kind: 'ident', text: src.slice(s, i), offset: s, end: i });
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i, i + 64))!;
      toks.push({ kind: 'number', text: m[0], offset: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (c === '"') { i = lexString(src, i, toks, errors); continue; }
    if (c === '<' && src[i + 1] === '<' && /^<<-?[A-Za-z_]\w*[ \t]*\r?\n/.test(src.slice(i, i + 200))) { i = lexHeredoc(src, i, toks, errors); continue; }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '&&', '||', '=>', '...'].includes(two) || two === '..') {
      const t = src.slice(i, i + 3) === '...' ? '...' : two;
      toks.push({ kind: 'punct', text: t, offset: i, end: i + t.length });
      i += t.length;
      continue;
    }
    toks.push({ kind: 'punct', text: c, offset: i, end: i + 1 });
    i++;
  }
  toks.push({ kind: 'eof', text: '', offset: n, end: n });
  return toks;
}

/** A quoted template: decodes escapes; `${...}` / `%{...}` interpolations (nested braces and strings) are kept. */
function lexString(src: string, start: number, toks: Token[], errors: HclParse['errors']): number {
  let i = start + 1;
  let out = '';
  let interpolated = false;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      toks.push({ kind: 'string', text: src.slice(start, i + 1), offset: start, end: i + 1, value: out, interpolated });
      return i + 1;
    }
    if (c === '\n') break;
    if (c === '\\') {
      const e = src[i + 1];
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
      if (e in map) { out += map[e]; i += 2; continue; }
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) { out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16)); i += 6; continue; }
      out += e ?? '';
      i += 2;
      continue;
    }
    if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') { out += c + '{'; i += 3; continue; } // $${ escape
    if ((c === '$' || c === '%') && src[i + 1] === '{') {
      const e = skipInterpolation(src, i + 2);
      out += src.slice(i, e);
      interpolated = true;
      i = e;
      continue;
    }
    out += c;
    i++;
  }
  errors.push({ message: 'Unterminated string', offset: start, length: Math.max(1, i - start) });
  toks.push({ kind: 'string', text: src.slice(start, i), offset: start, end: i, value: out, interpolated });
  return i;
}

function skipInterpolation(src: string, i: number): number {
  let depth = 1;
  while (i < src.length && depth > 0) {
    const c = src[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"' && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
    }
    i++;
  }
  return i;
}

function lexHeredoc(src: string, start: number, toks: Token[], errors: HclParse['errors']): number {
  const m = /^<<(-?)([A-Za-z_]\w*)[ \t]*\r?\n/.exec(src.slice(start, start + 200))!;
  const indent = m[1] === '-';
  const marker = m[2];
  const contentOffset = start + m[0].length;
  const endRe = new RegExp(`^[ \\t]*${marker}[ \\t]*\\r?$`, 'm');
  const rest = src.slice(contentOffset);
  const em = endRe.exec(rest);
  if (!em) {
    errors.push({ message: `Heredoc without closing ${marker}`, offset: start, length: m[0].length - 1 });
    toks.push({ kind: 'heredoc', text: src.slice(start), offset: start, end: src.length, value: '', interpolated: true, contentOffset, raw: '' });
    return src.length;
  }
  const raw = rest.slice(0, em.index);
  let value = raw;
  if (indent) {
    const lines = raw.split('\n');
    // A loop, not Math.min(...lines): spreading 150,000 lines overflows the call stack.
    let min = Infinity;
    for (const l of lines) if (l.trim()) min = Math.min(min, /^[ \t]*/.exec(l)![0].length);
    value = lines.map((l) => l.slice(Number.isFinite(min) ? min : 0)).join('\n');
  }
  const end = contentOffset + em.index + em[0].length;
  toks.push({ kind: 'heredoc', text: src.slice(start, end), offset: start, end, value: value.replace(/\$\$\{/g, '${'), interpolated: /(^|[^$])\$\{/.test(value), contentOffset, raw: indent ? '' : raw });
  return end;
}

class Parser {
  private p = 0;
  constructor(private readonly src: string, private readonly toks: Token[], private readonly errors: HclParse['errors']) {}

  private peek(k = 0): Token { return this.toks[Math.min(this.p + k, this.toks.length - 1)]; }
  private next(): Token { return this.toks[Math.min(this.p++, this.toks.length - 1)]; }
  private skipNewlines(): void { while (this.peek().kind === 'newline') this.p++; }
  private isPunct(t: Token, s: string): boolean { return t.kind === 'punct' && t.text === s; }
  private expect(s: string): Token {
    const t = this.next();
    if (!this.isPunct(t, s)) throw new ParseError(`Expected "${s}"`, t.offset);
    return t;
  }

  body(closing: boolean): HclBody {
    const items: HclBody['items'] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof' || (closing && this.isPunct(t, '}'))) return { items };
      const before = this.p;
      try {
        items.push(this.item());
      } catch (e) {
        const off = e instanceof ParseError ? e.offset : t.offset;
        this.errors.push({ message: e instanceof Error ? e.message : 'Syntax error', offset: off, length: 1 });
        // Resume on the next line (at least one token forward).
        if (this.p === before) this.p++;
        while (this.peek().kind !== 'newline' && this.peek().kind !== 'eof') this.p++;
      }
    }
  }

  private item(): HclAttribute | HclBlock {
    const name = this.next();
    if (name.kind !== 'ident') throw new ParseError('Expected an attribute or block name', name.offset);
    const nameSpan = { offset: name.offset, length: name.end - name.offset };
    if (this.isPunct(this.peek(), '=')) {
      this.p++;
      const value = this.expr();
      const end = value.span.offset + value.span.length;
      return { kind: 'attribute', name: name.text, nameSpan, value, span: { offset: name.offset, length: end - name.offset } };
    }
    const labels: string[] = [];
    while (this.peek().kind === 'string' || this.peek().kind === 'ident') labels.push(this.next().value ?? this.toks[this.p - 1].text);
    const open = this.expect('{');
    const body = this.body(true);
    const close = this.expect('}');
    return {
      kind: 'block', type: name.text, typeSpan: nameSpan, labels, body,
      span: { offset: name.offset, length: close.end - name.offset },
      bodySpan: { offset: open.offset, length: close.end - open.offset },
    };
  }

  /** An expression: a modelled primary, or (when anything follows it) the whole expression as unknown text. */
  expr(): HclExpr {
    const startTok = this.peek();
    const primary = this.primary();
    const t = this.peek();
    if (t.kind === 'newline' || t.kind === 'eof' || this.isPunct(t, ',') || this.isPunct(t, ')') || this.isPunct(t, ']') || this.isPunct(t, '}') ||
      (this.isPunct(t, ':') && primary && primary.t !== 'expr')) {
      if (primary) return primary;
    }
    // Operators, traversals, conditionals: consume to the end of the expression.
    let depth = 0;
    let end = primary ? primary.span.offset + primary.span.length : startTok.offset;
    for (;;) {
      const k = this.peek();
      if (k.kind === 'eof') break;
      if (depth === 0 && (k.kind === 'newline' || this.isPunct(k, ',') || this.isPunct(k, ')') || this.isPunct(k, ']') || this.isPunct(k, '}'))) break;
      if (k.kind === 'punct' && '([{'.includes(k.text)) depth++;
      if (k.kind === 'punct' && ')]}'.includes(k.text)) depth--;
      end = k.end;
      this.p++;
    }
    const span = { offset: startTok.offset, length: end - startTok.offset };
    return { t: 'expr', span, text: this.src.slice(span.offset, span.offset + span.length) };
  }

  private primary(): HclExpr | undefined {
    const t = this.peek();
    const span = { offset: t.offset, length: t.end - t.offset };
    if (t.kind === 'string') { this.p++; return { t: 'string', span, value: t.value!, interpolated: !!t.interpolated }; }
    if (t.kind === 'heredoc') {
      this.p++;
      return { t: 'string', span, value: t.value!, interpolated: !!t.interpolated, heredoc: { contentOffset: t.contentOffset!, raw: t.raw! } };
    }
    if (t.kind === 'number') { this.p++; return { t: 'number', span, value: Number(t.text) }; }
    if (this.isPunct(t, '-') && this.peek(1).kind === 'number') {
      this.p += 2;
      const nt = this.toks[this.p - 1];
      return { t: 'number', span: { offset: t.offset, length: nt.end - t.offset }, value: -Number(nt.text) };
    }
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') { this.p++; return { t: 'bool', span, value: t.text === 'true' }; }
      if (t.text === 'null') { this.p++; return { t: 'null', span }; }
      if (this.isPunct(this.peek(1), '(')) return this.call();
      return undefined; // a reference: unknown
    }
    if (this.isPunct(t, '{')) return this.object();
    if (this.isPunct(t, '[')) {
      if (this.peek(1).kind === 'ident' && this.peek(1).text === 'for') return undefined;
      return this.tuple();
    }
    return undefined;
  }

  private call(): HclExpr {
    const name = this.next();
    this.expect('(');
    const args: HclExpr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(this.peek(), ')')) break;
      args.push(this.expr());
      this.skipNewlines();
      if (this.isPunct(this.peek(), ',')) { this.p++; continue; }
      if (this.isPunct(this.peek(), '...')) { this.p++; continue; }
      if (!this.isPunct(this.peek(), ')')) throw new ParseError('Expected "," or ")"', this.peek().offset);
    }
    const close = this.next();
    return { t: 'call', name: name.text, args, span: { offset: name.offset, length: close.end - name.offset } };
  }

  private tuple(): HclExpr {
    const open = this.next();
    const items: HclExpr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(this.peek(), ']')) break;
      items.push(this.expr());
      this.skipNewlines();
      if (this.isPunct(this.peek(), ',')) { this.p++; continue; }
      if (!this.isPunct(this.peek(), ']')) throw new ParseError('Expected "," or "]"', this.peek().offset);
    }
    const close = this.next();
    return { t: 'tuple', items, span: { offset: open.offset, length: close.end - open.offset } };
  }

  private object(): HclExpr {
    const open = this.next();
    if (this.peek(1).kind === 'ident' && this.peek().kind === 'ident' && this.peek().text === 'for') return { t: 'expr', span: { offset: open.offset, length: 1 }, text: '{' };
    const items: HclObjectItem[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(this.peek(), '}')) break;
      const k = this.next();
      let key: string;
      if (k.kind === 'ident') key = k.text;
      else if (k.kind === 'string' && !k.interpolated) key = k.value!;
      else if (this.isPunct(k, '(')) throw new ParseError('Computed object keys are not supported', k.offset);
      else throw new ParseError('Expected an object key', k.offset);
      const sep = this.next();
      if (!this.isPunct(sep, '=') && !this.isPunct(sep, ':')) throw new ParseError('Expected "=" or ":"', sep.offset);
      const value = this.expr();
      items.push({ key, keySpan: { offset: k.offset, length: k.end - k.offset }, value });
      if (this.isPunct(this.peek(), ',')) this.p++;
      else if (this.peek().kind !== 'newline' && !this.isPunct(this.peek(), '}')) throw new ParseError('Expected a new line, "," or "}"', this.peek().offset);
    }
    const close = this.next();
    return { t: 'object', items, span: { offset: open.offset, length: close.end - open.offset } };
  }
}

export function parseHcl(src: string): HclParse {
  const errors: HclParse['errors'] = [];
  const toks = lex(src, errors);
  const parser = new Parser(src, toks, errors);
  let body: HclBody;
  try {
    body = parser.body(false);
  } catch (e) {
    errors.push({ message: e instanceof Error ? e.message : 'Syntax error', offset: e instanceof ParseError ? e.offset : 0, length: 1 });
    body = { items: [] };
  }
  return { body, errors };
}
