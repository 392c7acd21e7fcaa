// HCL (Terraform) read with tree-sitter's Terraform grammar, the one editors use, adapted to the small node shapes the
// hosts layer reads: blocks, attributes, objects, tuples, strings with `${}` templates, heredocs, function calls.
// Everything else (references, operators, `for`, conditionals, splats) is an `expr` node: unknown at lint time.
// Ranges are offsets into the text as given (web-tree-sitter indexes a JS string in UTF-16 code units, like JS).
// The grammar is WebAssembly loaded once, asynchronously (initHcl); parsing afterwards is synchronous. No fs here:
// the caller passes the .wasm bytes.
import { Language, Parser, type Node } from 'web-tree-sitter';
import { decodeHeredoc, decodeQuoted } from './template';

export interface Span { offset: number; length: number }

export type HclExpr =
  | { t: 'string'; span: Span; value: string; interpolated: boolean; heredoc?: { contentOffset: number; raw: string } }
  | { t: 'number'; span: Span; value: number }
  | { t: 'bool'; span: Span; value: boolean }
  | { t: 'null'; span: Span }
  | { t: 'object'; span: Span; items: HclObjectItem[] }
  | { t: 'tuple'; span: Span; items: HclExpr[] }
  | { t: 'call'; span: Span; name: string; args: HclExpr[] }
  /**
   * Anything else (references, operators, for/conditional expressions): unknown at lint time. `tooDeep`: a value
   * nested past MAX_DEPTH, cut here and reported where it is.
   */
  | { t: 'expr'; span: Span; text: string; tooDeep?: boolean };

/** `computed`: a key expression such as `(local.name)`; `key` is then its source text, not a name. */
export interface HclObjectItem { key: string; keySpan: Span; value: HclExpr; computed?: boolean }

export interface HclAttribute { kind: 'attribute'; name: string; nameSpan: Span; value: HclExpr; span: Span }
export interface HclBlock { kind: 'block'; type: string; typeSpan: Span; labels: string[]; body: HclBody; span: Span; bodySpan: Span }
export interface HclBody { items: (HclAttribute | HclBlock)[] }

export interface HclParse {
  body: HclBody;
  errors: { message: string; offset: number; length: number }[];
  /** Set when the grammar is not loaded (initHcl not awaited, or it failed): nothing was parsed. */
  unavailable?: string;
}

/** The two WebAssembly modules: web-tree-sitter's runtime and the Terraform grammar. */
export interface HclWasm { runtime: Uint8Array; grammar: Uint8Array }

let parser: Parser | undefined;
let loading: Promise<void> | undefined;
let failure: string | undefined;

/** Loads the grammar once; later calls return the same promise. Never rejects: a failure is kept for parseHcl. */
export function initHcl(load: () => HclWasm | Promise<HclWasm>): Promise<void> {
  return (loading ??= (async () => {
    try {
      const wasm = await load();
      await Parser.init({ wasmBinary: wasm.runtime });
      const p = new Parser();
      p.setLanguage(await Language.load(wasm.grammar));
      parser = p;
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
    }
  })());
}

/** Deeper expressions are kept as unknown: the adapter recurses, and no real module nests this deep. */
const MAX_DEPTH = 200;

/** More unclosed `${` than any real file has (a comment may hold a few): the file is not Terraform. */
const MAX_UNCLOSED = 1000;

/** How many more `${` openers (not `$${` escapes) than `}` the text has: at least that many are never closed. */
function unclosedInterpolations(text: string): number {
  let opens = 0, closes = 0;
  for (let i = text.indexOf('}'); i >= 0; i = text.indexOf('}', i + 1)) closes++;
  for (let i = text.indexOf('${'); i >= 0; i = text.indexOf('${', i + 2)) if (text[i - 1] !== '$') opens++;
  return opens - closes;
}

export function parseHcl(src: string): HclParse {
  if (!parser) {
    return { body: { items: [] }, errors: [], unavailable: failure ? `the Terraform grammar failed to load (${failure})` : 'the Terraform grammar is not loaded yet' };
  }
  // Same-length replacements keep every offset: a BOM is not HCL, and a lone CR ends a line like LF does.
  const text = src.replace(/^\uFEFF/, ' ').replace(/\r(?!\n)/g, '\n');
  const open = unclosedInterpolations(text);
  if (open > MAX_UNCLOSED) {
    // Terraform rejects the file, and tree-sitter's error recovery over thousands of open `${` is superlinear
    // (11 s for 500 KB): report it without parsing.
    const at = text.indexOf('${');
    return { body: { items: [] }, errors: [{ message: `${open} more "\${" than "}": interpolations are never closed`, offset: at, length: 2 }] };
  }
  const tree = parser.parse(text);
  if (!tree) return { body: { items: [] }, errors: [{ message: 'the parser gave up', offset: 0, length: 1 }] };
  try {
    const root = tree.rootNode;
    const errors: HclParse['errors'] = [];
    if (root.hasError) collectErrors(root, text, errors);
    const bodyNode = kids(root).find((c) => c.type === 'body');
    const body = bodyNode ? new Adapter(text, errors).body(bodyNode) : { items: [] };
    errors.sort((a, b) => a.offset - b.offset);
    return { body, errors };
  } finally {
    tree.delete(); // trees live in WebAssembly memory
  }
}

/** What a MISSING node stands for, in the words of the file rather than the grammar. */
const MISSING_NAMES: ReadonlyMap<string, string> = new Map([
  ['quoted_template_end', 'closing "'], ['block_end', 'closing }'], ['object_end', 'closing }'], ['tuple_end', 'closing ]'],
  ['template_interpolation_end', 'closing } of ${'], ['heredoc_identifier', 'heredoc end marker'], ['identifier', 'name'],
]);

/** ERROR and MISSING nodes, outermost first, in text order. */
function collectErrors(n: Node, text: string, out: HclParse['errors']): void {
  if (n.isMissing) {
    out.push({ message: `missing ${MISSING_NAMES.get(n.type) ?? n.type.replace(/_/g, ' ')}`, offset: n.startIndex, length: 0 });
    return;
  }
  if (n.type === 'ERROR') {
    const first = text.slice(n.startIndex, n.endIndex).trimStart();
    const at = n.startIndex + (n.endIndex - n.startIndex - first.length);
    const token = /^(\S{1,20})/.exec(first)?.[1] ?? '';
    out.push({ message: token ? `unexpected "${token}"` : 'unexpected end of file', offset: at, length: Math.max(1, token.length) });
    return;
  }
  for (const c of kids(n)) if (c.hasError || c.isMissing) collectErrors(c, text, out);
}

/** A node's children (the typings allow null entries). */
const kids = (n: Node): Node[] => n.children.filter((c): c is Node => c !== null);
const span = (n: Node): Span => ({ offset: n.startIndex, length: n.endIndex - n.startIndex });

class Adapter {
  constructor(private readonly src: string, private readonly errors: HclParse['errors']) {}

  body(n: Node): HclBody {
    const items: HclBody['items'] = [];
    this.collect(n, items, 0);
    return { items };
  }

  /** Attributes and blocks of a body; inside an ERROR node (a half-typed file) the complete ones still count. */
  private collect(n: Node, items: HclBody['items'], depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const c of kids(n)) {
      if (c.type === 'attribute') {
        const a = this.attribute(c, depth);
        if (a) items.push(a);
      } else if (c.type === 'block') {
        const b = this.block(c, depth);
        if (b) items.push(b);
      } else if (c.type === 'ERROR' || c.type === 'body') this.collect(c, items, depth + 1);
    }
  }

  private attribute(n: Node, depth: number): HclAttribute | undefined {
    const name = n.firstChild;
    const value = n.lastChild;
    if (name?.type !== 'identifier' || value?.type !== 'expression' || n.childCount !== 3) return undefined;
    return { kind: 'attribute', name: name.text, nameSpan: span(name), value: this.expr(value, depth), span: span(n) };
  }

  private block(n: Node, depth: number): HclBlock | undefined {
    const cs = kids(n);
    const type = cs[0];
    const open = cs.findIndex((c) => c.type === 'block_start');
    const close = cs[cs.length - 1];
    if (type?.type !== 'identifier' || open < 0 || close.type !== 'block_end' || close.isMissing) return undefined;
    const labels = cs.slice(1, open).map((l) => (l.type === 'string_lit' ? this.quoted(l).value : l.text));
    const inner = cs.find((c) => c.type === 'body');
    const items: HclBody['items'] = [];
    if (inner) this.collect(inner, items, depth + 1);
    return {
      kind: 'block', type: type.text, typeSpan: span(type), labels, body: { items },
      span: span(n), bodySpan: { offset: cs[open].startIndex, length: close.endIndex - cs[open].startIndex },
    };
  }

  expr(n: Node, depth: number): HclExpr {
    const whole = span(n);
    const unknown = (): HclExpr => ({ t: 'expr', span: whole, text: this.src.slice(n.startIndex, n.endIndex) });
    if (depth > MAX_DEPTH) return { t: 'expr', span: whole, text: '', tooDeep: true };
    if (n.hasError) return unknown();
    const cs = kids(n);
    if (n.type === 'expression') return cs.length === 1 ? this.expr(cs[0], depth + 1) : unknown();
    switch (n.type) {
      case 'literal_value': return this.literal(cs[0]) ?? unknown();
      case 'template_expr': return this.template(cs[0]) ?? unknown();
      case 'collection_value': return this.collection(cs[0], depth + 1) ?? unknown();
      case 'function_call': return this.call(n, depth + 1) ?? unknown();
      case 'operation': {
        // `-2` is a unary operation on a number literal.
        const u = cs[0];
        const [op, operand] = u?.type === 'unary_operation' ? kids(u) : [];
        const num = operand?.type === 'literal_value' ? kids(operand)[0] : undefined;
        if (op?.type === '-' && num?.type === 'numeric_lit') return { t: 'number', span: whole, value: -Number(num.text) };
        return unknown();
      }
      default: return unknown();
    }
  }

  private literal(n: Node | undefined): HclExpr | undefined {
    if (!n) return undefined;
    const s = span(n);
    switch (n.type) {
      case 'numeric_lit': return { t: 'number', span: s, value: Number(n.text) };
      case 'bool_lit': return { t: 'bool', span: s, value: n.text === 'true' };
      case 'null_lit': return { t: 'null', span: s };
      case 'string_lit': { const q = this.quoted(n); return { t: 'string', span: s, value: q.value, interpolated: q.interpolated }; }
    }
    return undefined;
  }

  private template(n: Node | undefined): HclExpr | undefined {
    if (n?.type === 'quoted_template') { const q = this.quoted(n); return { t: 'string', span: span(n), value: q.value, interpolated: q.interpolated }; }
    if (n?.type === 'heredoc_template') return this.heredoc(n);
    return undefined;
  }

  /** A quoted string: escapes decoded, `$${` unescaped, interpolations and directives kept as written. */
  private quoted(n: Node): { value: string; interpolated: boolean } {
    const holes = kids(n).filter((c) => c.type === 'template_interpolation' || c.type === 'template_directive');
    const end = n.endIndex - (n.lastChild?.type === 'quoted_template_end' ? 1 : 0);
    const out = decodeQuoted(this.src, n.startIndex + 1, end).text;
    // The grammar lets a quoted string run across lines; Terraform does not (an unclosed quote, most of the time).
    const nl = this.src.slice(n.startIndex, end).search(/\n/);
    if (nl >= 0 && !holes.some((h) => h.startIndex <= n.startIndex + nl && n.startIndex + nl < h.endIndex)) {
      this.errors.push({ message: 'a quoted string ends at the end of its line', offset: n.startIndex, length: Math.max(1, nl) });
    }
    return { value: out, interpolated: holes.length > 0 };
  }

  /** A heredoc's content lines (`<<-` strips the common indentation); raw text only where offsets map one to one. */
  private heredoc(n: Node): HclExpr | undefined {
    const ids = kids(n).filter((c) => c.type === 'heredoc_identifier');
    const start = kids(n)[0];
    if (ids.length < 2 || start?.type !== 'heredoc_start') return undefined;
    const nl = this.src.indexOf('\n', ids[0].endIndex);
    const last = ids[ids.length - 1];
    const contentOffset = nl + 1;
    const contentEnd = this.src.lastIndexOf('\n', last.startIndex - 1) + 1;
    if (nl < 0 || contentEnd < contentOffset) return undefined;
    const raw = this.src.slice(contentOffset, contentEnd);
    const indent = start.text === '<<-';
    const value = decodeHeredoc(this.src, contentOffset, contentEnd, indent).text;
    const interpolated = kids(n).some((c) => c.type === 'template_interpolation' || c.type === 'template_directive');
    return { t: 'string', span: span(n), value, interpolated, heredoc: { contentOffset, raw: indent ? '' : raw } };
  }

  private collection(n: Node | undefined, depth: number): HclExpr | undefined {
    if (n?.type === 'tuple') {
      return { t: 'tuple', span: span(n), items: kids(n).filter((c) => c.type === 'expression').map((c) => this.expr(c, depth + 1)) };
    }
    if (n?.type !== 'object') return undefined;
    const items: HclObjectItem[] = [];
    for (const el of kids(n)) {
      if (el.type !== 'object_elem') continue;
      const k = el.childForFieldName('key');
      const v = el.childForFieldName('val');
      if (!k || !v) continue;
      const key = this.key(k);
      // A computed key `(var.k) = ...` names no field we know: readers decide (a map of containers keeps the entry).
      items.push(key !== undefined ? { key, keySpan: span(k), value: this.expr(v, depth + 1) } : { key: k.text, keySpan: span(k), value: this.expr(v, depth + 1), computed: true });
    }
    return { t: 'object', span: span(n), items };
  }

  /** An object key: a bare identifier or a literal string. */
  private key(k: Node): string | undefined {
    const inner = k.type === 'expression' && k.childCount === 1 ? kids(k)[0] : undefined;
    if (inner?.type === 'variable_expr' && inner.childCount === 1) return inner.text;
    if (inner?.type === 'literal_value' && kids(inner)[0]?.type === 'string_lit') return this.quoted(kids(inner)[0]).value;
    if (inner?.type === 'template_expr' && kids(inner)[0]?.type === 'quoted_template') {
      const q = this.quoted(kids(inner)[0]);
      return q.interpolated ? undefined : q.value;
    }
    return undefined;
  }

  private call(n: Node, depth: number): HclExpr | undefined {
    const name = kids(n)[0];
    const args = kids(n).find((c) => c.type === 'function_arguments');
    if (name?.type !== 'identifier') return undefined;
    return { t: 'call', span: span(n), name: name.text, args: args ? kids(args).filter((c) => c.type === 'expression').map((c) => this.expr(c, depth + 1)) : [] };
  }
}
