import type { Rule } from '../core/types';
import { child, keyNode } from '../core/json';
import { containerLabel, taskView } from './model';
import { containerAnchor, stringElements } from './hardening-helpers';
import { prependElement, setProperty } from '../core/local-edits';

export const noNewPrivileges: Rule = {
  meta: {
    id: 'task/no-new-privileges',
    scope: 'container',
    kinds: ['task-definition'],
    defaultSeverity: 'info',
    description: 'Linux containers on EC2 should set the no-new-privileges security option.',
    references: ['Amazon ECS API: ContainerDefinition.dockerSecurityOptions', 'CIS Docker Benchmark 5.25'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    // Fargate rejects dockerSecurityOptions; a bare container array may be for Fargate, so only full task definitions.
    if (!view?.def || view.os !== 'linux' || view.requiresFargate) return;
    for (const c of view.containers) {
      const opts = child(c.node, 'dockerSecurityOptions');
      if (stringElements(opts).some((e) => /^no-new-privileges(\s*[:=]\s*true)?$/i.test((e.value as string).trim()))) continue;
      const key = opts && keyNode(c.node, 'dockerSecurityOptions');
      const edits = opts?.type === 'array' ? prependElement(ctx.text, opts, 'no-new-privileges') : opts ? undefined : setProperty(ctx.text, c.node, 'dockerSecurityOptions', ['no-new-privileges']);
      ctx.report({
        message: `${containerLabel(c)} does not set "no-new-privileges": setuid binaries and file capabilities can raise a process's privileges inside the container.`,
        ...(key ? { offset: key.offset, length: key.length } : containerAnchor(c)),
        // Not safe: breaks images that rely on setuid helpers such as sudo or ping.
        fixes: edits ? [{ title: 'Add "no-new-privileges" to dockerSecurityOptions', edits, safe: false }] : undefined,
      });
    }
  },
};
