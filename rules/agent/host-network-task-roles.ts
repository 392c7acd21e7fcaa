import type { Rule } from '../core/types';
import { checkForbidTrue } from './bool-checks';

export const hostNetworkTaskRoles: Rule = {
  meta: {
    id: 'agent/host-network-task-roles',
    kinds: ['agent-config'],
    defaultSeverity: 'info',
    description: 'ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true gives task-role credentials to host-network tasks that share the host network.',
    references: ['aws/amazon-ecs-agent README: ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST', 'Amazon ECS developer guide: task IAM role, additional configuration'],
    fixable: true,
  },
  check(ctx) {
    checkForbidTrue(ctx, {
      key: 'ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST',
      risk: 'tasks in host network mode get task-role credentials over the shared host network, where the credentials endpoint cannot tell tasks apart by network; prefer awsvpc or bridge mode for tasks that need a role.',
      // Not safe: host-mode tasks that rely on their task role lose it.
      fixTitle: 'Set ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=false (host-mode tasks lose their task role)',
    });
  },
};
