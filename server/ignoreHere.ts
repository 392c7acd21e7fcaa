// "Ignore <rule> here": a WorkspaceEdit that adds an `ignores` entry to the nearest config file (or creates
// .ecslintrc.json), never touching the linted file; "Disable <rule> for this line" where comments are directives, and
// in JSON templates "Disable <rule> in resource X (Metadata)".
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addIgnoreEntry, commentPolicy, CONFIG_RULE_IDS, filesGlobFor, ignoreTarget, inSourceDirectives, INVALID_CONFIG_ID, newConfigText, TODO_REASON, type IgnoreEntry } from '../config';
import { isJsonKind, LineIndex, parseJson, setValue, SYNTAX_RULE_ID, type Engine, type Finding, type JsonNode } from '../rules';
import type { LintSnapshot } from './documents';

export interface IgnoreContext {
  /** Text and version of a document open in the client, if it is. */
  openDocument(uri: string): { text: string; version: number } | undefined;
  workspaceFolders: readonly string[];
  documentChanges: boolean;
  createFileSupport: boolean;
}

/** Findings that an ignore entry or directive could never (or should never) suppress. */
function suppressible(f: Finding): boolean {
  return f.ruleId !== SYNTAX_RULE_ID && f.ruleId !== INVALID_CONFIG_ID && !CONFIG_RULE_IDS.includes(f.ruleId) && !f.ruleId.startsWith('internal/');
}

function wholeText(text: string) {
  const doc = TextDocument.create('file:///x', 'json', 0, text);
  return { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
}

/** The document's tree, parsed once per snapshot (not once per finding: that was quadratic over a whole document). */
const trees = new WeakMap<LintSnapshot, { root: JsonNode | undefined }>();
function treeOf(snap: LintSnapshot): JsonNode | undefined {
  let t = trees.get(snap);
  if (!t) trees.set(snap, (t = { root: isJsonKind(snap.kind) ? parseJson(snap.text).root : undefined }));
  return t.root;
}

export function ignoreHereAction(ctx: IgnoreContext, fileName: string, snap: LintSnapshot, f: Finding, diagnostic: Diagnostic | undefined): CodeAction | undefined {
  if (!suppressible(f) || !snap.result || !snap.uri.startsWith('file:')) return undefined;
  const at = ignoreTarget(f, snap.text, snap.kind, treeOf(snap));
  let configFile = snap.result.config.sources[0];
  const title = (file: string) => `Ignore ${f.ruleId} here (entry in ${path.basename(file)})`;
  const base = { kind: CodeActionKind.QuickFix, isPreferred: false, ...(diagnostic ? { diagnostics: [diagnostic] } : {}) };
  let edit: WorkspaceEdit;
  if (configFile) {
    const uri = pathToFileURL(configFile).toString();
    const open = ctx.openDocument(uri);
    let text: string;
    try { text = open?.text ?? fs.readFileSync(configFile, 'utf8'); } catch { return undefined; }
    const entry: IgnoreEntry = { rule: f.ruleId, files: [filesGlobFor(configFile, fileName)], ...(at ? { at } : {}), reason: TODO_REASON };
    let next: string;
    try { next = addIgnoreEntry(configFile, text, entry); } catch { return undefined; }
    const edits = [{ range: wholeText(text), newText: next }];
    edit = ctx.documentChanges
      ? { documentChanges: [{ textDocument: { uri, version: open?.version ?? null }, edits }] }
      : { changes: { [uri]: edits } };
  } else {
    // Creating a file needs resource operations; without them there is nowhere to write.
    if (!ctx.documentChanges || !ctx.createFileSupport) return undefined;
    const folder = ctx.workspaceFolders.filter((w) => !path.relative(w, fileName).startsWith('..')).sort((a, b) => b.length - a.length)[0];
    configFile = path.join(folder ?? path.dirname(fileName), '.ecslintrc.json');
    const uri = pathToFileURL(configFile).toString();
    const entry: IgnoreEntry = { rule: f.ruleId, files: [filesGlobFor(configFile, fileName)], ...(at ? { at } : {}), reason: TODO_REASON };
    edit = { documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(entry) }] },
    ] };
  }
  return { title: title(configFile), ...base, edit };
}

/**
 * "Disable <rule> for this line" where comments are directives (.jsonc, CloudFormation YAML, Terraform): a
 * `ecs-lint-disable-next-line` comment on its own line above the finding, indented like that line, in the file's
 * comment syntax. The edited text is checked to hold the directive where it was written: inside a YAML block scalar
 * or an HCL heredoc the comment would be text (and could break an embedded JSON document), so nothing is offered.
 */
export function disableLineAction(engine: Engine, doc: TextDocument, snap: LintSnapshot, f: Finding, diagnostic: Diagnostic | undefined, documentChanges: boolean): CodeAction | undefined {
  const policy = commentPolicy(doc.uri, snap.kind, snap.text);
  if (!suppressible(f) || !policy || policy.rejected) return undefined;
  const line = doc.positionAt(f.offset).line;
  const at = doc.offsetAt({ line, character: 0 });
  const lineText = snap.text.slice(at, doc.offsetAt({ line: line + 1, character: 0 }));
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = snap.text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `${policy.syntax === 'jsonc' ? '//' : '#'} ecs-lint-disable-next-line ${f.ruleId} -- ${TODO_REASON}`;
  const inserted = `${indent}${comment}${eol}`;
  const next = snap.text.slice(0, at) + inserted + snap.text.slice(at);
  const shift = (r: { offset: number; length: number }) => (r.offset >= at ? { offset: r.offset + inserted.length, length: r.length } : { offset: r.offset, length: r.length + (r.offset + r.length > at ? inserted.length : 0) });
  const resources = snap.result?.resources?.map((r) => ({ label: r.label, header: shift(r.header), range: shift(r.range) }));
  const written = inSourceDirectives(engine, next, new LineIndex(next), policy, resources).directives.find((d) => d.offset === at + indent.length);
  if (!written) return undefined;
  const edits = [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: inserted }];
  // Above a logical id or a resource block header the directive covers the whole resource: say so.
  const title = written.where.startsWith('in resource ') ? `Disable ${f.ruleId} ${written.where}` : `Disable ${f.ruleId} for this line`;
  return suppressionAction(doc, title, edits, diagnostic, documentChanges);
}

/**
 * JSON templates cannot hold comments: "Disable <rule> in resource X (Metadata)" appends `{ id, reason }` to the
 * resource's `Metadata["ecs-lint"].suppress`, creating what is missing. Not offered when that Metadata is malformed.
 */
export function metadataSuppressAction(doc: TextDocument, snap: LintSnapshot, f: Finding, diagnostic: Diagnostic | undefined, documentChanges: boolean): CodeAction | undefined {
  if (!suppressible(f) || snap.kind !== 'cloudformation' || commentPolicy(doc.uri, snap.kind, snap.text)?.syntax !== 'jsonc') return undefined;
  const r = snap.result?.resources?.find((x) => f.offset >= x.range.offset && f.offset < x.range.offset + x.range.length);
  if (!r) return undefined;
  const meta = r.metadata?.value;
  const list = meta?.t === 'object' ? meta.props.find((p) => p.key === 'suppress')?.value : undefined;
  if (meta && (meta.t !== 'object' || (list && list.t !== 'array'))) return undefined;
  const edits = setValue(snap.text, ['Resources', r.label, 'Metadata', 'ecs-lint', 'suppress', -1], { id: f.ruleId, reason: TODO_REASON });
  if (edits.length === 0) return undefined;
  const lsp = edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.content }));
  return suppressionAction(doc, `Disable ${f.ruleId} in resource ${r.label} (Metadata)`, lsp, diagnostic, documentChanges);
}

/** Suppressions are quick fixes that are never preferred: they hide a problem rather than fix it. */
function suppressionAction(doc: TextDocument, title: string, edits: TextEdit[], diagnostic: Diagnostic | undefined, documentChanges: boolean): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    isPreferred: false,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    edit: documentChanges ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } },
  };
}
