import type { Rule } from '../core/types';
import { keyNode } from '../core/json';
import { policyView } from './policy-model';

export const principalInIdentityPolicy: Rule = {
  meta: {
    id: 'iam/principal-in-identity-policy',
    kinds: ['identity-policy'],
    defaultSeverity: 'error',
    description: 'An identity policy contains Principal or NotPrincipal, which only resource-based policies accept.',
    references: ['IAM Access Analyzer UNSUPPORTED_PRINCIPAL'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      for (const el of ['Principal', 'NotPrincipal']) {
        const k = keyNode(s.node, el);
        if (!k) continue;
        ctx.report({
          message: `"${el}" is not allowed in an identity policy (the principal is whoever the policy is attached to); IAM rejects the policy. If this is a trust, endpoint or repository policy, associate the file with that kind.`,
          offset: k.offset,
          length: k.length,
        });
      }
    }
  },
};
