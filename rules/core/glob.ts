// IAM-style wildcard matching (`*` any run, `?` one character) without building regular expressions: a policy string
// can be megabytes long (V8 refuses such regexes) and `.*a.*a.*` patterns backtrack badly. Greedy two-pointer match,
// O(pattern × text) at worst.

/** Whether `text` matches the whole of `glob`. Case-insensitive by default, as IAM matches action names. */
export function wildcardMatch(glob: string, text: string, ignoreCase = true): boolean {
  const p = ignoreCase ? glob.toLowerCase() : glob;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) { pi++; ti++; continue; }
    if (pi < p.length && p[pi] === '*') { star = pi++; mark = ti; continue; }
    if (star < 0) return false;
    pi = star + 1;
    ti = ++mark;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

// ---- path globs (files.associations, ignorePatterns, ignores.files, registries) ----
// Matched by simulating the glob as a set of positions (an NFA) over the path, never by a backtracking regular
// expression: picomatch's regex took over 100 s for `*a*a*a*a*a*a*a*a*a*a*b` on a 40-character name. O(glob × path).

type Tok =
  | { t: 'lit'; c: string }
  | { t: 'one' } // ?
  | { t: 'cls'; test: (c: string) => boolean } // [a-z], [!x]
  | { t: 'star' } // * : a run without /
  | { t: 'any' } // ** : any run
  | { t: 'opt'; skip: number }; // the next `skip` tokens may be skipped (`**/` matches nothing too)

export interface GlobOptions {
  nocase?: boolean;
  /** A glob without `/` matches the last path segment (like .gitignore and files.associations). */
  basename?: boolean;
}

/** Most alternatives a `{a,b}` glob may expand to; more is refused (a config error, or a glob that matches nothing). */
export const MAX_BRACE_EXPANSION = 256;

/** `a{b,c}d` -> [abd, acd], nested braces included; a brace without a top-level comma is literal. */
export function expandBraces(glob: string): string[] {
  let depth = 0, open = -1;
  const commas: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') { if (depth++ === 0) { open = i; commas.length = 0; } }
    else if (c === '}' && depth > 0) {
      if (--depth === 0) {
        if (!commas.length) continue;
        const head = glob.slice(0, open), tail = glob.slice(i + 1);
        const parts: string[] = [];
        let from = open + 1;
        for (const at of [...commas, i]) { parts.push(glob.slice(from, at)); from = at + 1; }
        const out: string[] = [];
        for (const p of parts) {
          for (const x of expandBraces(head + p + tail)) {
            out.push(x);
            if (out.length > MAX_BRACE_EXPANSION) throw new Error(`the glob expands to more than ${MAX_BRACE_EXPANSION} alternatives`);
          }
        }
        return out;
      }
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [glob];
}

function classTest(body: string, nocase: boolean): (c: string) => boolean {
  const negate = body[0] === '!' || body[0] === '^';
  const chars = negate ? body.slice(1) : body;
  const ranges: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    let a = chars[i];
    if (a === '\\' && i + 1 < chars.length) a = chars[++i];
    if (chars[i + 1] === '-' && i + 2 < chars.length) { ranges.push([a, chars[i + 2]]); i += 2; } else ranges.push([a, a]);
  }
  const norm = (c: string) => (nocase ? c.toLowerCase() : c);
  return (c) => {
    if (c === '/') return false;
    const hit = ranges.some(([lo, hi]) => (c >= lo && c <= hi) || (nocase && norm(c) >= norm(lo) && norm(c) <= norm(hi)));
    return hit !== negate;
  };
}

function tokenize(glob: string, nocase: boolean): Tok[] {
  const toks: Tok[] = [];
  const segments = glob.split('/');
  segments.forEach((seg, si) => {
    const last = si === segments.length - 1;
    if (seg === '**') {
      // `**/` (zero or more directories), or a trailing `/**` (the path itself, or anything below it).
      if (last && si > 0) { toks.pop(); toks.push({ t: 'opt', skip: 2 }, { t: 'lit', c: '/' }, { t: 'any' }); }
      else if (last) toks.push({ t: 'any' });
      else toks.push({ t: 'opt', skip: 2 }, { t: 'any' }, { t: 'lit', c: '/' });
      return;
    }
    for (let i = 0; i < seg.length; i++) {
      const c = seg[i];
      if (c === '\\' && i + 1 < seg.length) { toks.push({ t: 'lit', c: nocase ? seg[++i].toLowerCase() : seg[++i] }); continue; }
      if (c === '*') { while (seg[i + 1] === '*') i++; if (toks[toks.length - 1]?.t !== 'star') toks.push({ t: 'star' }); continue; }
      if (c === '?') { toks.push({ t: 'one' }); continue; }
      if (c === '[') {
        const end = seg.indexOf(']', i + 2);
        if (end > i) { toks.push({ t: 'cls', test: classTest(seg.slice(i + 1, end), nocase) }); i = end; continue; }
      }
      toks.push({ t: 'lit', c: nocase ? c.toLowerCase() : c });
    }
    if (!last) toks.push({ t: 'lit', c: '/' });
  });
  return toks;
}

function nfaMatch(toks: readonly Tok[], s: string): boolean {
  const n = toks.length;
  let cur = new Uint8Array(n + 1), next = new Uint8Array(n + 1);
  const add = (set: Uint8Array, i: number): void => {
    // Epsilon closure: star/any may match nothing, an `opt` group may be skipped.
    while (i <= n && !set[i]) {
      set[i] = 1;
      const k = toks[i];
      if (!k) return;
      if (k.t === 'opt') { add(set, i + 1 + k.skip); i++; }
      else if (k.t === 'star' || k.t === 'any') i++;
      else return;
    }
  };
  add(cur, 0);
  for (let p = 0; p < s.length; p++) {
    const c = s[p];
    next.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      if (!cur[i]) continue;
      const k = toks[i];
      switch (k.t) {
        case 'lit': if (k.c === c) { add(next, i + 1); alive = true; } break;
        case 'one': if (c !== '/') { add(next, i + 1); alive = true; } break;
        case 'cls': if (k.test(c)) { add(next, i + 1); alive = true; } break;
        case 'star': if (c !== '/') { add(next, i); alive = true; } break;
        case 'any': add(next, i); alive = true; break;
        case 'opt': break;
      }
    }
    if (!alive) return false;
    [cur, next] = [next, cur];
  }
  return cur[n] === 1;
}

/**
 * A matcher for a path glob: `*`, `?`, `[...]`, `**` segments, `{a,b}` alternatives, `\` escapes, a leading `!`
 * negation. Throws when the braces expand to more than MAX_BRACE_EXPANSION alternatives.
 */
export function globMatcher(glob: string, options: GlobOptions = {}): (path: string) => boolean {
  const nocase = !!options.nocase;
  const negate = glob.startsWith('!') && !glob.startsWith('!(');
  const body = negate ? glob.slice(1) : glob;
  const alternatives = expandBraces(body).map((g) => tokenize(g, nocase));
  const base = !!options.basename && !body.includes('/');
  return (path) => {
    let s = nocase ? path.toLowerCase() : path;
    if (base) s = s.slice(s.lastIndexOf('/') + 1);
    return alternatives.some((toks) => nfaMatch(toks, s)) !== negate;
  };
}
