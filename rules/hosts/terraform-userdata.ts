// EC2 user data in Terraform: a shell script that writes /etc/ecs/ecs.config is linted by the agent-config rules,
// wherever the string is (the `user_data` of aws_instance, aws_launch_template, aws_launch_configuration, a local
// or a module input that becomes user data). The script is the string as Terraform hands it to
// EC2 (escapes decoded, `<<-` indentation removed), with a map from each of its characters back to the .tf text.
// Terraform interpolations and directives (`${var.cluster}`, `%{ if }`) are deploy-time values: findings touching
// them are dropped. `templatefile()`, `file()` and references are unknown: nothing is linted.
import type { HclBody, HclExpr } from './hcl/parser';
import { looksLikeScript } from '../agent/shell';
import { decodeHeredoc, decodeQuoted } from './hcl/template';
import type { Range } from './tree';

export interface EmbeddedScript {
  label: string;
  /** What Terraform sends as user data. */
  text: string;
  /** Host offset of each character of `text`, plus one entry for its end. */
  offsets: Int32Array;
  /** [start, end) ranges of `text` that are Terraform interpolations or directives. */
  unknown: [number, number][];
  /** The whole string in the host, where a finding that cannot be mapped exactly points. */
  whole: Range;
  /** Edits inside it can be written back (a heredoc without `<<-` indentation): only text free of `${`, `%{`. */
  editable: boolean;
}

const MENTIONS_ECS_CONFIG = /\/etc\/ecs\/ecs\.config(?![\w.-])/;

/** Every string of the file that is a script writing ecs.config, labelled by its block address and argument path. */
export function scriptsIn(host: string, body: HclBody): EmbeddedScript[] {
  const out: EmbeddedScript[] = [];
  const visit = (e: HclExpr, label: string, depth: number) => {
    if (depth > 50) return;
    const script = scriptOf(host, e, label);
    if (script) out.push(script);
    else if (e.t === 'object') for (const i of e.items) visit(i.value, `${label}.${i.key}`, depth + 1);
    else if (e.t === 'tuple') e.items.forEach((x, n) => visit(x, `${label}[${n}]`, depth + 1));
  };
  const walk = (b: HclBody, address: string, depth: number) => {
    for (const item of b.items) {
      if (item.kind === 'attribute') visit(item.value, `${address}${address ? ' ' : ''}${item.name}`, depth);
      else if (depth < 20) walk(item.body, depth ? address : blockAddress(item.type, item.labels), depth + 1);
    }
  };
  walk(body, '', 0);
  return out;
}

function blockAddress(type: string, labels: string[]): string {
  if (type === 'resource') return labels.join('.');
  if (type === 'locals') return 'local';
  return [type, ...labels].join('.');
}

/** The script a value holds (also inside base64encode/base64gzip), when it is one that writes ecs.config. */
function scriptOf(host: string, e: HclExpr, label: string): EmbeddedScript | undefined {
  while (e.t === 'call' && (e.name === 'base64encode' || e.name === 'base64gzip') && e.args.length === 1) e = e.args[0];
  if (e.t !== 'string' || !MENTIONS_ECS_CONFIG.test(e.value) || !looksLikeScript(e.value)) return undefined;
  const end = e.span.offset + e.span.length;
  // Heredocs: up to the start of the closing marker's line; fixes only where offsets map one to one (no `<<-`).
  const indented = !!e.heredoc && host.startsWith('<<-', e.span.offset);
  const decoded = e.heredoc
    ? decodeHeredoc(host, e.heredoc.contentOffset, host.lastIndexOf('\n', end - 1) + 1, indented, true)
    : decodeQuoted(host, e.span.offset + 1, end - 1, true);
  const offsets = Int32Array.from(decoded.offsets!);
  return { label, text: decoded.text, offsets, unknown: templateHoles(host, decoded.text, offsets), whole: e.span, editable: !!e.heredoc && !indented };
}

/** `${...}` and `%{...}` as written in the host (an escaped `$${` is not one), as ranges of the decoded text. */
function templateHoles(host: string, text: string, offsets: Int32Array): [number, number][] {
  const holes: [number, number][] = [];
  for (let k = 0; k < text.length; k++) {
    const i = offsets[k];
    if ((host[i] === '$' || host[i] === '%') && host[i + 1] === '{' && !(i > 0 && host[i - 1] === host[i])) {
      let depth = 0, j = k;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      holes.push([k, Math.min(j + 1, text.length)]);
      k = j;
    }
  }
  return holes;
}

/** The host range of text [s, e), or undefined when it crosses an escape or stripped indentation. */
export function scriptRange(x: EmbeddedScript, s: number, e: number): Range | undefined {
  const from = x.offsets[s];
  const to = e > s ? x.offsets[e - 1] + 1 : from;
  return to - from === e - s ? { offset: from, length: e - s } : undefined;
}

export function touchesUnknown(x: EmbeddedScript, s: number, e: number): boolean {
  return x.unknown.some(([a, b]) => s < b && a < Math.max(e, s + 1));
}
