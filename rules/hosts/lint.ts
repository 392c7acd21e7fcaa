// Lint a host file (CloudFormation, Terraform): lint each embedded document with the ordinary rules, then map
// findings and fixes back into the host file.
import type { DocumentKind, Finding, Fix, Severity, SeveritySetting } from '../core/types';
import type { HostFormat, HostParse, EmbeddedDoc } from './cfn';
import { ECS_NAMES } from './cfn-names';
import { aboutUnknown, isLabelPath, mapRange, renderVirtual } from './virtual';
import { translateFix, type Change } from './fix';
import { envRefMessage } from './env-refs';
import { mapScript, scriptRange as templateScriptRange } from './script';
import type { TextEdit } from '../core/types';
import { inferFormatting } from '../core/edits';
import { clampToText } from '../core/positions';
import { scriptRange, touchesUnknown, type EmbeddedScript } from './terraform-userdata';
import { MAX_DEPTH } from '../core/json';
import { capMessage } from '../core/messages';
import { capDepth, type Range } from './tree';
import { tooDeepFindings } from '../core/limits';
import { keptReport, reportWithin, shiftReport, type HostDocFindings, type LintMemo } from '../core/incremental';

/** The part of Engine this module needs (kept structural to avoid an import cycle). */
export interface EmbeddedLinter {
  lintSteps(text: string, opts: {
    kind: DocumentKind; fileName?: string; ruleSettings?: Record<string, SeveritySetting>;
    ruleOptions?: Record<string, Record<string, unknown>>; onRuleError?: (id: string, e: unknown) => void;
  }): Generator<void, { findings: Finding[] }>;
}

export interface HostLintOptions {
  fileName?: string;
  ruleSettings?: Record<string, SeveritySetting>;
  ruleOptions?: Record<string, Record<string, unknown>>;
  onRuleError?: (id: string, e: unknown) => void;
  syntaxRuleId: string;
  /** Reports that the file could not be checked at all (HostParse.unavailable). */
  internalRuleId: string;
  /**
   * Translate fixes into the host (default true). Off for a JSON host with values nested too deep: jsonc-parser's
   * formatting of such a template is quadratic (13 s for one 3,000-deep value), and no fix is better than a stall.
   */
  fixes?: boolean;
  /** HCL hosts: replay structural changes as HCL edits. */
  hclEdits?: (doc: EmbeddedDoc, changes: Change[]) => TextEdit[] | undefined;
  /** The language server's memory of this file's previous lint (core/incremental.ts): unchanged documents are reused. */
  memo?: Pick<LintMemo, 'hostDocs' | 'stats'>;
}

const ECS_KINDS = new Set<DocumentKind>(['task-definition', 'container-definitions', 'service-definition']);
const NO_PLAINTEXT_SECRETS = 'task/no-plaintext-secrets';
/** Rules that judge the literal parts of a template (`${Repo}:latest`) rather than its format as a whole. */
const READS_LITERALS = new Set(['task/image-pinned']);

export function* lintHost(engine: EmbeddedLinter, text: string, parsed: HostParse, opts: HostLintOptions): Generator<void, Finding[]> {
  const settings = opts.ruleSettings ?? {};
  const out: Finding[] = [];
  if (parsed.unavailable) {
    // Fail closed: an error even where rules are off, so CI never passes a file it did not read.
    return [{ ruleId: opts.internalRuleId, severity: 'error', message: `This file was not checked: ${parsed.unavailable}.`, offset: 0, length: 0 }];
  }
  // A fix after a syntax error could land inside an unterminated string or the wrong block: none is offered there.
  const fixesFrom = parsed.syntaxError ? parsed.syntaxError.offset : Infinity;
  if (parsed.syntaxError && settings[opts.syntaxRuleId] !== 'off') {
    const e = parsed.syntaxError;
    // A Jinja/Go template of a template (Proton's `{% if %}`, `{{ service.name }}`) is not YAML until rendered: say so
    // at info level rather than fail CI on a file that is not meant to parse as committed.
    const templated = parsed.format !== 'hcl' && templateDirectiveExplains(text, e.offset);
    out.push({
      ruleId: opts.syntaxRuleId,
      severity: (settings[opts.syntaxRuleId] as Severity | undefined) ?? (templated ? 'info' : 'error'),
      message: templated
        ? `${e.message}. The file holds template directives ({% %} / {{ }}): it is linted as far as it parses; render it to lint the rest.`
        : `${e.message}. Security findings may be incomplete until it parses.`,
      ...clampToText(e.offset, e.length, text.length),
    });
  }
  const formatting = parsed.format === 'json' ? inferFormatting(text) : undefined;
  // An edit re-lints only the documents it touched: the others' findings are those of the last lint, moved. Not after
  // a syntax error (what is offered depends on where it is).
  const memo = parsed.syntaxError ? undefined : opts.memo;
  const context = memo ? JSON.stringify([opts.fileName ?? '', settings, opts.ruleOptions ?? {}, opts.fixes !== false, parsed.format, formatting ?? null]) : '';
  const kept = new Map<string, HostDocFindings>();
  for (const doc of parsed.docs) {
    yield;
    if (doc.script !== undefined) { out.push(...yield* lintUserData(engine, text, doc, opts)); continue; }
    // Values nested deeper than the engine parses become unknowns before rendering (reported in lintDoc).
    const deep = capDepth(doc.root, MAX_DEPTH);
    const v = renderVirtual(doc.root, ECS_KINDS.has(doc.kind) ? isLabelPath : undefined);
    const span = memo ? docSpan(text, doc) : undefined;
    // Everything the document's findings depend on: the rendered document, its own lines in the host (ranges, fixes'
    // layout), how it is labelled and for whom, what its environment values refer to, the file's settings and layout.
    // Environment values from a parameter elsewhere in the template (NoEcho, a dynamic reference) are in by their message.
    const refs = span && (doc.envRefs ?? []).map((r) => `${r.node.range.offset - span.from}:${envRefMessage(r)}`).join('\0');
    const key = span && `${context}\0${doc.kind}\0${doc.label}\0${doc.audience ?? ''}\0${doc.synthetic ? 1 : 0}\0${refs}\0${v.text}\0${text.slice(span.from, span.to)}`;
    const hit = key ? memo!.hostDocs.get(key) : undefined;
    if (key && hit) {
      const moved = hit.findings.map((f) => shiftReport(f, span!.from - hit.at));
      out.push(...moved.map((f) => shiftReport(f, 0))); // copies: what is kept is never handed out
      kept.set(key, { at: span!.from, findings: moved });
      memo!.stats.hostDocsReused++;
      continue;
    }
    const mine = yield* lintDoc(engine, text, parsed, doc, v, deep, formatting, fixesFrom, opts);
    out.push(...mine);
    if (key && mine.every((f) => reportWithin(f, span!.from, span!.to))) kept.set(key, { at: span!.from, findings: mine.map((f) => keptReport(f)) });
  }
  if (memo) memo.hostDocs = kept;
  for (const x of parsed.scripts ?? []) out.push(...yield* lintTerraformScript(engine, x, opts));
  out.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
  return out;
}

/** From the start of the line of the document's anchor (or value) to the end of the line its value ends on. */
function docSpan(text: string, doc: EmbeddedDoc): { from: number; to: number } {
  const start = Math.min(doc.anchor.offset, doc.root.range.offset);
  const end = Math.max(doc.anchor.offset + doc.anchor.length, doc.root.range.offset + doc.root.range.length);
  const nl = text.indexOf('\n', end);
  return { from: text.lastIndexOf('\n', start - 1) + 1, to: nl < 0 ? text.length : nl };
}

/** One embedded document's findings in the host: its too-deep values, its rules' findings mapped back, env references. */
function* lintDoc(engine: EmbeddedLinter, text: string, parsed: HostParse, doc: EmbeddedDoc, v: ReturnType<typeof renderVirtual>, deep: Range[], formatting: ReturnType<typeof inferFormatting> | undefined, fixesFrom: number, opts: HostLintOptions): Generator<void, Finding[]> {
  const settings = opts.ruleSettings ?? {};
  const out: Finding[] = [];
  const ecs = ECS_KINDS.has(doc.kind);
  // Values nested deeper than the engine parses are reported here, where they are; the rest of the document is linted.
  if (deep.length && settings[opts.syntaxRuleId] !== 'off') {
    out.push(...tooDeepFindings(opts.syntaxRuleId, deep, (settings[opts.syntaxRuleId] as Severity | undefined) ?? 'error', `${doc.label}: `));
  }
  const res = yield* engine.lintSteps(v.text, { kind: doc.kind, fileName: opts.fileName, ruleSettings: settings, ruleOptions: opts.ruleOptions, onRuleError: opts.onRuleError });
  let before: unknown;
  const parsedBefore = () => (before ??= JSON.parse(v.text));
  for (const f of res.findings) {
    if (f.ruleId === opts.syntaxRuleId) continue; // the virtual text is generated: it always parses
    if (aboutUnknown(v, f.offset, f.offset + f.length, READS_LITERALS.has(f.ruleId))) continue;
    // SSM channel actions are ECS Exec only in a task role: an EC2 instance role uses them for Session Manager.
    if (f.ruleId === 'iam/ecs-exec' && doc.audience === 'other-role' && /^"ssmmessages:/i.test(v.text.slice(f.offset, f.offset + f.length))) continue;
    const range = mapRange(v, text, f.offset, f.offset + f.length, doc.anchor);
    const fixes: Fix[] = [];
    // No fixes on a host with a syntax error: jsonc-parser's formatting of a template cut inside a string of 3,500
    // braces took 50 s (found by fuzzing), and an edit after the error could land in the wrong place anyway.
    for (const fix of doc.synthetic || opts.fixes === false || parsed.syntaxError ? [] : f.fixes ?? []) {
      const edits = translateFix({ format: parsed.format, hostText: text, root: doc.root, virtualText: v.text, edits: fix.edits, formatting, before: parsedBefore(), doc: v },
        (changes) => opts.hclEdits?.(doc, changes));
      if (edits && edits.every((e) => e.offset < fixesFrom)) fixes.push({ ...fix, title: ecs ? hostNames(fix.title, parsed.format) : fix.title, edits });
    }
    out.push({
      ...f,
      message: capMessage(`${doc.label}: ${ecs ? hostNames(f.message, parsed.format) : f.message}`),
      offset: range.offset,
      length: range.length,
      fixes: fixes.length ? fixes : undefined,
    });
  }
  const secretsSetting = settings[NO_PLAINTEXT_SECRETS];
  if (secretsSetting !== 'off') {
    for (const r of doc.envRefs ?? []) {
      out.push({
        ruleId: NO_PLAINTEXT_SECRETS,
        severity: secretsSetting ?? 'error',
        message: capMessage(`${doc.label}: ${envRefMessage(r)}`),
        offset: r.node.range.offset,
        length: r.node.range.length,
      });
    }
  }
  return out;
}

/**
 * Whether a template directive sits at or before the line of a syntax error, so that the error is the template's,
 * not the file's. A directive opens with an expression (`{{ name }}`, `{{.Values.x}}`, `{{- if }}`, `{{#each}}`) or a
 * Jinja tag (`{% if %}`); braces inside a string (`"{{"}}`, found by fuzzing) are not one: such a file fails closed.
 */
function templateDirectiveExplains(text: string, errorOffset: number): boolean {
  const m = /\{%-?\s|\{\{-?\s*[A-Za-z_.$#/][^{}\n]*\}\}/.exec(text);
  if (!m) return false;
  const lineEnd = text.indexOf('\n', errorOffset);
  return m.index <= (lineEnd < 0 ? text.length : lineEnd);
}

/** A user-data script (CloudFormation or Terraform) through the agent-config rules, with the host's settings. */
function* lintScript(engine: EmbeddedLinter, script: string, opts: HostLintOptions): Generator<void, Finding[]> {
  // The file name makes the agent rules read it as a script (the lines it writes to ecs.config).
  const res = yield* engine.lintSteps(script, { kind: 'agent-config', fileName: 'user-data', ruleSettings: opts.ruleSettings, ruleOptions: opts.ruleOptions, onRuleError: opts.onRuleError });
  return res.findings;
}

/** A Terraform user-data script; findings on Terraform interpolations are dropped, fixes kept where the script is literal. */
function* lintTerraformScript(engine: EmbeddedLinter, x: EmbeddedScript, opts: HostLintOptions): Generator<void, Finding[]> {
  const out: Finding[] = [];
  for (const f of yield* lintScript(engine, x.text, opts)) {
    if (touchesUnknown(x, f.offset, f.offset + f.length)) continue;
    const fixes: Fix[] = [];
    for (const fix of f.fixes ?? []) {
      const edits = x.editable ? fix.edits.map((e) => {
        const r = scriptRange(x, e.offset, e.offset + e.length);
        return r && !/[$%]\{/.test(e.content) ? { ...r, content: e.content } : undefined;
      }) : [];
      if (edits.length && edits.every((e) => e)) fixes.push({ ...fix, edits: edits as TextEdit[] });
    }
    const range = scriptRange(x, f.offset, f.offset + f.length) ?? x.whole;
    out.push({ ...f, message: `${x.label}: ${f.message}`, offset: range.offset, length: range.length, fixes: fixes.length ? fixes : undefined });
  }
  return out;
}

/** An embedded CloudFormation UserData script, linted as agent config; ranges mapped back through the script's literal runs. */
function* lintUserData(engine: EmbeddedLinter, text: string, doc: EmbeddedDoc, opts: HostLintOptions): Generator<void, Finding[]> {
  const script = doc.script!;
  const findings = yield* lintScript(engine, script, opts);
  const map = mapScript(text, script, doc.root.range);
  // Fixes are dropped: they would edit the script, not the template that builds it.
  return findings.map((f) => ({ ...f, message: `${doc.label} UserData: ${f.message}`, ...templateScriptRange(map, f.offset, f.offset + f.length), fixes: undefined }));
}

/**
 * Messages and fix titles name API fields (`"readonlyRootFilesystem"`, `networkMode "host"`); in a host file say the
 * host's names: CloudFormation's PascalCase everywhere, Terraform's snake_case for task- and service-level arguments
 * (container definitions stay camelCase inside jsonencode). A quoted word right after a field name is that field's
 * value (`networkMode "host"`) and is kept; unquoted words are renamed only when camelCase, so plain English words
 * such as "host" or "user" in a sentence are never touched.
 */
export function hostNames(s: string, format: HostFormat): string {
  const rename = (k: string): string | undefined => {
    if (!KNOWN_ECS_KEYS.has(k)) return undefined;
    if (format !== 'hcl') return ECS_NAMES.toHost(k);
    return Object.hasOwn(TERRAFORM_NAMES, k) ? TERRAFORM_NAMES[k] : undefined;
  };
  return s.replace(/(?<=^|[^A-Za-z0-9_"])("?)([a-z][A-Za-z]+)\1(?![A-Za-z0-9_])/g, (m, quote: string, k: string, at: number) => {
    if (quote) {
      const before = /([a-z][A-Za-z]+) $/.exec(s.slice(Math.max(0, at - 40), at));
      if (before && KNOWN_ECS_KEYS.has(before[1])) return m; // a value, not a field name
    } else if (!/[A-Z]/.test(k)) return m;
    const to = rename(k);
    return to ? `${quote}${to}${quote}` : m;
  });
}

/** Task- and service-level arguments of aws_ecs_task_definition / aws_ecs_service with a different Terraform name. */
const TERRAFORM_NAMES: Record<string, string> = {
  networkMode: 'network_mode', pidMode: 'pid_mode', ipcMode: 'ipc_mode', taskRoleArn: 'task_role_arn',
  executionRoleArn: 'execution_role_arn', requiresCompatibilities: 'requires_compatibilities', runtimePlatform: 'runtime_platform',
  operatingSystemFamily: 'operating_system_family', efsVolumeConfiguration: 'efs_volume_configuration',
  transitEncryption: 'transit_encryption', enableExecuteCommand: 'enable_execute_command', assignPublicIp: 'assign_public_ip',
  platformVersion: 'platform_version', networkConfiguration: 'network_configuration', launchType: 'launch_type',
  containerDefinitions: 'container_definitions',
};

const KNOWN_ECS_KEYS = new Set([
  'containerDefinitions', 'readonlyRootFilesystem', 'privileged', 'user', 'environment', 'secrets', 'linuxParameters',
  'capabilities', 'add', 'drop', 'initProcessEnabled', 'networkMode', 'pidMode', 'ipcMode', 'volumes', 'efsVolumeConfiguration',
  'transitEncryption', 'host', 'sourcePath', 'mountPoints', 'portMappings', 'containerPort', 'hostPort', 'logConfiguration',
  'logDriver', 'image', 'dockerSecurityOptions', 'devices', 'systemControls', 'taskRoleArn', 'executionRoleArn',
  'requiresCompatibilities', 'runtimePlatform', 'enableExecuteCommand', 'assignPublicIp', 'platformVersion', 'valueFrom',
  'networkConfiguration', 'awsvpcConfiguration', 'launchType', 'operatingSystemFamily', 'essential', 'readOnly', 'cpu', 'memory',
]);
