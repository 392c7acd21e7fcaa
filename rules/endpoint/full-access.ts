import type { Rule } from '../core/types';
import { rangeOf } from '../core/json';
import { ALL_ACTIONS, addConditionEdits, fixBudget, isFullAccessDefault, policyView } from '../iam/policy-model';

export const fullAccess: Rule = {
  meta: {
    id: 'endpoint/full-access',
    kinds: ['endpoint-policy'],
    defaultSeverity: 'warning',
    description: 'The endpoint policy allows any principal every action on every resource with no condition (the default policy).',
    references: ['AWS PrivateLink Guide: default endpoint policy', 'aws-samples/data-perimeter-policy-examples'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const canFix = fixBudget();
    for (const s of view.statements) {
      if (!isFullAccessDefault(s)) continue;
      const star = s.actions.find((a) => ALL_ACTIONS.test(a.value))!;
      // This rule owns the default policy (org-boundary and wildcard-action stay silent), so it offers their fix.
      const edits = canFix() ? addConditionEdits(ctx.text, s, { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } }) : undefined;
      ctx.report({
        message: 'This is the default, full-access endpoint policy: the endpoint adds no control over who uses it or for what. Restrict it to your organization (aws:PrincipalOrgID) and, for ECR/S3, to the repositories and buckets your tasks use.',
        ...rangeOf(star.node),
        fixes: edits ? [{ title: 'Add an aws:PrincipalOrgID condition (replace o-exampleorgid)', edits, safe: false }] : undefined,
      });
    }
  },
};
