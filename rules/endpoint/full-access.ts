import type { Rule } from '../core/types';
import { properties, rangeOf } from '../core/json';
import { isAllow, policyView, publicPrincipal } from '../iam/policy-model';

export const fullAccess: Rule = {
  meta: {
    id: 'endpoint/full-access',
    kinds: ['endpoint-policy'],
    defaultSeverity: 'warning',
    description: 'The endpoint policy allows any principal every action on every resource with no condition (the default policy).',
    references: ['AWS PrivateLink Guide: default endpoint policy', 'aws-samples/data-perimeter-policy-examples'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      if (!isAllow(s) || !publicPrincipal(s)) continue;
      const star = s.actions.find((a) => a.value === '*');
      if (!star || !s.resources.some((r) => r.value === '*')) continue;
      if (properties(s.raw.condition).length > 0) continue;
      ctx.report({
        message: 'This is the default, full-access endpoint policy: the endpoint adds no control over who uses it or for what. Restrict it to your organization (aws:PrincipalOrgID) and, for ECR/S3, to the repositories and buckets your tasks use.',
        ...rangeOf(star.node),
      });
    }
  },
};
