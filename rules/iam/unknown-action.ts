import type { Fix, Rule } from '../core/types';
import { POLICY_KINDS, expandPattern, policyView, q, type Str } from './policy-model';
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

/**
 * The IAM action that authorises an API call which has none of its own: SQS's `DeleteMessageBatch`, `SendMessageBatch`
 * and `ChangeMessageVisibilityBatch` are authorised by `sqs:DeleteMessage`, `sqs:SendMessage`, ... (the batch suffix).
 */
function authorisingAction(value: string): string | undefined {
  const known = AUTHORISED_BY[value.toLowerCase()];
  if (known) return iamData().action(known)?.name;
  const m = /^([a-z0-9-]+):([A-Za-z]+)Batch$/i.exec(value);
  if (!m) return undefined;
  return iamData().action(`${m[1]}:${m[2]}`)?.name;
}

/** API calls with no IAM action of their own, and the action AWS documents as authorising them. */
const AUTHORISED_BY: Record<string, string> = {
  's3:headbucket': 's3:ListBucket',
  's3:headobject': 's3:GetObject',
  'cloudfront:createdistributionwithtags': 'cloudfront:CreateDistribution',
};

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
          // A template slot (`<action>`, `{{ action }}`, `$$ACTION$$`) is filled in later: unknown, not wrong.
          if (/<[^<>]+>|\{\{[^{}]*\}\}|\$\$[A-Za-z0-9_]+\$\$|\$\{[^}$]*\}/.test(a.value)) continue;
          const why = problem(a.value);
          if (!why) continue;
          const by = element === 'Action' ? authorisingAction(a.value) : undefined;
          if (by) {
            // The call is authorised by another action: missing only when the statement does not grant that one.
            const granted = s.actions.some((x) => expandPattern(x.value).has(by.toLowerCase()));
            ctx.report({
              severity: granted ? 'info' : undefined,
              message: granted
                ? `Action ${q(a.value)} is not an IAM action: the ${a.value.split(':')[1]} API call is authorised by ${q(by)}, which this statement already grants. The entry does nothing and can be removed.`
                : `Action ${q(a.value)} grants nothing: it is an API call, authorised by the IAM action ${q(by)}. IAM silently ignores unknown actions, so that permission is missing: list ${q(by)} instead.`,
              ...rangeOf(a.node),
              fixes: granted ? undefined : suggestionFixes(a, [by]),
            });
            continue;
          }
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
