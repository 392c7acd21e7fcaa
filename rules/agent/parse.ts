// Line model of an ecs.config file: KEY=value lines with offsets into the host text.
//
// ecs-init's own parser (ecs-init/docker/docker.go) trims each line, splits at the FIRST `=` and keeps the
// rest verbatim: no quote removal, no comments, no `export`. We parse the same way but remember what a human
// meant (quotes, `export `, spaces around `=`), so rules can say "the agent will see X, not Y".

/** How the line reaches /etc/ecs/ecs.config: the file itself, a heredoc body, or an echo/printf argument. */
export type EntrySource = 'file' | 'heredoc' | 'echo';

export interface AgentEntry {
  /** The key exactly as ecs-init reads it (may include `export ` or trailing spaces). */
  rawKey: string;
  /** The key a human meant: `export ` and surrounding spaces removed. */
  key: string;
  keyOffset: number;
  keyLength: number;
  /** Offset of the raw key (where `export ` starts, if any). */
  startOffset: number;
  /** The host text from startOffset to the value's end is exactly `rawKey=value` (no shell quoting in between). */
  exact: boolean;
  /** The value as ecs-init passes it to the agent (quotes kept). */
  value: string;
  /** The value with one pair of surrounding quotes removed. */
  unquoted: string;
  valueOffset: number;
  valueLength: number;
  /** Value wrapped in matching quotes, which ecs-init passes through literally. */
  quoted: boolean;
  exported: boolean;
  /** Spaces between the key and `=` (ecs-init then reads a different key). */
  spaceBeforeEquals: boolean;
  /** Value contains a shell expansion (`$VAR`, `$(...)`, backticks) resolved at boot: not checkable. */
  dynamic: boolean;
  source: EntrySource;
  /** Offset where the whole line starts and ends (end excludes the line break). */
  lineStart: number;
  lineEnd: number;
}

const KEYLIKE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Template placeholders (Terraform templatefile, Jinja, Go templates): user data is often a template. */
export const TEMPLATE = /\$\{|\{\{/;

/**
 * Parse one line (without its line break) that starts at `base` in the host text.
 * Returns undefined for blank lines, `#` comments and lines without `=` (ecs-init ignores those too,
 * except `# K=v`, which it reads as key `# K`: harmless, so we treat it as the comment the user meant).
 */
export function parseLine(line: string, base: number, source: EntrySource, shellExpands = false): AgentEntry | undefined {
  const lead = line.length - line.trimStart().length;
  const body = line.trim();
  if (body === '' || body.startsWith('#')) return undefined;
  const eq = body.indexOf('=');
  if (eq <= 0) return undefined;
  const rawKey = body.slice(0, eq);
  let key = rawKey;
  let keyStart = lead;
  let exported = false;
  const exp = /^export\s+/.exec(key);
  if (exp) {
    exported = true;
    key = key.slice(exp[0].length);
    keyStart += exp[0].length;
  }
  const spaceBeforeEquals = /\s$/.test(key);
  key = key.trimEnd();
  // `foo bar=baz` is not a setting line anyone meant (e.g. prose); skip anything that is not a single word.
  if (!KEYLIKE.test(key)) return undefined;
  const value = body.slice(eq + 1);
  const valueOffset = base + lead + eq + 1;
  const v = value.trim();
  const quoted = v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0];
  return {
    rawKey,
    key,
    keyOffset: base + keyStart,
    keyLength: key.length,
    startOffset: base + lead,
    exact: true,
    value,
    unquoted: quoted ? v.slice(1, -1) : v,
    valueOffset,
    valueLength: value.length,
    quoted,
    exported,
    spaceBeforeEquals,
    dynamic: (shellExpands && /\$|`/.test(value)) || TEMPLATE.test(value),
    source,
    lineStart: base,
    lineEnd: base + line.length,
  };
}

/** Split text into lines with their start offsets; `\r\n`, `\n` and lone `\r` all end a line. */
export function splitLines(text: string, from = 0, to = text.length): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push({ text: text.slice(start, i), start });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < to) out.push({ text: text.slice(start, to), start });
  return out;
}

/** All KEY=value entries of a plain ecs.config text, in order. */
export function parseAgentConfig(text: string): AgentEntry[] {
  const out: AgentEntry[] = [];
  for (const l of splitLines(text)) {
    const e = parseLine(l.text, l.start, 'file');
    if (e) out.push(e);
  }
  return out;
}
