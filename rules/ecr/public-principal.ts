import type { Rule } from '../core/types';
import { hasConditionKey, isAllow, policyView, publicPrincipal } from '../iam/policy-model';
import { rangeOf } from '../core/json';

// Keys that narrow "everyone" to known identities, accounts or networks.
export const RESTRICTING_KEYS = [
  'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:userid',
  'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'aws:SourceOwner',
  'aws:SourceVpc', 'aws:SourceVpce', 'aws:SourceIp', 'aws:VpcSourceIp', 'aws:PrincipalServiceName',
];

export const publicPrincipalRule: Rule = {
  meta: {
    id: 'ecr/public-principal',
    kinds: ['ecr-repository-policy'],
    defaultSeverity: 'error',
    description: 'The repository policy allows any principal ("*") without a condition that restricts who it is.',
    references: ['Checkov CKV_AWS_32', 'Amazon ECR User Guide: repository policy examples'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      const p = publicPrincipal(s);
      if (!p || hasConditionKey(s, RESTRICTING_KEYS)) continue;
      ctx.report({
        message: 'Any AWS account can use this repository with the allowed actions (anyone can pull the images, or push if write actions are allowed). Name the accounts or roles in Principal, or add an aws:PrincipalOrgID condition. Use ECR Public for images meant to be public.',
        ...rangeOf(p.node),
      });
    }
  },
};
