import type { Rule } from '../core/types';
import { child, elements, keyNode, rangeOf, stringValue } from '../core/json';
import { appendProperty, replaceNode } from '../core/local-edits';
import { taskView } from './model';

export const efsTransitEncryption: Rule = {
  meta: {
    id: 'task/efs-transit-encryption',
    kinds: ['task-definition'],
    defaultSeverity: 'error',
    description: 'Every EFS volume must enable transit encryption (TLS between the task and the file system).',
    references: ['SecurityHub ECS.18', 'AWS Config ecs-task-definition-efs-encryption-enabled', 'Trivy AVD-AWS-0035', 'Checkov CKV_AWS_97'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view?.def) return;
    // Every volume, not only the first EFS one (Checkov stops there); host and Docker volumes are not concerned.
    elements(child(view.def, 'volumes')).forEach((vol, i) => {
      const efs = child(vol, 'efsVolumeConfiguration');
      if (efs?.type !== 'object') return;
      const te = child(efs, 'transitEncryption');
      if (stringValue(te) === 'ENABLED') return;
      const name = stringValue(child(vol, 'name'));
      const label = name ? `EFS volume "${name}"` : `EFS volume #${i + 1}`;
      const iam = stringValue(child(child(efs, 'authorizationConfig'), 'iam')) === 'ENABLED';
      ctx.report({
        message: `${label} ${te ? `has transitEncryption ${JSON.stringify(value(te))}` : 'does not set transitEncryption (default DISABLED)'}: NFS traffic between the task and EFS is sent in clear text.${iam ? ' IAM authorization also requires it.' : ''}`,
        ...rangeOf(te ?? keyNode(vol, 'efsVolumeConfiguration')!),
        fixes: [{
          title: 'Set transitEncryption to "ENABLED"',
          edits: te ? replaceNode(te, 'ENABLED') : appendProperty(ctx.text, efs, 'transitEncryption', 'ENABLED'),
          // Same permissions and same data; only the transport changes.
          safe: true,
          preferred: true,
        }],
      });
    });
  },
};

function value(n: { value?: unknown; type: string }): unknown {
  return n.type === 'object' || n.type === 'array' ? n.type : n.value;
}
