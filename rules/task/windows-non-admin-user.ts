import type { Rule } from '../core/types';
import { child } from '../core/json';
import { containerLabel, taskView } from './model';
import { containerAnchor } from './hardening-helpers';

export const windowsNonAdminUser: Rule = {
  meta: {
    id: 'task/windows-non-admin-user',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Windows containers should run as a non-administrator user (not ContainerAdministrator).',
    references: ['SecurityHub ECS.21', 'AWS Config ecs-task-definition-windows-user-non-admin'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    // Windows by runtimePlatform or by its signs (gMSA credentialSpecs, Windows images): see model.ts.
    if (!view || view.os !== 'windows') return;
    for (const c of view.containers) {
      const set = child(c.node, 'user');
      const v = set?.type === 'null' ? undefined : set; // "user": null is absent
      if (v && v.type !== 'string') continue;
      const user = v ? (v.value as string).trim() : undefined;
      if (user && user.toLowerCase() !== 'containeradministrator') continue;
      ctx.report({
        message: v
          ? `${containerLabel(c)} runs as ContainerAdministrator. Use "ContainerUser" or another non-administrator account.`
          : `${containerLabel(c)} does not set "user"; Windows Server Core images default to ContainerAdministrator. Set "user" to "ContainerUser" or another non-administrator account.`,
        ...(v ? { offset: v.offset, length: v.length } : set ? { offset: set.offset, length: set.length } : containerAnchor(c)),
      });
    }
  },
};
