import type { Rule } from '../core/types';
import { child } from '../core/json';
import { containerLabel, taskView } from './model';
import { stringElements } from './hardening-helpers';
import { own } from '../core/own';

/** Options that switch off a kernel confinement layer; Docker accepts both `:` and `=` as the separator. */
const UNCONFINED: Record<string, string> = {
  'apparmor:unconfined': 'AppArmor confinement',
  'label:disable': 'SELinux labelling',
  'seccomp:unconfined': 'the seccomp syscall filter',
};

export const noUnconfinedSecurityOptions: Rule = {
  meta: {
    id: 'task/no-unconfined-security-options',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'dockerSecurityOptions must not disable AppArmor, SELinux labelling or seccomp.',
    references: ['Amazon ECS API: ContainerDefinition.dockerSecurityOptions', 'CIS Docker Benchmark 5.1, 5.2, 5.21'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view) return;
    for (const c of view.containers) {
      for (const el of stringElements(child(c.node, 'dockerSecurityOptions'))) {
        const opt = (el.value as string).trim().toLowerCase().replace(/^(\w+)\s*[:=]\s*/, '$1:');
        const layer = own(UNCONFINED, opt);
        if (!layer) continue;
        ctx.report({
          message: `${containerLabel(c)} disables ${layer} ("${el.value as string}"), removing a layer that blocks container escapes. Remove the option or use a custom profile.`,
          offset: el.offset,
          length: el.length,
        });
      }
    }
  },
};
