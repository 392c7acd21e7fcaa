import type { Rule } from '../core/types';
import { child, rangeOf, stringValue, property } from '../core/json';
import { removeNode } from '../core/edits';
import { taskView } from './model';

export const noHostPid: Rule = {
  meta: {
    id: 'task/no-host-pid',
    kinds: ['task-definition'],
    defaultSeverity: 'error',
    description: 'Tasks must not share the host\'s process namespace (pidMode "host").',
    references: ['SecurityHub ECS.3', 'AWS Config ecs-task-definition-pid-mode-check', 'Checkov CKV_AWS_335 (reads a container-level key)'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    // pidMode is a task-level field; a container-level pidMode (Checkov's reading) is not an ECS field.
    const value = child(view?.def, 'pidMode');
    if (!view || stringValue(value) !== 'host') return;
    ctx.report({
      message: 'pidMode "host" lets the containers see and signal every process on the instance, including other tasks and the ECS agent, and read their environment through /proc.',
      ...rangeOf(value!),
      fixes: [{ title: 'Remove "pidMode"', edits: [removeNode(property(view.def, 'pidMode')!)], safe: true, preferred: true }],
    });
  },
};
