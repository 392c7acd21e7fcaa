// In-source suppressions: comment directives in .jsonc, CloudFormation YAML and Terraform files, and
// `Metadata: { "ecs-lint": { "suppress": [{ id, reason }] } }` on CloudFormation resources. Both become `Directive`s,
// checked the same way (known rule ids, a reason) and applied by one path in lint.ts.
//
//   ecs-lint-disable-next-line <rule>[, <rule>…] -- <reason>   the next line that is not blank or only a comment
//   ecs-lint-disable-line <rule>[, <rule>…] -- <reason>        a comment at the end of the line it disables
//
// When the line a directive applies to opens a resource (a CloudFormation logical id, a Terraform `resource` or
// `data` block header), it covers the whole resource: that is where tfsec users put theirs.
import type { Engine, Finding, HNode, HostResource, LineIndex } from '../rules';
import { lexHcl, scanComments, type Comment, type CommentSyntax } from './comments';
import { isGlob, matchesRule } from './glob';
import { INVALID_DIRECTIVE_ID, UNUSED_IGNORE_ID } from './types';
import { isKnownRuleId, nearestRuleId } from './validate';

export interface Directive {
  /** Where it is written: problems and "unused" reports point here. */
  offset: number;
  length: number;
  /** How it is written, for messages (`ecs-lint-disable-next-line`, `ecs-lint Metadata entry`). */
  form: string;
  rules: string[];
  reason: string;
  /** Findings that start in [from, to) are covered. */
  from: number;
  to: number;
  /** What it covers, for messages ("on line 12", "in resource TaskDef"). */
  where: string;
}

interface Span { label: string; header: number; from: number; to: number }

/** How a file's comments are read; `rejected` (why, and what to use instead) when they cannot be directives there. */
export interface CommentPolicy { syntax: CommentSyntax; rejected?: string }

const NEXT_LINE = 'ecs-lint-disable-next-line';
const SAME_LINE = 'ecs-lint-disable-line';
const KEYWORD = /^\s*(ecs-lint-(?:disable|enable)[\w-]*)([\s\S]*)$/;

/** Directives of a file and findings about malformed ones. `comments` is undefined for files without comments. */
export function inSourceDirectives(engine: Engine, text: string, lines: LineIndex, comments: CommentPolicy | undefined, resources: readonly HostResource[] = []): { directives: Directive[]; problems: Finding[] } {
  const directives: Directive[] = [];
  const problems: Finding[] = [];
  const spans: Span[] = resources.map((r) => ({ label: r.label, header: r.header.offset, from: r.range.offset, to: r.range.offset + r.range.length }));
  // Every directive contains this text: files without it (nearly all) are not scanned for comments at all.
  if (comments && text.includes('ecs-lint-')) {
    let found: Comment[];
    if (comments.syntax === 'hcl') {
      const lexed = lexHcl(text);
      found = lexed.comments;
      spans.push(...lexed.blocks.map((b) => ({ label: b.label, header: b.offset, from: b.offset, to: b.offset + b.length })));
    } else found = scanComments(text, comments.syntax);
    const marker = comments.syntax === 'jsonc' ? '//' : '#';
    if (comments.rejected) for (const c of found) rejectDirective(c, comments.rejected, problems);
    else commentDirectives(engine, text, lines, found, spans, marker, directives, problems);
  }
  for (const r of resources) if (r.metadata) metadataDirectives(engine, r, directives, problems);
  return { directives, problems };
}

function commentDirectives(engine: Engine, text: string, lines: LineIndex, comments: Comment[], spans: Span[], marker: string, directives: Directive[], problems: Finding[]): void {
  const commentOnly = commentOnlyLines(text, lines, comments);
  let nextCode: Int32Array | undefined; // computed once, when a next-line directive needs it
  const spanAtLine = new Map<number, Span>();
  for (const s of spans) { const l = lines.positionAt(s.header).line; if (!spanAtLine.has(l)) spanAtLine.set(l, s); }
  for (const c of comments) {
    const m = KEYWORD.exec(c.body);
    if (!m) continue;
    const problem = (message: string) => problems.push(invalid(message, c.offset, c.length));
    const form = m[1];
    if (form !== NEXT_LINE && form !== SAME_LINE) {
      problem(`Unknown directive "${form}": use "${marker} ${NEXT_LINE} <rule> -- <reason>" above the line, or "${SAME_LINE}" at its end.`);
      continue;
    }
    const sep = m[2].indexOf('--');
    const rules = (sep >= 0 ? m[2].slice(0, sep) : m[2]).split(/[\s,]+/).filter(Boolean);
    const reason = sep >= 0 ? m[2].slice(sep + 2).trim() : '';
    const known = checkRulesAndReason(engine, form, rules, reason, `"${marker} ${form} task/no-privileged -- sidecar needs it"`, problem);
    if (!known) continue;
    const startLine = lines.positionAt(c.offset).line;
    let line: number;
    if (form === SAME_LINE) {
      if (commentOnly.has(startLine)) { problem(`${SAME_LINE} disables findings on its own line, and this one has nothing else on it: use ${NEXT_LINE}.`); continue; }
      line = startLine;
    } else {
      nextCode ??= nextCodeLines(text, lines, commentOnly);
      line = nextCode[Math.min(lines.positionAt(c.offset + c.length).line + 1, nextCode.length - 1)];
    }
    const from = lines.offsetAt({ line, character: 0 });
    const to = lines.offsetAt({ line: line + 1, character: 0 });
    const span = spanAtLine.get(line);
    directives.push(span
      ? { offset: c.offset, length: c.length, form, rules: known, reason, from: Math.min(from, span.from), to: Math.max(to, span.to), where: `in resource ${span.label}` }
      : { offset: c.offset, length: c.length, form, rules: known, reason, from, to, where: `on line ${line + 1}` });
  }
}

function rejectDirective(c: Comment, why: string, problems: Finding[]): void {
  const m = KEYWORD.exec(c.body);
  if (m) problems.push(invalid(`This ${m[1]} comment has no effect: ${why}.`, c.offset, c.length));
}

/** Lines holding nothing but comments (a directive there applies past them, so directives can be stacked). */
function commentOnlyLines(text: string, lines: LineIndex, comments: Comment[]): Set<number> {
  const out = new Set<number>();
  for (const c of comments) {
    const start = lines.positionAt(c.offset).line;
    const end = lines.positionAt(c.offset + c.length).line;
    const before = text.slice(lines.offsetAt({ line: start, character: 0 }), c.offset);
    const after = text.slice(c.offset + c.length, lines.offsetAt({ line: end + 1, character: 0 }));
    if (!before.trim() && !after.trim()) for (let l = start; l <= end; l++) out.add(l);
  }
  return out;
}

/** For each line, the first line from there on that is not blank or only comments (one pass, from the end). */
function nextCodeLines(text: string, lines: LineIndex, commentOnly: Set<number>): Int32Array {
  const last = lines.positionAt(text.length).line;
  const next = new Int32Array(last + 2);
  next[last + 1] = last + 1;
  for (let line = last; line >= 0; line--) {
    const code = !commentOnly.has(line) && /\S/.test(text.slice(lines.offsetAt({ line, character: 0 }), lines.offsetAt({ line: line + 1, character: 0 })));
    next[line] = code ? line : next[line + 1];
  }
  return next;
}

const METADATA_FORM = 'ecs-lint Metadata entry';
const METADATA_EXAMPLE = '{ "id": "task/no-privileged", "reason": "sidecar needs it" }';

/** `Metadata: { "ecs-lint": { "suppress": [{ "id": …, "reason": … }] } }` of one resource (cdk-nag's shape). */
function metadataDirectives(engine: Engine, r: HostResource, directives: Directive[], problems: Finding[]): void {
  const meta = r.metadata!;
  const at = (n: { offset: number; length: number }) => (message: string): void => { problems.push(invalid(message, n.offset, n.length)); };
  const value = meta.value;
  if (value.t !== 'object') return at(meta.keyRange)(`${r.label}: Metadata "ecs-lint" must be an object: { "suppress": [${METADATA_EXAMPLE}] }.`);
  for (const p of value.props) if (p.key !== 'suppress') at(p.keyRange)(`${r.label}: unknown key "${p.key}" in Metadata "ecs-lint" (expected "suppress").`);
  const list = value.props.find((p) => p.key === 'suppress');
  if (!list) return;
  if (list.value.t !== 'array') return at(list.keyRange)(`${r.label}: "suppress" must be a list of ${METADATA_EXAMPLE}.`);
  for (const item of list.value.items) {
    const problem = at(item.range);
    if (item.t !== 'object') { problem(`${r.label}: each "suppress" entry must be ${METADATA_EXAMPLE}.`); continue; }
    for (const p of item.props) if (p.key !== 'id' && p.key !== 'reason') at(p.keyRange)(`${r.label}: unknown key "${p.key}" in a "suppress" entry (expected "id" and "reason").`);
    const id = literal(item.props.find((p) => p.key === 'id')?.value);
    const reason = literal(item.props.find((p) => p.key === 'reason')?.value)?.trim() ?? '';
    const known = checkRulesAndReason(engine, METADATA_FORM, id ? [id] : [], reason, METADATA_EXAMPLE, (m) => problem(`${r.label}: ${m}`));
    if (!known) continue;
    directives.push({ offset: item.range.offset, length: item.range.length, form: METADATA_FORM, rules: known, reason, from: r.range.offset, to: r.range.offset + r.range.length, where: `in resource ${r.label}` });
  }
}

/** A literal string value (an intrinsic function such as !Ref is not a rule id or a reason). */
function literal(n: HNode | undefined): string | undefined {
  return n?.t === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}

/**
 * The checks every directive shares. Returns the rules it can disable (known ids and globs), or undefined when it
 * cannot take effect: no rule, only unknown ones (already reported), or no reason.
 */
function checkRulesAndReason(engine: Engine, form: string, rules: string[], reason: string, example: string, problem: (message: string) => void): string[] | undefined {
  const known = rules.filter((r) => isGlob(r) || isKnownRuleId(engine, r));
  const unknown = rules.filter((r) => !isGlob(r) && !isKnownRuleId(engine, r));
  if (unknown.length) {
    // Bounded: a comment listing thousands of ids gets a short message and at most three suggestions.
    const shown = unknown.slice(0, 5);
    const hints = shown.slice(0, 3).map((r) => nearestRuleId(engine, r)).filter((s): s is string => !!s);
    const more = unknown.length > shown.length ? ` (and ${unknown.length - shown.length} more)` : '';
    problem(`Unknown rule${unknown.length > 1 ? 's' : ''} ${shown.map((r) => `"${r}"`).join(', ')}${more} in ${form}.${hints.length ? ` Did you mean ${hints.map((h) => `"${h}"`).join(', ')}?` : ''}`);
  }
  if (rules.length === 0) { problem(`${form} must name the rules it disables, e.g. ${example}.`); return undefined; }
  if (!reason) { problem(`${form} needs a reason (e.g. ${example}); it has no effect until it has one.`); return undefined; }
  return known.length ? known : undefined;
}

function invalid(message: string, offset: number, length: number): Finding {
  return { ruleId: INVALID_DIRECTIVE_ID, severity: 'warning', message, offset, length };
}

/**
 * Directives by the offsets they cover, for files with thousands of findings and directives. A finding is credited to
 * the narrowest directive that covers it (a line's directive before its resource's), so a broader one that only
 * repeats it is reported unused.
 */
export class DirectiveIndex {
  private readonly sorted: Directive[];
  /** maxTo[i]: the largest `to` among sorted[0..i]; walking back stops once nothing earlier can reach the offset. */
  private readonly maxTo: number[] = [];

  constructor(directives: readonly Directive[]) {
    this.sorted = [...directives].sort((a, b) => a.from - b.from);
    let max = -1;
    for (const d of this.sorted) this.maxTo.push((max = Math.max(max, d.to)));
  }

  match(f: Finding): Directive | undefined {
    const o = f.offset;
    let lo = 0, hi = this.sorted.length - 1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (this.sorted[mid].from <= o) lo = mid + 1; else hi = mid - 1; }
    let best: Directive | undefined;
    for (let i = hi; i >= 0 && this.maxTo[i] > o; i--) {
      const d = this.sorted[i];
      if (d.to > o && (!best || d.to - d.from < best.to - best.from) && d.rules.some((r) => matchesRule(r, f.ruleId))) best = d;
    }
    return best;
  }
}

export function unusedDirectiveFinding(d: Directive): Finding {
  const move = d.form === METADATA_FORM ? 'remove it' : 'remove it, or move it next to the finding it is meant for';
  return {
    ruleId: UNUSED_IGNORE_ID,
    severity: 'warning',
    message: `This ${d.form} (${d.rules.join(', ')}) suppresses nothing ${d.where}: ${move}.`,
    offset: d.offset,
    length: d.length,
  };
}
