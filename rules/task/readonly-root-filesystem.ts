import type { Rule } from '../core/types';
import { booleanValue, child, propertyRange } from '../core/json';
import { containerLabel, taskView } from './model';
import { containerAnchor } from './hardening-helpers';
import { setProperty } from '../core/local-edits';

export const readonlyRootFilesystem: Rule = {
  meta: {
    id: 'task/readonly-root-filesystem',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Linux containers should mount their root filesystem read-only (readonlyRootFilesystem: true).',
    references: ['SecurityHub ECS.5', 'AWS Config ecs-containers-readonly-access', 'Checkov CKV_AWS_336'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    // Security Hub marks Windows task definitions NOT_APPLICABLE: Windows containers do not support the flag.
    if (!view || view.os !== 'linux') return;
    for (const c of view.containers) {
      const set = child(c.node, 'readonlyRootFilesystem');
      const v = set?.type === 'null' ? undefined : set; // null is absent: the default, writable
      if (booleanValue(v) === true) continue;
      const range = set ? propertyRange(c.node, 'readonlyRootFilesystem')! : containerAnchor(c);
      const edits = setProperty(ctx.text, c.node, 'readonlyRootFilesystem', true);
      ctx.report({
        message: v
          ? `${containerLabel(c)} has a writable root filesystem: an attacker can drop tools or modify binaries. Set "readonlyRootFilesystem": true and mount writable volumes only where needed.`
          : `${containerLabel(c)} does not set "readonlyRootFilesystem": the root filesystem is writable by default. Set it to true and mount writable volumes only where needed.`,
        ...range,
        // Not safe: applications that write outside their volumes break.
        fixes: edits ? [{ title: 'Set "readonlyRootFilesystem": true', edits, safe: false, preferred: true }] : undefined,
      });
    }
  },
};
