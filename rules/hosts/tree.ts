// A host-neutral value tree: what CloudFormation (JSON or YAML) and Terraform (HCL) values are converted to before
// they are rendered as the API's JSON. Every node keeps the host range it came from, so findings and fixes map back.
export interface Range { offset: number; length: number }

export type Scalar = string | number | boolean | null;

export interface HProp {
  /** The key as the API spells it (e.g. `readonlyRootFilesystem`). */
  key: string;
  /** The key as the host spells it (e.g. `ReadonlyRootFilesystem`); used when a fix adds or renames keys. */
  hostKey: string;
  keyRange: Range;
  value: HNode;
}

interface Base {
  range: Range;
  /** Host-specific handle for fixes (a jsonc-parser path, a `yaml` node, an HCL node). */
  host?: unknown;
  /** CloudFormation: the intrinsic function this value was written as (`Ref`, `GetAtt`, `Sub`, ...), for references. */
  call?: { fn: string; arg: HNode };
}

export type HNode =
  | (Base & { t: 'object'; props: HProp[]; names?: NameTable })
  | (Base & { t: 'array'; items: HNode[]; names?: NameTable })
  | (Base & { t: 'scalar'; value: Scalar })
  /** A string with `${...}` interpolations (Fn::Sub, HCL templates): checked for its literal parts only. */
  | (Base & { t: 'template'; value: string })
  /** A value only known at deploy time: intrinsic functions, references, variables, `file()`; or one nested too deep. */
  | (Base & { t: 'unknown'; ref?: string; text?: string; tooDeep?: boolean });

/**
 * How host keys of an object (or of an array's objects) map to API keys and back; `child` gives the table of a
 * property's value. `verbatim` tables keep keys as they are (log driver options, docker labels, IAM documents).
 */
export interface NameTable {
  toApi(hostKey: string): string;
  toHost(apiKey: string): string;
  child(apiKey: string): NameTable;
}

export const VERBATIM: NameTable = {
  toApi: (k) => k,
  toHost: (k) => k,
  child: () => VERBATIM,
};

export function unknown(range: Range, ref?: string): HNode {
  return { t: 'unknown', range, ref };
}

/**
 * Replace every container nested deeper than `max` levels by an unknown value (in place; iterative, so any depth the
 * host parser produced is fine) and return the host ranges of those values and of values already marked too deep.
 */
export function capDepth(root: HNode, max: number): Range[] {
  const deep: Range[] = [];
  const stack: { n: HNode; depth: number }[] = [{ n: root, depth: 1 }];
  const check = (v: HNode, depth: number): HNode => {
    if (v.t === 'unknown' && v.tooDeep) deep.push(v.range);
    if (v.t !== 'object' && v.t !== 'array') return v;
    if (depth > max) { deep.push(v.range); return { t: 'unknown', range: v.range, tooDeep: true }; }
    stack.push({ n: v, depth });
    return v;
  };
  while (stack.length) {
    const { n, depth } = stack.pop()!;
    if (n.t === 'object') for (const p of n.props) p.value = check(p.value, depth + 1);
    else if (n.t === 'array') n.items = n.items.map((i) => check(i, depth + 1));
  }
  return deep.sort((a, b) => a.offset - b.offset);
}

/** Follow API keys / indexes through a tree; undefined if the path leaves the tree or crosses a non-container. */
export function nodeAt(root: HNode, path: readonly (string | number)[]): HNode | undefined {
  let cur: HNode | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    if (cur.t === 'object' && typeof seg === 'string') cur = lastProp(cur, seg)?.value;
    else if (cur.t === 'array' && typeof seg === 'number') cur = cur.items[seg];
    else return undefined;
  }
  return cur;
}

export function lastProp(obj: HNode, key: string): HProp | undefined {
  if (obj.t !== 'object') return undefined;
  for (let i = obj.props.length - 1; i >= 0; i--) if (obj.props[i].key === key) return obj.props[i];
  return undefined;
}

/** The table for a node's children, VERBATIM when none was attached. */
export function namesOf(n: HNode | undefined): NameTable {
  return (n && (n.t === 'object' || n.t === 'array') && n.names) || VERBATIM;
}

/** Rename an API-keyed plain value into host keys, for values a fix inserts. */
export function toHostKeys(value: unknown, names: NameTable): unknown {
  if (Array.isArray(value)) return value.map((v) => toHostKeys(v, names));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // Defined, not assigned: a key named __proto__ stays a key instead of replacing the prototype.
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, names.toHost(k), { value: toHostKeys(v, names.child(k)), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
