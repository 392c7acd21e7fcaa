// CloudFormation templates (JSON, YAML, CDK output): recognise them, convert them to host trees, and extract the ECS
// and IAM documents embedded in their resources.
import type { Node as JsonNode } from 'jsonc-parser';
import { parseJson } from '../core/json';
import { parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node as YamlNode } from 'yaml';
import type { DocumentKind, ParsedJson } from '../core/types';
import { ECS_NAMES, applyNames } from './cfn-names';
import { VERBATIM, lastProp, type HNode, type HProp, type Range } from './tree';

export type HostFormat = 'json' | 'yaml' | 'hcl';

/** A document embedded in a host file: linted as `kind`, its findings mapped back through `root`'s ranges. */
export interface EmbeddedDoc {
  kind: DocumentKind;
  root: HNode;
  /** Logical id / resource address, for messages. */
  label: string;
  /** Where findings about the document as a whole point (the resource's logical id). */
  anchor: Range;
  /** Values that become plain text although they come from a reference (CloudFormation NoEcho parameters). */
  noEchoRefs?: { node: HNode; parameter: string }[];
}

export interface HostParse {
  format: HostFormat;
  docs: EmbeddedDoc[];
  /** The first syntax error, if the host did not parse cleanly. */
  syntaxError?: { message: string; offset: number; length: number };
  /** Format-specific parse result, used by fixes. */
  tree?: unknown;
}

const RESOURCE_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

// ---- recognition ----

export function isCloudFormationJsonRoot(root: JsonNode | undefined): boolean {
  if (!root || root.type !== 'object') return false;
  const keys = new Map((root.children ?? []).map((p) => [p.children?.[0]?.value, p.children?.[1]]));
  if (keys.has('AWSTemplateFormatVersion')) return true;
  const res = keys.get('Resources');
  if (!res || res.type !== 'object' || !res.children?.length) return false;
  return res.children.every((p) => {
    const r = p.children?.[1];
    const type = r?.children?.find((q) => q.children?.[0]?.value === 'Type')?.children?.[1];
    return type?.type === 'string' && (RESOURCE_TYPE.test(type.value) || /^Custom::/.test(type.value));
  });
}

/** Cheap text test for YAML templates (the document is parsed only when this says yes). */
export function looksLikeCloudFormationYaml(text: string): boolean {
  if (/^AWSTemplateFormatVersion\s*:/m.test(text)) return true;
  return /^Resources\s*:/m.test(text) && /^\s+Type\s*:\s*['"]?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/m.test(text);
}

// ---- JSON host ----

const INTRINSIC = /^(Ref|Condition|Fn::[A-Za-z0-9]+)$/;

function fromJson(n: JsonNode, path: (string | number)[]): HNode {
  const range = { offset: n.offset, length: n.length };
  if (n.type === 'object') {
    const props: HProp[] = [];
    for (const p of n.children ?? []) {
      const k = p.children?.[0];
      const v = p.children?.[1];
      if (!k || !v || typeof k.value !== 'string') continue;
      props.push({ key: k.value, hostKey: k.value, keyRange: { offset: k.offset, length: k.length }, value: fromJson(v, [...path, k.value]) });
    }
    if (props.length === 1 && INTRINSIC.test(props[0].hostKey)) return intrinsic(props[0].hostKey, props[0].value, range, path);
    return { t: 'object', props, range, host: path };
  }
  if (n.type === 'array') return { t: 'array', items: (n.children ?? []).map((c, i) => fromJson(c, [...path, i])), range, host: path };
  return { t: 'scalar', value: n.value ?? null, range, host: path };
}

/** `Ref`, `Fn::Sub` and `Fn::Join` keep what is literal; every other intrinsic is unknown. */
function intrinsic(fn: string, arg: HNode, range: Range, host: unknown): HNode {
  const name = fn.replace(/^Fn::/, '');
  if (name === 'Ref') return { t: 'unknown', range, ref: arg.t === 'scalar' && typeof arg.value === 'string' ? arg.value : undefined, host };
  if (name === 'Sub') {
    const tpl = arg.t === 'array' ? arg.items[0] : arg;
    if (tpl?.t === 'scalar' && typeof tpl.value === 'string') {
      return /\$\{/.test(tpl.value) ? { t: 'template', value: tpl.value, range, host } : { t: 'scalar', value: tpl.value, range, host };
    }
  }
  if (name === 'Join' && arg.t === 'array' && arg.items.length === 2 && arg.items[0].t === 'scalar' && arg.items[1].t === 'array') {
    const sep = String(arg.items[0].value ?? '');
    let known = true;
    const parts = arg.items[1].items.map((p) => {
      if (p.t === 'scalar' && p.value !== null) return String(p.value);
      known = false;
      return p.t === 'template' ? p.value : '${unknown}';
    });
    const value = parts.join(sep);
    return known ? { t: 'scalar', value, range, host } : { t: 'template', value, range, host };
  }
  return { t: 'unknown', range, host };
}

// ---- YAML host ----

function fromYaml(n: YamlNode | null | undefined, fallback: Range): HNode {
  if (!n) return { t: 'scalar', value: null, range: fallback };
  const r = n.range ?? [fallback.offset, fallback.offset + fallback.length, 0];
  const range = { offset: r[0], length: r[1] - r[0] };
  const tag = n.tag;
  if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
    // Short-form intrinsic: the tag sits before the node's own range.
    const fn = tag.slice(1);
    const full = fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`;
    const withTag = { offset: tagStart(n, range.offset), length: range.offset + range.length - tagStart(n, range.offset) };
    const arg = stripTag(n, range);
    return intrinsic(full, arg, withTag, n);
  }
  if (isMap(n)) {
    const props: HProp[] = [];
    for (const pair of n.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const k = String(pair.key.value);
      const kr = { offset: pair.key.range[0], length: pair.key.range[1] - pair.key.range[0] };
      props.push({ key: k, hostKey: k, keyRange: kr, value: fromYaml(pair.value as YamlNode | null, { offset: kr.offset + kr.length, length: 0 }) });
    }
    if (props.length === 1 && INTRINSIC.test(props[0].hostKey)) return intrinsic(props[0].hostKey, props[0].value, range, n);
    return { t: 'object', props, range, host: n };
  }
  if (isSeq(n)) return { t: 'array', items: n.items.map((i) => fromYaml(i as YamlNode, range)), range, host: n };
  if (isScalar(n)) {
    const v = n.value;
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
    return { t: 'scalar', value, range, host: n };
  }
  return { t: 'unknown', range, host: n }; // aliases and anything else
}

/** The tagged node's own content as a plain tree (its tag removed), for the intrinsic's argument. */
function stripTag(n: YamlNode, range: Range): HNode {
  const tag = n.tag;
  n.tag = undefined;
  try { return fromYaml(n, range); } finally { n.tag = tag; }
}

let currentText = '';
function tagStart(n: YamlNode, valueStart: number): number {
  const i = currentText.lastIndexOf(`!${n.tag!.slice(1)}`, valueStart);
  return i >= 0 && valueStart - i < 200 ? i : valueStart;
}

// ---- extraction ----

interface Extract { kind: DocumentKind; value: HNode; ecs: boolean }

function resourceDocs(type: string, props: HNode): Extract[] {
  const out: Extract[] = [];
  const get = (k: string) => lastProp(props, k)?.value;
  const policy = (v: HNode | undefined, kind: DocumentKind) => { if (v?.t === 'object') out.push({ kind, value: v, ecs: false }); };
  switch (type) {
    case 'AWS::ECS::TaskDefinition': out.push({ kind: 'task-definition', value: props, ecs: true }); break;
    case 'AWS::ECS::Service': out.push({ kind: 'service-definition', value: props, ecs: true }); break;
    case 'AWS::IAM::Role': {
      policy(get('AssumeRolePolicyDocument'), 'trust-policy');
      const pols = get('Policies');
      if (pols?.t === 'array') for (const p of pols.items) policy(lastProp(p, 'PolicyDocument')?.value, 'identity-policy');
      break;
    }
    case 'AWS::IAM::Policy': case 'AWS::IAM::ManagedPolicy': case 'AWS::IAM::RolePolicy': case 'AWS::IAM::UserPolicy': case 'AWS::IAM::GroupPolicy':
      policy(get('PolicyDocument'), 'identity-policy'); break;
    case 'AWS::EC2::VPCEndpoint': policy(get('PolicyDocument'), 'endpoint-policy'); break;
    case 'AWS::ECR::Repository': policy(get('RepositoryPolicyText'), 'ecr-repository-policy'); break;
  }
  return out;
}

function extract(template: HNode): EmbeddedDoc[] {
  if (template.t !== 'object') return [];
  const noEcho = new Set<string>();
  const params = lastProp(template, 'Parameters')?.value;
  if (params?.t === 'object') {
    for (const p of params.props) {
      const ne = lastProp(p.value, 'NoEcho')?.value;
      if (ne?.t === 'scalar' && (ne.value === true || ne.value === 'true')) noEcho.add(p.hostKey);
    }
  }
  const resources = lastProp(template, 'Resources')?.value;
  if (resources?.t !== 'object') return [];
  const docs: EmbeddedDoc[] = [];
  for (const res of resources.props) {
    const type = lastProp(res.value, 'Type')?.value;
    const props = lastProp(res.value, 'Properties')?.value;
    if (type?.t !== 'scalar' || typeof type.value !== 'string' || props?.t !== 'object') continue;
    for (const x of resourceDocs(type.value, props)) {
      const root = applyNames(x.value, x.ecs ? ECS_NAMES : VERBATIM);
      const doc: EmbeddedDoc = { kind: x.kind, root, label: res.hostKey, anchor: res.keyRange };
      if (x.kind === 'task-definition' && noEcho.size) doc.noEchoRefs = noEchoEnvironment(root, noEcho);
      docs.push(doc);
    }
  }
  return docs;
}

/** Environment values that `Ref` a NoEcho parameter: the secret ends up in the task definition in plain text. */
function noEchoEnvironment(task: HNode, noEcho: Set<string>): { node: HNode; parameter: string }[] {
  const out: { node: HNode; parameter: string }[] = [];
  const containers = lastProp(task, 'containerDefinitions')?.value;
  if (containers?.t !== 'array') return out;
  for (const c of containers.items) {
    const env = lastProp(c, 'environment')?.value;
    if (env?.t !== 'array') continue;
    for (const e of env.items) {
      const v = lastProp(e, 'value')?.value;
      if (v?.t === 'unknown' && v.ref && noEcho.has(v.ref)) out.push({ node: v, parameter: v.ref });
    }
  }
  return out;
}

export function parseCloudFormationJson(text: string, json: ParsedJson = parseJson(text)): HostParse {
  const { root, errors } = json;
  const syntaxError: HostParse['syntaxError'] = errors.length ? { message: 'Invalid JSON', offset: errors[0].offset, length: Math.max(1, errors[0].length) } : undefined;
  if (!root) return { format: 'json', docs: [], syntaxError };
  return { format: 'json', docs: extract(fromJson(root, [])), syntaxError, tree: root };
}

export function parseCloudFormationYaml(text: string): HostParse {
  const doc: Document = parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: false, logLevel: 'error' });
  let syntaxError: HostParse['syntaxError'];
  if (doc.errors.length) {
    const e = doc.errors[0];
    syntaxError = { message: `Invalid YAML: ${e.message.split('\n')[0]}`, offset: e.pos[0], length: Math.max(1, e.pos[1] - e.pos[0]) };
  }
  currentText = text;
  try {
    const tree = fromYaml(doc.contents as YamlNode | null, { offset: 0, length: 0 });
    return { format: 'yaml', docs: extract(tree), syntaxError, tree: doc };
  } finally {
    currentText = '';
  }
}
