import type { Rule } from '../core/types';
import { POLICY_KINDS, policyView, q, type Str } from './policy-model';
import { rangeOf } from '../core/json';
import { iamData } from './data';
import { arnProblem, parseOperator } from './data-grammar';

const TEMPLATE_SLOT = /<[^<>]+>|\{\{[^{}]*\}\}|\$\$[A-Za-z0-9_]+\$\$/;

export const arnFormat: Rule = {
  meta: {
    id: 'iam/arn-format',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    description: 'Resource, NotResource and ARN-typed condition values must be well-formed ARNs (or "*").',
    references: ['IAM Access Analyzer INVALID_ARN / INVALID_ARN_ACCOUNT / INVALID_ARN_PARTITION', 'parliament MALFORMED_ARN', 'AWS "Amazon Resource Names (ARNs)" reference'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const data = iamData();
    const check = (where: string, v: Str, stringOperator = false) => {
      // A template slot (`<ACCOUNT_ID>`, `{{ account }}`, `$$ACCOUNT$$`) is filled in by a renderer before deploy: the
      // rest of the ARN is checked, and the slot is only mentioned (info), never an error that fails CI.
      const slot = TEMPLATE_SLOT.exec(v.value);
      const why = arnProblem(v.value, stringOperator);
      if (!why && slot) {
        ctx.report({ severity: 'info', message: `${where} ${q(v.value)} holds the template slot ${slot[0]}: checked as any value until it is filled in; IAM rejects the policy if it is deployed as written.`, ...rangeOf(v.node) });
        return;
      }
      if (why) ctx.report({ message: `${where} ${q(v.value)} is not a valid ARN: ${why}. IAM rejects it or it matches nothing.`, ...rangeOf(v.node) });
    };
    for (const s of view.statements) {
      for (const r of s.resources) check('Resource', r);
      for (const r of s.notResources) check('NotResource', r);
      for (const c of s.conditions) {
        const op = parseOperator(c.operator);
        if (!op.family || op.family === 'Null') continue;
        // Values are ARNs when the operator is an Arn operator or the key is ARN-typed (String operators allowed).
        const type = data.conditionKey(c.key)?.type ?? '';
        const arnTyped = op.family === 'Arn' || (/ARN$/.test(type) && op.family === 'String');
        if (!arnTyped) continue;
        for (const v of c.values) check(`Condition value of ${c.key}`, v, op.family === 'String');
      }
    }
  },
};
