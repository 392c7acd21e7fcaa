// THE entry point shared by the CLI and the language server: config resolution, severities, rule options,
// suppressions (config ignores, in-source directives and Metadata, baseline). Same inputs => same findings in both.
import * as path from 'node:path';
import { defaultEngine, isJsonKind, LineIndex, parseJson, runToEnd, type Associations, type DocumentKind, type Engine, type Finding, type HostResource, type JsonNode, type LintMemo, type Severity, type SeveritySetting } from '../rules';
import { fingerprints as computeFingerprints, isBaselined, type Baseline } from './baseline';
import { ConfigLoader } from './load';
import { parseConfigText } from './parse';
import { validateConfig } from './validate';
import { resolveConfig } from './resolve';
import { ignoreAppliesToFile, ignoreMatches } from './suppress';
import { DirectiveIndex, inSourceDirectives, unusedDirectiveFinding, type CommentPolicy } from './directives';
import { CONFIG_RULE_IDS, PRECEDENCE, type ConfigError, type IgnoreEntry, type LocatedIgnore, type ResolvedConfig } from './types';

export interface LintFileOptions {
  /** Forced kind (CLI --kind / editor "Set Document Kind"). */
  kind?: DocumentKind;
  /** --config: use this file instead of the upward search. */
  configFile?: string;
  /** --no-config. */
  noConfig?: boolean;
  /** --rule id=severity (highest precedence). */
  cliRules?: Record<string, SeveritySetting>;
  /** Editor settings: below every config file, above the defaults. */
  editorSettings?: { rules?: Record<string, SeveritySetting>; associations?: Associations };
  /** Findings whose fingerprints it holds are suppressed ('baseline'). */
  baseline?: Baseline;
  /**
   * Compute `fingerprints` (default true). They cost one more parse of the text; the editor, which has no baseline,
   * turns them off and gets an empty array.
   */
  fingerprints?: boolean;
  /** Config cache; defaults to one shared per engine that re-checks file mtimes. */
  loader?: ConfigLoader;
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Terraform: the other .tf files of the module (see LintOptions.siblings). */
  siblings?: readonly { fileName: string; text: string }[];
  /** The memory of this document's previous lints (LintOptions.memo): the editor keeps one per open document. */
  memo?: LintMemo;
}

export interface Suppressed {
  finding: Finding;
  by: 'config' | 'directive' | 'baseline';
  reason?: string;
  /** The config entry that suppressed it (by: 'config'). */
  ignore?: LocatedIgnore;
}

export interface UnusedIgnore {
  configFile: string;
  index: number;
  entry: IgnoreEntry;
  offset: number;
  length: number;
}

export interface LintFileResult {
  kind: DocumentKind;
  /** Active findings after severities, ignores, directives and baseline. */
  findings: Finding[];
  /** Baseline fingerprints of `findings` (same order); empty when `fingerprints: false`. */
  fingerprints: string[];
  suppressed: Suppressed[];
  configErrors: ConfigError[];
  /** Entries that apply to this file but suppressed nothing in it. */
  unusedIgnores: UnusedIgnore[];
  /** Entries that suppressed something here (for unusedIgnoresAcross). */
  usedIgnores: UnusedIgnore[];
  config: ResolvedConfig;
  /** CloudFormation resources (where a directive above a logical id applies; for the editor's quick fix). */
  resources?: HostResource[];
}

const loaders = new WeakMap<Engine, ConfigLoader>();
function sharedLoader(engine: Engine): ConfigLoader {
  let l = loaders.get(engine);
  if (!l) loaders.set(engine, (l = new ConfigLoader(engine)));
  return l;
}

function strip(ig: LocatedIgnore): UnusedIgnore {
  return { configFile: ig.configFile, index: ig.index, entry: ig.entry, offset: ig.offset, length: ig.length };
}

export function lintFile(engine: Engine, filePath: string, text: string, opts: LintFileOptions = {}): LintFileResult {
  return runToEnd(lintFileSteps(engine, filePath, text, opts));
}

/** lintFile as a generator that yields between rules (see Engine.lintSteps), for callers that interleave work. */
export function* lintFileSteps(engine: Engine, filePath: string, text: string, opts: LintFileOptions = {}): Generator<void, LintFileResult> {
  const loader = opts.loader ?? sharedLoader(engine);
  const { config, errors } = resolveConfig(loader, filePath, opts);
  const empty: LintFileResult = { kind: 'unknown', findings: [], fingerprints: [], suppressed: [], configErrors: errors, unusedIgnores: [], usedIgnores: [], config };
  if (config.ignored) return empty;

  const result = yield* engine.lintSteps(text, {
    fileName: filePath,
    kind: opts.kind ?? config.kind,
    associations: config.associations,
    ruleSettings: config.rules,
    ruleOptions: config.ruleOptions,
    onRuleError: opts.onRuleError,
    ...(opts.siblings ? { siblings: opts.siblings } : {}),
    ...(opts.memo ? { memo: opts.memo } : {}),
  });
  const kind = result.kind;
  let all = result.findings;
  const lines = new LineIndex(text);
  // The core types Metadata as opaque; the host linter rules/index registers fills it with rules/hosts' tree nodes.
  const resources = result.resources as HostResource[] | undefined;
  const directives = inSourceDirectives(engine, text, lines, commentPolicy(filePath, kind, text), resources);
  const byOffset = new DirectiveIndex(directives.directives);
  all = [...all, ...directives.problems];
  const wantFingerprints = opts.fingerprints !== false || !!opts.baseline;
  const applicable = config.ignores.filter((ig) => ignoreAppliesToFile(ig, filePath));
  if (!wantFingerprints && applicable.length === 0 && directives.directives.length === 0 && directives.problems.length === 0 && inOutputOrder(result.findings)) {
    // Nothing to suppress, add or re-order (the editor, typing in a file without directives): the engine's findings
    // as they are, without a wrapper object per finding and a second sort on every keystroke.
    return { kind, findings: result.findings, fingerprints: [], suppressed: [], configErrors: errors, unusedIgnores: [], usedIgnores: [], config, ...(resources ? { resources } : {}) };
  }
  const fps = wantFingerprints ? computeFingerprints(all, text, kind) : [];
  // The tree for `at` is only needed when an entry has one and there is something to suppress.
  const root = isJsonKind(kind) && all.length > 0 && applicable.some((ig) => ig.entry.at !== undefined) ? parseJson(text).root : undefined;
  const atNodes = new Map<string, JsonNode[]>();
  const used = new Set<LocatedIgnore>();
  const usedDirectives = new Set<object>();
  const findings: Finding[] = [], fingerprints: string[] = [], suppressed: Suppressed[] = [];

  all.forEach((f, i) => {
    const d = CONFIG_RULE_IDS.includes(f.ruleId) ? undefined : byOffset.match(f);
    if (d) { usedDirectives.add(d); suppressed.push({ finding: f, by: 'directive', reason: d.reason }); return; }
    const ig = applicable.find((x) => ignoreMatches(x, f, root, atNodes));
    if (ig) { used.add(ig); suppressed.push({ finding: f, by: 'config', reason: ig.entry.reason, ignore: ig }); return; }
    if (opts.baseline && isBaselined(opts.baseline, filePath, f.ruleId, fps[i])) { suppressed.push({ finding: f, by: 'baseline' }); return; }
    findings.push(f);
    if (wantFingerprints) fingerprints.push(fps[i]);
  });
  for (const d of directives.directives) {
    if (usedDirectives.has(d)) continue;
    const f = unusedDirectiveFinding(d);
    findings.push(f);
    if (wantFingerprints) fingerprints.push(computeFingerprints([f], text, kind)[0]);
  }
  // Pseudo-rules of this layer honour severities too ("config/unused-ignore": "off").
  const active = findings.map((f, i) => ({ f: withSeverity(f, config.rules), fp: fingerprints[i] })).filter((x) => x.f !== undefined);
  const order = active.map((x, i) => i).sort((a, b) => outputOrder(active[a].f!, active[b].f!));
  return {
    kind,
    findings: order.map((i) => active[i].f!),
    fingerprints: wantFingerprints ? order.map((i) => active[i].fp) : [],
    suppressed,
    configErrors: errors,
    unusedIgnores: applicable.filter((ig) => !used.has(ig)).map(strip),
    usedIgnores: [...used].map(strip),
    config,
    ...(resources ? { resources } : {}),
  };
}

/**
 * Which comments a file can hold and whether they are directives: in .jsonc documents, CloudFormation YAML and
 * Terraform they are. In .json documents and JSON templates AWS rejects comments, so one that looks like a directive
 * is reported (never silently ignored) with the form that works there.
 */
export function commentPolicy(filePath: string, kind: DocumentKind, text: string): CommentPolicy | undefined {
  if (kind === 'terraform') return { syntax: 'hcl' };
  if (kind === 'cloudformation') {
    return /^\s*[{[]/.test(text) ? { syntax: 'jsonc', rejected: 'CloudFormation rejects comments in JSON templates; use the resource\'s Metadata "ecs-lint" entry' } : { syntax: 'yaml' };
  }
  if (!isJsonKind(kind)) return undefined;
  return /\.jsonc$/i.test(filePath) ? { syntax: 'jsonc' } : { syntax: 'jsonc', rejected: 'AWS rejects comments in JSON documents, so directives only work in .jsonc files; use an "ignores" entry in the config file' };
}

/** The order of a file's findings: by offset, then rule id. */
function outputOrder(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.ruleId.localeCompare(b.ruleId);
}

/** Whether findings are in output order already, with no finding of this layer's pseudo-rules (severities apply). */
function inOutputOrder(findings: readonly Finding[]): boolean {
  for (let i = 0; i < findings.length; i++) {
    if (CONFIG_RULE_IDS.includes(findings[i].ruleId)) return false;
    if (i > 0 && outputOrder(findings[i - 1], findings[i]) > 0) return false;
  }
  return true;
}

function withSeverity(f: Finding, rules: Record<string, SeveritySetting>): Finding | undefined {
  if (!CONFIG_RULE_IDS.includes(f.ruleId)) return f;
  const s = rules[f.ruleId];
  if (s === 'off') return undefined;
  return s ? { ...f, severity: s as Severity } : f;
}

/** Across many linted files (CLI): an entry is unused when no file used it, whether or not its globs matched. */
export function unusedIgnoresAcross(results: readonly Pick<LintFileResult, 'config' | 'usedIgnores'>[]): UnusedIgnore[] {
  const key = (x: { configFile: string; index: number }) => `${x.configFile}\0${x.index}`;
  const used = new Set(results.flatMap((r) => r.usedIgnores.map(key)));
  const all = new Map<string, UnusedIgnore>();
  for (const r of results) for (const ig of r.config.ignores) if (!used.has(key(ig))) all.set(key(ig), strip(ig));
  return [...all.values()].sort((a, b) => a.configFile.localeCompare(b.configFile) || a.index - b.index);
}

/** `ecs-lint --print-config FILE`: the effective configuration of one file and where each setting came from. */
export function printConfig(filePath: string, opts: LintFileOptions = {}): string {
  const engine = defaultEngine();
  const { config, errors } = resolveConfig(opts.loader ?? sharedLoader(engine), filePath, opts);
  const rules: Record<string, { severity: SeveritySetting; from: string; options?: Record<string, unknown> }> = {};
  for (const r of engine.rules) {
    const id = r.meta.id;
    const set = config.rules[id];
    rules[id] = {
      severity: set ?? (r.meta.defaultOff ? 'off' : r.meta.defaultSeverity),
      from: set ? config.ruleSources[id] : 'default',
      ...(config.ruleOptions[id] ? { options: config.ruleOptions[id] } : {}),
    };
  }
  return `${JSON.stringify({
    file: path.resolve(filePath),
    precedence: PRECEDENCE,
    sources: config.sources,
    ignored: config.ignored,
    ...(opts.kind ?? config.kind ? { kind: opts.kind ?? config.kind } : {}),
    associations: config.associations,
    ignorePatterns: config.ignorePatterns,
    ignores: config.ignores.map((ig) => ({ configFile: ig.configFile, index: ig.index, ...ig.entry })),
    rules,
    errors,
  }, null, 2)}\n`;
}

/** Problems in a config file's (possibly unsaved) text, for diagnostics on the config file itself. */
export function checkConfigText(engine: Engine, file: string, text: string): ConfigError[] {
  const parsed = parseConfigText(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (parsed.errors.length > 0) return parsed.errors.map((e) => ({ file, ...e }));
  if (parsed.value === undefined) return [];
  return validateConfig(engine, file, path.dirname(file), parsed.value, parsed.locate).errors;
}
