import type { Rule } from '../core/types';
import { at, rangeOf, stringValue } from '../core/json';
import { setValue } from '../core/edits';

export const noPublicIp: Rule = {
  meta: {
    id: 'service/no-public-ip',
    kinds: ['service-definition'],
    defaultSeverity: 'error',
    description: 'Services should not assign public IP addresses to their tasks.',
    references: ['SecurityHub ECS.2', 'AWS Config ecs-service-assign-public-ip-disabled', 'Checkov CKV_AWS_333'],
    fixable: true,
  },
  check(ctx) {
    const root = ctx.json?.root;
    const path = ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'];
    const node = at(root, ...path);
    if (stringValue(node) !== 'ENABLED') return;
    ctx.report({
      message: 'assignPublicIp "ENABLED" gives every task a public IP: anything its security groups allow is reachable from the internet. Run tasks in private subnets (reach ECR and other services through a NAT gateway or VPC endpoints) and expose them through a load balancer.',
      ...rangeOf(node!),
      fixes: [{
        title: 'Set assignPublicIp to "DISABLED"',
        edits: setValue(ctx.text, path, 'DISABLED'),
        // In a public subnet without NAT or endpoints, tasks can no longer pull images: review first.
        safe: false,
        preferred: true,
      }],
    });
  },
};
