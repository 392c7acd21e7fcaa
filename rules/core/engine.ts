// The engine entry point: parse once, detect the kind, run the rules that apply, return findings.
import type { DocumentKind, Finding, JsonNode, ParsedJson, Rule, RuleContext, Severity, SeveritySetting } from './types';
import { parseJson, MAX_DEPTH } from './json';
import { detectKind, type Associations } from './detect';
import { clampToText } from './positions';
import { printParseErrorCode } from 'jsonc-parser';

export interface LintOptions {
  fileName?: string;
  /** Force a kind (CLI --kind, or a caller that already knows). */
  kind?: DocumentKind;
  associations?: Associations;
  /** Rule id -> severity override or `off`. */
  ruleSettings?: Record<string, SeveritySetting>;
  /** Rule id -> options (validated by the caller, see config/). */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /**
   * Terraform: the other `.tf` files of the module (same directory), unsaved text where the caller has it. The engine
   * never reads files; whole-module rules see resources and references across them.
   */
  siblings?: readonly { fileName: string; text: string }[];
  /** Called once per rule failure, for logging. The failure also becomes an `internal/rule-error` finding. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * A resource of a host template as the core sees it: where it is, and its `ecs-lint` Metadata (a host tree node,
 * opaque here; rules/hosts' HostResource gives it its type).
 */
export interface HostResourceSpan {
  label: string;
  header: { offset: number; length: number };
  range: { offset: number; length: number };
  metadata?: unknown;
}

export interface LintResult {
  kind: DocumentKind;
  findings: Finding[];
  /** CloudFormation templates: their resources, where suppression Metadata is read (config/). */
  resources?: HostResourceSpan[];
}

/**
 * Lints host files (CloudFormation, Terraform). Injected (rules/index.ts registers rules/deployment's) so that the
 * core never imports the hosts: hosts and whole-host rules sit above the core.
 */
export interface HostLinter {
  isHost(kind: DocumentKind): boolean;
  lint(engine: Engine, text: string, kind: DocumentKind, opts: LintOptions, jsonRoot: JsonNode | undefined): { findings: Finding[]; resources?: HostResourceSpan[] };
}

let registeredHostLinter: HostLinter | undefined;
/** The host linter engines get when none is passed to the constructor. */
export function registerHostLinter(linter: HostLinter): void {
  registeredHostLinter = linter;
}

export const SYNTAX_RULE_ID = 'json/syntax-error';
export const RULE_ERROR_ID = 'internal/rule-error';

const JSON_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  'task-definition', 'container-definitions', 'service-definition',
  'identity-policy', 'trust-policy', 'endpoint-policy', 'ecr-repository-policy',
]);

export function isJsonKind(kind: DocumentKind): boolean {
  return JSON_KINDS.has(kind);
}

function looksLikeJson(text: string, fileName?: string): boolean {
  if (fileName && /\.jsonc?$/i.test(fileName)) return true;
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

export class Engine {
  private readonly byKind = new Map<DocumentKind, Rule[]>();
  private readonly byId = new Map<string, Rule>();

  constructor(readonly rules: readonly Rule[], private readonly hosts: HostLinter | undefined = registeredHostLinter) {
    for (const r of rules) {
      if (this.byId.has(r.meta.id)) throw new Error(`duplicate rule id ${r.meta.id}`);
      this.byId.set(r.meta.id, r);
      for (const k of r.meta.kinds) {
        const list = this.byKind.get(k) ?? [];
        list.push(r);
        this.byKind.set(k, list);
      }
    }
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  lint(text: string, opts: LintOptions = {}): LintResult {
    const json: ParsedJson | undefined = opts.kind
      ? (isJsonKind(opts.kind) ? parseJson(text) : undefined)
      : looksLikeJson(text, opts.fileName) ? parseJson(text) : undefined;
    const kind = opts.kind ?? detectKind({ text, fileName: opts.fileName, json, associations: opts.associations });
    if (kind === 'unknown') return { kind, findings: [] };
    // CloudFormation / Terraform: lint the documents embedded in the file, findings mapped back into it.
    if (this.hosts?.isHost(kind)) {
      const { findings, resources } = this.hosts.lint(this, text, kind, opts, json?.root);
      return resources ? { kind, findings, resources } : { kind, findings };
    }
    const findings: Finding[] = [];
    const settings = opts.ruleSettings ?? {};

    if (json?.tooDeep && settings[SYNTAX_RULE_ID] !== 'off') {
      findings.push({
        ruleId: SYNTAX_RULE_ID,
        severity: 'error',
        message: `The document nests deeper than ${MAX_DEPTH} levels; it was not analysed.`,
        offset: 0,
        length: 1,
      });
    }
    if (json && json.errors.length > 0 && isJsonKind(kind) && settings[SYNTAX_RULE_ID] !== 'off') {
      // One finding for the first error: the editor's JSON support already marks each one.
      const e = json.errors[0];
      const more = json.errors.length > 1 ? ` (and ${json.errors.length - 1} more)` : '';
      findings.push({
        ruleId: SYNTAX_RULE_ID,
        severity: (settings[SYNTAX_RULE_ID] as Severity | undefined) ?? 'error',
        message: `Invalid JSON: ${describeParseError(printParseErrorCode(e.error))}${more}. Security findings may be incomplete until it parses.`,
        ...clampToText(e.offset, e.length, text.length),
      });
    }

    this.runRules(kind, text, opts, findings, json);
    // Code-unit order for the tie-break: ids are ASCII, and localeCompare cost ~10 ms per 7,000 findings.
    findings.sort((a, b) => a.offset - b.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    return { kind, findings };
  }

  /** Whether any rule is registered for `kind` (host linters skip building what no rule reads). */
  hasRules(kind: DocumentKind): boolean {
    return !!this.byKind.get(kind)?.length;
  }

  /** Run the rules registered for `kind`, appending to `findings`; `host` is what rules of host kinds read. */
  runRules(kind: DocumentKind, text: string, opts: LintOptions, findings: Finding[], json?: ParsedJson, host?: unknown): void {
    const settings = opts.ruleSettings ?? {};
    for (const rule of this.byKind.get(kind) ?? []) {
      const setting = settings[rule.meta.id];
      if (setting === 'off' || (setting === undefined && rule.meta.defaultOff)) continue;
      const severity: Severity = setting ?? rule.meta.defaultSeverity;
      const ctx: RuleContext = {
        text,
        kind,
        fileName: opts.fileName,
        json,
        host,
        options: opts.ruleOptions?.[rule.meta.id] ?? {},
        report: (f) => {
          // Built field by field: an object spread per finding showed up in profiles of generated 2,000-container files.
          const out: Finding = { message: f.message, offset: f.offset, length: f.length, ruleId: rule.meta.id, severity: setting ?? f.severity ?? severity };
          // A fix whose edits could not be computed (broken document) is not offered.
          if (f.fixes) out.fixes = f.fixes.filter((x) => x.edits.length > 0);
          if (f.related?.length) out.related = f.related;
          findings.push(out);
        },
      };
      try {
        rule.check(ctx);
      } catch (err) {
        opts.onRuleError?.(rule.meta.id, err);
        findings.push({
          ruleId: RULE_ERROR_ID,
          severity: 'warning',
          message: `Rule ${rule.meta.id} failed on this document and was skipped: ${err instanceof Error ? err.message : String(err)}`,
          offset: 0,
          length: 0,
        });
      }
    }
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
