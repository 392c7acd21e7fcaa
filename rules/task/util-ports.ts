import type { JsonNode } from '../core/types';

/** A port given as a number or a numeric string (CLI-generated files sometimes quote them). */
export function portNumber(n: JsonNode | undefined): number | undefined {
  if (!n) return undefined;
  if (n.type === 'number') return n.value as number;
  if (n.type === 'string' && /^\s*\d+\s*$/.test(n.value as string)) return Number(n.value);
  return undefined;
}
