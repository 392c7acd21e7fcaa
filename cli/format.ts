// The CLI's per-file report and its two basic formats: machine-readable JSON (one object) and human text.
// SARIF, JUnit and GitHub annotations live in ./formats.
import type { DocumentKind, Finding, Severity } from '../rules';
import { relative } from 'node:path';
import { LineIndex, type Position } from '../rules';
import type { UnusedIgnore } from '../config/lint';

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: { start: Position; end: Position };
  /** The other ends of a cross-resource finding (deployment rules), in the same file. */
  related?: RelatedReport[];
}

export interface RelatedReport {
  message: string;
  range: { start: Position; end: Position };
  offset: number;
  length: number;
  /** Another file of the same Terraform module, relative to the working directory. */
  path?: string;
}

/** A finding with both offsets (SARIF charOffset) and ranges, plus its baseline fingerprint. */
export interface ReportFinding extends JsonFinding {
  offset: number;
  length: number;
  fingerprint?: string;
}

export type SuppressedBy = 'config' | 'directive' | 'baseline';
export interface SuppressedFinding extends ReportFinding {
  by: SuppressedBy;
  reason?: string;
}

/** Everything the formats need about one file. Plain data, so a worker thread can send it back. */
export interface FileReport {
  path: string;
  kind: DocumentKind;
  findings: ReportFinding[];
  /** Findings silenced by a config ignore entry, an in-source directive or Metadata entry, or the baseline (SARIF reports them as suppressed). */
  suppressed?: SuppressedFinding[];
  /** Set when the file could not be linted (unreadable, too big, binary). */
  error?: string;
  /** Problems in the config files that apply to this file (`file: message`); they make the exit status 2. */
  configErrors?: string[];
  /** Config `ignores` entries that apply to this file: whether they suppressed something here (unused ones are reported across files). */
  ignores?: { unused: UnusedIgnore[]; used: UnusedIgnore[] };
}

/** Converts engine findings (offsets) to 0-based line/character ranges. */
export function toReportFindings(text: string, findings: readonly Finding[], fingerprints?: readonly (string | undefined)[], siblings?: readonly { fileName: string; text: string }[]): ReportFinding[] {
  const index = new LineIndex(text);
  const indexes = new Map<string, LineIndex>();
  const indexOf = (fileName: string | undefined) => {
    if (!fileName) return index;
    let ix = indexes.get(fileName);
    const sibling = siblings?.find((s) => s.fileName === fileName);
    if (!ix && sibling) indexes.set(fileName, ix = new LineIndex(sibling.text));
    return ix;
  };
  return findings.map((f, i) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: { start: index.positionAt(f.offset), end: index.positionAt(f.offset + f.length) },
    offset: f.offset,
    length: f.length,
    ...(fingerprints?.[i] ? { fingerprint: fingerprints[i] } : {}),
    ...(f.related?.length ? {
      related: f.related.flatMap((r) => {
        const ix = indexOf(r.fileName);
        if (!ix) return [];
        return [{
          message: r.message, offset: r.offset, length: r.length, range: { start: ix.positionAt(r.offset), end: ix.positionAt(r.offset + r.length) },
          ...(r.fileName ? { path: relative(process.cwd(), r.fileName) || r.fileName } : {}),
        }];
      }),
    } : {}),
  }));
}

function publicFinding(f: JsonFinding): JsonFinding {
  const out: JsonFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range };
  if (f.related?.length) out.related = f.related.map((r) => ({ message: r.message, range: r.range, ...(r.path ? { path: r.path } : {}) }) as RelatedReport);
  return out;
}

/** `{ files: [{ path, kind, findings, suppressed?, error? }] }`; findings keep their documented four keys. */
export function formatJson(files: readonly FileReport[]): string {
  const out = files.map((r) => ({
    path: r.path,
    kind: r.kind,
    findings: r.findings.map(publicFinding),
    ...(r.suppressed?.length ? { suppressed: r.suppressed.map((s) => ({ ...publicFinding(s), by: s.by, ...(s.reason ? { reason: s.reason } : {}) })) } : {}),
    ...(r.error ? { error: r.error } : {}),
  }));
  return JSON.stringify({ files: out }, null, 2) + '\n';
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

/**
 * File content in a terminal line: control characters (CR, ESC, line separators, bidirectional overrides) escaped, so
 * a message quoting the file cannot overwrite or reorder a finding line.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return c === '\n' ? '\\n' : c === '\r' ? '\\r' : code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

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
      lines.push(`${printable(file.path)}: skipped: ${printable(file.error)}`);
      continue;
    }
    linted++;
    if (file.kind === 'unknown' && file.findings.length === 0) {
      lines.push(`${printable(file.path)}: not recognised as an ECS or IAM document (use --kind to force one)`);
      continue;
    }
    for (const f of file.findings) {
      counts[f.severity]++;
      const where = `${printable(file.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const sev = color ? `${COLORS[f.severity]}${f.severity}${RESET}` : f.severity;
      const id = color ? `${DIM}[${f.ruleId}]${RESET}` : `[${f.ruleId}]`;
      lines.push(`${where} ${sev} ${printable(f.message)} ${id}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const skipped = files.length - linted;
  const suppressed = files.reduce((n, f) => n + (f.suppressed?.length ?? 0), 0);
  lines.push(
    `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
      `${counts.info} info, ${plural(counts.hint, 'hint')}) in ${plural(linted, 'file')}` +
      (skipped ? `, ${skipped} skipped` : '') + (suppressed ? `, ${suppressed} suppressed` : ''),
  );
  return lines.join('\n') + '\n';
}
