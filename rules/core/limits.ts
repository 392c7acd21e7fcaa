// Findings for the linter's limits: values nested too deep to analyse, and documents that could not be linted at all.
import type { Finding, Severity } from './types';
import { MAX_DEPTH } from './json';
import { capMessage } from './messages';

/** The document could not be linted at all (engine failure, unreadable or refused file): never a clean result. */
export const NOT_LINTED_ID = 'internal/not-linted';

/** A finding that says the whole document was not linted, and why. */
export function notLinted(reason: string, offset = 0, length = 0): Finding {
  return { ruleId: NOT_LINTED_ID, severity: 'error', message: capMessage(`Not linted: ${reason}. Findings of this file are unknown.`), offset, length };
}

/** Most too-deep values reported one by one; a document full of them gets one more sentence saying how many. */
const MAX_DEEP_FINDINGS = 20;

/** Findings (as `ruleId`) for values nested deeper than MAX_DEPTH: their content is not analysed, the rest is. */
export function tooDeepFindings(ruleId: string, ranges: readonly { offset: number; length: number }[], severity: Severity, label = ''): Finding[] {
  const out: Finding[] = ranges.slice(0, MAX_DEEP_FINDINGS).map((r) => ({
    ruleId, severity, offset: r.offset, length: 1,
    message: `${label}This value nests deeper than ${MAX_DEPTH} levels; it was not analysed (the rest of the document was).`,
  }));
  if (ranges.length > MAX_DEEP_FINDINGS) out[out.length - 1].message += ` ${ranges.length - MAX_DEEP_FINDINGS} more such values are not listed.`;
  return out;
}
