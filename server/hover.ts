// Hover: a list of providers, each adding markdown sections for a position. Rule findings come first;
// field and IAM-action providers can be appended to HOVER_PROVIDERS (or passed to hover()).
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from '../rules';
import type { LintSnapshot } from './documents';
import { docsUri, findingRange } from './diagnostics';
import { agentHoverProvider } from './hover-agent';
import { iamHoverProvider } from './hover-iam';
import { fieldHoverProvider } from './hover-field';
import { deploymentHoverProvider } from './hover-deployment';

export interface HoverContext {
  engine: Engine;
  /** Lint of the current text. */
  snap: LintSnapshot;
  doc: TextDocument;
  offset: number;
}

export interface HoverSection {
  markdown: string;
  /** Offsets of what the section describes; the hover range is the first section's. */
  offset: number;
  length: number;
}

export type HoverProvider = (ctx: HoverContext) => HoverSection[];

/** Escape text that comes from the document or rule messages so it renders literally. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

export const findingHoverProvider: HoverProvider = ({ engine, snap, offset }) => {
  const sections: HoverSection[] = [];
  for (const f of snap.findings) {
    if (offset < f.offset || offset > f.offset + f.length) continue;
    const meta = engine.rule(f.ruleId)?.meta;
    const href = docsUri(engine, f.ruleId);
    const lines = [`**${f.ruleId}** (${f.severity})${meta ? `: ${escapeMarkdown(meta.description)}` : ''}`, '', escapeMarkdown(f.message)];
    if (meta?.references.length) lines.push('', `References: ${meta.references.map(escapeMarkdown).join(', ')}`);
    if (href) lines.push('', `[Documentation for ${f.ruleId}](${href})`);
    sections.push({ markdown: lines.join('\n'), offset: f.offset, length: f.length });
  }
  return sections;
};

export const HOVER_PROVIDERS: HoverProvider[] = [findingHoverProvider, agentHoverProvider, iamHoverProvider, fieldHoverProvider, deploymentHoverProvider];

export function hover(ctx: HoverContext, providers: readonly HoverProvider[] = HOVER_PROVIDERS, onError?: (e: unknown) => void): Hover | null {
  if (ctx.snap.tooLarge || ctx.snap.text !== ctx.doc.getText()) return null;
  const sections: HoverSection[] = [];
  for (const p of providers) {
    try {
      sections.push(...p(ctx));
    } catch (e) {
      onError?.(e); // one broken provider must not hide the others
    }
  }
  if (sections.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.map((s) => s.markdown).join('\n\n---\n\n') },
    range: findingRange(ctx.doc, sections[0]),
  };
}
