import type { Rule } from '../core/types';
import { addConditionEdits, hasConditionKey, isAllow, isFullAccessDefault, policyView, publicPrincipal, fixBudget } from '../iam/policy-model';
import { rangeOf } from '../core/json';

// Any of these keys ties "everyone" back to the organization or an account.
// aws:PrincipalIsAWSService limits "everyone" to AWS service principals (the data-perimeter examples' service statement).
const BOUNDARY_KEYS = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalAccount', 'aws:PrincipalIsAWSService'];

export const orgBoundary: Rule = {
  meta: {
    id: 'endpoint/org-boundary',
    kinds: ['endpoint-policy'],
    defaultSeverity: 'warning',
    description: 'An endpoint policy allows any principal without limiting it to your organization or account.',
    references: ['AWS PrivateLink: control access to VPC endpoints using endpoint policies', 'aws-samples/data-perimeter-policy-examples'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const canFix = fixBudget();
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      const p = publicPrincipal(s);
      if (!p || hasConditionKey(s, BOUNDARY_KEYS) || isFullAccessDefault(s)) continue; // the default: endpoint/full-access's
      const edits = canFix() ? addConditionEdits(ctx.text, s, { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } }) : undefined;
      ctx.report({
        message: 'This statement allows any principal through the endpoint, including credentials from other AWS accounts (a path to exfiltrate data to an attacker\'s account). Add an aws:PrincipalOrgID, aws:PrincipalOrgPaths or aws:PrincipalAccount condition.',
        ...rangeOf(p.node),
        fixes: edits ? [{ title: 'Add an aws:PrincipalOrgID condition (replace o-exampleorgid)', edits, safe: false }] : undefined,
      });
    }
  },
};
