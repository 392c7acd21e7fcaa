import { deploymentRule } from '../rule';
import { get, items, keyRange, ofType, str } from '../model';
import { LOAD_BALANCER, internetFacing } from '../network';

export const lbAccessLogs = deploymentRule({
  id: 'lb/access-logs',
  defaultSeverity: 'info',
  description: 'An internet-facing load balancer does not write access logs.',
  references: ['AWS Foundational Security Best Practices ELB.5', 'cdk-nag AwsSolutions-ELB2', 'Checkov CKV_AWS_91'],
  fixable: false,
}, ({ model, report }) => {
  for (const lb of ofType(model, LOAD_BALANCER)) {
    if (internetFacing(lb) !== true) continue;
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
