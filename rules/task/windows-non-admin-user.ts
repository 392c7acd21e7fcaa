import type { Rule } from '../core/types';
import { child } from '../core/json';
import { containerLabel, taskView } from './model';
import { containerAnchor } from './hardening-helpers';

export const windowsNonAdminUser: Rule = {
  meta: {
    id: 'task/windows-non-admin-user',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Windows containers should run as a non-administrator user (not ContainerAdministrator).',
    references: ['SecurityHub ECS.21', 'AWS Config ecs-task-definition-windows-user-non-admin'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    // Only when the task declares a Windows platform; an unset family is Linux here (no ECS.20/ECS.21 double finding).
    if (!view || view.os !== 'windows') return;
    for (const c of view.containers) {
      const v = child(c.node, 'user');
      if (v && v.type !== 'string') continue;
      const user = v ? (v.value as string).trim() : undefined;
      if (user && user.toLowerCase() !== 'containeradministrator') continue;
      ctx.report({
        message: v
          ? `${containerLabel(c)} runs as ContainerAdministrator. Use "ContainerUser" or another non-administrator account.`
          : `${containerLabel(c)} does not set "user"; Windows Server Core images default to ContainerAdministrator. Set "user" to "ContainerUser" or another non-administrator account.`,
        ...(v ? { offset: v.offset, length: v.length } : containerAnchor(c)),
      });
    }
  },
};
