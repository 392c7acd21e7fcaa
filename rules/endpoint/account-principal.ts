import type { Rule } from '../core/types';
import { child, properties, rangeOf } from '../core/json';
import { isAllow, policyView, q, fixBudget } from '../iam/policy-model';
import { chainEdits, setValue } from '../core/edits';

export const accountPrincipal: Rule = {
  meta: {
    id: 'endpoint/account-principal',
    kinds: ['endpoint-policy'],
    defaultSeverity: 'warning',
    description: 'An endpoint policy names an account id as principal, which on gateway endpoints means only that account\'s root user.',
    references: ['AWS PrivateLink Guide: principals for gateway endpoints'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const canFix = fixBudget();
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      const accounts = s.principals.filter((p) => p.type === 'AWS' && /^\d{12}$/.test(p.value));
      for (const p of accounts) {
        // Rewrite only the simple shape {"AWS": "<id>"}: Principal "*" plus aws:PrincipalAccount keeps the intent.
        const simple = properties(s.raw.principal).length === 1 && child(s.raw.principal, 'AWS') === p.node && !s.raw.condition;
        const edits = simple && canFix() ? chainEdits(ctx.text, [
          (t) => setValue(t, [...s.path, 'Principal'], '*'),
          (t) => setValue(t, [...s.path, 'Condition'], { StringEquals: { 'aws:PrincipalAccount': p.value } }),
        ]) : undefined;
        ctx.report({
          message: `Principal ${q(p.value)} means the account's root user. On a gateway endpoint (S3, DynamoDB) that is all it allows: roles and task roles of the account are refused. On an interface endpoint it means every principal of the account. Say what you mean: "Principal": "*" with an aws:PrincipalAccount (or aws:PrincipalArn) condition.`,
          ...rangeOf(p.node),
          fixes: edits ? [{ title: `Use "Principal": "*" with aws:PrincipalAccount ${p.value}`, edits, safe: false }] : undefined,
        });
      }
    }
  },
};
