// Test helpers shared by engine tests.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { defaultEngine, applyEdits, LineIndex, type Finding, type LintOptions, type DocumentKind } from '../rules';

/** The repository root (this file runs from <root>/<out dir>/test). */
export const REPO_ROOT = join(__dirname, '..', '..');
/** ../shared (corpus and reference), located by scripts/shared-dir.cjs: beside this clone or the one it came from. */
export const SHARED: string = (require(join(REPO_ROOT, 'scripts', 'shared-dir.cjs')) as { sharedDir: (root: string) => string }).sharedDir(REPO_ROOT);

export function lint(text: string, opts: LintOptions = {}) {
  return defaultEngine().lint(text, opts);
}

/** Findings of one rule. */
export function findings(ruleId: string, text: string, opts: LintOptions = {}): Finding[] {
  return lint(text, opts).findings.filter((f) => f.ruleId === ruleId);
}

/** The text a finding points at. */
export function flagged(text: string, f: Finding): string {
  return text.slice(f.offset, f.offset + f.length);
}

/** 0-based line of a finding. */
export function lineOf(text: string, f: Finding): number {
  return new LineIndex(text).positionAt(f.offset).line;
}

/** Apply the n-th fix of a finding and return the new text; asserts it is still valid JSON when the input was. */
export function applyFix(text: string, f: Finding, n = 0): string {
  assert.ok(f.fixes && f.fixes[n], `finding ${f.ruleId} has no fix #${n}`);
  const out = applyEdits(text, f.fixes![n].edits);
  try { JSON.parse(text); } catch { return out; }
  JSON.parse(out); // throws if the fix broke the JSON
  return out;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Wrap a register-shape task definition into describe output. */
export function describeShape(task: Record<string, unknown>): string {
  return json({ taskDefinition: { ...task, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/x:1', revision: 1, status: 'ACTIVE' }, tags: [] });
}

export type { DocumentKind };

/** mulberry32: a small, fast, seeded random generator, so a failing fuzz or stress run replays identically. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
