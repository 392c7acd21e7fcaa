import type { Rule } from '../core/types';
import { property } from '../core/json';
import { policyView } from '../iam/policy-model';
import { removeNode } from '../core/edits';

export const noResource: Rule = {
  meta: {
    id: 'trust/no-resource',
    kinds: ['trust-policy'],
    defaultSeverity: 'error',
    description: 'A role trust policy contains Resource or NotResource, which IAM rejects (the resource is the role).',
    references: ['IAM Access Analyzer ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE', 'cfn-lint E3530'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      for (const el of ['Resource', 'NotResource']) {
        const p = property(s.node, el);
        if (!p) continue;
        ctx.report({
          message: `"${el}" is not allowed in a role trust policy: the resource is the role itself, and IAM rejects the document (MalformedPolicyDocument).`,
          offset: p.offset,
          length: p.length,
          fixes: [{ title: `Remove "${el}"`, edits: [removeNode(p)], safe: true, preferred: true }],
        });
      }
    }
  },
};
