import type { Rule } from '../core/types';
import { child, elements, rangeOf } from '../core/json';
import { containerLabel, taskView } from './model';
import { portNumber } from './util-ports';

export const noSshPort: Rule = {
  meta: {
    id: 'task/no-ssh-port',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Containers should not expose SSH (port 22); use ECS Exec for interactive access.',
    references: ['Amazon ECS best practices: use ECS Exec instead of SSH', 'CIS Docker Benchmark 5.6 (do not run sshd in containers)'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view) return;
    for (const c of view.containers) {
      for (const pm of elements(child(c.node, 'portMappings'))) {
        // One finding per mapping: containerPort first, else hostPort.
        const node = [child(pm, 'containerPort'), child(pm, 'hostPort')].find((n) => portNumber(n) === 22);
        if (!node) continue;
        ctx.report({
          message: `${containerLabel(c)} maps port 22 (SSH): an SSH daemon in a container is an extra, long-lived credential and attack surface. Use ECS Exec (aws ecs execute-command) for shell access.`,
          ...rangeOf(node),
        });
      }
    }
  },
};
