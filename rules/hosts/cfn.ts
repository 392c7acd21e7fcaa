// CloudFormation templates (JSON, YAML, CDK output): recognise them, convert them to host trees, and extract the ECS
// and IAM documents embedded in their resources.
import type { Node as JsonNode } from 'jsonc-parser';
import { parseJson } from '../core/json';
import { parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node as YamlNode } from 'yaml';
import type { DocumentKind, ParsedJson } from '../core/types';
import { ECS_NAMES, applyNames } from './cfn-names';
import { environmentRefs, isPlaintextCredential, type EnvRef } from './env-refs';
import { exactRange, mapScript } from './script';
import { VERBATIM, lastProp, type HNode, type HProp, type Range } from './tree';
import type { EmbeddedScript } from './terraform-userdata';
import type { HclBody } from './hcl/parser';

export type HostFormat = 'json' | 'yaml' | 'hcl';

/** A document embedded in a host file: linted as `kind`, its findings mapped back through `root`'s ranges. */
export interface EmbeddedDoc {
  kind: DocumentKind;
  root: HNode;
  /** Logical id / resource address, for messages. */
  label: string;
  /** Where findings about the document as a whole point (the resource's logical id). */
  anchor: Range;
  /** A stand-in for a policy the host leaves out (an endpoint without one gets AWS's default): no fixes. */
  synthetic?: boolean;
  /** For identity policies of roles: who the role is for ('other-role': not ECS tasks, e.g. an EC2 instance role). */
  audience?: Audience;
  /** An embedded shell script (EC2 UserData) linted as `agent-config`: its text; `root` is the value it came from. */
  script?: string;
  /** Environment values that become plain text although they come from a parameter, variable or dynamic reference. */
  envRefs?: EnvRef[];
}

/** A template resource, for in-source suppressions: its logical id, its whole extent and its ecs-lint Metadata. */
export interface HostResource {
  label: string;
  /** The logical id key. */
  header: Range;
  /** From the logical id to the end of the resource's value. */
  range: Range;
  /** `Metadata: { "ecs-lint": … }` as written (checked by the configuration layer). */
  metadata?: HProp;
}

export interface HostParse {
  format: HostFormat;
  docs: EmbeddedDoc[];
  /** CloudFormation resources (every type: a Metadata entry on any of them must be checked). */
  resources?: HostResource[];
  /** The first syntax error, if the host did not parse cleanly. */
  syntaxError?: { message: string; offset: number; length: number };
  /** Shell scripts to lint as ecs.config writers (Terraform user data). */
  scripts?: EmbeddedScript[];
  /** Why the file could not be read at all (the Terraform grammar is not loaded): one finding, never silence. */
  unavailable?: string;
  /** Format-specific parse result, used by fixes. */
  tree?: unknown;
  /** CloudFormation: the whole template as a host tree (rules/deployment builds its model from it). */
  template?: HNode;
  /** Terraform: the file's HCL body, as parsed once (rules/deployment builds its model of the module from it). */
  hcl?: HclBody;
}

// Recognition is part of kind detection, so it lives in the core (which must not import the hosts).
export { isCloudFormationJsonRoot, looksLikeCloudFormationYaml } from '../core/cfn-detect';

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

/** An intrinsic's value, remembering the call (its references are followed by rules/deployment). */
function intrinsic(fn: string, arg: HNode, range: Range, host: unknown): HNode {
  const node = intrinsicValue(fn, arg, range, host);
  node.call = { fn: fn.replace(/^Fn::/, ''), arg };
  return node;
}

/** `Ref`, `Fn::Sub` and `Fn::Join` keep what is literal; every other intrinsic is unknown. */
function intrinsicValue(fn: string, arg: HNode, range: Range, host: unknown): HNode {
  const name = fn.replace(/^Fn::/, '');
  if (name === 'Ref') {
    const ref = arg.t === 'scalar' && typeof arg.value === 'string' ? arg.value : undefined;
    return { t: 'unknown', range, ref, text: ref ?? 'Ref', host };
  }
  if (name === 'Sub') {
    const tpl = arg.t === 'array' ? arg.items[0] : arg;
    if (tpl?.t === 'scalar' && typeof tpl.value === 'string') {
      return /\$\{/.test(tpl.value) ? { t: 'template', value: tpl.value, range, host } : { t: 'scalar', value: tpl.value, range, host };
    }
  }
  // Base64 of a known script is the script (UserData); the encoding does not change what ecs.config receives.
  if (name === 'Base64' && (arg.t === 'scalar' || arg.t === 'template')) return { ...arg, range, host };
  if (name === 'Join' && arg.t === 'array' && arg.items.length === 2 && arg.items[0].t === 'scalar' && arg.items[1].t === 'array') {
    const sep = String(arg.items[0].value ?? '');
    let known = true;
    const parts = arg.items[1].items.map((p) => {
      if (p.t === 'scalar' && p.value !== null) return String(p.value);
      known = false;
      return p.t === 'template' ? p.value : `\${${p.t === 'unknown' && p.text ? p.text : 'Fn::Join'}}`;
    });
    const value = parts.join(sep);
    return known ? { t: 'scalar', value, range, host } : { t: 'template', value, range, host };
  }
  return { t: 'unknown', range, text: name === 'GetAtt' ? getAttText(arg) : fn, host };
}

/** `Resource.Attribute`, as `!Sub` spells a GetAtt. */
function getAttText(arg: HNode): string {
  if (arg.t === 'scalar' && typeof arg.value === 'string') return arg.value;
  if (arg.t === 'array' && arg.items.every((i) => i.t === 'scalar')) return arg.items.map((i) => String((i as { value: unknown }).value)).join('.');
  return 'Fn::GetAtt';
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

interface Extract { kind: DocumentKind; value: HNode; ecs: boolean; synthetic?: boolean; script?: string; audience?: Audience }

/** UserData that writes /etc/ecs/ecs.config: the agent settings it writes are linted like an ecs.config. */
function userData(v: HNode | undefined, out: Extract[]): void {
  if (!v || (v.t !== 'scalar' && v.t !== 'template') || typeof v.value !== 'string') return;
  if (/\/etc\/ecs\/ecs\.config(?![\w.-])/.test(v.value)) out.push({ kind: 'agent-config', value: v, ecs: false, script: v.value });
}

/** AWS's default endpoint policy, every node at `at`: what an endpoint without a policy document gets. */
export function defaultEndpointPolicy(at: Range): HNode {
  const s = (value: string): HNode => ({ t: 'scalar', value, range: at });
  const prop = (key: string, value: HNode): HProp => ({ key, hostKey: key, keyRange: at, value });
  const statement: HNode = { t: 'object', range: at, props: [prop('Effect', s('Allow')), prop('Principal', s('*')), prop('Action', s('*')), prop('Resource', s('*'))] };
  return { t: 'object', range: at, props: [prop('Version', s('2012-10-17')), prop('Statement', { t: 'array', items: [statement], range: at })] };
}

const MAX_POLICY_DEPTH = 64;

/**
 * A policy written as a JSON string (`AssumeRolePolicyDocument: |` then JSON, or an escaped JSON string): the parsed
 * document, with ranges in the host where its text is spelt the same (a YAML block), else the whole string.
 */
function jsonPolicyString(v: HNode): HNode | undefined {
  if (v.t !== 'scalar' || typeof v.value !== 'string' || !/^\s*\{/.test(v.value)) return undefined;
  // The engine's parser: it never recurses past its depth limit (a hostile string cannot overflow the stack).
  const { root, errors, deepRanges } = parseJson(v.value);
  if (!root || errors.length || deepRanges || root.type !== 'object') return undefined;
  const map = mapScript(currentText, v.value, v.range);
  const at = (o: number, len: number) => exactRange(map, o, o + len) ?? v.range;
  const conv = (n: JsonNode, depth = 0): HNode => {
    const range = at(n.offset, n.length);
    if (depth > MAX_POLICY_DEPTH) return { t: 'unknown', range, text: 'nested too deep' }; // no real policy nests this far
    if (n.type === 'object') {
      const props: HProp[] = [];
      for (const p of n.children ?? []) {
        const [k, val] = p.children ?? [];
        if (k && val && typeof k.value === 'string') props.push({ key: k.value, hostKey: k.value, keyRange: at(k.offset, k.length), value: conv(val, depth + 1) });
      }
      return { t: 'object', props, range };
    }
    if (n.type === 'array') return { t: 'array', items: (n.children ?? []).map((c) => conv(c, depth + 1)), range };
    return { t: 'scalar', value: n.value ?? null, range };
  };
  return conv(root);
}

/** Who a role is for, from its trust policy: ECS tasks, something else (EC2 instances, Lambda), or unknown. */
export type Audience = 'task-role' | 'other-role' | undefined;
function roleAudience(trust: HNode | undefined): Audience {
  if (!trust) return undefined;
  const services: string[] = [];
  let unknown = false;
  const walk = (n: HNode, inService: boolean) => {
    if (n.t === 'unknown' || n.t === 'template') { unknown = true; return; }
    if (n.t === 'scalar') { if (inService && typeof n.value === 'string') services.push(n.value); return; }
    if (n.t === 'array') { for (const i of n.items) walk(i, inService); return; }
    for (const p of n.props) walk(p.value, inService || p.key === 'Service');
  };
  walk(trust, false);
  if (services.some((s) => /^ecs-tasks\./.test(s))) return 'task-role';
  return unknown || services.length === 0 ? undefined : 'other-role';
}

function resourceDocs(type: string, props: HNode, roles?: Map<string, Audience>): Extract[] {
  const out: Extract[] = [];
  const get = (k: string) => lastProp(props, k)?.value;
  const policy = (v: HNode | undefined, kind: DocumentKind, audience?: Audience) => {
    const doc = v && (v.t === 'object' ? v : jsonPolicyString(v));
    if (doc) out.push({ kind, value: doc, ecs: false, audience });
  };
  switch (type) {
    case 'AWS::ECS::TaskDefinition': out.push({ kind: 'task-definition', value: props, ecs: true }); break;
    case 'AWS::ECS::Service': out.push({ kind: 'service-definition', value: props, ecs: true }); break;
    case 'AWS::IAM::Role': {
      const trust = get('AssumeRolePolicyDocument');
      policy(trust, 'trust-policy');
      const audience = roleAudience(trust && (trust.t === 'object' ? trust : jsonPolicyString(trust)));
      const pols = get('Policies');
      if (pols?.t === 'array') for (const p of pols.items) policy(lastProp(p, 'PolicyDocument')?.value, 'identity-policy', audience);
      break;
    }
    case 'AWS::IAM::Policy': case 'AWS::IAM::ManagedPolicy': case 'AWS::IAM::RolePolicy': case 'AWS::IAM::UserPolicy': case 'AWS::IAM::GroupPolicy': {
      // Attached to roles of this template: their audience, when every one is known and none is a task role.
      const attached = get('Roles') ?? get('RoleName');
      const refs = attached?.t === 'array' ? attached.items : attached ? [attached] : [];
      const known = refs.map((r) => (r.t === 'unknown' && r.ref ? roles?.get(r.ref) : undefined));
      const audience = refs.length && known.every((a) => a === 'other-role') && !get('Users') && !get('Groups') ? 'other-role' : undefined;
      policy(get('PolicyDocument'), 'identity-policy', audience);
      break;
    }
    case 'AWS::EC2::VPCEndpoint': {
      const type = get('VpcEndpointType');
      if (get('PolicyDocument')) policy(get('PolicyDocument'), 'endpoint-policy');
      // No policy: AWS attaches its full-access default (Gateway Load Balancer endpoints take no policy).
      else if (!(type?.t === 'scalar' && type.value === 'GatewayLoadBalancer') && type?.t !== 'unknown') out.push({ kind: 'endpoint-policy', value: props, ecs: false, synthetic: true });
      break;
    }
    case 'AWS::ECR::Repository': policy(get('RepositoryPolicyText'), 'ecr-repository-policy'); break;
    case 'AWS::EC2::Instance': case 'AWS::AutoScaling::LaunchConfiguration': userData(get('UserData'), out); break;
    case 'AWS::EC2::LaunchTemplate': userData(lastProp(get('LaunchTemplateData') ?? props, 'UserData')?.value, out); break;
  }
  return out;
}

function extract(template: HNode): { docs: EmbeddedDoc[]; resources: HostResource[] } {
  const docs: EmbeddedDoc[] = [];
  const resources: HostResource[] = [];
  if (template.t !== 'object') return { docs, resources };
  const noEcho = new Set<string>();
  const all = new Set<string>();
  const params = lastProp(template, 'Parameters')?.value;
  if (params?.t === 'object') {
    for (const p of params.props) {
      all.add(p.hostKey);
      const ne = lastProp(p.value, 'NoEcho')?.value;
      if (ne?.t === 'scalar' && (ne.value === true || ne.value === 'true')) noEcho.add(p.hostKey);
    }
  }
  const resourceMap = lastProp(template, 'Resources')?.value;
  if (resourceMap?.t !== 'object') return { docs, resources };
  const roles = new Map<string, Audience>();
  for (const res of resourceMap.props) {
    const type = lastProp(res.value, 'Type')?.value;
    const trust = lastProp(lastProp(res.value, 'Properties')?.value ?? res.value, 'AssumeRolePolicyDocument')?.value;
    if (type?.t === 'scalar' && type.value === 'AWS::IAM::Role') roles.set(res.hostKey, roleAudience(trust && (trust.t === 'object' ? trust : jsonPolicyString(trust))));
  }
  for (const res of resourceMap.props) {
    const end = res.value.range.offset + res.value.range.length;
    const meta = lastProp(res.value, 'Metadata')?.value;
    const range = { offset: res.keyRange.offset, length: Math.max(res.keyRange.length, end - res.keyRange.offset) };
    resources.push({ label: res.hostKey, header: res.keyRange, range, metadata: meta && lastProp(meta, 'ecs-lint') });
    const type = lastProp(res.value, 'Type')?.value;
    const props = lastProp(res.value, 'Properties')?.value;
    if (type?.t !== 'scalar' || typeof type.value !== 'string' || props?.t !== 'object') continue;
    for (const x of resourceDocs(type.value, props, roles)) {
      const root = applyNames(x.value, x.ecs ? ECS_NAMES : VERBATIM);
      const label = cdkPath(res.value) ?? res.hostKey;
      const doc: EmbeddedDoc = x.synthetic
        ? { kind: x.kind, root: defaultEndpointPolicy(res.keyRange), label: `${label} (no PolicyDocument, so AWS's default policy)`, anchor: res.keyRange, synthetic: true }
        : { kind: x.kind, root, label, anchor: res.keyRange, script: x.script, audience: x.audience };
      if (x.kind === 'task-definition') doc.envRefs = environmentRefs(root, { all, noEcho }).filter(isPlaintextCredential);
      docs.push(doc);
    }
  }
  return { docs, resources };
}

/** CDK output: a resource's construct path (`Api/Service/SecurityGroup`), which is what its author edits. */
export function cdkPath(resource: HNode): string | undefined {
  const meta = lastProp(resource, 'Metadata')?.value;
  const p = meta && lastProp(meta, 'aws:cdk:path')?.value;
  return p?.t === 'scalar' && typeof p.value === 'string' ? p.value.replace(/\/(Resource|Default)$/, '') : undefined;
}

export function parseCloudFormationJson(text: string, json: ParsedJson = parseJson(text)): HostParse {
  const { root, errors } = json;
  const syntaxError: HostParse['syntaxError'] = errors.length ? { message: 'Invalid JSON', offset: errors[0].offset, length: Math.max(1, errors[0].length) } : undefined;
  if (!root) return { format: 'json', docs: [], syntaxError };
  currentText = text;
  try {
    const template = fromJson(root, []);
    return { format: 'json', ...extract(template), syntaxError, tree: root, template };
  } finally {
    currentText = '';
  }
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
    return { format: 'yaml', ...extract(tree), syntaxError, tree: doc, template: tree };
  } finally {
    currentText = '';
  }
}
