// Writing suppressions: the `at` for a finding ("Ignore <rule> here") and the config file text with a new entry.
import * as path from 'node:path';
import { applyEdits, findNodeAtOffset, getNodePath, modify, parseTree, type Node } from 'jsonc-parser';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { isJsonKind, parseJson, type DocumentKind, type Finding } from '../rules';
import { configFormat } from './parse';
import type { IgnoreEntry } from './types';

export const TODO_REASON = 'TODO: why this is acceptable';

function str(n: Node | undefined, key: string): string | undefined {
  const v = n?.type === 'object' ? n.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
  return v?.type === 'string' ? (v.value as string) : undefined;
}

function toPointer(p: (string | number)[]): string {
  return p.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The most specific stable `at` for a finding: the Sid of the enclosing IAM statement, else the name of the enclosing
 * container, else the JSON pointer of the flagged property. Undefined for non-JSON kinds (the entry then covers the file).
 */
export function ignoreTarget(f: Finding, text: string, kind: DocumentKind, parsed?: Node): string | undefined {
  if (!isJsonKind(kind)) return undefined;
  const root = parsed ?? parseJson(text).root;
  if (!root) return undefined;
  let n: Node | undefined = findNodeAtOffset(root, f.offset, true);
  while (n && n.parent && n.offset + n.length < f.offset + f.length) n = n.parent;
  if (!n) return undefined;
  let container: string | undefined;
  for (let p: Node | undefined = n; p; p = p.parent) {
    const arrayKey = p.parent?.type === 'array' ? p.parent.parent?.children?.[0]?.value : undefined;
    if (arrayKey === 'Statement' || (p.parent?.type === 'property' && p.parent.children?.[0]?.value === 'Statement')) {
      const sid = str(p, 'Sid');
      if (sid) return sid;
    }
    if (!container && (arrayKey === 'containerDefinitions' || (p.parent?.type === 'array' && p.parent === root))) container = str(p, 'name');
  }
  if (container) return container;
  // A key stands for its property: point at the value's path.
  const target = n.parent?.type === 'property' && n.parent.children?.[0] === n ? n.parent.children[1] ?? n : n;
  return toPointer(getNodePath(target));
}

/** The config text with `entry` appended to `ignores` (for package.json: `ecsLint.ignores`). Formatting is kept. */
export function addIgnoreEntry(configFile: string, text: string, entry: IgnoreEntry): string {
  const format = configFormat(configFile, text);
  if (format === 'yaml') {
    const doc = parseDocument(text, { logLevel: 'error' });
    // Empty file (maybe only comments): append a fresh mapping. Anything else that is not a mapping is not a config.
    if (doc.contents === null) return `${text}${text && !text.endsWith('\n') ? '\n' : ''}${stringify({ ignores: [entry] })}`;
    if (!isMap(doc.contents)) throw new Error('the configuration is not a mapping');
    const ignores = doc.get('ignores', true);
    if (isSeq(ignores)) ignores.add(doc.createNode(entry));
    else doc.set('ignores', doc.createNode([entry]));
    return doc.toString();
  }
  const prefix = format === 'package' ? ['ecsLint'] : [];
  const root = parseTree(text);
  const existing = root ? findIgnores(root, prefix) : undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n(\s+)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol };
  const base = text.trim() ? text : '{}';
  const edits = existing?.type === 'array'
    ? modify(base, [...prefix, 'ignores', -1], entry, { formattingOptions, isArrayInsertion: true })
    : modify(base, [...prefix, 'ignores'], [entry], { formattingOptions });
  return applyEdits(base, edits);
}

function findIgnores(root: Node, prefix: string[]): Node | undefined {
  let n: Node | undefined = root;
  for (const k of [...prefix, 'ignores']) {
    n = n?.type === 'object' ? n.children?.find((p) => p.children?.[0]?.value === k)?.children?.[1] : undefined;
  }
  return n;
}

/** A new `.ecslintrc.json` holding one entry (the editor applies the schema by file name; no $schema URL needed). */
export function newConfigText(entry: IgnoreEntry): string {
  return `${JSON.stringify({ ignores: [entry] }, null, 2)}\n`;
}

/** The `files` glob for a linted file, relative to the config file (posix; glob characters escaped). */
export function filesGlobFor(configFile: string, filePath: string): string {
  const rel = path.relative(path.dirname(configFile), filePath).split(path.sep).join('/');
  return rel.replace(/[*?[\]{}()!]/g, '\\$&');
}
