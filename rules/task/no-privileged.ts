import type { Rule } from '../core/types';
import { booleanValue, keyNode, child, property } from '../core/json';
import { removeNode } from '../core/edits';
import { containerLabel, taskView } from './model';

export const noPrivileged: Rule = {
  meta: {
    id: 'task/no-privileged',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'error',
    description: 'Containers must not run privileged (root on the host, all devices, all capabilities).',
    references: ['SecurityHub ECS.4', 'AWS Config ecs-containers-nonprivileged', 'Checkov CKV_AWS_97', 'Trivy AVD-AWS-0036'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view) return;
    for (const c of view.containers) {
      const value = child(c.node, 'privileged');
      if (booleanValue(value) !== true) continue;
      const key = keyNode(c.node, 'privileged')!;
      ctx.report({
        message: `${containerLabel(c)} runs privileged: it gets every Linux capability and access to the host's devices, so a compromise of the container is a compromise of the instance.`,
        offset: key.offset,
        length: value!.offset + value!.length - key.offset,
        fixes: [{ title: 'Remove "privileged"', edits: [removeNode(property(c.node, 'privileged')!)], safe: true, preferred: true }],
      });
    }
  },
};
