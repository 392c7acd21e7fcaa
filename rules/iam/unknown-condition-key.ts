import type { Rule } from '../core/types';
import { POLICY_KINDS, policyView, q } from './policy-model';
import { rangeOf } from '../core/json';
import { iamData } from './data';

/**
 * Keys of OIDC/SAML identity providers (`token.actions.githubusercontent.com:sub`,
 * `oidc.eks.us-east-1.amazonaws.com/id/ABC:aud`) carry claims the provider defines: not checkable offline.
 */
const isProviderKey = (prefix: string) => /[./]/.test(prefix);

/** Template slots left for a renderer: the key is unknown until it is filled in. */
const TEMPLATE_SLOT = /<[^<>]+>|\{\{[^{}]*\}\}|\$\$[A-Za-z0-9_]+\$\$|\$\{[^}$]*\}/;

export const unknownConditionKey: Rule = {
  meta: {
    id: 'iam/unknown-condition-key',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    description: 'A Condition uses a global (aws:) or service condition key that does not exist.',
    references: ['IAM Access Analyzer UNKNOWN_CONDITION_KEY / INVALID_CONDITION_KEY', 'parliament UNKNOWN_CONDITION_FOR_ACTION'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const data = iamData();
    let suggested = 0; // past 50 unknown keys the policy is generated: keep reporting, stop suggesting
    for (const s of view.statements) {
      for (const c of s.conditions) {
        const key = c.key;
        const colon = key.indexOf(':');
        const prefix = colon < 0 ? '' : key.slice(0, colon);
        if (colon > 0 && isProviderKey(prefix)) continue;
        if (TEMPLATE_SLOT.test(key)) continue; // `<OIDC_provider>:sub`, `${Var}:aud`: filled in later, unknown
        if (data.conditionKey(key)) continue;
        let why: string;
        if (colon <= 0) why = 'condition keys have the form "aws:Name" or "service:name"';
        else if (prefix.toLowerCase() === 'aws') why = 'it is not a global condition key';
        else if (!data.isService(prefix) && !['saml', 'cognito-identity-auth', 'cognito-identity-unauth'].includes(prefix.toLowerCase())) why = `${q(prefix)} is not an AWS service prefix`;
        else why = `${prefix} defines no such condition key`;
        const suggestions = ++suggested <= 50 ? data.nearestConditionKeys(key, 3) : [];
        const hint = suggestions.length ? ` Did you mean ${suggestions.map(q).join(', ')}?` : '';
        ctx.report({
          message: `Unknown condition key ${q(key)}: ${why}.${hint} A condition on a key that is never present is always false (or, with a negated or IfExists operator, always true).`,
          ...rangeOf(c.keyNode),
          // Renaming a key changes when the statement applies: never safe, never preferred.
          fixes: suggestions.map((k) => ({
            title: `Replace with ${q(k)}`,
            edits: [{ offset: c.keyNode.offset, length: c.keyNode.length, content: JSON.stringify(k) }],
            safe: false,
          })),
        });
      }
    }
  },
};
