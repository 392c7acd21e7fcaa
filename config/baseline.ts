// Baselines: fingerprints that survive line shifts and unrelated edits, and the versioned baseline file format.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'jsonc-parser';
import { isJsonKind, parseJson, type DocumentKind, type Finding } from '../rules';
import { relativePosix } from './glob';

export const BASELINE_VERSION = 1;

export interface BaselineEntry { rule: string; fingerprint: string }

export interface Baseline {
  /** Directory the file paths are relative to (the baseline file's directory); not serialised. */
  dir: string;
  /** Relative posix path -> entries. */
  files: Record<string, BaselineEntry[]>;
}

export class BaselineError extends Error {}

function keyOf(n: Node): string | undefined {
  if (n.type !== 'object') return undefined;
  // Elements that carry a name are addressed by it, so inserting a sibling above does not change the path.
  for (const k of ['name', 'Sid', 'key', 'containerName', 'sourceVolume']) {
    const p = n.children?.find((c) => c.children?.[0]?.value === k);
    const v = p?.children?.[1];
    if (v?.type === 'string') return `${k}=${v.value as string}`;
  }
  return undefined;
}

/**
 * Path of the innermost node enclosing the range, with named array elements as `[name=web]`. Children are found by
 * binary search (they are sorted by offset): tens of thousands of findings in a large file stay fast.
 */
function stablePath(root: Node, offset: number, length: number): string {
  const end = offset + length;
  const parts: string[] = [];
  for (let n = root; ;) {
    const kids = n.children;
    if (!kids || kids.length === 0) break;
    let lo = 0, hi = kids.length - 1, idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kids[mid].offset <= offset) { idx = mid; lo = mid + 1; } else hi = mid - 1;
    }
    const c = idx >= 0 ? kids[idx] : undefined;
    if (!c || end > c.offset + c.length) break;
    if (n.type === 'array') parts.push(`[${keyOf(c) ?? idx}]`);
    else if (n.type === 'object') parts.push(`.${String(c.children?.[0]?.value)}`);
    n = c;
  }
  return parts.join('');
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/**
 * Fingerprints of findings (same order): rule id + stable JSON path of the flagged node + the flagged text with
 * whitespace normalised (JSON), or rule id + message (other text). Line numbers never enter. Identical findings get `:2`, `:3`...
 */
export function fingerprints(findings: readonly Finding[], text: string, kind: DocumentKind): string[] {
  const root = isJsonKind(kind) ? parseJson(text).root : undefined;
  const seen = new Map<string, number>();
  return findings.map((f) => {
    // Line-oriented text (ecs.config) anchors "X is not set" findings on whichever line comes first, so the
    // message (which names the variable) identifies those findings better than the range does.
    const key = root
      ? `${stablePath(root, f.offset, f.length)}\0${text.slice(f.offset, f.offset + Math.min(f.length, 512)).replace(/\s+/g, ' ').trim()}`
      : `${f.message}`;
    const base = hash(`${f.ruleId}\0${key}`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  });
}

export function fingerprint(finding: Finding, text: string, kind: DocumentKind): string {
  return fingerprints([finding], text, kind)[0];
}

export function emptyBaseline(dir: string): Baseline {
  return { dir: path.resolve(dir), files: {} };
}

function relPath(b: Baseline, filePath: string): string {
  return relativePosix(b.dir, path.resolve(filePath)) ?? path.resolve(filePath).split(path.sep).join('/');
}

/** Record a file's findings (with their fingerprints, e.g. LintFileResult.findings/fingerprints). */
export function addToBaseline(b: Baseline, filePath: string, findings: readonly Finding[], fps: readonly string[]): void {
  if (findings.length === 0) return;
  const list = (b.files[relPath(b, filePath)] ??= []);
  findings.forEach((f, i) => list.push({ rule: f.ruleId, fingerprint: fps[i] }));
}

export function isBaselined(b: Baseline, filePath: string, ruleId: string, fp: string): boolean {
  return (b.files[relPath(b, filePath)] ?? []).some((e) => e.rule === ruleId && e.fingerprint === fp);
}

/** Sorted, versioned JSON; stable output keeps baseline diffs reviewable. */
export function serializeBaseline(b: Baseline): string {
  const files: Record<string, BaselineEntry[]> = {};
  for (const p of Object.keys(b.files).sort()) {
    files[p] = [...b.files[p]].sort((x, y) => x.rule.localeCompare(y.rule) || x.fingerprint.localeCompare(y.fingerprint))
      .map((e) => ({ rule: e.rule, fingerprint: e.fingerprint }));
  }
  return `${JSON.stringify({ version: BASELINE_VERSION, tool: 'ecs-lint', files }, null, 2)}\n`;
}

export function parseBaseline(text: string, dir: string): Baseline {
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) { throw new BaselineError(`baseline is not valid JSON: ${(e as Error).message}`); }
  const o = v as { version?: unknown; files?: unknown };
  if (typeof o !== 'object' || o === null || o.version !== BASELINE_VERSION) {
    throw new BaselineError(`unsupported baseline version ${JSON.stringify(o?.version)} (expected ${BASELINE_VERSION}); write it again with --write-baseline`);
  }
  if (typeof o.files !== 'object' || o.files === null || Array.isArray(o.files)) throw new BaselineError('baseline "files" must be an object');
  const files: Record<string, BaselineEntry[]> = {};
  for (const [p, list] of Object.entries(o.files as Record<string, unknown>)) {
    if (!Array.isArray(list) || !list.every((e) => typeof e?.rule === 'string' && typeof e?.fingerprint === 'string')) {
      throw new BaselineError(`baseline entry for "${p}" must be an array of {rule, fingerprint}`);
    }
    files[p] = list.map((e) => ({ rule: e.rule, fingerprint: e.fingerprint }));
  }
  return { dir: path.resolve(dir), files };
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) { throw new BaselineError(`cannot read baseline ${file}: ${(e as Error).message}`); }
  return parseBaseline(text, path.dirname(path.resolve(file)));
}

export function writeBaseline(file: string, b: Baseline): void {
  // Paths are stored relative to the file written, whatever directory the baseline was built for.
  const target = emptyBaseline(path.dirname(path.resolve(file)));
  for (const [p, list] of Object.entries(b.files)) {
    const abs = path.isAbsolute(p) || /^[a-zA-Z]:\//.test(p) ? p : path.join(b.dir, p);
    (target.files[relPath(target, abs)] ??= []).push(...list);
  }
  fs.writeFileSync(file, serializeBaseline(target));
}
