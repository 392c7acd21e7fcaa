// Reads a config file's text into a plain value plus a locator that maps a path inside it back to a text range,
// so errors and unused `ignores` entries can point at the exact place.
import * as path from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

export type Locate = (p: (string | number)[]) => { offset: number; length: number } | undefined;

export interface ParsedConfigText {
  /** undefined: not a config (package.json without "ecsLint"). */
  value: unknown;
  locate: Locate;
  errors: { message: string; offset?: number; length?: number }[];
}

const NOWHERE: Locate = () => undefined;

export function configFormat(file: string, text: string): 'json' | 'yaml' | 'package' {
  const base = path.basename(file).toLowerCase();
  if (base === 'package.json') return 'package';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (/\.jsonc?$/.test(base)) return 'json';
  // `.ecslintrc` without extension: JSON when it looks like JSON, else YAML.
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export function parseConfigText(file: string, text: string): ParsedConfigText {
  const format = configFormat(file, text);
  if (format === 'yaml') return parseYaml(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (format === 'package') {
    // Someone else's file: only our key matters, and a broken package.json is not our error to report.
    const own = root && errors.length === 0 ? findNodeAtLocation(root, ['ecsLint']) : undefined;
    if (!own) return { value: undefined, locate: NOWHERE, errors: [] };
    return { value: getNodeValue(own), locate: jsonLocator(own), errors: [] };
  }
  if (errors.length > 0) {
    const e = errors[0];
    return { value: undefined, locate: NOWHERE, errors: [{ message: `invalid JSON: ${printParseErrorCode(e.error)}`, offset: e.offset, length: Math.max(1, e.length) }] };
  }
  return { value: root ? getNodeValue(root) : {}, locate: root ? jsonLocator(root) : NOWHERE, errors: [] };
}

function jsonLocator(root: Node): Locate {
  return (p) => {
    const n = p.length === 0 ? root : findNodeAtLocation(root, p);
    return n ? { offset: n.offset, length: n.length } : undefined;
  };
}

function parseYaml(text: string): ParsedConfigText {
  // The default alias limit guards against "billion laughs" expansion.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const [start, end] = e.pos;
    return { value: undefined, locate: NOWHERE, errors: [{ message: `invalid YAML: ${e.message.split('\n')[0]}`, offset: start, length: Math.max(1, end - start) }] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { value: undefined, locate: NOWHERE, errors: [{ message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const locate: Locate = (p) => {
    const n = p.length === 0 ? doc.contents : doc.getIn(p, true);
    const range = (isMap(n) || isSeq(n) || isScalar(n)) ? n.range : undefined;
    return range ? { offset: range[0], length: Math.max(1, range[1] - range[0]) } : undefined;
  };
  return { value: value ?? {}, locate, errors: [] };
}
