import { deploymentRule } from '../rule';
import { get, ofType, target } from '../model';
import { modulesGiven, servicesByVpc, vpcKeys } from '../vpc';

export const vpcFlowLogs = deploymentRule({
  id: 'vpc/flow-logs',
  defaultSeverity: 'warning',
  description: 'A VPC of the template hosts ECS services but has no flow log.',
  references: ['AWS Foundational Security Best Practices EC2.6', 'cdk-nag AwsSolutions-VPC7', 'Checkov CKV2_AWS_11'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const hosted = servicesByVpc(model);
  if (!hosted.size) return;
  const hcl = model.format === 'hcl';
  const k = vpcKeys(model);
  const logged = new Set<unknown>();
  for (const f of ofType(model, 'AWS::EC2::FlowLog', 'aws_flow_log')) {
    // Terraform names what it logs by argument: vpc_id, subnet_id, eni_id, transit_gateway_id, ...
    const ref = hcl ? ['vpc_id', 'subnet_id', 'eni_id', 'transit_gateway_id', 'transit_gateway_attachment_id'].map((a) => get(f.props, a)).find((x) => x) : get(f.props, 'ResourceId');
    const t = model.resolve(ref);
    if (t === 'unknown' || t === undefined) return; // a flow log for something we cannot see may be this VPC's
    logged.add(t.resource);
    if (t.resource.type === k.subnet) logged.add(target(model, get(t.resource.props, k.vpcId), k.vpc));
  }
  for (const [vpc, services] of hosted) {
    if (logged.has(vpc)) continue;
    // A flow-log module given this VPC (terraform-aws-modules/vpc//modules/flow-log, cloudposse's vpc-flow-logs-...).
    if (modulesGiven(model, vpc, /flow[-_ ]?logs?/i).length) continue;
    report({
      resource: vpc,
      at: vpc.anchor,
      message: `no flow log records the traffic of this VPC, which hosts ${services.map((s) => s.label).join(', ')}: connections to and from the tasks (exfiltration, scanning, unexpected callers) cannot be investigated. ${hcl ? 'Add an aws_flow_log with vpc_id set to this VPC' : 'Add an AWS::EC2::FlowLog with ResourceType VPC'}.`,
      related: services.map((s) => ({ at: s.anchor, message: `${s.label}: runs its tasks in this VPC` })),
    });
  }
});
