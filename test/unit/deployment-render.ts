// Render a template (plain values, intrinsics in long form) as CloudFormation JSON, long-form YAML and short-form
// YAML (!Ref, !GetAtt, !Sub), recording where every key and value was written, so tests can assert exact ranges.
export type Path = (string | number)[];
export interface Rendered { text: string; ranges: Map<string, { offset: number; length: number }> }

const keyOf = (p: Path, key = false) => JSON.stringify(p) + (key ? '#key' : '');

function isIntrinsic(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const k = Object.keys(v);
  return k.length === 1 && /^(Ref|Fn::[A-Za-z]+)$/.test(k[0]);
}

export function renderJson(value: unknown): Rendered {
  const ranges = new Map<string, { offset: number; length: number }>();
  let out = '';
  const write = (v: unknown, path: Path, indent: string) => {
    const start = out.length;
    if (Array.isArray(v)) {
      if (!v.length) out += '[]';
      else {
        out += '[\n';
        v.forEach((x, i) => { out += indent + '  '; write(x, [...path, i], indent + '  '); out += i < v.length - 1 ? ',\n' : '\n'; });
        out += indent + ']';
      }
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      if (!entries.length) out += '{}';
      else {
        out += '{\n';
        entries.forEach(([k, x], i) => {
          out += indent + '  ';
          ranges.set(keyOf([...path, k], true), { offset: out.length, length: JSON.stringify(k).length });
          out += JSON.stringify(k) + ': ';
          write(x, [...path, k], indent + '  ');
          out += i < entries.length - 1 ? ',\n' : '\n';
        });
        out += indent + '}';
      }
    } else out += JSON.stringify(v);
    ranges.set(keyOf(path), { offset: start, length: out.length - start });
  };
  write(value, [], '');
  return { text: out + '\n', ranges };
}

const PLAIN = /^[A-Za-z_/][\w./:@-]*$/;
const scalar = (v: unknown) => (typeof v === 'string' && PLAIN.test(v) && !/^(true|false|yes|no|null|on|off)$/i.test(v) ? v : JSON.stringify(v));

/** Block YAML; with `short`, intrinsics become tags (`!Ref X`, `!GetAtt A.B`, `!Sub "..."`, other `!Fn` forms). */
export function renderYaml(value: unknown, short: boolean): Rendered {
  const ranges = new Map<string, { offset: number; length: number }>();
  let out = '';
  const inline = (v: unknown): boolean => v === null || typeof v !== 'object' || (Array.isArray(v) ? !v.length : !Object.keys(v).length)
    || (short && isIntrinsic(v) && shortForm(v) !== undefined);
  const shortForm = (v: Record<string, unknown>): string | undefined => {
    const [k] = Object.keys(v);
    const a = v[k];
    if (k === 'Ref' && typeof a === 'string') return `!Ref ${a}`;
    if (k === 'Fn::GetAtt' && Array.isArray(a) && a.every((x) => typeof x === 'string')) return `!GetAtt ${a.join('.')}`;
    if (k === 'Fn::Sub' && typeof a === 'string') return `!Sub ${JSON.stringify(a)}`;
    if (k === 'Fn::ImportValue' && typeof a === 'string') return `!ImportValue ${a}`;
    return undefined;
  };
  const leaf = (v: unknown, path: Path) => {
    const start = out.length;
    if (v === null || typeof v !== 'object') out += scalar(v);
    else if (Array.isArray(v)) out += '[]';
    else if (!Object.keys(v).length) out += '{}';
    else out += shortForm(v as Record<string, unknown>);
    ranges.set(keyOf(path), { offset: start, length: out.length - start });
  };
  const block = (v: unknown, path: Path, indent: number) => {
    const pad = ' '.repeat(indent);
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out += `${pad}- `;
        if (inline(x)) { leaf(x, [...path, i]); out += '\n'; return; }
        if (Array.isArray(x)) { out += '\n'; block(x, [...path, i], indent + 2); return; }
        // A map item: its first key on the dash's line.
        const start = out.length;
        mapEntries(x as Record<string, unknown>, [...path, i], indent + 2, true);
        ranges.set(keyOf([...path, i]), { offset: start, length: out.length - 1 - start });
      });
      return;
    }
    mapEntries(v as Record<string, unknown>, path, indent, false);
  };
  const mapEntries = (v: Record<string, unknown>, path: Path, indent: number, firstInline: boolean) => {
    Object.entries(v).forEach(([k, x], i) => {
      if (!(firstInline && i === 0)) out += ' '.repeat(indent);
      ranges.set(keyOf([...path, k], true), { offset: out.length, length: scalar(k).length });
      out += `${scalar(k)}:`;
      if (inline(x)) { out += ' '; leaf(x, [...path, k]); out += '\n'; return; }
      out += '\n';
      const start = out.length + indent + 2; // a block value starts after its indentation
      block(x, [...path, k], indent + 2);
      ranges.set(keyOf([...path, k]), { offset: start, length: out.length - 1 - start });
    });
  };
  block(value, [], 0);
  return { text: out, ranges };
}

export function rangeAt(r: Rendered, path: Path, key = false): { offset: number; length: number } {
  const got = r.ranges.get(keyOf(path, key));
  if (!got) throw new Error(`nothing rendered at ${keyOf(path, key)}`);
  return got;
}
