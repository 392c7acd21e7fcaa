// A shared, range-keeping view of an IAM policy document (identity, trust, endpoint, ECR repository).
// Tolerant: a single-object Statement, string-or-array values, wrong types and missing fields never throw.
import type { DocumentKind, JsonNode, RuleContext, TextEdit } from '../core/types';
import { child, elements, keyNode, properties, stringList, stringValue } from '../core/json';
import { iamData } from './data';
import { wildcardMatch } from '../core/glob';
import { chainEdits, setValue } from '../core/edits';

export const POLICY_KINDS: readonly DocumentKind[] = ['identity-policy', 'trust-policy', 'endpoint-policy', 'ecr-repository-policy'];
/** Resource-based policy kinds (they carry a Principal). */
export const RESOURCE_POLICY_KINDS: readonly DocumentKind[] = ['trust-policy', 'endpoint-policy', 'ecr-repository-policy'];

export interface Str {
  value: string;
  node: JsonNode;
}

export interface Principal extends Str {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for the bare `"Principal": "*"`. */
  type: string;
}

export interface ConditionEntry {
  operator: string;
  operatorNode: JsonNode;
  key: string;
  keyNode: JsonNode;
  values: Str[];
}

export interface Statement {
  node: JsonNode;
  /** JSON path of the statement object (for edits). */
  path: (string | number)[];
  sid?: Str;
  effect?: string;
  effectNode?: JsonNode;
  actions: Str[];
  notActions: Str[];
  resources: Str[];
  notResources: Str[];
  principals: Principal[];
  notPrincipals: Principal[];
  conditions: ConditionEntry[];
  /** Raw value nodes, present when the element is present (whatever its type). */
  raw: { action?: JsonNode; notAction?: JsonNode; resource?: JsonNode; notResource?: JsonNode; principal?: JsonNode; notPrincipal?: JsonNode; condition?: JsonNode };
}

export interface PolicyView {
  root: JsonNode;
  statementNode?: JsonNode;
  statements: Statement[];
}

function principalsOf(node: JsonNode | undefined): Principal[] {
  if (!node) return [];
  if (node.type === 'string') return [{ type: '*', value: node.value as string, node }];
  const out: Principal[] = [];
  for (const p of properties(node)) {
    for (const s of stringList(p.value)) out.push({ type: p.key, value: s.value, node: s.node });
  }
  return out;
}

function conditionsOf(node: JsonNode | undefined): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  for (const op of properties(node)) {
    for (const k of properties(op.value)) {
      const values = k.value && (k.value.type === 'string' || k.value.type === 'array') ? stringList(k.value) : [];
      out.push({ operator: op.key, operatorNode: op.keyNode, key: k.key, keyNode: k.keyNode, values });
    }
  }
  return out;
}

function statementOf(node: JsonNode, path: (string | number)[]): Statement {
  const sidNode = child(node, 'Sid');
  const effectNode = child(node, 'Effect');
  const raw = {
    action: child(node, 'Action'), notAction: child(node, 'NotAction'),
    resource: child(node, 'Resource'), notResource: child(node, 'NotResource'),
    principal: child(node, 'Principal'), notPrincipal: child(node, 'NotPrincipal'),
    condition: child(node, 'Condition'),
  };
  return {
    node, path,
    sid: sidNode?.type === 'string' ? { value: sidNode.value as string, node: sidNode } : undefined,
    effect: stringValue(effectNode),
    effectNode,
    actions: stringList(raw.action),
    notActions: stringList(raw.notAction),
    resources: stringList(raw.resource),
    notResources: stringList(raw.notResource),
    principals: principalsOf(raw.principal),
    notPrincipals: principalsOf(raw.notPrincipal),
    conditions: conditionsOf(raw.condition),
    raw,
  };
}

/** The policy view, or undefined when the document is not an object. */
export function policyView(ctx: RuleContext): PolicyView | undefined {
  const root = ctx.json?.root;
  if (!root || root.type !== 'object') return undefined;
  const statementNode = child(root, 'Statement');
  const statements: Statement[] = [];
  if (statementNode?.type === 'object') statements.push(statementOf(statementNode, ['Statement']));
  else {
    elements(statementNode).forEach((n, i) => {
      if (n.type === 'object') statements.push(statementOf(n, ['Statement', i]));
    });
  }
  return { root, statementNode, statements };
}

export const isAllow = (s: Statement) => s.effect === 'Allow';

/** True when any condition key of the statement is one of `keys` (case-insensitive, any operator). */
export function hasConditionKey(s: Statement, keys: readonly string[]): boolean {
  // A `${...}` placeholder is a deploy-time value (how hosts render a Terraform `dynamic "condition"`): it may hold them.
  if (s.raw.condition?.type === 'string' && String(s.raw.condition.value).startsWith('${')) return true;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  return s.conditions.some((c) => wanted.has(c.key.toLowerCase()));
}

/** Everyone: `"Principal": "*"` or `{"AWS": "*"}` (also inside an array). */
export function publicPrincipal(s: Statement): Principal | undefined {
  return s.principals.find((p) => p.value === '*' && (p.type === '*' || p.type === 'AWS'));
}

/** Action `*` or `*:*`: every action of every service. iam/wildcard-action owns it (see its docs page). */
export const ALL_ACTIONS = /^\*(:\*)?$/;

/**
 * AWS's default endpoint policy (any principal, every action, every resource, no condition): endpoint/full-access
 * owns it; org-boundary and wildcard-action stay silent on such a statement.
 */
export function isFullAccessDefault(s: Statement): boolean {
  return isAllow(s) && !!publicPrincipal(s) && s.actions.some((a) => ALL_ACTIONS.test(a.value))
    && s.resources.some((r) => r.value === '*') && properties(s.raw.condition).length === 0;
}

/** Readable quoting for messages. */
export const q = (s: string) => JSON.stringify(s);

/**
 * Edits that add condition keys to a statement, merging into an existing Condition block (never clobbering it).
 * Undefined when the existing Condition or operator block is not an object (a fix there would be a guess).
 */
export function addConditionEdits(text: string, s: Statement, add: Record<string, Record<string, unknown>>): TextEdit[] | undefined {
  const cond = s.raw.condition;
  if (cond && cond.type !== 'object') return undefined;
  const steps: ((t: string) => TextEdit[])[] = [];
  for (const [op, keys] of Object.entries(add)) {
    const opNode = child(cond, op);
    if (opNode && opNode.type !== 'object') return undefined;
    for (const [key, v] of Object.entries(keys)) steps.push((t) => setValue(t, [...s.path, 'Condition', op, key], v));
  }
  return chainEdits(text, steps);
}

/** IAM-style glob match (`*`, `?`), case-insensitive, as IAM matches action names. */
export function globMatch(pattern: string, name: string): boolean {
  return wildcardMatch(pattern, name);
}

/** The Action strings of Allow statements that match a known action name. */
export function allowedMatches(view: PolicyView, action: string): { stmt: Statement; action: Str }[] {
  const out: { stmt: Statement; action: Str }[] = [];
  for (const s of view.statements) {
    if (!isAllow(s)) continue;
    for (const a of s.actions) if (globMatch(a.value, action)) out.push({ stmt: s, action: a });
  }
  return out;
}

const expansions = new Map<string, Set<string>>();
/** Lower-case names of the actions an Action pattern covers, from the IAM data (cached per pattern). */
export function expandPattern(pattern: string): Set<string> {
  const key = pattern.toLowerCase();
  let set = expansions.get(key);
  if (!set) {
    set = new Set(iamData().expand(pattern).map((a) => a.name.toLowerCase()));
    if (expansions.size > 5000) expansions.clear();
    expansions.set(key, set);
  }
  return set;
}

/**
 * How a statement grants a known action: the Action string that covers it, the NotAction key when an Allow with
 * NotAction does not exclude it, or undefined. `exceptAll` ignores `*` / `*:*`.
 */
export function grantingNode(s: Statement, action: string, exceptAll = false): JsonNode | undefined {
  const name = action.toLowerCase();
  // exceptAll: `*` is iam/wildcard-action's finding, so rules about specific actions do not repeat it.
  const hit = s.actions.find((a) => !(exceptAll && ALL_ACTIONS.test(a.value)) && expandPattern(a.value).has(name));
  if (hit) return hit.node;
  if (s.raw.notAction && !s.notActions.some((a) => expandPattern(a.value).has(name))) return keyNode(s.node, 'NotAction');
  return undefined;
}

/** Fixes that reparse the document (modify()) are computed for the first `n` findings of a rule per document only. */
export function fixBudget(n = 25): () => boolean {
  let left = n;
  return () => left-- > 0;
}
