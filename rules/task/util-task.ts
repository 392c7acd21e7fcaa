// Shared helpers for the task-level and service rules: ranges and template placeholders.
import type { JsonNode } from '../core/types';
import { property } from '../core/json';

export interface Range { offset: number; length: number }

export function rangeOf(node: JsonNode): Range {
  return { offset: node.offset, length: node.length };
}

/** From the start of the key to the end of the value of property `key` (e.g. `"privileged": true`). */
export function propRange(obj: JsonNode | undefined, key: string): Range | undefined {
  const p = property(obj, key);
  const k = p?.children?.[0];
  const v = p?.children?.[1];
  if (!k) return undefined;
  const end = v ? v.offset + v.length : k.offset + k.length;
  return { offset: k.offset, length: end - k.offset };
}

/** Where to point a finding about something absent on an object: its `name`/`family` key, else its first key, else `{`. */
export function anchorOf(obj: JsonNode, preferred: string[] = ['family', 'name']): Range {
  for (const key of preferred) {
    const r = propRange(obj, key);
    if (r) return r;
  }
  const first = obj.children?.[0]?.children?.[0];
  return first ? rangeOf(first) : { offset: obj.offset, length: 1 };
}

/** Template slots left for a renderer: ${VAR}, {{ .Env.X }}, {{must_env `X`}}, <IMAGE1_NAME>, {INSERT role}, #{X}, $VAR. */
export function isTemplated(s: string): boolean {
  return /\{[^{}]+\}|<[^<>]+>|^\$[A-Z_][A-Z0-9_]*$/i.test(s);
}
