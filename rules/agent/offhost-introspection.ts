import type { Rule } from '../core/types';
import { checkForbidTrue } from './bool-checks';

export const offhostIntrospection: Rule = {
  meta: {
    id: 'agent/offhost-introspection',
    kinds: ['agent-config'],
    defaultSeverity: 'warning',
    description: 'ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS=true exposes the agent introspection API (port 51678) beyond the host.',
    references: ['aws/amazon-ecs-agent README: ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS', 'ecs-init iptables introspection block rule'],
    fixable: true,
  },
  check(ctx) {
    checkForbidTrue(ctx, {
      key: 'ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS',
      risk: 'ecs-init skips the iptables rule that blocks port 51678, so other hosts and awsvpc task containers can query the agent introspection API (cluster, instance and task details).',
      // Not safe: monitoring that scrapes the introspection API from off the host stops working.
      fixTitle: 'Set ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS=false',
    });
  },
};
