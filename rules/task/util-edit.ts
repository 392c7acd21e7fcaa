// Cheap local fix edits. jsonc-parser's modify() re-parses the whole document per call, which is fine once per
// document but not once per container of a 60,000-container file; these edits touch only the node's own text.
import type { JsonNode, TextEdit } from '../core/types';

/** Replace a scalar value node with a new JSON value. */
export function replaceNode(node: JsonNode, value: unknown): TextEdit[] {
  return [{ offset: node.offset, length: node.length, content: JSON.stringify(value) }];
}

/** Whitespace before `offset` on its line, if only whitespace precedes it there. */
function lineIndent(text: string, offset: number): { indent: string; eol: string } | undefined {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n') return undefined;
  return { indent: text.slice(i + 1, offset), eol: i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n' };
}

/** Append `"key": value` as the last property of an object, following the object's own layout. */
export function appendProperty(text: string, obj: JsonNode, key: string, value: unknown): TextEdit[] {
  const props = obj.children ?? [];
  if (props.length === 0) return [{ offset: obj.offset + 1, length: 0, content: `${JSON.stringify(key)}: ${JSON.stringify(value)}` }];
  const last = props[props.length - 1];
  const end = last.offset + last.length;
  const line = lineIndent(text, last.offset);
  if (!line) return [{ offset: end, length: 0, content: `, ${JSON.stringify(key)}: ${JSON.stringify(value)}` }];
  const parent = lineIndent(text, obj.offset);
  const unit = parent && line.indent.startsWith(parent.indent) && line.indent.length > parent.indent.length ? line.indent.slice(parent.indent.length) : '  ';
  const body = JSON.stringify(value, null, unit).split('\n').join(line.eol + line.indent);
  return [{ offset: end, length: 0, content: `,${line.eol}${line.indent}${JSON.stringify(key)}: ${body}` }];
}
