// Terraform: ECS and IAM resources of a .tf file as embedded documents. Task and service arguments are renamed from
// snake_case to the API's camelCase; `container_definitions` and policies are API JSON already (jsonencode objects or
// JSON strings/heredocs). References, variables and `file()` are unknown values: the engine never reads files.
import type { Node as JsonNode } from 'jsonc-parser';
import type { DocumentKind, TextEdit } from '../core/types';
import { kindFromJson } from '../core/detect';
import { parseJson } from '../core/json';
import { defaultEndpointPolicy, type EmbeddedDoc, type HostParse } from './cfn';
import type { Change } from './fix';
import { VERBATIM, namesOf, nodeAt, lastProp, toHostKeys, type HNode, type HProp, type NameTable, type Range } from './tree';
import { renderVirtual } from './virtual';
import { environmentRefs, isPlaintextCredential } from './env-refs';
import { parseHcl, type HclBlock, type HclBody, type HclExpr } from './hcl/parser';
import { moduleDocs } from './terraform-modules';
import { scriptsIn, type EmbeddedScript } from './terraform-userdata';

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** Terraform argument names of aws_ecs_task_definition / aws_ecs_service; JSON-valued ones keep API names. */
const TF_NAMES: NameTable = {
  toApi: (k) => (k === 'name' ? 'name' : camel(k)),
  toHost: (k) => snake(k),
  child: (k) => (k === 'containerDefinitions' ? VERBATIM : TF_NAMES),
};

/** Host handle of HCL nodes: fixes only replace literals and edit jsonencode objects. */
type HclHost = { hcl: 'literal' } | { hcl: 'object'; expr: HclExpr } | { hcl: 'tuple'; expr: HclExpr } | { hcl: 'other' };

function exprToNode(e: HclExpr): HNode {
  const range = e.span;
  switch (e.t) {
    case 'string':
      if (e.interpolated) return { t: 'template', value: e.value, range };
      return { t: 'scalar', value: e.value, range, host: { hcl: 'literal' } as HclHost };
    case 'number': case 'bool': return { t: 'scalar', value: e.value, range, host: { hcl: 'literal' } as HclHost };
    case 'null': return { t: 'scalar', value: null, range, host: { hcl: 'literal' } as HclHost };
    case 'object': {
      // An item under a computed key `(var.k)` may be any field: left out.
      const props: HProp[] = e.items.filter((i) => !i.computed).map((i) => ({ key: i.key, hostKey: i.key, keyRange: i.keySpan, value: exprToNode(i.value) }));
      return { t: 'object', props, range, host: { hcl: 'object', expr: e } as HclHost };
    }
    case 'tuple': return { t: 'array', items: e.items.map((i) => exprToNode(i)), range, host: { hcl: 'tuple', expr: e } as HclHost };
    case 'call':
      if (e.name === 'jsonencode' && e.args.length === 1) return exprToNode(e.args[0]);
      if (e.name === 'tolist' || e.name === 'toset') return e.args.length === 1 ? exprToNode(e.args[0]) : { t: 'unknown', range };
      return { t: 'unknown', range };
    default: return e.t === 'expr' && e.tooDeep ? { t: 'unknown', range, tooDeep: true } : { t: 'unknown', range };
  }
}


/** Syntax errors of JSON strings and heredocs, collected while parseTerraform runs. */
let embeddedErrors: { message: string; offset: number; length: number }[] | undefined;

/** A JSON document held in an HCL string: parsed with offsets mapped into the host (heredocs and escape-free strings). */
function jsonString(e: HclExpr): HNode | undefined {
  if (e.t === 'call' && e.name === 'jsonencode' && e.args.length === 1) return exprToNode(e.args[0]);
  if (e.t !== 'string') return undefined;
  const { json, holes } = fillHoles(e.value);
  // The engine's parser: values nested too deep come back as empty containers at `deepRanges`, marked too deep below.
  const { root, errors, deepRanges } = parseJson(json);
  if (!root || errors.length) {
    // A literal meant as JSON that does not parse, even with its interpolations as unknown values, is a syntax error,
    // never an unknown value: otherwise a broken heredoc would hide the containers in it and the file would pass
    // clean. Template directives (`%{ for }`) build the JSON at plan time: not judged.
    if (/^\s*[[{]/.test(e.value) && !e.value.includes('%{')) {
      const at = errors[0]?.offset ?? 0;
      const range = e.heredoc?.raw ? { offset: e.heredoc.contentOffset + at, length: 1 } : e.span;
      embeddedErrors?.push({ message: 'Invalid JSON in a string or heredoc', ...range });
    }
    return undefined;
  }
  const deep = new Set((deepRanges ?? []).map((r) => r.offset));
  if (e.heredoc && e.heredoc.raw) return fromJsonAt(root, deep, e.heredoc.contentOffset, undefined, holes);
  // A quoted string holding JSON always has escaped quotes; only an escape-free one maps offset for offset.
  if (!e.heredoc && e.span.length === e.value.length + 2 && !/["\\]/.test(e.value)) return fromJsonAt(root, deep, e.span.offset + 1, undefined, holes);
  // An indented heredoc or an escaped string: offsets do not map back exactly, so every finding points at the string.
  return fromJsonAt(root, deep, 0, e.span, holes);
}

/**
 * A heredoc's JSON with unquoted interpolations (`"cpu": ${cpu}`, `[${containers}]`): each becomes a JSON string of
 * the same length, so offsets still map, and is read back as an unknown value (keyed by its offset).
 */
export function fillHoles(text: string): { json: string; holes: Map<number, string> } {
  const holes = new Map<number, string>();
  if (!text.includes('${')) return { json: text, holes };
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') { out += c + (text[i + 1] ?? ''); i++; continue; }
      if (c === '"') inString = false;
      out += c;
    } else if (c === '"') { inString = true; out += c; } else if (c === '$' && text[i + 1] === '{') {
      let depth = 0, j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      if (j >= text.length) return { json: text, holes: new Map() }; // unterminated: not JSON
      const len = j + 1 - i;
      holes.set(i, text.slice(i + 2, j).trim());
      out += '"' + '_'.repeat(len - 2) + '"';
      i = j;
    } else out += c;
  }
  return { json: out, holes };
}

function fromJsonAt(n: JsonNode, deep: ReadonlySet<number>, base: number, whole?: Range, holes?: Map<number, string>): HNode {
  const range = whole ?? { offset: n.offset + base, length: n.length };
  if (deep.has(n.offset)) return { t: 'unknown', range, tooDeep: true };
  const hole = holes?.get(n.offset);
  if (hole !== undefined && n.type === 'string') return { t: 'unknown', range, text: hole };
  if (n.type === 'object') {
    const props: HProp[] = [];
    for (const p of n.children ?? []) {
      const k = p.children?.[0];
      const v = p.children?.[1];
      if (!k || !v) continue;
      props.push({ key: k.value, hostKey: k.value, keyRange: whole ?? { offset: k.offset + base, length: k.length }, value: fromJsonAt(v, deep, base, whole, holes) });
    }
    return { t: 'object', props, range };
  }
  if (n.type === 'array') return { t: 'array', items: (n.children ?? []).map((c) => fromJsonAt(c, deep, base, whole, holes)), range };
  if (n.type === 'string' && /\$\{/.test(n.value)) return { t: 'template', value: n.value, range };
  return { t: 'scalar', value: n.value ?? null, range };
}

function attr(body: HclBody, name: string) {
  return body.items.find((i) => i.kind === 'attribute' && i.name === name) as { value: HclExpr; nameSpan: Range } | undefined;
}
function blocks(body: HclBody, type: string): HclBlock[] {
  return body.items.filter((i): i is HclBlock => i.kind === 'block' && i.type === type);
}
/** `dynamic "<type>" { for_each ... }`: blocks generated at plan time, unknown in number and content. */
function dynamicBlocks(body: HclBody, type: string): HclBlock[] {
  return blocks(body, 'dynamic').filter((b) => b.labels[0] === type);
}

/** A block body as an object: attributes as properties, repeated nested blocks as arrays (`listBlocks`). */
function bodyNode(b: HclBlock, names: NameTable, listBlocks: ReadonlySet<string>, special: Record<string, (e: HclExpr) => HNode | undefined> = {}): HNode {
  const props: HProp[] = [];
  const grouped = new Map<string, HclBlock[]>();
  for (const item of b.body.items) {
    if (item.kind === 'attribute') {
      // Own keys only: an attribute named `constructor` or `toString` must not reach Object.prototype.
      const value = (Object.hasOwn(special, item.name) ? special[item.name](item.value) : undefined) ?? exprToNode(item.value);
      props.push({ key: names.toApi(item.name), hostKey: item.name, keyRange: item.nameSpan, value });
    } else {
      const type = item.type === 'dynamic' && item.labels.length === 1 ? item.labels[0] : item.type;
      const g = grouped.get(type) ?? [];
      g.push(item);
      grouped.set(type, g);
    }
  }
  for (const [type, bs] of grouped) {
    const key = names.toApi(type);
    const child = names.child(key);
    const values = bs.map((x): HNode => (x.type === 'dynamic' ? { t: 'unknown', range: x.span } : bodyNode(x, child, listBlocks, {})));
    // Only dynamic blocks: how many (maybe none) is unknown too.
    const value: HNode = bs.every((x) => x.type === 'dynamic') ? { t: 'unknown', range: bs[0].span } : listBlocks.has(type)
      ? { t: 'array', items: values, range: { offset: bs[0].span.offset, length: bs[bs.length - 1].span.offset + bs[bs.length - 1].span.length - bs[0].span.offset }, host: { hcl: 'other' } }
      : values[values.length - 1];
    props.push({ key, hostKey: type, keyRange: bs[0].type === 'dynamic' ? bs[0].span : bs[0].typeSpan, value });
  }
  return { t: 'object', props, range: b.bodySpan, host: { hcl: 'block', block: b }, names };
}

function taskDefinition(b: HclBlock): HNode {
  const root = bodyNode(b, TF_NAMES, new Set(['volume', 'placement_constraints']), {
    container_definitions: (e) => jsonString(e) ?? (e.t === 'call' && e.name === 'jsonencode' ? undefined : { t: 'unknown', range: e.span }),
  });
  if (root.t !== 'object') return root;
  for (const p of root.props) {
    // `volume { host_path = ... }` is the API's `host.sourcePath`; `efs_volume_configuration` stays an object.
    if (p.key === 'volume' && p.value.t === 'array') {
      p.key = 'volumes';
      for (const v of p.value.items) {
        const hp = lastProp(v, 'hostPath');
        if (hp && v.t === 'object') {
          v.props = v.props.filter((q) => q !== hp);
          v.props.push({ key: 'host', hostKey: 'host_path', keyRange: hp.keyRange, value: { t: 'object', props: [{ ...hp, key: 'sourcePath' }], range: hp.value.range } });
        }
      }
    }
  }
  return root;
}

function service(b: HclBlock): HNode {
  const root = bodyNode(b, TF_NAMES, new Set(['load_balancer', 'capacity_provider_strategy']));
  if (root.t !== 'object') return root;
  for (const p of root.props) {
    if (p.hostKey === 'name') p.key = 'serviceName';
    if (p.key === 'networkConfiguration' && p.value.t === 'object') {
      // Terraform's assign_public_ip is a bool; the API's assignPublicIp is ENABLED/DISABLED.
      for (const q of p.value.props) {
        if (q.key === 'assignPublicIp' && q.value.t === 'scalar' && typeof q.value.value === 'boolean') q.value = { ...q.value, value: q.value.value ? 'ENABLED' : 'DISABLED', host: undefined };
      }
      p.value = { t: 'object', props: [{ key: 'awsvpcConfiguration', hostKey: p.hostKey, keyRange: p.keyRange, value: p.value }], range: p.value.range };
    }
  }
  return root;
}

/** An aws_iam_policy_document data source as IAM policy JSON. Built from blocks: findings map, fixes do not. */
function policyDocument(b: HclBlock): HNode {
  const r = (x: { span: Range }) => x.span;
  const prop = (key: string, keyRange: Range, value: HNode): HProp => ({ key, hostKey: key, keyRange, value });
  const statements: HNode[] = blocks(b.body, 'statement').map((s) => {
    const props: HProp[] = [];
    const pairs: [string, string][] = [['sid', 'Sid'], ['effect', 'Effect'], ['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']];
    for (const [tf, api] of pairs) {
      const a = attr(s.body, tf);
      if (a) props.push(prop(api, a.nameSpan, exprToNode(a.value)));
    }
    if (!props.some((p) => p.key === 'Effect')) props.push(prop('Effect', s.typeSpan, { t: 'scalar', value: 'Allow', range: s.typeSpan }));
    for (const [tf, api] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      const ps = blocks(s.body, tf);
      const dyn = dynamicBlocks(s.body, tf);
      if (dyn.length) { props.push(prop(api, dyn[0].typeSpan, { t: 'unknown', range: dyn[0].span })); continue; }
      if (!ps.length) continue;
      const principal: HProp[] = ps.map((p) => {
        const type = attr(p.body, 'type');
        const ids = attr(p.body, 'identifiers');
        const t = type?.value.t === 'string' ? type.value.value : '?';
        return prop(t, type?.value.span ?? p.typeSpan, ids ? exprToNode(ids.value) : { t: 'unknown', range: p.typeSpan });
      });
      props.push(prop(api, ps[0].typeSpan, { t: 'object', props: principal, range: r(ps[0]) }));
    }
    const conds = blocks(s.body, 'condition');
    const dynConds = dynamicBlocks(s.body, 'condition');
    if (dynConds.length) props.push(prop('Condition', dynConds[0].typeSpan, { t: 'unknown', range: dynConds[0].span }));
    else if (conds.length) {
      const byTest = new Map<string, HProp[]>();
      const testRange = new Map<string, Range>();
      for (const c of conds) {
        const test = attr(c.body, 'test');
        const variable = attr(c.body, 'variable');
        const values = attr(c.body, 'values');
        if (test?.value.t !== 'string' || variable?.value.t !== 'string') continue;
        const list = byTest.get(test.value.value) ?? [];
        list.push(prop(variable.value.value, variable.value.span, values ? exprToNode(values.value) : { t: 'unknown', range: c.typeSpan }));
        byTest.set(test.value.value, list);
        testRange.set(test.value.value, test.value.span);
      }
      const condProps = [...byTest].map(([test, ps]) => prop(test, testRange.get(test)!, { t: 'object', props: ps, range: testRange.get(test)! }));
      props.push(prop('Condition', conds[0].typeSpan, { t: 'object', props: condProps, range: r(conds[0]) }));
    }
    return { t: 'object', props, range: s.span };
  });
  for (const d of dynamicBlocks(b.body, 'statement')) statements.push({ t: 'unknown', range: d.span });
  return {
    t: 'object',
    props: [
      prop('Version', b.typeSpan, { t: 'scalar', value: '2012-10-17', range: b.typeSpan }),
      prop('Statement', b.typeSpan, { t: 'array', items: statements, range: b.bodySpan }),
    ],
    range: b.bodySpan,
  };
}

function policyKindOf(doc: HNode, hint: DocumentKind): DocumentKind {
  if (hint !== 'identity-policy') return hint;
  return kindFromJson(parseJson(renderVirtual(doc).text)) ?? 'identity-policy';
}

export function parseTerraform(text: string): HostParse {
  const parsed = parseHcl(text);
  if (parsed.unavailable) return { format: 'hcl', docs: [], unavailable: parsed.unavailable };
  const { body } = parsed;
  const errors = [...parsed.errors];
  embeddedErrors = errors;
  try {
    return terraformDocs(text, body, errors);
  } finally {
    embeddedErrors = undefined;
  }
}

function terraformDocs(text: string, body: HclBody, errors: { message: string; offset: number; length: number }[]): HostParse {
  const docs: EmbeddedDoc[] = [];
  const scripts: EmbeddedScript[] = scriptsIn(text, body);
  const add = (b: HclBlock, kind: DocumentKind, root: HNode | undefined, label = `${b.labels.join('.')}`) => {
    if (root) nameUnknowns(root, text);
    if (root && (root.t === 'object' || root.t === 'array')) {
      docs.push({ kind, root, label, anchor: b.labels.length ? labelSpan(text, b) : b.typeSpan,
        envRefs: kind === 'task-definition' ? environmentRefs(root).filter(isPlaintextCredential) : undefined });
    }
  };
  const policyAttr = (b: HclBlock | undefined, name: string) => {
    const a = b && attr(b.body, name);
    return a ? jsonString(a.value) : undefined;
  };
  const hasEndpointPolicyResource = body.items.some((i) => i.kind === 'block' && i.type === 'resource' && i.labels[0] === 'aws_vpc_endpoint_policy');
  for (const item of body.items) {
    if (item.kind !== 'block') continue;
    const [type] = item.labels;
    if (item.type === 'resource') {
      switch (type) {
        case 'aws_ecs_task_definition': add(item, 'task-definition', taskDefinition(item)); break;
        case 'aws_ecs_service': add(item, 'service-definition', service(item)); break;
        case 'aws_iam_role':
          add(item, 'trust-policy', policyAttr(item, 'assume_role_policy'));
          for (const ip of blocks(item.body, 'inline_policy')) add(item, 'identity-policy', policyAttr(ip, 'policy'));
          break;
        case 'aws_iam_policy': case 'aws_iam_role_policy': case 'aws_iam_user_policy': case 'aws_iam_group_policy':
          add(item, 'identity-policy', policyAttr(item, 'policy')); break;
        case 'aws_vpc_endpoint': case 'aws_vpc_endpoint_policy': {
          const type = attr(item.body, 'vpc_endpoint_type')?.value;
          // No policy: AWS's full-access default, unless an aws_vpc_endpoint_policy in this file sets it (GWLB takes none).
          if (item.labels[0] === 'aws_vpc_endpoint' && !attr(item.body, 'policy') && !hasEndpointPolicyResource
            && !(type && (type.t !== 'string' || type.interpolated || type.value === 'GatewayLoadBalancer'))) {
            docs.push({ kind: 'endpoint-policy', root: defaultEndpointPolicy(labelSpan(text, item)), label: `${item.labels.join('.')} (no policy, so AWS's default policy)`, anchor: labelSpan(text, item), synthetic: true });
          } else add(item, 'endpoint-policy', policyAttr(item, 'policy'));
          break;
        }
        case 'aws_ecr_repository_policy': add(item, 'ecr-repository-policy', policyAttr(item, 'policy')); break;
      }
    } else if (item.type === 'module') {
      const at = item.labels.length ? labelSpan(text, item) : item.typeSpan;
      for (const d of moduleDocs(item, { node: exprToNode, json: jsonString }, at)) add(item, d.kind, d.root, `module.${item.labels.join('.')}`);
    } else if (item.type === 'data' && type === 'aws_iam_policy_document') {
      const doc = policyDocument(item);
      add(item, policyKindOf(doc, 'identity-policy'), doc, `data.${item.labels.join('.')}`);
    }
  }
  errors.sort((a, b) => a.offset - b.offset);
  const e = errors[0];
  return {
    format: 'hcl',
    docs,
    scripts,
    hcl: body,
    syntaxError: e ? { message: `Invalid HCL: ${e.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, offset: e.offset, length: e.length } : undefined,
  };
}

/** Give each unknown value its expression's text (`var.name`), which messages show for deploy-time labels. */
function nameUnknowns(n: HNode, text: string): void {
  if (n.t === 'unknown') n.text ??= text.slice(n.range.offset, n.range.offset + Math.min(n.range.length, 81)).trim();
  else if (n.t === 'object') for (const p of n.props) nameUnknowns(p.value, text);
  else if (n.t === 'array') for (const i of n.items) nameUnknowns(i, text);
}

/** The resource's name label (`"web"` in `resource "aws_ecs_task_definition" "web"`). */
function labelSpan(text: string, b: HclBlock): Range {
  const name = b.labels[b.labels.length - 1];
  const at = text.indexOf(`"${name}"`, b.typeSpan.offset);
  return at >= 0 && at < b.bodySpan.offset ? { offset: at, length: name.length + 2 } : b.typeSpan;
}

// ---- fixes ----

function hclLiteral(v: unknown): string | undefined {
  if (typeof v === 'string') return JSON.stringify(v).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  // Objects and tuples: HCL accepts JSON object syntax (`"key": value`); strings need template escaping.
  if (Array.isArray(v)) { const parts = v.map(hclLiteral); return parts.every((p) => p !== undefined) ? `[${parts.join(', ')}]` : undefined; }
  if (v && typeof v === 'object') {
    const parts = Object.entries(v).map(([k, x]) => { const l = hclLiteral(x); return l === undefined ? undefined : `${JSON.stringify(k)} = ${l}`; });
    return parts.every((p) => p !== undefined) ? `{ ${parts.join(', ')} }` : undefined;
  }
  return undefined;
}

const KEY = /^[A-Za-z_][\w-]*$/;

/** Replay changes on HCL: replace literals, add `key = value` lines to multi-line objects and blocks, remove own-line items. */
export function terraformEdits(text: string, doc: EmbeddedDoc, changes: Change[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const c of changes) {
    const node = nodeAt(doc.root, c.path);
    const host = node?.host as (HclHost | { hcl: 'block'; block: HclBlock }) | undefined;
    if (!node || !host) return undefined;
    if (c.op === 'set') {
      const lit = hclLiteral(c.value);
      if (host.hcl !== 'literal' || lit === undefined) return undefined;
      edits.push({ offset: node.range.offset, length: node.range.length, content: lit });
    } else if (c.op === 'add') {
      if ((host.hcl !== 'object' && host.hcl !== 'block') || node.t !== 'object') return undefined;
      const names = namesOf(node);
      const hostKey = names.toHost(c.key);
      const lit = hclLiteral(toHostKeys(c.value, names.child(c.key)));
      if (lit === undefined) return undefined;
      const closing = node.range.offset + node.range.length - 1;
      const lineStartOf = (pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
      if (text[closing] !== '}' || !/^[ \t]*$/.test(text.slice(lineStartOf(closing), closing))) return undefined; // one-line object
      const first = node.props[0];
      const indent = first
        ? first.keyRange.offset - lineStartOf(first.keyRange.offset)
        : closing - lineStartOf(closing) + 2;
      const closeLine = lineStartOf(closing);
      edits.push({ offset: closeLine, length: 0, content: `${' '.repeat(indent)}${KEY.test(hostKey) ? hostKey : JSON.stringify(hostKey)} = ${lit}\n` });
    } else if (c.op === 'remove') {
      const parent = nodeAt(doc.root, c.path.slice(0, -1));
      const key = c.path[c.path.length - 1];
      const ph = parent?.host as { hcl: string } | undefined;
      let start: number, end: number;
      if (typeof key === 'string' && parent?.t === 'object' && (ph?.hcl === 'object' || ph?.hcl === 'block')) {
        const p = lastProp(parent, key)!;
        start = p.keyRange.offset;
        end = p.value.range.offset + p.value.range.length;
      } else if (typeof key === 'number' && parent?.t === 'array' && ph?.hcl === 'tuple') {
        start = node.range.offset;
        end = start + node.range.length;
      } else return undefined;
      // Only items on lines of their own: remove those lines (with a trailing comma and comment).
      const from = text.lastIndexOf('\n', start - 1) + 1;
      const rest = /^[ \t]*,?[ \t]*(#[^\n]*)?(\n|$)/.exec(text.slice(end));
      if (!/^[ \t]*$/.test(text.slice(from, start)) || !rest) return undefined;
      edits.push({ offset: from, length: end + rest[0].length - from, content: '' });
    } else {
      if (host.hcl !== 'tuple' || node.t !== 'array') return undefined;
      const lit = hclLiteral(toHostKeys(c.value, namesOf(node)));
      if (lit === undefined) return undefined;
      const closing = node.range.offset + node.range.length - 1;
      const lineStartOf = (pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
      const multiLine = /^[ \t]*$/.test(text.slice(lineStartOf(closing), closing));
      const before = node.items[c.index];
      if (!multiLine) {
        edits.push(before ? { offset: before.range.offset, length: 0, content: `${lit}, ` } : { offset: closing, length: 0, content: node.items.length ? `, ${lit}` : lit });
      } else if (node.items.length && c.index === node.items.length) {
        const last = node.items[node.items.length - 1];
        const indent = last.range.offset - lineStartOf(last.range.offset);
        const end = last.range.offset + last.range.length;
        const pad = ' '.repeat(indent);
        edits.push(text[end] === ',' ? { offset: end + 1, length: 0, content: `\n${pad}${lit},` } : { offset: end, length: 0, content: `,\n${pad}${lit}` });
      } else return undefined;
    }
  }
  edits.sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < edits.length; i++) if (edits[i].offset < edits[i - 1].offset + edits[i - 1].length) return undefined;
  return edits;
}
