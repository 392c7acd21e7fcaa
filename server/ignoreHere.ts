// "Ignore <rule> here": a WorkspaceEdit that adds an `ignores` entry to the nearest config file (or creates
// .ecslintrc.json), never touching the linted file; and "Disable <rule> for this line" for .jsonc files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addIgnoreEntry, CONFIG_RULE_IDS, filesGlobFor, ignoreTarget, INVALID_CONFIG_ID, newConfigText, TODO_REASON, type IgnoreEntry } from '../config';
import { isJsonKind, parseJson, SYNTAX_RULE_ID, type Finding, type JsonNode } from '../rules';
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

/** In .jsonc files: a directive comment on its own line above the finding, indented like that line. */
export function disableLineAction(doc: TextDocument, snap: LintSnapshot, f: Finding, diagnostic: Diagnostic | undefined, documentChanges: boolean): CodeAction | undefined {
  if (!suppressible(f) || !/\.jsonc$/i.test(doc.uri)) return undefined;
  const line = doc.positionAt(f.offset).line;
  const lineText = snap.text.slice(doc.offsetAt({ line, character: 0 }), doc.offsetAt({ line: line + 1, character: 0 }));
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = snap.text.includes('\r\n') ? '\r\n' : '\n';
  const edits = [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// ecs-lint-disable-next-line ${f.ruleId} -- ${TODO_REASON}${eol}` }];
  return {
    title: `Disable ${f.ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    isPreferred: false,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    edit: documentChanges ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } },
  };
}
