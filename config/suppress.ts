// Suppressions by config `ignores` entries (matched by rule, files and `at`); in-source ones are in directives.ts.
import * as path from 'node:path';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Finding } from '../rules';
import { isGlob, matchesFile, matchesRule } from './glob';
import type { LocatedIgnore } from './types';

/** Decode an RFC 6901 JSON pointer ("" is the whole document). */
export function parsePointer(pointer: string): (string | number)[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map((s) => {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key;
  });
}

function childOf(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const props = node.children ?? [];
  for (let i = props.length - 1; i >= 0; i--) if (props[i].children?.[0]?.value === key) return props[i].children?.[1];
  return undefined;
}

function items(node: Node | undefined): Node[] {
  return node?.type === 'array' ? node.children ?? [] : node ? [node] : [];
}

/** Container objects in any of the task definition shapes (register, describe, bare array). */
function containers(root: Node): Node[] {
  if (root.type === 'array') return items(root);
  return items(childOf(root, 'containerDefinitions') ?? childOf(childOf(root, 'taskDefinition'), 'containerDefinitions'));
}

/** Nodes an `at` value designates: the node at a JSON pointer, or containers / statements with that name / Sid. */
export function nodesAt(root: Node | undefined, at: string): Node[] {
  if (!root) return [];
  const pointer = parsePointer(at);
  if (pointer) {
    if (pointer.length === 0) return [root];
    // findNodeAtLocation treats numbers as array indexes; a numeric key of an object still resolves by name.
    const n = findNodeAtLocation(root, pointer) ?? findNodeAtLocation(root, pointer.map(String));
    // A property value stands for the whole property: findings often cover `"key": value`.
    return n ? [n.parent?.type === 'property' ? n.parent : n] : [];
  }
  const named = containers(root).filter((c) => childOf(c, 'name')?.value === at);
  const statements = items(childOf(root, 'Statement')).filter((s) => childOf(s, 'Sid')?.value === at);
  return [...named, ...statements];
}

function inside(f: Finding, n: Node): boolean {
  return f.offset >= n.offset && f.offset + f.length <= n.offset + n.length;
}

/** The entry applies to this file (its `files` globs, relative to the config file's directory). */
export function ignoreAppliesToFile(ig: LocatedIgnore, filePath: string): boolean {
  const files = ig.entry.files;
  if (!files) return true;
  const dir = path.dirname(ig.configFile);
  return files.some((g) => matchesFile(g, dir, filePath));
}

/** `cache` memoises nodesAt per `at` value for one document (many findings x entries would rescan it each time). */
export function ignoreMatches(ig: LocatedIgnore, f: Finding, root: Node | undefined, cache?: Map<string, Node[]>): boolean {
  if (!matchesRule(ig.entry.rule, f.ruleId)) return false;
  const at = ig.entry.at;
  if (at === undefined) return true;
  let nodes = cache?.get(at);
  if (!nodes) { nodes = nodesAt(root, at); cache?.set(at, nodes); }
  return nodes.some((n) => inside(f, n));
}

export { isGlob };
