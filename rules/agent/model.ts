// The document view every agent rule uses: entries of an ecs.config file or of the lines a script writes to it.
import type { RuleContext, TextEdit } from '../core/types';
import { parseAgentConfig, type AgentEntry } from './parse';
import { extractFromScript, looksLikeScript } from './shell';
import { parseGoBool } from './values';

export interface AgentDoc {
  entries: AgentEntry[];
  script: boolean;
  /** Insert a new `KEY=value` setting where it will be written to ecs.config (undefined if no place). */
  appendSetting(key: string, value: string): TextEdit | undefined;
}

let cache: { text: string; fileName?: string; doc: AgentDoc } | undefined;

export function agentDoc(ctx: Pick<RuleContext, 'text' | 'fileName'>): AgentDoc {
  if (cache && cache.text === ctx.text && cache.fileName === ctx.fileName) return cache.doc;
  const doc = build(ctx.text, ctx.fileName);
  cache = { text: ctx.text, fileName: ctx.fileName, doc };
  return doc;
}

function build(text: string, fileName?: string): AgentDoc {
  const eolOf = /\r\n/.test(text) ? '\r\n' : '\n';
  if (!looksLikeScript(text, fileName)) {
    return {
      entries: parseAgentConfig(text),
      script: false,
      appendSetting(key, value) {
        const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
        return { offset: text.length, length: 0, content: `${needsBreak ? eolOf : ''}${key}=${value}${eolOf}` };
      },
    };
  }
  const x = extractFromScript(text);
  return {
    entries: x.entries,
    script: true,
    appendSetting(key, value) {
      const last = x.entries[x.entries.length - 1];
      if (!last) return undefined;
      if (last.source === 'heredoc') {
        // Just after the last setting line, inside the same heredoc body.
        if (last.lineEnd >= text.length) return { offset: text.length, length: 0, content: `${x.eol}${key}=${value}` };
        const at = text.startsWith('\r\n', last.lineEnd) ? last.lineEnd + 2 : last.lineEnd + 1;
        return { offset: at, length: 0, content: `${key}=${value}${x.eol}` };
      }
      // After the last echo statement, in the same form.
      const line = text.slice(last.lineStart, last.lineEnd);
      const indent = /^\s*/.exec(line)![0];
      const op = /\|\s*(sudo\s+)?tee\b/.test(line) ? `| ${/sudo\s+tee/.test(line) ? 'sudo ' : ''}tee -a /etc/ecs/ecs.config > /dev/null` : '>> /etc/ecs/ecs.config';
      return { offset: last.lineEnd, length: 0, content: `${x.eol}${indent}echo ${key}=${value} ${op}` };
    },
  };
}

/** ecs-init reads this entry under its real key (no `export ` prefix, no space before `=`). */
export function takesEffect(e: AgentEntry): boolean {
  return !e.exported && !e.spaceBeforeEquals;
}

/** Why ecs-init does not apply the entry the way it reads to a human, or undefined. */
export function ineffectiveReason(e: AgentEntry): string | undefined {
  if (e.exported) return `ecs-init does not understand \`export\`: it reads the key "${e.rawKey}", not ${e.key}`;
  if (e.spaceBeforeEquals) return `ecs-init splits at "=" without trimming, so it reads the key "${e.rawKey}", not ${e.key}`;
  if (e.quoted) return `ecs-init does not remove quotes: the agent receives ${e.value.trim()} literally`;
  if (e.value !== e.value.trim()) return `ecs-init keeps the space after "=": the agent receives "${e.value}"`;
  return undefined;
}

/** The entry that wins for `key`: ecs-init keeps the last value of a repeated key. */
export function lastEntry(doc: AgentDoc, key: string): AgentEntry | undefined {
  let found: AgentEntry | undefined;
  for (const e of doc.entries) if (e.key === key && takesEffect(e)) found = e;
  if (found) return found;
  // Only look-alike lines (export/space): report on them so the user learns why they do not count.
  for (const e of doc.entries) if (e.key === key) found = e;
  return found;
}

/** The boolean the agent ends up with, or undefined when it cannot tell (unset, invalid, dynamic). */
export function agentBool(e: AgentEntry | undefined): boolean | undefined {
  if (!e || !takesEffect(e) || e.dynamic) return undefined;
  return parseGoBool(e.value);
}

/** A human reading of the boolean (quotes removed, export ignored): what the author meant. */
export function intendedBool(e: AgentEntry | undefined): boolean | undefined {
  if (!e || e.dynamic) return undefined;
  return parseGoBool(e.unquoted);
}

/** Edit replacing an entry's value; undefined when the value is split by shell quoting in the host text. */
export function replaceValue(e: AgentEntry, value: string): TextEdit | undefined {
  if (e.valueLength !== e.value.length) return undefined;
  return { offset: e.valueOffset, length: e.valueLength, content: value };
}

/** The smallest edit that makes the entry read `key=value` for ecs-init: the value alone when possible. */
export function setEntry(e: AgentEntry, value: string): TextEdit | undefined {
  if (takesEffect(e) && !e.quoted) return replaceValue(e, value);
  return rewriteEntry(e, e.key, value);
}

/** Edit rewriting a whole entry as `key=value` (drops `export `, quotes, stray spaces); undefined if not exact. */
export function rewriteEntry(e: AgentEntry, key: string, value: string): TextEdit | undefined {
  if (!e.exact) return undefined;
  return { offset: e.startOffset, length: e.valueOffset + e.valueLength - e.startOffset, content: `${key}=${value}` };
}

/** Range of the whole `KEY=value` of an entry. */
export function entryRange(e: AgentEntry): { offset: number; length: number } {
  return { offset: e.keyOffset, length: Math.max(e.valueOffset + e.valueLength - e.keyOffset, e.keyLength) };
}

/** Where to report a missing setting: the first setting line, else the start of the document. */
export function absentRange(doc: AgentDoc): { offset: number; length: number } {
  const first = doc.entries[0];
  return first ? { offset: first.keyOffset, length: first.keyLength } : { offset: 0, length: 0 };
}
