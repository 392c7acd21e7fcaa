// Terraform -> deployment model. A module is every .tf file of one directory: the linted file and its siblings (given
// by the caller: the engine never reads files) are laid end to end in one offset space, the linted file first, so
// ranges stay plain offsets and rules/deployment/rule.ts maps those beyond the linted file to their sibling.
// Written against a small interface of the HCL parse (blocks with type, labels, body; attributes as expressions with
// spans) so it can follow the parser when it is replaced. `var.`, `local.`, `data.`, `module.` and anything computed
// are unknown values; `count` / `for_each` resources resolve to the resource (their multiplicity stays unknown).
import { parseHcl, type HclBlock, type HclBody, type HclExpr } from '../hosts/hcl/parser';
import type { HNode, HProp, Range } from '../hosts/tree';
import { get, type DeploymentModel, type ModuleCall, type ModuleFile, type Reference, type Resource, type Target } from './model';

/** A file of the module; `body`: its HCL as already parsed (the linted file's, by rules/hosts), else it is parsed here. */
export interface SourceFile { fileName?: string; text: string; body?: HclBody }

/** Reference to a resource attribute: `aws_iam_role.task.arn`, `aws_security_group.web[0].id`, `aws_x.y[*].id`. */
const RESOURCE_REF = /^(aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.([A-Za-z_]\w*))?/;
const ANY_RESOURCE_REF = /\b(aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.([A-Za-z_]\w*))?/g;

export function terraformModel(files: readonly SourceFile[]): DeploymentModel {
  const resources: Resource[] = [];
  const byId = new Map<string, Resource>();
  const layout: ModuleFile[] = [];
  let base = 0;
  const calls: { name: string; props: HNode }[] = [];
  for (const f of files) {
    layout.push({ fileName: f.fileName, offset: base, length: f.text.length });
    const body = f.body ? remember(f.text, f.body) : siblingBody(f.text);
    for (const item of body.items) {
      if (item.kind === 'block' && item.type === 'module' && item.labels.length === 1) {
        const shift = (s: Range): Range => ({ offset: s.offset + base, length: s.length });
        calls.push({ name: item.labels[0], props: bodyNode(item.body, shift(item.bodySpan), shift) });
        continue;
      }
      if (item.kind !== 'block' || item.type !== 'resource' || item.labels.length !== 2) continue;
      const id = `${item.labels[0]}.${item.labels[1]}`;
      if (byId.has(id)) continue; // a duplicate address is Terraform's error, not ours
      const shift = (s: Range): Range => ({ offset: s.offset + base, length: s.length });
      const r: Resource = {
        id,
        type: item.labels[0],
        props: bodyNode(item.body, shift(item.bodySpan), shift),
        anchor: shift(labelSpan(f.text, item)),
        range: shift(item.span),
        label: id,
        dependsOn: [],
      };
      resources.push(r);
      byId.set(id, r);
    }
    base += f.text.length + 1;
  }
  const resolve = (n: HNode | undefined): Target | undefined => {
    if (!n) return undefined;
    const text = n.t === 'unknown' ? n.ref : n.t === 'template' ? /^\$\{([^}]*)\}$/.exec(n.value)?.[1] : undefined;
    if (text === undefined) return n.t === 'unknown' || n.t === 'template' ? 'unknown' : undefined;
    const m = RESOURCE_REF.exec(text.trim());
    const resource = m && m[0].length === text.trim().length ? byId.get(`${m[1]}.${m[2]}`) : undefined;
    return resource ? { resource, attr: m![3] } : 'unknown';
  };
  const references: Reference[] = [];
  for (const r of resources) if (r.props) collect(r, r.props, byId, references);
  const moduleCalls: ModuleCall[] = calls.map((c) => {
    const refs: Reference[] = [];
    const self: Resource = { id: `module.${c.name}`, type: 'module', props: c.props, anchor: c.props.range, range: c.props.range, label: `module.${c.name}`, dependsOn: [] };
    collect(self, c.props, byId, refs);
    const source = get(c.props, 'source');
    return { name: c.name, source: source?.t === 'scalar' && typeof source.value === 'string' ? source.value : undefined, refs: new Set(refs.map((r) => r.to)) };
  });
  const joined = files.map((f) => f.text).join('\n');
  return { format: 'hcl', text: joined, resources, moduleCalls, byId, references, resolve, files: layout };
}

/**
 * Parses of sibling files by text, most recently used last: a module's files are linted one after another (the CLI)
 * or again on every edit of one of them (the editor), each with all the others as siblings, so without this a
 * directory of n files took n * n parses. The trees are only read. Bounded in entries and in text held.
 */
const siblingBodies = new Map<string, HclBody>();
const MAX_CACHED_FILES = 256;
const MAX_CACHED_CHARS = 16 * 1024 * 1024;
let cachedChars = 0;
function siblingBody(text: string): HclBody {
  const hit = siblingBodies.get(text);
  if (hit) {
    siblingBodies.delete(text);
    siblingBodies.set(text, hit);
    return hit;
  }
  const parsed = parseHcl(text);
  return parsed.unavailable ? parsed.body : remember(text, parsed.body);
}

/** Keep a file's parse for when it is a sibling (the linted file's too: it is the next file's sibling). */
function remember(text: string, body: HclBody): HclBody {
  if (siblingBodies.has(text) || text.length > MAX_CACHED_CHARS / 4) return body;
  siblingBodies.set(text, body);
  cachedChars += text.length;
  while (siblingBodies.size > MAX_CACHED_FILES || cachedChars > MAX_CACHED_CHARS) {
    const oldest = siblingBodies.keys().next().value as string;
    siblingBodies.delete(oldest);
    cachedChars -= oldest.length;
  }
  return body;
}

function collect(from: Resource, n: HNode, byId: Map<string, Resource>, out: Reference[]): void {
  const text = n.t === 'unknown' ? n.ref : n.t === 'template' ? n.value : undefined;
  if (text) {
    for (const m of text.matchAll(ANY_RESOURCE_REF)) {
      const to = byId.get(`${m[1]}.${m[2]}`);
      if (to) out.push({ from, to, attr: m[3], node: n });
    }
  }
  if (n.t === 'object') for (const p of n.props) collect(from, p.value, byId, out);
  else if (n.t === 'array') for (const i of n.items) collect(from, i, byId, out);
  if (n.call) collect(from, n.call.arg, byId, out);
}

/** A block body as an object: attributes by name, nested blocks as arrays of objects under their type. */
function bodyNode(body: HclBody, range: Range, shift: (s: Range) => Range): HNode {
  const props: HProp[] = [];
  const lists = new Map<string, HNode & { t: 'array' }>();
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      if (item.value.t === 'null') continue; // `x = null` is the argument left unset (its default applies)
      props.push({ key: item.name, hostKey: item.name, keyRange: shift(item.nameSpan), value: exprNode(item.value, shift) });
      continue;
    }
    // `dynamic "ingress" { ... }` builds blocks at plan time: their content is unknown.
    const key = item.type === 'dynamic' ? item.labels[0] ?? 'dynamic' : item.type;
    const value: HNode = item.type === 'dynamic' ? { t: 'unknown', range: shift(item.span) } : bodyNode(item.body, shift(item.span), shift);
    let list = lists.get(key);
    if (!list) {
      list = { t: 'array', items: [], range: shift(item.span) };
      lists.set(key, list);
      props.push({ key, hostKey: key, keyRange: shift(item.typeSpan), value: list });
    }
    list.items.push(value);
    list.range = { offset: list.range.offset, length: shift(item.span).offset + item.span.length - list.range.offset };
  }
  return { t: 'object', props, range };
}

function exprNode(e: HclExpr, shift: (s: Range) => Range): HNode {
  const range = shift(e.span);
  switch (e.t) {
    case 'string': return e.interpolated ? { t: 'template', value: e.value, range } : { t: 'scalar', value: e.value, range };
    case 'number': case 'bool': return { t: 'scalar', value: e.value, range };
    case 'null': return { t: 'scalar', value: null, range };
    case 'object': return { t: 'object', props: e.items.map((i) => ({ key: i.key, hostKey: i.key, keyRange: shift(i.keySpan), value: exprNode(i.value, shift) })), range };
    case 'tuple': return { t: 'array', items: e.items.map((i) => exprNode(i, shift)), range };
    // jsonencode({...}) is the object it encodes (policies written in HCL); other calls are computed.
    case 'call':
      if (e.name === 'jsonencode' && e.args.length === 1) return exprNode(e.args[0], shift);
      // base64encode("...") (launch template user data) is unknown as a value, but keeps the string it encodes.
      if ((e.name === 'base64encode' || e.name === 'base64gzip') && e.args.length === 1) return { t: 'unknown', range, call: { fn: e.name, arg: exprNode(e.args[0], shift) } };
      return { t: 'unknown', range };
    default: return { t: 'unknown', range, ref: e.text };
  }
}

/** The name label with its quotes (`"web"` of `resource "aws_security_group" "web"`). */
function labelSpan(text: string, b: HclBlock): Range {
  const name = b.labels[b.labels.length - 1];
  const at = text.indexOf(`"${name}"`, b.typeSpan.offset + b.type.length);
  return at >= 0 && at < b.bodySpan.offset ? { offset: at, length: name.length + 2 } : b.typeSpan;
}
