import type { Rule } from '../core/types';
import { keyNode, rangeOf } from '../core/json';
import { addConditionEdits, grantingNode, hasConditionKey, isAllow, policyView, type Statement, fixBudget } from './policy-model';

const PASS_ROLE = 'iam:PassRole';
// "*" or every role of an account: the holder can hand any role (up to an admin role) to a service.
const ALL_ROLES = /^arn:aws[a-z-]*:iam::[^:]*:role\/\*$/i;

function broadResource(s: Statement): string | undefined {
  if (s.raw.notResource) return 'every resource except the NotResource list';
  const r = s.resources.find((x) => x.value === '*' || ALL_ROLES.test(x.value));
  return r ? (r.value === '*' ? '"*"' : `every role (${r.value})`) : undefined;
}

export const passroleWildcard: Rule = {
  meta: {
    id: 'iam/passrole-wildcard',
    kinds: ['identity-policy'],
    defaultSeverity: 'error',
    description: 'iam:PassRole is allowed (explicitly or through a wildcard) on every role.',
    references: ['IAM Access Analyzer PASS_ROLE_WITH_STAR_IN_RESOURCE / PASS_ROLE_WITH_NOT_RESOURCE', 'KICS e39bee8c-fe54-4a3f-824d-e5e2d1cca40a', 'cfn-nag F39'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const canFix = fixBudget();
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      const node = grantingNode(s, PASS_ROLE, true);
      const where = node && broadResource(s);
      if (!node || !where || hasConditionKey(s, ['iam:PassedToService', 'iam:AssociatedResourceArn'])) continue;
      const how = node.type === 'string' && (node.value as string).toLowerCase() === PASS_ROLE.toLowerCase() ? 'iam:PassRole' : `iam:PassRole (through ${node.type === 'string' ? JSON.stringify(node.value) : '"NotAction"'})`;
      // The condition only makes sense when the statement is about PassRole alone; otherwise it would cut the other actions.
      const onlyPassRole = !s.raw.notAction && s.actions.length > 0 && s.actions.every((a) => a.value.toLowerCase() === PASS_ROLE.toLowerCase());
      const edits = onlyPassRole && canFix() ? addConditionEdits(ctx.text, s, { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } }) : undefined;
      ctx.report({
        message: `${how} is allowed on ${where}: the holder can give any role, including an administrator role, to a task or another service and act with its permissions. List the role ARNs it may pass${onlyPassRole ? ' and/or add an iam:PassedToService condition' : ', in a separate statement with an iam:PassedToService condition'}.`,
        ...rangeOf(node.type === 'string' ? node : keyNode(s.node, 'NotAction') ?? node),
        fixes: edits ? [{ title: 'Add condition iam:PassedToService = ecs-tasks.amazonaws.com', edits, safe: false }] : undefined,
      });
    }
  },
};
