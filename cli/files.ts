// Finding the files to lint and reading them defensively (missing, unreadable, huge, binary).
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';
import { decodeText } from '../config/text';

export { decodeText };

const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Same default as the ecsLint.maxFileSizeKb setting. */
export const MAX_FILE_BYTES = 5000 * 1024;

export function isCandidate(fileName: string): boolean {
  const b = basename(fileName).toLowerCase();
  // YAML and .tf files are linted when they hold CloudFormation / Terraform ECS or IAM resources, shell scripts when
  // they write /etc/ecs/ecs.config (EC2 user data); others are detected as unknown and not reported.
  return /\.(jsonc?|ya?ml|tf|sh|bash)$/.test(b) || b === 'ecs.config' || b.endsWith('.ecs.config');
}

export interface Target {
  path: string;
  /** Named on the command line (always reported) rather than found by walking a directory. */
  explicit: boolean;
}

/** Expands directories (sorted, so output is stable). Throws only for a top-level path that does not exist. */
export function collectTargets(paths: readonly string[], onWarning: (msg: string) => void): Target[] {
  const out: Target[] = [];
  for (const p of paths) {
    const st = statSync(p); // ENOENT propagates: a usage error
    if (st.isDirectory()) walk(p, out, onWarning);
    else out.push({ path: p, explicit: true });
  }
  // A file named twice (or also inside a named directory) is linted once; an explicit mention wins.
  const seen = new Map<string, Target>();
  for (const t of out) {
    const key = resolve(t.path);
    const prev = seen.get(key);
    if (!prev) seen.set(key, t);
    else if (t.explicit) prev.explicit = true;
  }
  return [...seen.values()];
}

function walk(dir: string, out: Target[], onWarning: (msg: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    onWarning(`${dir}: cannot read directory (${errorCode(err)})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    // Symlinked directories are not followed (no cycles); symlinked files are read.
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out, onWarning);
    } else if ((e.isFile() || e.isSymbolicLink()) && isCandidate(e.name)) {
      out.push({ path: p, explicit: false });
    }
  }
}

export type { ReadResult } from '../config/text';
import type { ReadResult } from '../config/text';

/**
 * Reads a text file: UTF-8 (a byte-order mark dropped) or UTF-16 with a byte-order mark (decoded). Refuses files that
 * are not regular, too big, UTF-16 without a byte-order mark, or binary (NUL bytes): the caller reports them as not
 * linted, never silently.
 */
export function readTextFile(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > maxBytes) return { ok: false, reason: `file is larger than ${Math.round(maxBytes / 1024)} KB` };
    return decodeText(readFileSync(path));
  } catch (err) {
    return { ok: false, reason: `cannot read file (${errorCode(err)})` };
  }
}

export function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}
