// Glob matching relative to a config file's directory, with the editor's files.associations semantics:
// a glob without "/" matches the base name anywhere below the directory.
import * as path from 'node:path';
import { globMatcher } from '../rules/core/glob';

const cache = new Map<string, (s: string) => boolean>();

function matcher(glob: string): (s: string) => boolean {
  let m = cache.get(glob);
  if (!m) {
    const anchored = glob.startsWith('/');
    const g = glob.replace(/^\.?\//, '');
    // Linear-time matching (rules/core/glob.ts): a repository's globs cannot stall the linter.
    try {
      m = globMatcher(g, { nocase: true, basename: !anchored });
    } catch {
      m = () => false; // a glob that cannot compile (see validation) matches nothing rather than failing the lint
    }
    if (cache.size > 2000) cache.clear();
    cache.set(glob, m);
  }
  return m;
}

/** `file` relative to `dir` with posix separators, or undefined when it lies outside `dir`. */
export function relativePosix(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** The file (relative to `dir`) matches the glob. */
export function matchesFile(glob: string, dir: string, file: string): boolean {
  const rel = relativePosix(dir, file);
  return rel !== undefined && matcher(glob)(rel);
}

/** Like matchesFile, but a glob naming a directory (`dist`, `build/**`) also covers everything below it. */
export function matchesFileOrParent(glob: string, dir: string, file: string): boolean {
  const rel = relativePosix(dir, file);
  if (rel === undefined) return false;
  const m = matcher(glob.replace(/\/$/, ''));
  const parts = rel.split('/');
  for (let i = parts.length; i > 0; i--) if (m(parts.slice(0, i).join('/'))) return true;
  return false;
}

const GLOB_CHARS = /[*?[\]{}!]/;
export function isGlob(s: string): boolean {
  return GLOB_CHARS.test(s);
}

/** Rule id pattern (`task/*`, exact id) matching. */
export function matchesRule(pattern: string, ruleId: string): boolean {
  if (!isGlob(pattern)) return pattern === ruleId;
  let m = cache.get(`rule:${pattern}`);
  if (!m) {
    try { m = globMatcher(pattern); } catch { m = () => false; }
    cache.set(`rule:${pattern}`, m);
  }
  return m(ruleId);
}
