// Editor assistance for ecs.config (and the lines user-data scripts write to it): hover and completion.
// Pure functions over the text, so the language server, CLI and tests share them.
import { agentDoc } from './model';
import { agentVariable } from './values';
import { describeAgentVariable, agentVariableNames } from './hover';
import { splitLines } from './parse';
import { ECS_CONFIG_PATH, extractFromScript, looksLikeScript } from './shell';
import { suggestNames } from './suggest';
import { own } from '../core/own';

export interface AgentHover {
  markdown: string;
  /** What the hover describes (the key). */
  offset: number;
  length: number;
}

/** Hover for the key or value under `offset`; undefined outside a setting line. Never throws. */
export function agentHoverTarget(text: string, fileName: string | undefined, offset: number): AgentHover | undefined {
  if (typeof text !== 'string') return undefined;
  const entry = agentDoc({ text, fileName }).entries.find((e) => offset >= e.keyOffset && offset <= e.valueOffset + e.valueLength);
  if (!entry) return undefined;
  const at = { offset: entry.keyOffset, length: entry.keyLength };
  const docs = describeAgentVariable(entry.key);
  if (docs) return { markdown: docs, ...at };
  const near = suggestNames(entry.key).map((s) => `\`${s.name}\``);
  const lines = [`**${escape(entry.key)}** is not a variable the ECS agent reads (names are case-sensitive), so this line has no effect.`];
  if (near.length) lines.push('', `Did you mean ${near.join(', ')}?`);
  return { markdown: lines.join('\n'), ...at };
}

/** Markdown for the setting under `offset`, or undefined. */
export function agentHoverAt(text: string, fileName: string | undefined, offset: number): string | undefined {
  return agentHoverTarget(text, fileName, offset)?.markdown;
}

export interface AgentCompletion {
  label: string;
  kind: 'variable' | 'value';
  detail: string;
  documentation: string;
  insertText: string;
  /** Keeps our order (secure value first) in clients that sort. */
  sortText: string;
  /** Text the item replaces (what was typed of the key or value). */
  replace: { offset: number; length: number };
}

/**
 * The value the security rules ask for, offered first. Mirrors rules/agent/{block-imds,disable-privileged,
 * host-network-task-roles,offhost-introspection}.ts.
 */
export const SECURE_VALUES: Readonly<Record<string, { value: string; why: string }>> = {
  ECS_AWSVPC_BLOCK_IMDS: { value: 'true', why: 'awsvpc tasks cannot reach the instance metadata service (and the instance role)' },
  ECS_DISABLE_PRIVILEGED: { value: 'true', why: 'tasks cannot run privileged containers on this instance' },
  ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST: { value: 'false', why: 'host-network tasks do not get task-role credentials over the shared host network' },
  ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS: { value: 'false', why: 'the agent introspection API stays reachable only from the host' },
};

interface Slot {
  /** Text of the setting being typed, from its start (after `export `/quotes) to the cursor. */
  prefix: string;
  /** Offset where `prefix` starts. */
  start: number;
  /** The rest of the token after the cursor (to replace when completing in the middle). */
  rest: string;
}

const KEY_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$|^$/;

/** Completion items at `offset`: variable names at a key position, values after `KEY=`. Never throws. */
export function agentCompletionsAt(text: string, fileName: string | undefined, offset: number): AgentCompletion[] {
  if (typeof text !== 'string' || !(offset >= 0 && offset <= text.length)) return [];
  const slot = slotAt(text, fileName, offset);
  if (!slot) return [];
  const eq = slot.prefix.indexOf('=');
  if (eq < 0) {
    if (!KEY_PREFIX.test(slot.prefix)) return [];
    const keyRest = /^[A-Za-z0-9_]*/.exec(slot.rest)![0];
    // Already followed by `=` (renaming a key): insert the name only.
    const hasEquals = slot.rest.slice(keyRest.length).trimStart().startsWith('=');
    const replace = { offset: slot.start, length: slot.prefix.length + keyRest.length };
    return agentVariableNames().map((name, i) => variableItem(name, hasEquals, replace, i));
  }
  const key = slot.prefix.slice(0, eq).trimEnd();
  const typed = slot.prefix.slice(eq + 1);
  if (!KEY_PREFIX.test(key) || typed.trimStart() !== typed) return [];
  const valueRest = /^[^\s"']*/.exec(slot.rest)![0];
  const replace = { offset: slot.start + eq + 1, length: typed.length + valueRest.length };
  return valueItems(key, replace);
}

function variableItem(name: string, bare: boolean, replace: AgentCompletion['replace'], i: number): AgentCompletion {
  const v = agentVariable(name)!;
  const type = v.type === 'enum' ? `enum: ${(v.values ?? []).join(' | ')}` : v.type === 'json' && v.shape ? `JSON ${v.shape}` : v.type;
  return {
    label: name,
    kind: 'variable',
    detail: type,
    documentation: describeAgentVariable(name) ?? '',
    insertText: bare ? name : `${name}=`,
    sortText: String(i).padStart(4, '0'),
    replace,
  };
}

function valueItems(key: string, replace: AgentCompletion['replace']): AgentCompletion[] {
  const v = agentVariable(key);
  if (!v) return [];
  const values = v.type === 'boolean' ? ['true', 'false'] : v.type === 'enum' ? [...(v.values ?? [])] : [];
  const secure = own(SECURE_VALUES, key);
  if (secure && values.includes(secure.value)) values.sort((a, b) => Number(b === secure.value) - Number(a === secure.value));
  return values.map((value, i) => {
    const recommended = secure?.value === value;
    const isDefault = value === v.linuxDefault || value === v.windowsDefault;
    const detail = [recommended ? 'recommended (secure)' : '', isDefault ? 'default' : ''].filter(Boolean).join(', ') || v.type;
    const documentation = recommended ? `Recommended: ${secure.why}.` : `\`${key}=${value}\`: ${v.meaning}.`;
    return { label: value, kind: 'value' as const, detail, documentation, insertText: value, sortText: String(i).padStart(4, '0'), replace };
  });
}

/** Where a setting is being typed at `offset`, or undefined (comment, shell command that does not write ecs.config...). */
function slotAt(text: string, fileName: string | undefined, offset: number): Slot | undefined {
  const line = splitLines(text).find((l) => offset >= l.start && offset <= l.start + l.text.length)
    ?? { text: '', start: offset }; // cursor on an empty last line
  const before = line.text.slice(0, offset - line.start);
  const after = line.text.slice(offset - line.start);
  if (!looksLikeScript(text, fileName) || inConfigHeredoc(text, line)) return lineSlot(before, after, line.start);
  return echoSlot(before, after, line.start, line.text);
}

/** A whole ecs.config line: optional indentation (tabs of `<<-`) and `export `. */
function lineSlot(before: string, after: string, base: number): Slot | undefined {
  const m = /^(\s*(?:export\s+)?)(.*)$/.exec(before)!;
  if (m[2].startsWith('#')) return undefined;
  return { prefix: m[2], start: base + m[1].length, rest: after };
}

const PROBE = 'ECS_LINT_COMPLETION_PROBE';

/** Is this line in the body of a heredoc that writes ecs.config? Ask the extractor with a probe line. */
function inConfigHeredoc(text: string, line: { text: string; start: number }): boolean {
  if (/<<|^\s*#/.test(line.text)) return false;
  const probed = text.slice(0, line.start) + `${PROBE}=1` + text.slice(line.start + line.text.length);
  return extractFromScript(probed).entries.some((e) => e.key === PROBE && e.source === 'heredoc');
}

const COMMAND = /(?:^|[;&|]|\b(?:then|do|else|sudo))\s*(?:-\s+)?(?:echo|printf)\s/g;

/** A word of `echo`/`printf` on a line that writes ecs.config (the redirect may still be untyped: then no). */
function echoSlot(before: string, after: string, base: number, whole: string): Slot | undefined {
  if (/^\s*#/.test(whole) || !ECS_CONFIG_PATH.test(whole)) return undefined;
  // The last echo/printf statement that starts before the cursor (a line can hold several: `a; b`).
  let args = -1;
  for (const m of before.matchAll(COMMAND)) args = m.index! + m[0].length;
  if (args < 0) return undefined;
  // The current shell word: back to a space or an opening quote.
  const word = /[^\s"'>|;&]*$/.exec(before)![0];
  // Arguments only: `echo X > /etc/ecs/ecs.config` writes X, not what follows `>`.
  if (/[>|;&]/.test(before.slice(args, before.length - word.length))) return undefined;
  if (/^-/.test(word) || /\\n|%/.test(word)) return undefined; // echo -e / printf formats: not a setting
  const rest = /^[^\s"'>|;&]*/.exec(after)![0];
  return { prefix: word, start: base + before.length - word.length, rest };
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

