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
