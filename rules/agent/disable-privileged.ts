import type { Rule } from '../core/types';
import { checkRequireTrue } from './bool-checks';

export const disablePrivileged: Rule = {
  meta: {
    id: 'agent/disable-privileged',
    kinds: ['agent-config'],
    defaultSeverity: 'info',
    description: 'ECS_DISABLE_PRIVILEGED=true makes the instance refuse privileged containers.',
    references: ['aws/amazon-ecs-agent README: ECS_DISABLE_PRIVILEGED', 'SecurityHub ECS.4 (defence in depth)'],
    fixable: true,
  },
  check(ctx) {
    checkRequireTrue(ctx, {
      key: 'ECS_DISABLE_PRIVILEGED',
      risk: 'any task definition with "privileged": true runs with root access to this host.',
      // Not safe: tasks that need privileged mode will fail to start on this instance.
      fixTitle: 'Set ECS_DISABLE_PRIVILEGED=true (privileged tasks will no longer start here)',
    });
  },
};
