// Pure field hover for ECS documents: what the key (or enum value) under the cursor is, from the generated model.
import { findNodeAtOffset } from 'jsonc-parser';
import type { DocumentKind, JsonNode } from '../core/types';
import { parseJson, pathOf } from '../core/json';
import { editDistance } from '../iam/data';
import { ECS_MODEL_FOOTER, ecsModel, typeLabel, type Member } from './model';
import { ECS_KINDS, memberNames, memberOf, objectSlotAt, slotAt, type Slot } from './locate';
import { watchingRules } from './security';

export type FieldHit =
  | { type: 'member'; shape: string; member: Member; note?: string; offset: number; length: number }
  | { type: 'unknown-key'; key: string; shapes: string[]; suggestions: string[]; offset: number; length: number }
  | { type: 'map-key'; key: string; shape: string; member: Member; offset: number; length: number }
  | { type: 'enum-value'; value: string; shape: string; member: Member; values: readonly string[]; offset: number; length: number };

/** Nearest member names (case-insensitive edit distance <= 2, or same letters in another case). */
export function suggestMembers(slot: Slot, key: string, max = 3): string[] {
  const scored = memberNames(slot)
    .map(({ member }) => ({ name: member.name, d: editDistance(key, member.name, 3) }))
    .filter((x) => x.d <= Math.min(3, Math.max(1, Math.floor(key.length / 3))))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  return scored.slice(0, max).map((x) => x.name);
}

/** Object node that a key node belongs to, or undefined when `node` is not a property key. */
function objectOfKey(node: JsonNode): JsonNode | undefined {
  const prop = node.parent;
  return prop?.type === 'property' && prop.children?.[0] === node ? prop.parent : undefined;
}

/** The ECS field (key or enum value) at `offset`; undefined outside ECS kinds, between tokens or off the model. */
export function fieldAt(text: string, kind: DocumentKind, offset: number, parsed?: { root: JsonNode | undefined }): FieldHit | undefined {
  if (!ECS_KINDS.includes(kind) || typeof text !== 'string' || offset < 0 || offset > text.length) return undefined;
  const root = (parsed ?? parseJson(text)).root;
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (!node || node.type !== 'string' || offset < node.offset || offset > node.offset + node.length) return undefined;
  const range = { offset: node.offset, length: node.length };
  const obj = objectOfKey(node);
  if (obj) {
    const slot = objectSlotAt(kind, root, pathOf(obj));
    const key = String(node.value);
    if (slot?.kind === 'object') {
      const m = memberOf(slot, key);
      if (m) return { type: 'member', shape: m.shape, member: m.member, note: m.note, ...range };
      return { type: 'unknown-key', key, shapes: slot.shapes.map((s) => s.name), suggestions: suggestMembers(slot, key), ...range };
    }
    if (slot?.kind === 'map') return { type: 'map-key', key, shape: slot.shape, member: slot.member, ...range };
    return undefined;
  }
  const slot = slotAt(kind, root, pathOf(node));
  if (slot?.kind === 'value' && slot.type.base === 'enum') {
    const values = ecsModel().enumValues(slot.type.ref) ?? [];
    return { type: 'enum-value', value: String(node.value), shape: slot.shape, member: slot.member, values, ...range };
  }
  return undefined;
}

/** What the hover needs to know about a rule (the server supplies the docs link). */
export type RuleInfo = (id: string) => { description: string; href?: string } | undefined;

/** Escape document text so markdown renders it literally. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

function enumLine(member: Member): string | undefined {
  const values = member.type.base === 'enum' ? ecsModel().enumValues(member.type.ref) : undefined;
  return values?.length ? `Allowed values: ${values.map((v) => `\`${v}\``).join(', ')}` : undefined;
}

function securityLines(shape: string, member: Member, ruleInfo: RuleInfo): string[] {
  const lines: string[] = [];
  for (const id of watchingRules(shape, member.name)) {
    const info = ruleInfo(id);
    if (!info) continue; // rule not loaded (e.g. a trimmed engine)
    lines.push(`- ${info.href ? `[\`${id}\`](${info.href})` : `\`${id}\``}: ${md(info.description)}`);
  }
  return lines.length ? ['**Security:** checked by', ...lines] : [];
}

/**
 * Hover markdown for a hit. `securityOnly` (the file is covered by a contributed JSON Schema, whose hover shows the
 * docs): members and enum values get only their security section, '' when there is none.
 */
export function fieldHoverMarkdown(hit: FieldHit, ruleInfo: RuleInfo, opts: { securityOnly?: boolean } = {}): string {
  if (opts.securityOnly && (hit.type === 'member' || hit.type === 'enum-value')) {
    const sec = securityLines(hit.shape, hit.member, ruleInfo);
    return sec.length ? [`**${hit.member.name}**`, sec.join('\n')].join('\n\n') : '';
  }
  const out: string[] = [];
  switch (hit.type) {
    case 'member': {
      const m = hit.member;
      out.push(`**${m.name}**: \`${typeLabel(m.type)}\`${m.required ? ' (required)' : ''} · ${hit.shape}`);
      if (hit.note) out.push(`_${hit.note}_`);
      if (m.doc) out.push(m.doc);
      const e = enumLine(m);
      if (e) out.push(e);
      const sec = securityLines(hit.shape, m, ruleInfo);
      if (sec.length) out.push(sec.join('\n'));
      break;
    }
    case 'unknown-key': {
      const where = hit.shapes[0];
      out.push(`**${md(hit.key)}** is not a field of ${where}.`);
      if (hit.suggestions.length) out.push(`Did you mean ${hit.suggestions.map((s) => `\`${s}\``).join(', ')}?`);
      break;
    }
    case 'map-key':
      out.push(`**${md(hit.key)}**: a key of \`${hit.member.name}\` (\`${typeLabel(hit.member.type)}\`) · ${hit.shape}`);
      if (hit.member.doc) out.push(hit.member.doc);
      break;
    case 'enum-value': {
      const ok = hit.values.includes(hit.value);
      out.push(ok
        ? `\`${md(hit.value)}\`: a value of **${hit.member.name}** (\`${hit.member.type.ref}\`)`
        : `\`${md(hit.value)}\` is not a valid **${hit.member.name}** value.`);
      out.push(`Allowed values: ${hit.values.map((v) => `\`${v}\``).join(', ')}`);
      const sec = securityLines(hit.shape, hit.member, ruleInfo);
      if (sec.length) out.push(sec.join('\n'));
      break;
    }
  }
  out.push(`_${ECS_MODEL_FOOTER}_`);
  return out.join('\n\n');
}
