import type { Rule } from '../core/types';
import { checkRequireTrue } from './bool-checks';

export const blockImds: Rule = {
  meta: {
    id: 'agent/block-imds',
    kinds: ['agent-config'],
    defaultSeverity: 'warning',
    description: 'ECS_AWSVPC_BLOCK_IMDS should be true so awsvpc tasks cannot read the instance role credentials from IMDS.',
    references: ['Amazon ECS best practices: task IAM roles (block access to IMDS)', 'aws/amazon-ecs-agent README: ECS_AWSVPC_BLOCK_IMDS'],
    fixable: true,
  },
  check(ctx) {
    checkRequireTrue(ctx, {
      key: 'ECS_AWSVPC_BLOCK_IMDS',
      risk: 'containers of awsvpc tasks can reach the instance metadata service and take the instance role\'s credentials.',
      // Not safe: tasks that read IMDS on purpose (AZ lookup, SDKs falling back to the instance role) break.
      fixTitle: 'Set ECS_AWSVPC_BLOCK_IMDS=true (tasks that call IMDS will stop working)',
    });
  },
};
