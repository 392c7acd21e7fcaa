// Finds and loads config files: upward search from the linted file, `extends` chains with cycle detection, and a
// cache that either re-checks mtimes (CLI, tests) or trusts explicit invalidation (language server, file watcher).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../rules';
import { parseConfigText } from './parse';
import { CONFIG_FILE_NAMES, type ConfigError, type ConfigFileData } from './types';
import { validateConfig } from './validate';

/** Config files are small; anything bigger is a mistake (or an attack) and is refused. */
const MAX_CONFIG_BYTES = 1024 * 1024;

interface CacheEntry { mtimeMs: number; size: number; data: ConfigFileData | undefined }

export interface LoaderOptions {
  /**
   * Folders a config file's `extends` may not leave (the editor's workspace folders). A config file outside all of
   * them is contained in its git repository, else in the current directory when it lies below it, else in its own
   * directory.
   */
  roots?: () => readonly string[];
  /**
   * Trust the cached "which config file is in this directory" answers until invalidate() (language server with a file
   * watcher) instead of probing each directory on every lookup. Loaded files are always re-checked by mtime and size,
   * one stat each, so files reached through `extends` never go stale.
   */
  trustCache?: boolean;
}

export class ConfigLoader {
  private readonly files = new Map<string, CacheEntry>();
  private readonly dirs = new Map<string, string | null>();

  constructor(readonly engine: Engine, private readonly options: LoaderOptions = {}) {}

  /** Forget one config file (and the lookup of its directory), or everything. */
  invalidate(file?: string): void {
    if (!file) { this.files.clear(); this.dirs.clear(); return; }
    const abs = path.resolve(file);
    this.files.delete(abs);
    this.dirs.delete(path.dirname(abs));
  }

  /** The config file of a directory (first of CONFIG_FILE_NAMES that holds a configuration), if any. */
  configIn(dir: string): ConfigFileData | undefined {
    if (this.options.trustCache && this.dirs.has(dir)) {
      const f = this.dirs.get(dir);
      return f ? this.load(f) : undefined;
    }
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (!isFile(file)) continue;
      const data = this.load(file);
      if (data) { this.dirs.set(dir, file); return data; }
    }
    this.dirs.set(dir, null);
    return undefined;
  }

  /** Load one file; undefined for a package.json without "ecsLint". Read and parse errors become config errors. */
  load(file: string): ConfigFileData | undefined {
    const abs = path.resolve(file);
    const cached = this.files.get(abs);
    let st: fs.Stats | undefined;
    try { st = fs.statSync(abs); } catch { /* reported below */ }
    if (cached && st && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.data;
    const data = this.read(abs, st);
    this.files.set(abs, { mtimeMs: st?.mtimeMs ?? -1, size: st?.size ?? -1, data });
    return data;
  }

  private read(file: string, st: fs.Stats | undefined): ConfigFileData | undefined {
    const dir = path.dirname(file);
    const fail = (message: string): ConfigFileData => ({
      file, dir, root: false, extends: [], rules: {}, associations: {}, ignorePatterns: [], ignores: [], errors: [{ file, message }],
    });
    if (!st || !st.isFile()) return fail('cannot read the configuration file: not found');
    const real = realpath(file);
    if (real && real !== file && !isInside(this.containmentRoot(file), real)) {
      // A symbolic link out of the repository (to /proc/self/environ, a Docker config.json): not read, not quoted.
      return fail('the configuration file is a symbolic link to a file outside the repository; it was not read');
    }
    if (st.size > MAX_CONFIG_BYTES) {
      // A huge package.json is someone else's business; a huge .ecslintrc is a mistake worth reporting.
      return path.basename(file) === 'package.json' ? undefined : fail(`the configuration file is larger than ${MAX_CONFIG_BYTES / 1024} KB`);
    }
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch (e) { return fail(`cannot read the configuration file: ${(e as Error).message}`); }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let parsed;
    try { parsed = parseConfigText(file, text); } catch (e) { return fail(`cannot parse the configuration file: ${(e as Error).message}`); }
    if (parsed.errors.length > 0) {
      return { ...fail(''), errors: parsed.errors.map((e) => ({ file, ...e })) };
    }
    if (parsed.value === undefined) return undefined;
    return validateConfig(this.engine, file, dir, parsed.value, parsed.locate);
  }

  /**
   * A file followed by everything it extends, in application order (extended files first, the file last). A file
   * reached twice (a diamond) is applied once, at its first place; `stack` holds the files being expanded (cycles).
   */
  expand(file: string, errors: ConfigError[], stack: string[] = [], seen = new Set<string>()): ConfigFileData[] {
    const abs = path.resolve(file);
    if (seen.has(abs)) return [];
    seen.add(abs);
    const data = this.load(abs);
    if (!data) return [];
    errors.push(...data.errors);
    const out: ConfigFileData[] = [];
    const chain = [...stack, abs];
    for (const ext of data.extends) {
      const target = path.resolve(data.dir, ext.path);
      const where = { file: abs, ...(ext.offset !== undefined ? { offset: ext.offset, length: ext.length } : {}) };
      if (chain.includes(target)) {
        errors.push({ ...where, message: `"extends" cycle: ${[...chain.slice(chain.indexOf(target)), target].map((f) => path.basename(f)).join(' -> ')}` });
        continue;
      }
      // Containment: the target is never read when it lies (or links) outside the repository, and the error quotes
      // only what this config file says, never the target's content.
      const outside = this.outsideRoot(abs, target);
      if (outside) { errors.push({ ...where, message: `"extends" target ${ext.path} is outside ${outside}; it was not read` }); continue; }
      if (!isFile(target)) { errors.push({ ...where, message: `"extends" target not found: ${ext.path}` }); continue; }
      if (this.load(target) === undefined) { errors.push({ ...where, message: `"extends" target has no configuration: ${ext.path}` }); continue; }
      for (const x of this.expand(target, errors, chain, seen)) out.push(x);
    }
    out.push(data);
    return out;
  }

  /** The folder a config file's `extends` must stay in (see LoaderOptions.roots). */
  containmentRoot(configFile: string): string {
    // Where the file is, not where a symbolic link named like it points.
    const dir = path.dirname(path.resolve(configFile));
    const real = path.join(realpath(dir) ?? dir, path.basename(configFile));
    const roots = (this.options.roots?.() ?? []).map((r) => realpath(r) ?? path.resolve(r)).filter((r) => isInside(r, real));
    if (roots.length) return roots.sort((a, b) => b.length - a.length)[0];
    for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, '.git'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
    const cwd = realpath(process.cwd()) ?? process.cwd();
    return isInside(cwd, real) ? cwd : path.dirname(real);
  }

  /** Undefined when `target` (followed through symbolic links) lies inside the root of `configFile`; else a phrase saying where. */
  private outsideRoot(configFile: string, target: string): string | undefined {
    const root = this.containmentRoot(configFile);
    if (!isInside(root, path.resolve(target))) return `the repository (${root})`;
    const real = realpath(target);
    if (real && !isInside(root, real)) return `the repository (${root}) through a symbolic link`;
    return undefined;
  }

  /** Config files governing a file: nearest directory first, up to the file-system root or a `root: true` file. */
  chainFor(filePath: string): ConfigFileData[] {
    const chain: ConfigFileData[] = [];
    let dir = path.dirname(path.resolve(filePath));
    for (;;) {
      const data = this.configIn(dir);
      if (data) {
        chain.push(data);
        if (data.root) break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return chain;
  }
}

function realpath(p: string): string | undefined {
  try { return fs.realpathSync(p); } catch { return undefined; }
}

/** `p` is `dir` or below it. */
function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isFile(p: string): boolean {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}
