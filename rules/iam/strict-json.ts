import type { Finding, JsonNode, Rule, TextEdit } from '../core/types';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { POLICY_KINDS } from './policy-model';

type Report = Omit<Finding, 'ruleId' | 'severity'>;

/** Edit removing a comment; a comment alone on its line takes the line with it. */
function removeComment(text: string, offset: number, length: number): TextEdit {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = offset + length;
  const lineStart = start === 0 || text[start - 1] === '\n';
  if (lineStart) {
    if (text.startsWith('\r\n', end)) end += 2;
    else if (text[end] === '\n') end += 1;
  }
  return { offset: start, length: end - start, content: '' };
}

/** The closing quote of a single-quoted string starting at `start`, on the same line. */
function closingQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length && text[i] !== '\n'; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text[i] === "'") return i;
  }
  return -1;
}

function tokenFindings(text: string): Report[] {
  const out: Report[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: number | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      out.push({
        message: 'Comments are not JSON: IAM rejects the policy (MalformedPolicyDocument). Move the note to the Sid, a tag, or the surrounding code.',
        offset, length,
        fixes: [{ title: 'Remove the comment', edits: [removeComment(text, offset, length)], safe: true, preferred: true }],
      });
      continue;
    }
    if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && pendingComma !== undefined) {
      out.push({
        message: 'Trailing comma: IAM rejects the policy (MalformedPolicyDocument), even though editors and some AWS examples accept it.',
        offset: pendingComma, length: 1,
        fixes: [{ title: 'Remove the trailing comma', edits: [{ offset: pendingComma, length: 1, content: '' }], safe: true, preferred: true }],
      });
    }
    pendingComma = kind === SyntaxKind.CommaToken ? offset : undefined;
    if (kind === SyntaxKind.Unknown && text[offset] === "'") {
      const end = closingQuote(text, offset);
      if (end < 0) continue;
      const inner = text.slice(offset + 1, end).replace(/\\'/g, "'");
      out.push({
        message: 'Single-quoted string: JSON (and IAM) only accept double quotes.',
        offset, length: end + 1 - offset,
        fixes: [{ title: 'Use double quotes', edits: [{ offset, length: end + 1 - offset, content: JSON.stringify(inner) }], safe: true, preferred: true }],
      });
      scanner.setPosition(end + 1);
    }
  }
  return out;
}

function duplicateKeys(node: JsonNode | undefined, out: Report[]): void {
  if (!node) return;
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const p of node.children ?? []) {
      const k = p.children?.[0];
      if (k && typeof k.value === 'string') {
        if (seen.has(k.value)) {
          out.push({
            message: `Duplicate key ${JSON.stringify(k.value)} in this object: AWS rejects the policy or keeps only one of the values (most JSON parsers keep the last), so the other is silently ignored. Merge them.`,
            offset: k.offset, length: k.length,
          });
        }
        seen.add(k.value);
      }
      duplicateKeys(p.children?.[1], out);
    }
  } else if (node.type === 'array') {
    for (const c of node.children ?? []) duplicateKeys(c, out);
  }
}

export const strictJson: Rule = {
  meta: {
    id: 'iam/strict-json',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    description: 'The policy uses JSON extensions that AWS rejects: comments, trailing commas, single quotes or duplicate keys.',
    references: ['IAM Access Analyzer JSON_SYNTAX_ERROR', 'parliament MALFORMED_JSON', 'IAM User Guide: IAM JSON policy grammar'],
    fixable: true,
  },
  check(ctx) {
    const out = tokenFindings(ctx.text);
    duplicateKeys(ctx.json?.root, out);
    for (const f of out) ctx.report(f);
  },
};
