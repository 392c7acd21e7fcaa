// Command-line parsing for ecs-lint. Pure: returns either options or a usage error message.
import { DOCUMENT_KINDS, type DocumentKind } from '../rules';

export type OutputFormat = 'text' | 'json';

export interface CliOptions {
  format: OutputFormat;
  kind?: DocumentKind;
  paths: string[];
  help: boolean;
  version: boolean;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string };

export const USAGE = `Usage: ecs-lint [options] PATH...

Lints Amazon ECS task definitions, service definitions, IAM policies and ecs.config files.
Directories are walked (node_modules and .git are skipped); only *.json, *.jsonc, ecs.config and
*.ecs.config files whose kind is recognised are reported.

Options:
  --format text|json   Output format (default: text)
  --kind KIND          Lint every file as KIND instead of detecting it. Kinds:
                       ${DOCUMENT_KINDS.filter((k) => k !== 'unknown').join(', ')}
  --version            Print the version and the IAM data version, then exit
  --help, -h           Print this help and exit

Exit status: 0 no error-severity finding, 1 at least one, 2 usage or read error.
`;

function isKind(s: string): s is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(s) && s !== 'unknown';
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const options: CliOptions = { format: 'text', paths: [], help: false, version: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') return { ok: false, error: 'reading from stdin is not supported; pass a file path' };
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
    switch (name) {
      case '--help': case '-h':
        options.help = true; break;
      case '--version': case '-V':
        options.version = true; break;
      case '--format': {
        const v = takeValue();
        if (v !== 'text' && v !== 'json') return { ok: false, error: `--format must be text or json${v === undefined ? '' : ` (got "${v}")`}` };
        options.format = v;
        break;
      }
      case '--kind': {
        const v = takeValue();
        if (v === undefined || !isKind(v)) {
          return { ok: false, error: `--kind must be one of ${DOCUMENT_KINDS.filter((k) => k !== 'unknown').join(', ')}${v === undefined ? '' : ` (got "${v}")`}` };
        }
        options.kind = v;
        break;
      }
      default:
        return { ok: false, error: `unknown option ${name}` };
    }
  }
  if (!options.help && !options.version && options.paths.length === 0) return { ok: false, error: 'no PATH given' };
  return { ok: true, options };
}
