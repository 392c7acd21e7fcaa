import type { Rule } from '../core/types';
import { POLICY_KINDS, globMatch, isAllow, policyView, q, type Str } from './policy-model';
import { rangeOf } from '../core/json';
import { firstGrant } from './privilege-escalation';

const CHANNELS = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'];
const EXECUTE = 'ecs:ExecuteCommand';

// Only patterns that name the service: a bare "*" is iam/wildcard-action's business, not an ECS Exec signal.
const namesService = (a: Str, svc: string) => a.value.toLowerCase().startsWith(svc + ':');

export const ecsExec: Rule = {
  meta: {
    id: 'iam/ecs-exec',
    kinds: POLICY_KINDS.filter((k) => k !== 'trust-policy'),
    defaultSeverity: 'warning',
    description: 'The policy enables ECS Exec: the ssmmessages channel actions (task role) or ecs:ExecuteCommand (caller).',
    references: ['Amazon ECS Developer Guide: Using ECS Exec (IAM permissions)', 'cloudsplaining / Prowler: ecs:ExecuteCommand privilege escalation'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    // ExecuteCommand with DescribeTasks on every task is iam/privilege-escalation's finding (the more specific one).
    const escalation = ctx.kind === 'identity-policy' && !!firstGrant(view, EXECUTE) && !!firstGrant(view, 'ecs:DescribeTasks');
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      const channel = s.actions.find((a) => namesService(a, 'ssmmessages') && CHANNELS.some((c) => globMatch(a.value, c)));
      if (channel) {
        ctx.report({
          message: `${q(channel.value)} opens the SSM channels ECS Exec uses: with it in the task role (and enableExecuteCommand on the task or service), anyone allowed ecs:ExecuteCommand gets an interactive shell in the task and its role credentials. Grant it only to tasks that need ECS Exec, and keep it out of production task roles when possible.`,
          ...rangeOf(channel.node),
        });
      }
      for (const a of s.actions) {
        if (!namesService(a, 'ecs') || !globMatch(a.value, EXECUTE) || escalation) continue;
        ctx.report({
          message: `${q(a.value)} allows opening a shell in running tasks (ECS Exec), which exposes the task's environment, secrets and task role credentials. Scope it with ecs:cluster, ecs:container-name or resource tag conditions and specific task/cluster ARNs.`,
          ...rangeOf(a.node),
        });
      }
    }
  },
};
