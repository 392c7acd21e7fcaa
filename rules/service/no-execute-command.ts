import type { Rule } from '../core/types';
import { booleanValue, child, propertyRange } from '../core/json';
import { setValue } from '../core/edits';

export const noExecuteCommand: Rule = {
  meta: {
    id: 'service/no-execute-command',
    kinds: ['service-definition'],
    defaultSeverity: 'warning',
    description: 'ECS Exec (interactive shells into running tasks) should be off unless it is needed and audited.',
    references: ['Amazon ECS Exec security considerations', 'Checkov CKV_AWS_223 (ECS Exec logging)'],
    fixable: true,
  },
  check(ctx) {
    const root = ctx.json?.root;
    if (booleanValue(child(root, 'enableExecuteCommand')) !== true) return;
    ctx.report({
      message: 'enableExecuteCommand is true: anyone allowed ecs:ExecuteCommand gets a shell in the running containers, with the task role\'s credentials and the application\'s secrets. Turn it off in production, or restrict ecs:ExecuteCommand and log sessions (cluster executeCommandConfiguration).',
      ...propertyRange(root, 'enableExecuteCommand')!,
      fixes: [{
        title: 'Set enableExecuteCommand to false',
        edits: setValue(ctx.text, ['enableExecuteCommand'], false),
        // Removes an access path operators may rely on: review, never bulk-apply.
        safe: false,
      }],
    });
  },
};
