import type { Rule } from '../core/types';
import { setProperty } from '../core/local-edits';
import { taskView } from './model';
import { anchorOf, rangeOf } from '../core/json';

export const awsvpcNetworkMode: Rule = {
  meta: {
    id: 'task/awsvpc-network-mode',
    kinds: ['task-definition'],
    defaultSeverity: 'warning',
    description: 'Tasks should use the awsvpc network mode (own ENI and security groups, no shared bridge).',
    references: ['AWS Config ecs-awsvpc-networking-enabled', 'KICS 027a4b7a-8a59-4938-a04f-ed532512cf45', 'Terrascan instanceNotInVpc'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    // Fargate-only definitions are covered by task/fargate-compat (an error there).
    if (!view?.def || view.fargateOnly) return;
    const mode = view.networkMode;
    const absent = !view.networkModeNode;
    if (!absent && mode !== 'bridge' && mode !== 'none') return;
    const why = 'containers share the instance\'s Docker bridge and security groups, and can reach the instance metadata service unless the agent blocks it';
    const message = absent
      ? `networkMode is not set, so the task uses ${view.os === 'windows' ? '"default" (NAT)' : '"bridge"'}: ${why}. Use "awsvpc" to give the task its own ENI and security groups.`
      : mode === 'none'
        ? 'networkMode "none" gives the task no external networking; if it needs any, use "awsvpc" (own ENI and security groups) rather than bridge or host.'
        : `networkMode "bridge": ${why}. Use "awsvpc" to give the task its own ENI and security groups.`;
    const edits = setProperty(ctx.text, view.def, 'networkMode', 'awsvpc');
    ctx.report({
      message,
      ...(absent ? anchorOf(view.def, ['family', 'name']) : rangeOf(view.networkModeNode!)),
      fixes: edits && [{
        title: 'Set networkMode to "awsvpc"',
        edits,
        // Needs a networkConfiguration on the service and changes port mappings: review, never bulk-apply.
        safe: false,
        preferred: true,
      }],
    });
  },
};
