import type { Fix, Rule } from '../core/types';
import { POLICY_KINDS, policyView, q, type Str } from './policy-model';
import { rangeOf } from '../core/json';
import { hasWildcard, iamData } from './data';

/** Why an Action/NotAction entry names no real action, or undefined when it names at least one. */
function problem(value: string): string | undefined {
  const data = iamData();
  if (value === '*') return undefined;
  const colon = value.indexOf(':');
  if (colon < 0) return `${q(value)} is not of the form "service:Action"`;
  const svc = value.slice(0, colon);
  const act = value.slice(colon + 1);
  if (!hasWildcard(svc) && !data.isService(svc)) return `${q(svc)} is not an AWS service prefix`;
  if (hasWildcard(value)) return data.expand(value).length ? undefined : `${q(value)} matches no ${hasWildcard(svc) ? '' : `${svc} `}action`;
  if (!act) return `${q(value)} has no action name after the colon`;
  return data.action(value) ? undefined : `${q(act)} is not an action of ${svc}`;
}

const MAX_SUGGESTED = 50;

function suggestionFixes(s: Str, suggestions: string[]): Fix[] {
  // Replacing an action changes what the policy grants: never safe, never preferred.
  return suggestions.map((name) => ({
    title: `Replace with ${q(name)}`,
    edits: [{ offset: s.node.offset, length: s.node.length, content: JSON.stringify(name) }],
    safe: false,
  }));
}

export const unknownAction: Rule = {
  meta: {
    id: 'iam/unknown-action',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    description: 'Action or NotAction names a service prefix or action that does not exist, or a pattern that matches no action.',
    references: ['IAM Access Analyzer INVALID_ACTION / INVALID_SERVICE', 'parliament UNKNOWN_ACTION / UNKNOWN_PREFIX'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    // Past this many unknown actions the policy is not hand-written: keep reporting, stop computing suggestions.
    let suggested = 0;
    for (const s of view.statements) {
      for (const [element, list] of [['Action', s.actions], ['NotAction', s.notActions]] as const) {
        for (const a of list) {
          const why = problem(a.value);
          if (!why) continue;
          const suggestions = ++suggested <= MAX_SUGGESTED ? iamData().nearestActions(a.value, 3) : [];
          const hint = suggestions.length ? ` Did you mean ${suggestions.map(q).join(', ')}?` : '';
          ctx.report({
            message: `${element} ${q(a.value)} grants nothing: ${why}.${hint} IAM silently ignores unknown actions, so the permission you meant is missing.`,
            ...rangeOf(a.node),
            fixes: suggestionFixes(a, suggestions),
          });
        }
      }
    }
  },
};
