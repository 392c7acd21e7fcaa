// Finding the files to lint and reading them defensively (missing, unreadable, huge, binary).
import { readdirSync, statSync, openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';

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

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a text file; refuses files that are not regular, too big, or look binary (NUL byte). */
export function readTextFile(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > maxBytes) return { ok: false, reason: `file is larger than ${Math.round(maxBytes / 1024)} KB` };
    if (looksBinary(path)) return { ok: false, reason: 'binary file' };
    let text = readFileSync(path, 'utf8');
    // Editors hide the BOM; strip it so columns match what the user sees.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch (err) {
    return { ok: false, reason: `cannot read file (${errorCode(err)})` };
  }
}

function looksBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

export function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}
