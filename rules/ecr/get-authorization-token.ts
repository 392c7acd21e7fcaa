import type { Rule } from '../core/types';
import { policyView } from '../iam/policy-model';
import { removeNode } from '../core/edits';
import { rangeOf } from '../core/json';

export const getAuthorizationToken: Rule = {
  meta: {
    id: 'ecr/get-authorization-token',
    kinds: ['ecr-repository-policy'],
    defaultSeverity: 'warning',
    description: 'ecr:GetAuthorizationToken in a repository policy has no effect; it must be granted by an identity policy.',
    references: ['Amazon ECR User Guide: private repository policies (Important note)'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      if (s.effect !== 'Allow') continue;
      const list = s.raw.action;
      s.actions.forEach((a) => {
        if (a.value.toLowerCase() !== 'ecr:getauthorizationtoken') return;
        // Removing it changes nothing effective; only offer it when other actions remain.
        const canRemove = list?.type === 'array' && s.actions.length > 1 && list.children!.indexOf(a.node) >= 0;
        ctx.report({
          message: '"ecr:GetAuthorizationToken" is a registry-level call that a repository policy cannot grant: this entry does nothing. Grant it in the puller\'s identity policy (with "Resource": "*"), e.g. the task execution role.',
          ...rangeOf(a.node),
          fixes: canRemove ? [{ title: 'Remove "ecr:GetAuthorizationToken"', edits: [removeNode(a.node)], safe: true, preferred: true }] : undefined,
        });
      });
    }
  },
};
