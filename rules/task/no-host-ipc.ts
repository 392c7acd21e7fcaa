import type { Rule } from '../core/types';
import { child, rangeOf, stringValue, property } from '../core/json';
import { removeNode } from '../core/edits';
import { taskView } from './model';

export const noHostIpc: Rule = {
  meta: {
    id: 'task/no-host-ipc',
    kinds: ['task-definition'],
    defaultSeverity: 'warning',
    description: 'Tasks should not share the host\'s IPC namespace (ipcMode "host").',
    references: ['Docker --ipc=host', 'Amazon ECS task definition parameters: ipcMode'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    const value = child(view?.def, 'ipcMode');
    if (!view || stringValue(value) !== 'host') return;
    ctx.report({
      message: 'ipcMode "host" shares the instance\'s IPC namespace (shared memory, semaphores, message queues) with the containers, so they can read or corrupt the shared memory of host processes and other tasks. Use "task" to share only within the task.',
      ...rangeOf(value!),
      fixes: [{ title: 'Remove "ipcMode"', edits: [removeNode(property(view.def, 'ipcMode')!)], safe: true, preferred: true }],
    });
  },
};
