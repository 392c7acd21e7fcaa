// LSP adapter for completion in the JSON kinds (rules/fields/complete.ts): ECS fields and enum values, IAM policy
// grammar, actions, condition operators and keys.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { jsonCompletionsAt, type JsonCompletion } from '../rules/fields/complete';
import { ECS_KINDS } from '../rules/fields/locate';
import { schemaCovers } from '../rules/fields/schemas';
import type { CompletionProvider } from './completion';
import { fileNameOf } from './documents';

const KINDS: Record<JsonCompletion['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  module: CompletionItemKind.Module,
  function: CompletionItemKind.Function,
  operator: CompletionItemKind.Operator,
  key: CompletionItemKind.Field,
};

export const jsonCompletionProvider: CompletionProvider = ({ doc, kind, offset }) => {
  // VS Code's JSON support completes files our schemas cover (same model): offering the same items twice is noise.
  if (ECS_KINDS.includes(kind) && schemaCovers(fileNameOf(doc.uri))) return [];
  return jsonCompletionsAt(doc.getText(), kind, offset).map((c): CompletionItem => ({
    label: c.label,
    kind: KINDS[c.kind],
    detail: c.detail,
    ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
    sortText: c.sortText,
    // The replaced range starts at the opening quote: filter on the quoted label so `"net` matches `networkMode`.
    filterText: JSON.stringify(c.label),
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: {
      range: { start: doc.positionAt(c.replace.offset), end: doc.positionAt(c.replace.offset + c.replace.length) },
      newText: c.insertText,
    },
    ...(c.retrigger ? { command: { title: 'Suggest actions', command: 'editor.action.triggerSuggest' } } : {}),
  }));
};
