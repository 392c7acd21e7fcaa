import type { Rule } from '../core/types';
import { isAllow, policyView, q } from '../iam/policy-model';
import { replaceNode } from '../core/local-edits';
import { rangeOf } from '../core/json';
import { ECS_TASKS } from './confused-deputy';

// File names of task roles and task execution roles (the only ones ECS tasks assume).
const ROLE_HINT = /task[-_ ]?role|execution[-_ ]?role|ecs[-_]?task[-_]?execution|taskexecution/i;
const WRONG = new Set(['ecs.amazonaws.com', 'ec2.amazonaws.com']);

export const ecsTasksPrincipal: Rule = {
  meta: {
    id: 'trust/ecs-tasks-principal',
    kinds: ['trust-policy'],
    defaultSeverity: 'warning',
    description: 'A task or execution role trusts ecs.amazonaws.com or ec2.amazonaws.com instead of ecs-tasks.amazonaws.com.',
    references: ['Amazon ECS Developer Guide: task IAM role, task execution IAM role'],
    fixable: true,
  },
  check(ctx) {
    const base = ctx.fileName?.split(/[\\/]/).pop() ?? '';
    if (!ROLE_HINT.test(base)) return;
    const view = policyView(ctx);
    if (!view) return;
    const all = view.statements.flatMap((s) => s.principals);
    if (all.some((p) => p.type === 'Service' && p.value.toLowerCase() === ECS_TASKS)) return;
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      for (const p of s.principals) {
        if (p.type !== 'Service' || !WRONG.has(p.value.toLowerCase())) continue;
        ctx.report({
          message: `This looks like a task or execution role, but it trusts ${q(p.value)}, the principal of ${p.value.toLowerCase() === 'ec2.amazonaws.com' ? 'EC2 instance roles' : 'the ECS service itself (service-linked and legacy service roles)'}: ECS cannot assume it for a task. Task and execution roles trust "${ECS_TASKS}".`,
          ...rangeOf(p.node),
          fixes: [{ title: `Trust "${ECS_TASKS}" instead`, edits: replaceNode(p.node, ECS_TASKS), safe: false }],
        });
      }
    }
  },
};
