// Render Terraform resources (attributes, nested blocks, expressions) as HCL text, recording where every attribute
// name, block type, resource label and value was written, so tests can assert exact ranges in each file of a module.
import type { Path } from './deployment-render';

/** An expression written as is (`aws_iam_role.task.arn`, `var.x`, `"${data.x.y}.suffix"`). */
export class Raw {
  constructor(private readonly raw: string) {}
  get text(): string { return this.raw; }
}
/** A function call (`jsonencode(...)`, `base64encode(...)`). */
export class Call { constructor(readonly fn: string, readonly args: TfExpr[]) {} }
/** A nested block (`ingress { ... }`, `dynamic "ingress" { ... }`). */
export class Block { constructor(readonly body: TfBody, readonly labels: string[] = []) {} }

export type TfExpr = string | number | boolean | null | Raw | Call | TfExpr[] | { [key: string]: TfExpr };
/** Attributes, and nested blocks (one, or several of the same type) in the order written. Undefined entries are left out. */
export type TfBody = { [name: string]: TfExpr | Block | Block[] | undefined };

export interface TfResource { type: string; name: string; file: string; body: TfBody }
export interface TfRange { offset: number; length: number }
export interface TfRendered {
  files: Record<string, string>;
  /** `file` and range of a resource's label (`at(address)`), or of a value / name (`at(address, path, key)`). */
  at(address: string, path?: Path, key?: boolean): { file: string } & TfRange;
}

const IDENT = /^[A-Za-z_]\w*$/;
const keyOf = (address: string, path: Path, key: boolean) => `${address}|${JSON.stringify(path)}${key ? '#key' : ''}`;

/** An HCL quoted string of a literal (no interpolation: `${` and `%{` escaped). */
export function hclString(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

export function renderTerraform(resources: TfResource[]): TfRendered {
  const texts = new Map<string, string>();
  const ranges = new Map<string, { file: string } & TfRange>();
  for (const r of resources) {
    let out = texts.get(r.file) ?? '';
    if (out) out += '\n';
    const address = `${r.type}.${r.name}`;
    const rec = (path: Path, key: boolean, offset: number, end: number) => {
      const k = keyOf(address, path, key);
      if (!ranges.has(k)) ranges.set(k, { file: r.file, offset, length: end - offset });
    };
    out += `resource "${r.type}" `;
    rec([], true, out.length, out.length + r.name.length + 2);
    out += `"${r.name}" `;
    const expr = (v: TfExpr, path: Path, indent: string) => {
      const start = out.length;
      if (v instanceof Raw) out += v.text;
      else if (v instanceof Call) {
        out += `${v.fn}(`;
        // jsonencode(x) is x for the model: its contents keep the attribute's path.
        v.args.forEach((a, i) => { if (i) out += ', '; expr(a, v.fn === 'jsonencode' && v.args.length === 1 ? path : [...path, i], indent); });
        out += ')';
      } else if (Array.isArray(v)) {
        out += '[';
        v.forEach((x, i) => { if (i) out += ', '; expr(x, [...path, i], indent); });
        out += ']';
      } else if (v && typeof v === 'object') {
        const entries = Object.entries(v);
        out += '{';
        entries.forEach(([k, x], i) => {
          out += i ? ', ' : ' ';
          const ks = out.length;
          out += IDENT.test(k) ? k : JSON.stringify(k);
          rec([...path, k], true, ks, out.length);
          out += ' = ';
          expr(x, [...path, k], indent);
        });
        out += entries.length ? ' }' : '}';
      } else if (typeof v === 'string') out += hclString(v);
      else out += JSON.stringify(v);
      // A later (outer) write of the same path wins: jsonencode(...) over the object it encodes.
      ranges.set(keyOf(address, path, false), { file: r.file, offset: start, length: out.length - start });
    };
    const body = (b: TfBody, path: Path, indent: string) => {
      out += '{\n';
      const inner = indent + '  ';
      const width = Math.max(0, ...Object.entries(b).filter(([, v]) => v !== undefined && !isBlocks(v)).map(([k]) => k.length));
      for (const [name, v] of Object.entries(b)) {
        if (v === undefined) continue;
        if (isBlocks(v)) {
          const list = Array.isArray(v) ? v : [v];
          list.forEach((blk, i) => {
            const p = Array.isArray(v) ? [...path, name, i] : [...path, name];
            out += inner;
            const ts = out.length;
            out += name;
            rec([...path, name], true, ts, out.length);
            if (Array.isArray(v)) rec(p, true, ts, out.length);
            for (const l of blk.labels) out += ` "${l}"`;
            out += ' ';
            body(blk.body, p, inner);
            rec(p, false, ts, out.length);
            out += '\n';
          });
          continue;
        }
        out += inner;
        const ks = out.length;
        out += name;
        rec([...path, name], true, ks, out.length);
        out += ' '.repeat(width - name.length) + ' = ';
        expr(v, [...path, name], inner);
        out += '\n';
      }
      out += indent + '}';
    };
    body(r.body, [], '');
    out += '\n';
    texts.set(r.file, out);
  }
  return {
    files: Object.fromEntries(texts),
    at(address, path, key = false) {
      const got = ranges.get(keyOf(address, path ?? [], path ? key : true));
      if (!got) throw new Error(`nothing rendered at ${keyOf(address, path ?? [], key)}`);
      return got;
    },
  };
}

function isBlocks(v: unknown): v is Block | Block[] {
  return v instanceof Block || (Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof Block));
}
