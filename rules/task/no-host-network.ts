import type { Rule } from '../core/types';
import { rangeOf, stringValue } from '../core/json';
import { setProperty } from '../core/local-edits';
import { taskView } from './model';

export const noHostNetwork: Rule = {
  meta: {
    id: 'task/no-host-network',
    kinds: ['task-definition'],
    defaultSeverity: 'error',
    description: 'Tasks must not use the host network mode (shared host network stack, reachable instance metadata).',
    references: ['SecurityHub ECS.17', 'AWS Config ecs-task-definition-network-mode-not-host', 'SecurityHub ECS.1 (retired)'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view?.def || stringValue(view.networkModeNode) !== 'host') return;
    const edits = setProperty(ctx.text, view.def, 'networkMode', 'awsvpc');
    ctx.report({
      message: 'networkMode "host" puts every container on the instance\'s network stack: they can bind any host port, see host traffic and reach the instance metadata service (the instance role\'s credentials). Use "awsvpc".',
      ...rangeOf(view.networkModeNode!),
      fixes: edits && [{
        title: 'Set networkMode to "awsvpc"',
        edits,
        // Changes how the service is networked (needs subnets/security groups), so never applied in bulk.
        safe: false,
        preferred: true,
      }],
    });
  },
};
