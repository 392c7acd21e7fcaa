import { deploymentRule } from '../rule';
import { bool, get, items, keyRange, ofType, str } from '../model';
import { LOAD_BALANCERS, internetFacing } from '../network';

export const lbAccessLogs = deploymentRule({
  id: 'lb/access-logs',
  defaultSeverity: 'info',
  description: 'An internet-facing load balancer does not write access logs.',
  references: ['AWS Foundational Security Best Practices ELB.5', 'cdk-nag AwsSolutions-ELB2', 'Checkov CKV_AWS_91'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  for (const lb of ofType(model, ...LOAD_BALANCERS)) {
    if (internetFacing(lb) !== true) continue;
    if (model.format === 'hcl') {
      // access_logs { bucket = ..., enabled = true }: without the block (or with enabled = false) nothing is logged.
      const block = get(lb.props, 'access_logs');
      if (block && block.t !== 'array') continue;
      const cfg = block?.items[0];
      const enabled = get(cfg, 'enabled');
      if (cfg && (cfg.t !== 'object' || !enabled || bool(enabled) !== false)) continue;
      report({ resource: lb, at: enabled?.range ?? lb.anchor, message: 'access logs are off on this internet-facing load balancer: requests from the internet (scans, exploitation attempts, who called what) leave no record to investigate. Add access_logs { bucket = ..., enabled = true }.' });
      continue;
    }
    const attrs = items(get(lb.props, 'LoadBalancerAttributes'));
    if (!attrs || attrs.some((a) => str(get(a, 'Key')) === undefined)) continue;
    const entry = attrs.find((a) => str(get(a, 'Key')) === 'access_logs.s3.enabled');
    const value = get(entry, 'Value');
    const v = value && (str(value) ?? (value.t === 'scalar' ? String(value.value) : undefined));
    if (entry && v?.toLowerCase() !== 'false') continue; // "true", or a value we cannot read
    report({
      resource: lb,
      at: value?.range ?? keyRange(lb.props, 'LoadBalancerAttributes') ?? lb.anchor,
      message: 'access logs are off on this internet-facing load balancer: requests from the internet (scans, exploitation attempts, who called what) leave no record to investigate. Set the attributes access_logs.s3.enabled = "true" and access_logs.s3.bucket.',
    });
  }
});
