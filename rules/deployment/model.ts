// The whole host as one model: every resource (type, properties, logical id or address, ranges) and the references
// between them. Host-agnostic: adapters (./cfn.ts) build it from the trees rules/hosts already parse. Values stay
// host trees (rules/hosts/tree.ts) in which deploy-time values are explicit `unknown` nodes: a rule that meets one
// says nothing.
import type { HNode, Range } from '../hosts/tree';
import type { HostFormat } from '../hosts/cfn';

export interface Resource {
  /** Logical id (CloudFormation) or address (Terraform `aws_x.name`). */
  id: string;
  /** `AWS::EC2::SecurityGroup`, `aws_security_group`. */
  type: string;
  /** Properties (arguments) as a host tree; undefined when the resource has none. */
  props: HNode | undefined;
  /** The logical id's key (block labels): where findings about the resource as a whole point. */
  anchor: Range;
  /** From the logical id to the end of the resource's definition. */
  range: Range;
  /** What its author edits and messages name: the CDK construct path when there is one, else the id. */
  label: string;
  /** Explicit `DependsOn` ids. */
  dependsOn: string[];
  /** CloudFormation `Condition`: the resource exists only when it holds (a deploy-time fact). */
  condition?: string;
}

/** A reference from one resource's value to another resource (`Ref`, `Fn::GetAtt`, `${Name}` in `Fn::Sub`, DependsOn). */
export interface Reference {
  from: Resource;
  to: Resource;
  attr?: string;
  /** The referring value (the intrinsic call); its range is what a hover on the reference covers. */
  node: HNode;
}

/** What a value resolves to: a resource of the model, or `unknown` (parameter, import, pseudo parameter, condition). */
export type Target = { resource: Resource; attr?: string } | 'unknown';

/** A Terraform module call: its name, its literal `source`, and the resources its arguments reference. */
export interface ModuleCall { name: string; source?: string; refs: ReadonlySet<Resource> }

/** Terraform: one file of the module, where it sits in the model's offset space (the linted file first, at 0). */
export interface ModuleFile { fileName?: string; offset: number; length: number }

export interface DeploymentModel {
  format: HostFormat;
  /** The linted file's text (Terraform: followed by its siblings', one line break between each). */
  text: string;
  /** Terraform: the module's files; absent for CloudFormation (one file). */
  files?: ModuleFile[];
  /**
   * No quick fixes are computed (the host has a syntax error or values nested too deep): jsonc-parser's formatting
   * of such a template can take minutes (found by fuzzing), and an edit after the error could land in the wrong place.
   */
  noFixes?: boolean;
  resources: Resource[];
  /**
   * Terraform: the module calls (`module "x" { ... }`) of the module, with the addresses of the resources their
   * arguments reference. What a called module creates is not read: a rule about a resource such a call is given
   * (a VPC passed to a flow-log or endpoints module) treats what it may add as unknown.
   */
  moduleCalls?: ModuleCall[];
  byId: ReadonlyMap<string, Resource>;
  references: Reference[];
  /**
   * The resource a value points at; `unknown` for a deploy-time value that is not one of the file's resources;
   * undefined for a literal (an id or ARN written out, which names something outside the file).
   */
  resolve(n: HNode | undefined): Target | undefined;
}

/** Per-model indexes, built on first use: rules ask for resources by type and references by target many times. */
interface Indexes { byType: Map<string, Resource[]>; byTarget: Map<Resource, Reference[]> }
const indexes = new WeakMap<DeploymentModel, Indexes>();
function indexOf(model: DeploymentModel): Indexes {
  let ix = indexes.get(model);
  if (!ix) {
    ix = { byType: new Map(), byTarget: new Map() };
    for (const r of model.resources) (ix.byType.get(r.type) ?? ix.byType.set(r.type, []).get(r.type)!).push(r);
    for (const ref of model.references) (ix.byTarget.get(ref.to) ?? ix.byTarget.set(ref.to, []).get(ref.to)!).push(ref);
    indexes.set(model, ix);
  }
  return ix;
}

/** Resources of the given types, in file order. */
export function ofType(model: DeploymentModel, ...types: string[]): Resource[] {
  const ix = indexOf(model).byType;
  if (types.length === 1) return ix.get(types[0]) ?? [];
  return model.resources.filter((r) => types.includes(r.type) && ix.has(r.type));
}

/** The resource a value points at, when it is one of the file's resources (of one of `types`, when given). */
export function target(model: DeploymentModel, n: HNode | undefined, ...types: string[]): Resource | undefined {
  const t = model.resolve(n);
  if (!t || t === 'unknown') return undefined;
  return types.length === 0 || types.includes(t.resource.type) ? t.resource : undefined;
}

/** References to `to` (optionally only those from resources of `types`). */
export function referrers(model: DeploymentModel, to: Resource, ...types: string[]): Reference[] {
  const refs = indexOf(model).byTarget.get(to) ?? [];
  return types.length === 0 ? refs : refs.filter((r) => types.includes(r.from.type));
}

/** Value at a path of host keys (`NetworkConfiguration`, `AwsvpcConfiguration`, ...). Last duplicate key wins. */
export function get(n: HNode | undefined, ...keys: string[]): HNode | undefined {
  let cur = n;
  for (const k of keys) {
    if (cur?.t !== 'object') return undefined;
    let next: HNode | undefined;
    for (let i = cur.props.length - 1; i >= 0 && !next; i--) if (cur.props[i].hostKey === k) next = cur.props[i].value;
    cur = next;
  }
  return cur;
}

/** The key range of a property (for findings about a missing or wrong setting), by host key. */
export function keyRange(n: HNode | undefined, key: string): Range | undefined {
  if (n?.t !== 'object') return undefined;
  for (let i = n.props.length - 1; i >= 0; i--) if (n.props[i].hostKey === key) return n.props[i].keyRange;
  return undefined;
}

/** A literal string (numbers too, as written); undefined for anything else, unknowns included. */
export function str(n: HNode | undefined): string | undefined {
  if (n?.t !== 'scalar' || n.value === null || typeof n.value === 'boolean') return undefined;
  return String(n.value);
}

/** A literal boolean (CloudFormation's "true"/"false" strings too). */
export function bool(n: HNode | undefined): boolean | undefined {
  if (n?.t !== 'scalar') return undefined;
  if (typeof n.value === 'boolean') return n.value;
  if (typeof n.value === 'string' && /^(true|false)$/i.test(n.value)) return n.value.toLowerCase() === 'true';
  return undefined;
}

/** A literal integer (CloudFormation writes ports as numbers or strings). */
export function int(n: HNode | undefined): number | undefined {
  const s = str(n);
  return s !== undefined && /^-?\d+$/.test(s.trim()) ? Number(s) : undefined;
}

/** Items of a list; a single value stands for itself. Undefined when the list itself is unknown. */
export function items(n: HNode | undefined): HNode[] | undefined {
  if (!n) return [];
  if (n.t === 'array') return n.items;
  if (n.t === 'unknown') return undefined;
  return [n];
}

/** Whether a value is (or contains) a deploy-time value. */
export function isUnknown(n: HNode | undefined): boolean {
  return n?.t === 'unknown' || n?.t === 'template';
}
