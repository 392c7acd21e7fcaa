// Regular expressions from configuration files (`secretNamePatterns`) run in RE2JS, a pure-JavaScript port of RE2:
// matching is linear in the input whatever the pattern, so `^(a+)+$` from a repository's config cannot stall the
// linter (V8 took 100 s on a 32-character name). RE2 syntax: no lookarounds or backreferences; such patterns are a
// config error rather than silently weakened.
import { RE2JS } from 're2js';

export interface LinearRegex { test(s: string): boolean }

const cache = new Map<string, LinearRegex>();

/** Compile a case-insensitive, linear-time pattern; throws with RE2's message when the syntax is not supported. */
export function compileLinear(pattern: string): LinearRegex {
  let re = cache.get(pattern);
  if (!re) {
    const compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    re = { test: (s) => compiled.matcher(s).find() };
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** Why a pattern cannot be used (undefined when it compiles). */
export function linearRegexError(pattern: string): string | undefined {
  try {
    compileLinear(pattern);
    return undefined;
  } catch (e) {
    return `${e instanceof Error ? e.message : String(e)} (patterns run in a linear-time engine, RE2 syntax: no lookarounds or backreferences)`;
  }
}
