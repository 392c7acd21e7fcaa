// Pure completion for the JSON kinds: property names and enum values of ECS task/service definitions (from the
// generated model), and for IAM policies the grammar keys, Effect, service prefixes, actions (with access level),
// condition operators and the condition keys valid for the statement's actions.
import { createScanner, getLocation, findNodeAtLocation, SyntaxKind, type Location } from 'jsonc-parser';
import type { DocumentKind, JsonNode } from '../core/types';
import { parseJson, properties, child, stringList } from '../core/json';
import { iamData } from '../iam/data';
import { IAM_DATA_JSON } from '../iam/generated/iam-data';
import { OPERATOR_NAMES } from '../iam/data-grammar';
import { POLICY_KINDS } from '../iam/policy-model';
import { ECS_MODEL_FOOTER, ecsModel, typeLabel, type Member } from './model';
import { ECS_KINDS, memberNames, objectSlotAt, slotAt } from './locate';
import { POLICY_KEY_DOCS } from './policy-keys';

export interface JsonCompletion {
  label: string;
  kind: 'property' | 'value' | 'module' | 'function' | 'operator' | 'key';
  detail?: string;
  documentation?: string;
  /** Snippet syntax (`$1`, `${1|a,b|}`) when `snippet` is set, else plain text. */
  insertText: string;
  snippet?: boolean;
  /** The text the item replaces (the partial key or string under the cursor, quotes included). */
  replace: { offset: number; length: number };
  sortText?: string;
  /** Ask the editor to suggest again after inserting (e.g. after `ecs:`). */
  retrigger?: boolean;
}

const q = (s: string) => JSON.stringify(s);

/** A value placeholder for a member of this type, so `"name": ` is followed by something valid to fill in. */
function valueSnippet(m: Member): string {
  const t = m.type;
  if (t.list) return '[$1]';
  switch (t.base) {
    case 'shape': case 'map': return '{$1}';
    case 'number': return '${1:0}';
    case 'boolean': return '${1|false,true|}';
    case 'enum': {
      const values = ecsModel().enumValues(t.ref) ?? [];
      return values.length ? `"\${1|${values.map((v) => v.replace(/[,|$}\\]/g, '\\$&')).join(',')}|}"` : '"$1"';
    }
    default: return '"$1"';
  }
}

/** The string token under the cursor (to replace it whole, quotes included) or an empty range at the cursor. */
function replaceRange(text: string, offset: number): { offset: number; length: number } {
  // The scanner, not getLocation's previousNode: a key not yet followed by `:` has no node.
  const scanner = createScanner(text, false);
  for (let t = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
    const start = scanner.getTokenOffset();
    if (start >= offset) break;
    const end = start + scanner.getTokenLength();
    if (t === SyntaxKind.StringLiteral && offset > start && offset <= end) return { offset: start, length: end - start };
  }
  return { offset, length: 0 };
}

/** Does a `:` follow the key being completed (then only the key is replaced)? */
function hasColonAfter(text: string, r: { offset: number; length: number }): boolean {
  return /^\s*:/.test(text.slice(r.offset + r.length, r.offset + r.length + 200));
}

/** The partial text typed in the string under the cursor (without the opening quote). */
function typed(text: string, r: { offset: number; length: number }, offset: number): string {
  if (r.length === 0) return '';
  return text.slice(r.offset + 1, offset);
}

function propertyItems(text: string, offset: number, entries: { name: string; detail: string; doc: string; value: string }[], present: Set<string>): JsonCompletion[] {
  const r = replaceRange(text, offset);
  const colon = hasColonAfter(text, r);
  return entries.filter((e) => !present.has(e.name)).map((e, i) => ({
    label: e.name, kind: 'property', detail: e.detail, documentation: e.doc,
    insertText: colon ? q(e.name) : `${q(e.name)}: ${e.value}`, snippet: !colon, replace: r, sortText: String(i).padStart(4, '0'),
  }));
}

function valueItems(text: string, offset: number, values: readonly string[], detail: string, docs?: (v: string) => string | undefined): JsonCompletion[] {
  const r = replaceRange(text, offset);
  return values.map((v, i) => ({ label: v, kind: 'value', detail, documentation: docs?.(v), insertText: q(v), replace: r, sortText: String(i).padStart(4, '0') }));
}

function presentKeys(root: JsonNode | undefined, path: (string | number)[]): Set<string> {
  const obj = root && (path.length ? findNodeAtLocation(root, path) : root);
  return new Set(properties(obj).map((p) => p.key));
}

function ecsCompletions(text: string, kind: DocumentKind, offset: number, loc: Location, root: JsonNode | undefined): JsonCompletion[] {
  if (loc.isAtPropertyKey) {
    const objPath = loc.path.slice(0, -1);
    const slot = objectSlotAt(kind, root, objPath);
    if (!slot) return [];
    const entries = memberNames(slot).map(({ member, shape, note }) => ({
      name: member.name,
      detail: `${typeLabel(member.type)}${member.required ? ' (required)' : ''} · ${shape}`,
      doc: [note ? `_${note}_` : '', member.doc, `_${ECS_MODEL_FOOTER}_`].filter(Boolean).join('\n\n'),
      value: valueSnippet(member),
    }));
    // Required members first, then the model's order (which follows the API reference).
    entries.sort((a, b) => Number(b.detail.includes('(required)')) - Number(a.detail.includes('(required)')));
    return propertyItems(text, offset, entries, presentKeys(root, objPath));
  }
  const slot = slotAt(kind, root, loc.path);
  const target = slot?.kind === 'list' ? undefined : slot;
  if (target?.kind === 'value' && target.type.base === 'enum') {
    return valueItems(text, offset, ecsModel().enumValues(target.type.ref) ?? [], `${target.member.name} · ${target.type.ref}`);
  }
  return [];
}

// ---- IAM policies ----

let globalKeys: string[] | undefined;
/** Global (aws:) condition keys: the `global` section of the generated IAM data (flat string map, no nesting). */
function globalConditionKeys(): string[] {
  if (!globalKeys) {
    const at = IAM_DATA_JSON.lastIndexOf('"global":{');
    const end = at < 0 ? -1 : IAM_DATA_JSON.indexOf('}', at);
    try { globalKeys = end < 0 ? [] : Object.keys(JSON.parse(IAM_DATA_JSON.slice(at + 9, end + 1)) as object); } catch { globalKeys = []; }
  }
  return globalKeys;
}

const ACTION_VALUE = (rest: (string | number)[]) => (rest[0] === 'Action' || rest[0] === 'NotAction') && (rest.length === 1 || (rest.length === 2 && typeof rest[1] === 'number'));

function statementNode(root: JsonNode | undefined, path: (string | number)[]): { node: JsonNode | undefined; rest: (string | number)[] } | undefined {
  if (path[0] !== 'Statement') return undefined;
  const indexed = typeof path[1] === 'number';
  const node = root && findNodeAtLocation(root, indexed ? path.slice(0, 2) : ['Statement']);
  return { node, rest: path.slice(indexed ? 2 : 1) };
}

function policyCompletions(text: string, offset: number, loc: Location, root: JsonNode | undefined): JsonCompletion[] {
  const path = loc.path;
  const stmt = statementNode(root, path);
  const r = replaceRange(text, offset);
  if (loc.isAtPropertyKey) {
    const objPath = path.slice(0, -1);
    const where = objPath.length === 0 ? 'policy' : stmt && stmt.rest.length === 1 ? 'statement' : undefined;
    if (where) {
      const entries = Object.entries(POLICY_KEY_DOCS).filter(([, d]) => d.where === where).map(([name, d]) => ({
        name, detail: `IAM policy ${where} element`, doc: d.doc,
        value: name === 'Statement' ? '[{$1}]' : name === 'Condition' || name === 'Principal' || name === 'NotPrincipal' ? '{$1}'
          : name === 'Effect' ? '"${1|Allow,Deny|}"' : name === 'Version' ? '"2012-10-17"' : '"$1"',
      }));
      return propertyItems(text, offset, entries, presentKeys(root, objPath));
    }
    if (stmt?.rest[0] === 'Condition' && stmt.rest.length === 2) {
      // Operators, with the set prefixes for multi-valued keys and IfExists variants further down the list.
      const ops = [...OPERATOR_NAMES, ...OPERATOR_NAMES.filter((o) => o !== 'Null').map((o) => `${o}IfExists`),
        ...['ForAnyValue:', 'ForAllValues:'].flatMap((p) => OPERATOR_NAMES.filter((o) => o !== 'Null').map((o) => p + o))];
      const colon = hasColonAfter(text, r);
      return ops.map((op, i) => ({ label: op, kind: 'operator', detail: 'condition operator', insertText: colon ? q(op) : `${q(op)}: {$1}`, snippet: !colon, replace: r, sortText: String(i).padStart(4, '0') }));
    }
    if (stmt?.rest[0] === 'Condition' && stmt.rest.length === 3) {
      // Keys valid for the statement's actions (service keys from the IAM data), then the global aws: keys.
      const data = iamData();
      const keys = new Set<string>();
      for (const a of stringList(child(stmt.node, 'Action'))) for (const info of data.expand(a.value).slice(0, 500)) for (const k of info.conditionKeys) keys.add(k);
      const colon = hasColonAfter(text, r);
      const items = [...[...keys].sort(), ...globalConditionKeys()].filter((k, i, all) => all.indexOf(k) === i);
      return items.map((k, i) => ({
        label: k, kind: 'key', detail: `${data.conditionKey(k)?.type ?? ''} condition key`.trim(),
        insertText: colon ? q(k) : `${q(k)}: "$1"`, snippet: !colon, replace: r, sortText: String(i).padStart(5, '0'),
      }));
    }
    return [];
  }
  if (!stmt) return [];
  if (stmt.rest.length === 1 && stmt.rest[0] === 'Effect') {
    return valueItems(text, offset, ['Allow', 'Deny'], 'Effect', (v) => (v === 'Deny' ? 'An explicit Deny overrides every Allow.' : 'Grants the actions unless a Deny matches.'));
  }
  if (ACTION_VALUE(stmt.rest)) {
    const data = iamData();
    const sofar = typed(text, r, offset);
    const colon = sofar.indexOf(':');
    if (colon > 0) {
      const prefix = sofar.slice(0, colon).toLowerCase();
      return data.serviceActions(prefix).map((a, i) => ({
        label: a.name, kind: 'function', detail: a.accessLevel, documentation: a.description,
        insertText: q(a.name), replace: r, sortText: String(i).padStart(5, '0'),
      }));
    }
    return data.servicePrefixes().sort().map((p, i) => ({
      label: p, kind: 'module', detail: data.serviceName(p), insertText: `"${p}:$0"`, snippet: true, replace: r, sortText: String(i).padStart(5, '0'), retrigger: true,
    }));
  }
  return [];
}

/** Completions at `offset` in a JSON document of `kind`; [] for other kinds and positions. Never throws on bad text. */
export function jsonCompletionsAt(text: string, kind: DocumentKind, offset: number): JsonCompletion[] {
  if (typeof text !== 'string' || offset < 0 || offset > text.length) return [];
  const isEcs = ECS_KINDS.includes(kind);
  if (!isEcs && !POLICY_KINDS.includes(kind)) return [];
  const loc = getLocation(text, offset);
  const root = parseJson(text).root;
  return isEcs ? ecsCompletions(text, kind, offset, loc, root) : policyCompletions(text, offset, loc, root);
}
