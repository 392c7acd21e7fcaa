// Shared helpers for the container-hardening rules (my rules only; model.ts stays the general view).
import type { JsonNode } from '../core/types';
import { child, elements, rangeOf } from '../core/json';
import type { ContainerView } from './model';

/** Where to point a "field is missing" finding: the container's name value, else its opening brace. */
export function containerAnchor(c: ContainerView): { offset: number; length: number } {
  const name = child(c.node, 'name');
  if (name) return rangeOf(name);
  return { offset: c.node.offset, length: 1 };
}

/** `linuxParameters.capabilities` of a container (undefined when absent or not an object). */
export function capabilitiesNode(c: ContainerView): JsonNode | undefined {
  const caps = child(child(c.node, 'linuxParameters'), 'capabilities');
  return caps?.type === 'object' ? caps : undefined;
}

/** Normalise a capability name the way Docker does: case-insensitive, optional CAP_ prefix. */
export function normaliseCapability(s: string): string {
  return s.trim().toUpperCase().replace(/^CAP_/, '');
}

/** String elements of an array node. */
export function stringElements(node: JsonNode | undefined): JsonNode[] {
  return elements(node).filter((n) => n.type === 'string');
}
