// Core engine types. The engine is pure: no vscode, no LSP, no fs.
import type { Node as JsonNode, ParseError } from 'jsonc-parser';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const DOCUMENT_KINDS = [
  'task-definition',
  'container-definitions',
  'service-definition',
  'identity-policy',
  'trust-policy',
  'endpoint-policy',
  'ecr-repository-policy',
  'agent-config',
  // Host files holding the documents above (linted through rules/hosts).
  'cloudformation',
  'terraform',
  'unknown',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A replacement of `length` characters at `offset` by `content` (same shape as jsonc-parser's Edit). */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes may be applied in bulk by "fix all". A fix that widens or narrows permissions, or inserts
   * placeholders the user must fill in, is not safe.
   */
  safe: boolean;
  /** Preferred fixes are offered first (VS Code's isPreferred). Never set for permission-changing fixes. */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Offset and length of the offending key or value in the document text. */
  offset: number;
  length: number;
  fixes?: Fix[];
  /** The other ends of a cross-resource finding (LSP relatedInformation, SARIF relatedLocations). */
  related?: RelatedLocation[];
}

/** Another place a finding involves (the resource at the other end): in the same document, or in `fileName`. */
export interface RelatedLocation {
  offset: number;
  length: number;
  message: string;
  /** A sibling file of the same Terraform module (as given in LintOptions.siblings); offsets are that file's. */
  fileName?: string;
}

export interface RuleMeta {
  /** Stable id such as `task/no-privileged`; a contract with users' settings. */
  id: string;
  kinds: readonly DocumentKind[];
  defaultSeverity: Severity;
  /** One line, shown in lists and hovers. */
  description: string;
  /** AWS and tool references, e.g. `SecurityHub ECS.4`, `AWS Config ecs-containers-nonprivileged`. */
  references: readonly string[];
  fixable: boolean;
  /** Options users may set in a config file (`rules: { id: [severity, options] }`); validated before linting. */
  options?: Readonly<Record<string, RuleOptionSpec>>;
  /** Runs only when a severity is configured (e.g. a rule that needs options to mean anything). */
  defaultOff?: boolean;
  /**
   * `container`: every finding of the rule lies inside one container definition (fixes and related locations too),
   * and depends only on that container's text, its index, and what lies outside the containers (the task-level
   * fields, the derived OS, the document's layout). The engine may then re-run it on the edited containers only
   * (RuleContext.only), reusing the others' findings from the previous lint (see core/incremental.ts).
   */
  scope?: 'container';
}

/** One rule option. `regex-list` entries are case-insensitive RE2 patterns (linear time; see core/linear-regex.ts). */
export interface RuleOptionSpec {
  type: 'string-list' | 'regex-list';
  description: string;
}

export interface ParsedJson {
  root: JsonNode | undefined;
  errors: ParseError[];
  /** Set when the text nests deeper than the parser's limit: the too-deep values are parsed as empty containers. */
  tooDeep?: boolean;
  /** The too-deep values (opening to closing bracket), each reported where it is; the rest is linted. */
  deepRanges?: { offset: number; length: number }[];
  /** With deepRanges: the text as parsed (too-deep values blanked, same offsets); rules compute fixes on it. */
  source?: string;
}

/** What a rule sees. `json` is set for JSON kinds; `text` always. */
export interface RuleContext {
  readonly text: string;
  readonly kind: DocumentKind;
  readonly fileName?: string;
  readonly json?: ParsedJson;
  /** The rule's validated options from the configuration (empty when none are set). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Host kinds: what the injected host linter parsed (rules/deployment's model); the core never looks inside. */
  readonly host?: unknown;
  /** For a rule of `scope: 'container'`: check only these units (container objects); the rest are known. */
  readonly only?: ReadonlySet<JsonNode>;
  /** Report a finding. Severity defaults to the rule's configured severity. */
  report(finding: Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity }): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { JsonNode };
