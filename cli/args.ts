// Command-line parsing for ecs-lint. Pure: returns either options or a usage error message.
import { DOCUMENT_KINDS, type DocumentKind, type SeveritySetting } from '../rules';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type FailOn = 'error' | 'warning' | 'info';

export interface CliOptions {
  format: OutputFormat;
  kind?: DocumentKind;
  paths: string[];
  help: boolean;
  version: boolean;
  /** Lowest severity that makes the exit status 1. */
  failOn: FailOn;
  /** More warnings than this makes the exit status 1. */
  maxWarnings?: number;
  /** Report errors only. */
  quiet: boolean;
  /** --rule id=severity, highest precedence. */
  rules: Record<string, SeveritySetting>;
  config?: string;
  noConfig: boolean;
  printConfig?: string;
  stdin: boolean;
  stdinFilename?: string;
  listRules: boolean;
  explain?: string;
  writeBaseline?: string;
  baseline?: string;
  output?: string;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string };

const KINDS = DOCUMENT_KINDS.filter((k) => k !== 'unknown');

export const USAGE = `Usage: ecs-lint [options] PATH...
       ecs-lint [options] --stdin [--stdin-filename NAME]

Lints Amazon ECS task definitions, service definitions, IAM policies and ecs.config files, alone or
inside CloudFormation (JSON, YAML, CDK output) and Terraform files.
Directories are walked (node_modules and .git are skipped): *.json, *.jsonc, *.yaml, *.yml, *.tf,
ecs.config, *.ecs.config and shell scripts (*.sh, *.bash) are read, and only the files whose kind is
recognised (a task definition, a template with ECS or IAM resources, a script writing ecs.config...)
are reported. Files named on the command line are always reported.

Output:
  --format FORMAT        text (default), json, sarif (SARIF 2.1.0), junit (JUnit XML),
                         github (GitHub Actions workflow annotations)
  --output FILE          Write the report to FILE instead of stdout
  --quiet                Report errors only (warnings and info are dropped before --fail-on/--max-warnings)

Exit status:
  --fail-on LEVEL        error (default), warning or info: the lowest severity that fails the run
  --max-warnings N       Also fail when there are more than N warnings

Rules and configuration:
  --rule ID=SEVERITY     Override a rule (off, error, warning, info, hint); repeatable; wins over config files
  --config FILE          Use this config file instead of searching for .ecslintrc.* upward from each file
  --no-config            Ignore config files (defaults plus --rule only)
  --print-config FILE    Print the configuration that applies to FILE (with its sources) and exit
  --kind KIND            Lint every file as KIND instead of detecting it. Kinds:
                         ${KINDS.join(', ')}
  --stdin                Lint the text on standard input
  --stdin-filename NAME  File name for --stdin (kind detection, config lookup, reported path)

Baselines (adopt the linter on an existing repository, fail only on new findings):
  --write-baseline FILE  Record every current finding in FILE, print nothing else, exit 0 (2 on errors)
  --baseline FILE        Do not report findings recorded in FILE

Information:
  --list-rules           List the rules (id, default severity, kinds, description); --format json too
  --explain RULE         Print the documentation page of RULE
  --version              Print the version and the IAM data version, then exit
  --help, -h             Print this help and exit

Exit status: 0 no finding at or above --fail-on and warnings within --max-warnings; 1 findings;
2 usage error, config error, or a named file that could not be read.
`;

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'error', 'warning', 'info', 'hint'];

function isKind(s: string): s is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(s) && s !== 'unknown';
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The closest known id, when it is close enough to be a plausible typo (or shares the rule name). */
export function suggest(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(id, k);
    if (d < bestD) { best = k; bestD = d; }
  }
  if (best !== undefined && bestD <= Math.max(2, Math.floor(id.length / 3))) return best;
  // `no-privileged` for `task/no-privileged`: match on the part after the pack.
  const name = id.includes('/') ? id.slice(id.indexOf('/') + 1) : id;
  return known.find((k) => k.endsWith(`/${name}`));
}

export function unknownRuleMessage(id: string, known: readonly string[]): string {
  const s = suggest(id, known);
  return `unknown rule "${id}"${s ? ` (did you mean "${s}"?)` : ''}; see --list-rules`;
}

/**
 * Parses argv. `knownRules`, when given, makes an unknown id in --rule a usage error (with a suggestion).
 */
export function parseArgs(argv: readonly string[], knownRules?: readonly string[]): ParseResult {
  const options: CliOptions = {
    format: 'text', paths: [], help: false, version: false, failOn: 'error', quiet: false, rules: {},
    noConfig: false, stdin: false, listRules: false,
  };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') return { ok: false, error: 'use --stdin to read from standard input' };
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') { onlyPaths = true; continue; }
    // Accept both `--flag value` and `--flag=value`.
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };
    const needValue = (what: string): string | { error: string } => {
      const v = takeValue();
      return v === undefined || v === '' ? { error: `${name} needs ${what}` } : v;
    };
    const flag = (): ParseResult | undefined =>
      inline !== undefined ? { ok: false, error: `${name} takes no value` } : undefined;
    switch (name) {
      case '--help': case '-h':
        options.help = true; break;
      case '--version': case '-V':
        options.version = true; break;
      case '--quiet': { const e = flag(); if (e) return e; options.quiet = true; break; }
      case '--no-config': { const e = flag(); if (e) return e; options.noConfig = true; break; }
      case '--stdin': { const e = flag(); if (e) return e; options.stdin = true; break; }
      case '--list-rules': { const e = flag(); if (e) return e; options.listRules = true; break; }
      case '--format': {
        const v = takeValue();
        if (v === undefined || !(OUTPUT_FORMATS as readonly string[]).includes(v)) {
          return { ok: false, error: `--format must be one of ${OUTPUT_FORMATS.join(', ')}${v === undefined ? '' : ` (got "${v}")`}` };
        }
        options.format = v as OutputFormat;
        break;
      }
      case '--kind': {
        const v = takeValue();
        if (v === undefined || !isKind(v)) {
          return { ok: false, error: `--kind must be one of ${KINDS.join(', ')}${v === undefined ? '' : ` (got "${v}")`}` };
        }
        options.kind = v;
        break;
      }
      case '--fail-on': {
        const v = takeValue();
        if (v !== 'error' && v !== 'warning' && v !== 'info') {
          return { ok: false, error: `--fail-on must be error, warning or info${v === undefined ? '' : ` (got "${v}")`}` };
        }
        options.failOn = v;
        break;
      }
      case '--max-warnings': {
        const v = takeValue();
        if (v === undefined || !/^\d+$/.test(v)) {
          return { ok: false, error: `--max-warnings needs a whole number${v === undefined ? '' : ` (got "${v}")`}` };
        }
        options.maxWarnings = Number(v);
        break;
      }
      case '--rule': {
        const v = takeValue();
        const m = v === undefined ? null : /^([^=\s]+)=([a-z]+)$/.exec(v);
        if (!m) return { ok: false, error: `--rule needs ID=SEVERITY, e.g. --rule task/no-privileged=warning${v === undefined ? '' : ` (got "${v}")`}` };
        const [, id, sev] = m;
        if (!(SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
          return { ok: false, error: `--rule ${id}: severity must be one of ${SEVERITY_SETTINGS.join(', ')} (got "${sev}")` };
        }
        if (knownRules && !knownRules.includes(id)) return { ok: false, error: `--rule: ${unknownRuleMessage(id, knownRules)}` };
        options.rules[id] = sev as SeveritySetting;
        break;
      }
      case '--config': case '--print-config': case '--stdin-filename': case '--explain':
      case '--write-baseline': case '--baseline': case '--output': {
        const v = needValue(name === '--explain' ? 'a rule id' : 'a file name');
        if (typeof v !== 'string') return { ok: false, error: v.error };
        if (name === '--config') options.config = v;
        else if (name === '--print-config') options.printConfig = v;
        else if (name === '--stdin-filename') options.stdinFilename = v;
        else if (name === '--explain') options.explain = v;
        else if (name === '--write-baseline') options.writeBaseline = v;
        else if (name === '--baseline') options.baseline = v;
        else options.output = v;
        break;
      }
      default:
        return { ok: false, error: `unknown option ${name}` };
    }
  }
  if (options.config !== undefined && options.noConfig) return { ok: false, error: '--config and --no-config cannot be combined' };
  if (options.stdinFilename !== undefined && !options.stdin) return { ok: false, error: '--stdin-filename needs --stdin' };
  if (options.stdin && options.paths.length > 0) return { ok: false, error: '--stdin cannot be combined with PATH arguments' };
  const standalone = options.help || options.version || options.listRules || options.explain !== undefined || options.printConfig !== undefined;
  if (!standalone && !options.stdin && options.paths.length === 0) return { ok: false, error: 'no PATH given' };
  return { ok: true, options };
}
