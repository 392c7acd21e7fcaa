// Pure helpers for "ECS Lint: Lint workspace" (no `vscode` import, so unit tests can load them).

/** Same name as the server's LINT_FILES_REQUEST (a test keeps them equal). */
export const LINT_FILES_REQUEST = 'ecsLint/lintFiles';

/** The files the CLI walks: JSON, JSONC and agent configs. */
export const SCAN_INCLUDE = '**/{*.json,*.jsonc,*.yaml,*.yml,*.tf,ecs.config,*.ecs.config}';

/** Skipped like the CLI skips them, whatever files.exclude says. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/** Stop at this many files: a scan is for repositories, not for whole disks. */
export const MAX_SCAN_FILES = 20000;
export const BATCH_SIZE = 25;

/**
 * findFiles drops the default files.exclude as soon as an exclude pattern is passed, so the patterns enabled in
 * files.exclude (`true`; `{ when }` conditions cannot be evaluated here and are left out) are merged in again.
 */
export function excludeGlob(filesExclude: unknown): string {
  const patterns = [...ALWAYS_EXCLUDED];
  if (typeof filesExclude === 'object' && filesExclude !== null && !Array.isArray(filesExclude)) {
    for (const [glob, on] of Object.entries(filesExclude)) {
      // Braces and commas inside a pattern would break the `{a,b}` group.
      if (on === true && glob !== '' && !/[{},]/.test(glob) && !patterns.includes(glob)) patterns.push(glob);
    }
  }
  return `{${patterns.join(',')}}`;
}

export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface ScanTotals {
  files: number;
  linted: number;
  problems: number;
  skipped: number;
  cancelled: boolean;
}

export function summary(t: ScanTotals): string {
  const files = `${t.linted} file${t.linted === 1 ? '' : 's'}`;
  const problems = `${t.problems} problem${t.problems === 1 ? '' : 's'}`;
  const skipped = t.skipped ? ` (${t.skipped} skipped: open in the editor or unreadable)` : '';
  return t.cancelled
    ? `ECS Security Lint: workspace scan cancelled after ${files}, ${problems} so far.`
    : `ECS Security Lint: linted ${files} in the workspace: ${problems}${skipped}.`;
}
