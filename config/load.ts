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
   * A file followed by everything it extends, in application order (extended files first, the file last).
   * `stack` holds the files being expanded, to detect cycles.
   */
  expand(file: string, errors: ConfigError[], stack: string[] = []): ConfigFileData[] {
    const abs = path.resolve(file);
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
      if (!isFile(target)) { errors.push({ ...where, message: `"extends" target not found: ${ext.path}` }); continue; }
      if (this.load(target) === undefined) { errors.push({ ...where, message: `"extends" target has no configuration: ${ext.path}` }); continue; }
      out.push(...this.expand(target, errors, chain));
    }
    out.push(data);
    return out;
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

function isFile(p: string): boolean {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}
