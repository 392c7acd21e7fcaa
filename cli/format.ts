// Output formats of the CLI: machine-readable JSON (one object) and human text.
import type { DocumentKind, Finding, Severity } from '../rules';
import { LineIndex, type Position } from '../rules';

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: { start: Position; end: Position };
}

export interface FileReport {
  path: string;
  kind: DocumentKind;
  findings: JsonFinding[];
  /** Set when the file could not be linted (unreadable, too big, binary). */
  error?: string;
}

/** Converts engine findings (offsets) to 0-based line/character ranges. */
export function toJsonFindings(text: string, findings: readonly Finding[]): JsonFinding[] {
  const index = new LineIndex(text);
  return findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: { start: index.positionAt(f.offset), end: index.positionAt(f.offset + f.length) },
  }));
}

export function formatJson(files: readonly FileReport[]): string {
  return JSON.stringify({ files }, null, 2) + '\n';
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `path:line:col severity message [ruleId]` with 1-based line and column, then a summary line. */
export function formatText(files: readonly FileReport[], color: boolean): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let linted = 0;
  for (const file of files) {
    if (file.error) {
      lines.push(`${file.path}: skipped: ${file.error}`);
      continue;
    }
    linted++;
    if (file.kind === 'unknown') {
      lines.push(`${file.path}: not recognised as an ECS or IAM document (use --kind to force one)`);
      continue;
    }
    for (const f of file.findings) {
      counts[f.severity]++;
      const where = `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const sev = color ? `${COLORS[f.severity]}${f.severity}${RESET}` : f.severity;
      const id = color ? `${DIM}[${f.ruleId}]${RESET}` : `[${f.ruleId}]`;
      lines.push(`${where} ${sev} ${f.message} ${id}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const skipped = files.length - linted;
  lines.push(
    `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
      `${counts.info} info, ${plural(counts.hint, 'hint')}) in ${plural(linted, 'file')}` +
      (skipped ? `, ${skipped} skipped` : ''),
  );
  return lines.join('\n') + '\n';
}
