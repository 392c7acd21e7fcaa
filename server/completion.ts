// Completion, dispatched by document kind: each kind has its own provider (JSON kinds can be added here).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../rules';
import { agentCompletionsAt } from '../rules/agent';
import { fileNameOf } from './documents';
import { jsonCompletionProvider } from './completion-json';

export interface CompletionContext {
  doc: TextDocument;
  /** The document's detected kind (from the lint snapshot). */
  kind: DocumentKind;
  offset: number;
}

export type CompletionProvider = (ctx: CompletionContext) => CompletionItem[];

export const agentCompletionProvider: CompletionProvider = ({ doc, offset }) => {
  return agentCompletionsAt(doc.getText(), fileNameOf(doc.uri), offset).map((c) => ({
    label: c.label,
    kind: c.kind === 'variable' ? CompletionItemKind.Variable : CompletionItemKind.Value,
    detail: c.detail,
    documentation: { kind: MarkupKind.Markdown, value: c.documentation },
    sortText: c.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: {
      range: { start: doc.positionAt(c.replace.offset), end: doc.positionAt(c.replace.offset + c.replace.length) },
      newText: c.insertText,
    },
    // Re-trigger after `KEY=` so the values are offered at once.
    ...(c.insertText.endsWith('=') ? { command: { title: 'Suggest values', command: 'editor.action.triggerSuggest' } } : {}),
  }));
};

export const COMPLETION_PROVIDERS: Partial<Record<DocumentKind, CompletionProvider>> = {
  'agent-config': agentCompletionProvider,
  'task-definition': jsonCompletionProvider,
  'container-definitions': jsonCompletionProvider,
  'service-definition': jsonCompletionProvider,
  'identity-policy': jsonCompletionProvider,
  'trust-policy': jsonCompletionProvider,
  'endpoint-policy': jsonCompletionProvider,
  'ecr-repository-policy': jsonCompletionProvider,
};

export function completion(ctx: CompletionContext, providers = COMPLETION_PROVIDERS, onError?: (e: unknown) => void): CompletionItem[] {
  const p = providers[ctx.kind];
  if (!p) return [];
  try {
    return p(ctx);
  } catch (e) {
    onError?.(e);
    return [];
  }
}
