// Extract the KEY=value lines a shell script (EC2 user data) writes to /etc/ecs/ecs.config, with offsets into
// the script. Covers the idioms seen in practice:
//   cat <<EOF > /etc/ecs/ecs.config ... EOF   (also >>, <<-, quoted 'EOF'/"EOF", tee [-a], sudo)
//   echo KEY=value >> /etc/ecs/ecs.config      (also "KEY=value", 'KEY=value', echo -e, | tee -a)
//   printf 'KEY=value\n' >> /etc/ecs/ecs.config (also printf '%s\n' A=1 B=2)
// It is a recogniser for these idioms, not a shell interpreter: anything else is ignored (no findings).
import { parseLine, splitLines, type AgentEntry } from './parse';

/** The agent's user config path, not ecs.config.json (ECS_AGENT_CONFIG_FILE_PATH) nor a backup copy. */
export const ECS_CONFIG_PATH = /\/etc\/ecs\/ecs\.config(?![\w.-])/;

export interface ShellExtraction {
  entries: AgentEntry[];
  /** Heredocs writing ecs.config: offset of the start of their closing delimiter line (for inserting lines). */
  heredocEnds: number[];
  /** Host line end of each echo/printf statement writing ecs.config. */
  echoLineEnds: number[];
  /** The script's line break style, for inserted lines. */
  eol: string;
}

// `<<` but not a here-string `<<<` (nor its tail).
const HEREDOC = /(?<!<)<<(?!<)(-?)\s*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w-]*))/;
// A command position: line start (indented, or a cloud-config `- ` list item), after ; && || |, then/do/else, sudo.
const COMMAND = /(?:^\s*(?:-\s+)?|[;&|]\s*|\b(?:then|do|else|sudo)\s+)(echo|printf)\s+/g;

interface Ch { c: string; off: number; expands: boolean }

/** Shell words from `from` until an unquoted `>`, `|`, `;`, `&`, `#` at word start, or the end of the line. */
function words(line: string, base: number, from: number): { words: Ch[][]; stop: number } {
  const out: Ch[][] = [];
  let cur: Ch[] | undefined;
  let i = from;
  const push = (c: string, at: number, expands: boolean) => (cur ??= []).push({ c, off: base + at, expands });
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      if (cur) out.push(cur);
      cur = undefined;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      const stop = end < 0 ? line.length : end;
      cur ??= [];
      for (let j = i + 1; j < stop; j++) push(line[j], j, false);
      i = stop + 1;
    } else if (c === '"') {
      cur ??= [];
      let j = i + 1;
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) j++;
        push(line[j], j, line[j] === '$' || line[j] === '`');
        j++;
      }
      i = j + 1;
    } else if (c === '\\' && i + 1 < line.length) {
      push(line[i + 1], i + 1, false);
      i += 2;
    } else if ('>|;&'.includes(c) || (c === '#' && !cur)) {
      break;
    } else {
      push(c, i, c === '$' || c === '`');
      i++;
    }
  }
  if (cur) out.push(cur);
  return { words: out, stop: i };
}

/** push(...xs) overflows the stack on long lines. */
function append(to: Ch[], xs: Ch[]): void {
  for (const x of xs) to.push(x);
}

/** Interpret `\n` escapes (echo -e, printf) into line breaks. */
function unescapeNewlines(chars: Ch[]): Ch[] {
  const out: Ch[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i].c === '\\' && chars[i + 1]?.c === 'n') {
      out.push({ c: '\n', off: chars[i].off, expands: false });
      i++;
    } else out.push(chars[i]);
  }
  return out;
}

/** Parse the logical lines carried by an echo/printf payload and map offsets back to the script. */
function entriesFromChars(chars: Ch[], lineStart: number, lineEnd: number): AgentEntry[] {
  const out: AgentEntry[] = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && chars[i].c !== '\n') continue;
    const seg = chars.slice(start, i);
    start = i + 1;
    const e = parseLine(seg.map((x) => x.c).join(''), 0, 'echo');
    if (!e || seg.length === 0) continue;
    const at = (k: number) => seg[Math.min(k, seg.length - 1)].off;
    const span = (from: number, len: number) =>
      len === 0 ? { off: from < seg.length ? at(from) : at(seg.length - 1) + 1, len: 0 } : { off: at(from), len: at(from + len - 1) + 1 - at(from) };
    const k = span(e.keyOffset, e.keyLength);
    const v = span(e.valueOffset, e.valueLength);
    const whole = span(e.startOffset, e.valueOffset + e.valueLength - e.startOffset);
    out.push({
      ...e,
      keyOffset: k.off, keyLength: k.len,
      startOffset: whole.off,
      exact: whole.len === e.valueOffset + e.valueLength - e.startOffset,
      valueOffset: v.off, valueLength: v.len,
      dynamic: e.dynamic || seg.slice(e.valueOffset).some((x) => x.expands),
      lineStart, lineEnd,
    });
  }
  return out;
}

function echoEntries(line: string, base: number, lineEnd: number, argsAt: number, cmd: string): AgentEntry[] | undefined {
  const { words: ws, stop } = words(line, base, argsAt);
  // The redirect or pipe that follows must target ecs.config, before the next command.
  const rest = line.slice(stop).split(/;|&&|\|\|/)[0];
  if (!/^\s*(>>?|\|)/.test(rest) || !ECS_CONFIG_PATH.test(rest)) return undefined;
  let args = ws;
  let chars: Ch[] = [];
  if (cmd === 'echo') {
    let escapes = false;
    while (args.length && /^-[neE]+$/.test(args[0].map((x) => x.c).join(''))) {
      if (args[0].some((x) => x.c === 'e')) escapes = true;
      args = args.slice(1);
    }
    args.forEach((w, n) => { if (n) chars.push({ c: ' ', off: w[0].off, expands: false }); append(chars, w); });
    if (escapes) chars = unescapeNewlines(chars);
  } else {
    const [format, ...rest2] = args;
    if (!format) return undefined;
    const f = format.map((x) => x.c).join('');
    if (/%s/.test(f)) {
      // printf '%s\n' A=1 B=2: one line per argument (the usual idiom).
      for (const w of rest2) { append(chars, w); chars.push({ c: '\n', off: w[w.length - 1].off, expands: false }); }
    } else chars = unescapeNewlines(format);
  }
  return entriesFromChars(chars, base, lineEnd);
}

/** True when the text is a shell script / user data rather than an ecs.config file. */
export function looksLikeScript(text: string, fileName?: string): boolean {
  if (fileName && /(\.(sh|bash)|user-?data)$/i.test(fileName)) return true;
  if (text.startsWith('#!')) return true;
  if (!ECS_CONFIG_PATH.test(text)) return false;
  // A command writing the file (not a comment in an ecs.config that merely names its own path).
  return splitLines(text).some(({ text: l }) => ECS_CONFIG_PATH.test(l) && !/^\s*#/.test(l) && /<<|>|\btee\b/.test(l));
}

export function extractFromScript(text: string): ShellExtraction {
  const entries: AgentEntry[] = [];
  const heredocEnds: number[] = [];
  const echoLineEnds: number[] = [];
  const lines = splitLines(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  for (let n = 0; n < lines.length; n++) {
    const { text: line, start } = lines[n];
    const h = HEREDOC.exec(line);
    if (h && !/^\s*#/.test(line)) {
      const delim = h[2] ?? h[3] ?? h[4];
      const expands = h[4] !== undefined;
      const targets = ECS_CONFIG_PATH.test(line);
      let m = n + 1;
      for (; m < lines.length; m++) {
        const body = lines[m].text;
        if ((h[1] ? body.replace(/^\t+/, '') : body) === delim || body.trim() === delim) break;
        if (!targets) continue;
        const e = parseLine(body, lines[m].start, 'heredoc', expands);
        if (e) entries.push(e);
      }
      if (targets) heredocEnds.push(m < lines.length ? lines[m].start : text.length);
      n = m; // skip the body and the delimiter
      continue;
    }
    if (/^\s*#/.test(line) || !ECS_CONFIG_PATH.test(line)) continue;
    COMMAND.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = COMMAND.exec(line))) {
      const found = echoEntries(line, start, start + line.length, cm.index + cm[0].length, cm[1]);
      if (found) {
        entries.push(...found);
        echoLineEnds.push(start + line.length);
      }
    }
  }
  return { entries, heredocEnds, echoLineEnds, eol };
}
