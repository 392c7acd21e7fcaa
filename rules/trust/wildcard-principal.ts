import type { Rule } from '../core/types';
import { isAllow, policyView, publicPrincipal } from '../iam/policy-model';
import { rangeOf } from '../core/json';

export const wildcardPrincipal: Rule = {
  meta: {
    id: 'trust/wildcard-principal',
    kinds: ['trust-policy'],
    defaultSeverity: 'error',
    description: 'The role trust policy lets any principal ("*") assume the role.',
    references: ['IAM Access Analyzer ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL', 'Checkov CKV_AWS_60', 'cloudsplaining AssumableByAnyPrincipal'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      const p = publicPrincipal(s);
      if (!p) continue;
      ctx.report({
        message: 'Any AWS principal, in any account, may assume this role. A task role trust policy should name the service principal {"Service": "ecs-tasks.amazonaws.com"} (or specific role ARNs).',
        ...rangeOf(p.node),
      });
    }
  },
};
