import type { Rule } from '../core/types';
import { child, elements, rangeOf } from '../core/json';
import { replaceNode } from '../core/local-edits';
import { containerLabel, taskView } from './model';
import { portNumber } from './util-ports';

export const awsvpcHostPort: Rule = {
  meta: {
    id: 'task/awsvpc-host-port',
    scope: 'container',
    kinds: ['task-definition'],
    defaultSeverity: 'error',
    description: 'With networkMode awsvpc, hostPort must be omitted or equal to containerPort.',
    references: ['cfn-lint E3053', 'Amazon ECS task definition parameters: portMappings'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view?.def || view.networkMode !== 'awsvpc') return;
    for (const c of view.containers) {
      elements(child(c.node, 'portMappings')).forEach((pm) => {
        const hostNode = child(pm, 'hostPort');
        const host = portNumber(hostNode);
        const container = portNumber(child(pm, 'containerPort'));
        if (host === undefined || container === undefined || host === container) return;
        ctx.report({
          message: `${containerLabel(c)} maps hostPort ${host} to containerPort ${container}, but in awsvpc mode the task has its own ENI and ECS rejects a hostPort that differs from containerPort. The port the task listens on is ${container}.`,
          ...rangeOf(hostNode!),
          fixes: [{
            title: `Set hostPort to ${container}`,
            edits: replaceNode(hostNode!, container),
            // awsvpc exposes containerPort regardless; the fix only makes the definition valid.
            safe: true,
            preferred: true,
          }],
        });
      });
    }
  },
};
