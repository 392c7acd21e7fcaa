import type { Rule } from '../core/types';
import { addConditionEdits, hasConditionKey, isAllow, policyView, fixBudget } from '../iam/policy-model';
import { rangeOf } from '../core/json';

export const ECS_TASKS = 'ecs-tasks.amazonaws.com';
const SOURCE_KEYS = ['aws:SourceAccount', 'aws:SourceArn'];

export const confusedDeputy: Rule = {
  meta: {
    id: 'trust/confused-deputy',
    kinds: ['trust-policy'],
    defaultSeverity: 'warning',
    description: 'The trust policy lets ecs-tasks.amazonaws.com assume the role without an aws:SourceAccount or aws:SourceArn condition.',
    references: ['Amazon ECS Developer Guide: task IAM role (confused deputy prevention)', 'IAM User Guide: the confused deputy problem', 'IAM Access Analyzer RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL', 'Prowler iam_role_cross_service_confused_deputy_prevention'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const canFix = fixBudget();
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      const p = s.principals.find((x) => x.type === 'Service' && x.value.toLowerCase() === ECS_TASKS);
      if (!p || hasConditionKey(s, SOURCE_KEYS)) continue;
      const edits = canFix() ? addConditionEdits(ctx.text, s, {
        StringEquals: { 'aws:SourceAccount': '123456789012' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:123456789012:*' },
      }) : undefined;
      ctx.report({
        message: 'ECS may assume this role for a task in any account: add an aws:SourceAccount (and aws:SourceArn "arn:aws:ecs:<region>:<account>:*") condition so only tasks of your account get its credentials.',
        ...rangeOf(p.node),
        fixes: edits ? [{ title: 'Add aws:SourceAccount and aws:SourceArn conditions (replace the placeholder account and region)', edits, safe: false }] : undefined,
      });
    }
  },
};
