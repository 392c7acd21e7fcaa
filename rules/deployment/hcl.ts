// Terraform specifics the deployment rules share: nested blocks, container definitions in either of the forms
// Terraform takes them, and quick fixes written as HCL text edits (CloudFormation's are in ./fix.ts).
import type { Fix, TextEdit } from '../core/types';
import type { HNode, Range, Scalar } from '../hosts/tree';
import { get, items, type DeploymentModel, type Resource } from './model';

/**
 * A nested block by path (`configuration`, `execute_command_configuration`): the model keeps each block type as the
 * list of its instances, and these blocks occur once, so the first is taken. A `dynamic` block is an unknown value.
 */
export function block(n: HNode | undefined, ...keys: string[]): HNode | undefined {
  let cur = n;
  for (const k of keys) {
    cur = get(cur, k);
    if (cur?.t === 'array') cur = cur.items[0];
  }
  return cur;
}

/** Keys of a container definition: CloudFormation's, or the API's camelCase that Terraform's JSON uses. */
export interface ContainerKeys { image: string; log: string; driver: string; secrets: string; valueFrom: string }
const CFN_CONTAINER: ContainerKeys = { image: 'Image', log: 'LogConfiguration', driver: 'LogDriver', secrets: 'Secrets', valueFrom: 'ValueFrom' };
const TF_CONTAINER: ContainerKeys = { image: 'image', log: 'logConfiguration', driver: 'logDriver', secrets: 'secrets', valueFrom: 'valueFrom' };

/**
 * The container definitions of a task definition resource, with the keys to read them by: CloudFormation's
 * `ContainerDefinitions`; Terraform's `container_definitions`, `jsonencode([...])` or a string of JSON without
 * interpolations. Undefined when they are not known (`file()`, `templatefile()`, a variable, a module output).
 */
export function containerDefinitions(task: Resource): { containers: HNode[]; k: ContainerKeys } | undefined {
  if (task.type === 'AWS::ECS::TaskDefinition') {
    const containers = items(get(task.props, 'ContainerDefinitions'));
    return containers ? { containers, k: CFN_CONTAINER } : undefined;
  }
  const defs = get(task.props, 'container_definitions');
  if (!defs) return { containers: [], k: TF_CONTAINER };
  if (defs.t === 'array') return { containers: defs.items, k: TF_CONTAINER };
  if (defs.t !== 'scalar' || typeof defs.value !== 'string') return undefined;
  try {
    const v = JSON.parse(defs.value) as unknown;
    return Array.isArray(v) ? { containers: v.map((c) => fromJson(c, defs.range)), k: TF_CONTAINER } : undefined;
  } catch {
    return undefined;
  }
}

/** A parsed JSON value as a host tree; every node gets the string's range (rules only read values from it). */
function fromJson(v: unknown, range: Range): HNode {
  if (Array.isArray(v)) return { t: 'array', items: v.map((x) => fromJson(x, range)), range };
  if (v && typeof v === 'object') {
    return { t: 'object', props: Object.entries(v).map(([k, x]) => ({ key: k, hostKey: k, keyRange: range, value: fromJson(x, range) })), range };
  }
  return { t: 'scalar', value: v as Scalar, range };
}

// ---- quick fixes ----

/**
 * A Terraform quick fix from text edits: only in the linted file (never in a sibling), never on a file with a syntax
 * error, and none when any edit could not be written. `safe` fixes are preferred and applied by "fix all".
 */
export function hclFix(model: DeploymentModel, title: string, safe: boolean, edits: (TextEdit | undefined)[]): Fix | undefined {
  if (model.format !== 'hcl' || model.noFixes || !edits.length || edits.some((e) => !e)) return undefined;
  const linted = model.files?.[0]?.length ?? model.text.length;
  if (edits.some((e) => e!.offset + e!.length > linted)) return undefined;
  return { title, edits: edits as TextEdit[], safe, ...(safe ? { preferred: true } : {}) };
}

/** Replace a value with a literal (`"IMMUTABLE"`, `true`, `1`). */
export function replaceValue(n: HNode, literal: string): TextEdit {
  return { offset: n.range.offset, length: n.range.length, content: literal };
}

/** Set an argument of a block: replace its value when it is there, else add a `name = literal` line at the block's end. */
export function setArgument(model: DeploymentModel, blockNode: HNode | undefined, name: string, literal: string): TextEdit | undefined {
  const v = get(blockNode, name);
  if (v) return replaceValue(v, literal);
  return appendLines(model, blockNode, [`${name} = ${literal}`]);
}

/**
 * Add lines at the end of a block (its object node, whose range ends at the closing brace), indented one level
 * deeper than the brace with the block's own unit; a nested line's two-space steps become that unit. `name = value`
 * lines take the `=` column of an argument line just above. An empty `{}` is opened up; a one-line block with content
 * gets no edit (undefined).
 */
export function appendLines(model: DeploymentModel, blockNode: HNode | undefined, lines: string[]): TextEdit | undefined {
  if (blockNode?.t !== 'object') return undefined;
  const text = model.text;
  const close = blockNode.range.offset + blockNode.range.length - 1;
  if (text[close] !== '}') return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const before = text.slice(lineStart, close);
  const open = text.lastIndexOf('{', close - 1);
  const emptyBody = open >= blockNode.range.offset && /^\s*$/.test(text.slice(open + 1, close));
  if (!/^[ \t]*$/.test(before) && !emptyBody) return undefined;
  const braceIndent = emptyBody && !/^[ \t]*$/.test(before) ? lineIndent(text, open) : before.replace(/\r$/, '');
  const unit = indentUnit(text, blockNode, braceIndent);
  const indent = braceIndent + unit;
  const prev = emptyBody ? undefined : previousLine(text, lineStart);
  const body = lines.map((l) => {
    const depth = /^( {2})*/.exec(l)![0].length / 2;
    let line = l.slice(depth * 2);
    const attr = /^([\w-]+) = /.exec(line);
    const align = prev !== undefined && depth === 0 && attr ? /^([ \t]*)([\w-]+)(\s*)=/.exec(prev) : null;
    if (attr && align && align[1] === indent && align[2].length + align[3].length > attr[1].length + 1) {
      line = attr[1].padEnd(align[2].length + align[3].length - 1) + line.slice(attr[1].length);
    }
    return indent + unit.repeat(depth) + line;
  });
  if (/^[ \t]*$/.test(before)) return { offset: lineStart, length: 0, content: body.map((l) => l + eol).join('') };
  return { offset: open + 1, length: close - open - 1, content: eol + body.map((l) => l + eol).join('') + braceIndent };
}

function lineIndent(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, at))![0];
}

function previousLine(text: string, lineStart: number): string | undefined {
  if (lineStart === 0) return undefined;
  const start = text.lastIndexOf('\n', lineStart - 2) + 1;
  return text.slice(start, lineStart - 1).replace(/\r$/, '');
}

/** The block's indentation step: its first argument's indentation beyond the brace's, else two spaces. */
function indentUnit(text: string, blockNode: HNode & { t: 'object' }, braceIndent: string): string {
  const first = blockNode.props[0];
  if (first) {
    const ind = lineIndent(text, first.keyRange.offset);
    if (ind.length > braceIndent.length && ind.startsWith(braceIndent)) return ind.slice(braceIndent.length);
  }
  return braceIndent.includes('\t') ? '\t' : '  ';
}
