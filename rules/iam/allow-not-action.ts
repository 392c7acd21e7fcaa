import type { Rule } from '../core/types';
import { keyNode } from '../core/json';
import { POLICY_KINDS, isAllow, policyView } from './policy-model';

export const allowNotAction: Rule = {
  meta: {
    id: 'iam/allow-not-action',
    kinds: POLICY_KINDS,
    defaultSeverity: 'warning',
    description: 'An Allow statement uses NotAction or NotResource, which grants everything not listed.',
    references: ['parliament NOTRESOURCE_WITH_ALLOW', 'IAM Access Analyzer PASS_ROLE_WITH_NOT_RESOURCE'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      for (const [el, what] of [['NotAction', 'every action except the listed ones, including services and actions AWS adds later'], ['NotResource', 'the actions on every resource except the listed ones']] as const) {
        const k = keyNode(s.node, el);
        if (!k) continue;
        ctx.report({
          message: `"Allow" with "${el}" grants ${what}. Use "${el.slice(3)}" with an explicit list; keep "${el}" for Deny statements.`,
          offset: k.offset,
          length: k.length,
        });
      }
    }
  },
};
