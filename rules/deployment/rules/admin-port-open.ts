import { deploymentRule } from '../rule';
import { get, int, ofType, referrers, target, type DeploymentModel, type Resource } from '../model';
import { INGRESS, LISTENERS, LOAD_BALANCERS, SECURITY_GROUPS, admits, ingressRules, type Ingress } from '../network';

/** Resources that reference a group without attaching it: rules of it (or sourcing it) and other groups. */
const RULES_AND_GROUPS = [INGRESS, 'AWS::EC2::SecurityGroupEgress', ...SECURITY_GROUPS, 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

/** Resources of the file the group is attached to. */
function usersOf(model: DeploymentModel, group: Resource): Resource[] {
  return referrers(model, group).map((r) => r.from).filter((r) => !RULES_AND_GROUPS.includes(r.type));
}

/**
 * A group attached only to load balancers exposes only their listeners' ports: an ALB or NLB does not answer on 22
 * unless a listener says so.
 */
function onlyBehindListeners(model: DeploymentModel, group: Resource | undefined, port: number): boolean {
  if (!group) return false;
  const users = usersOf(model, group);
  if (!users.length || !users.every((u) => LOAD_BALANCERS.includes(u.type))) return false;
  return !ofType(model, ...LISTENERS).some((l) => users.includes(target(model, get(l.props, 'LoadBalancerArn') ?? get(l.props, 'load_balancer_arn'), ...LOAD_BALANCERS)!)
    && int(get(l.props, 'Port') ?? get(l.props, 'port')) === port);
}

const ADMIN_PORTS: [number, string][] = [[22, 'SSH'], [3389, 'RDP'], [5985, 'WinRM'], [5986, 'WinRM over HTTPS']];

/** The administration ports a world-open ingress rule exposes (none for a group that only load balancers use). */
export function openAdminPorts(model: DeploymentModel, rule: Ingress): [number, string][] {
  if (!rule.world) return [];
  // All traffic open on a group the file does not attach (exported to another stack, such as a load balancer's):
  // whether an administration port is reachable depends on that unknown attachment. A rule that names the port is
  // reported wherever the group goes.
  const everything = rule.ports === 'all' || (!!rule.ports && rule.ports.from <= 0 && rule.ports.to >= 65535);
  if (everything && (!rule.group || usersOf(model, rule.group).length === 0)) return [];
  return ADMIN_PORTS.filter(([p]) => admits(rule.ports, p) && !onlyBehindListeners(model, rule.group, p));
}

export const adminPortOpen = deploymentRule({
  id: 'network/admin-port-open',
  defaultSeverity: 'error',
  description: 'A security group admits 0.0.0.0/0 or ::/0 to an administration port (SSH 22, RDP 3389, WinRM 5985/5986).',
  references: ['AWS Foundational Security Best Practices EC2.13, EC2.14, EC2.53', 'CIS AWS Foundations 5.2, 5.3', 'cdk-nag AwsSolutions-EC23'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  for (const rule of ingressRules(model)) {
    const open = openAdminPorts(model, rule);
    if (!rule.world || !open.length) continue;
    const where = rule.owner === rule.group || !rule.group ? 'this rule' : `this rule of security group ${rule.group.label}`;
    report({
      resource: rule.owner,
      at: rule.world.node.range,
      message: `${where} admits ${rule.world.cidr} to ${open.map(([p, n]) => `${n} (port ${p})`).join(', ')}${rule.ports === 'all' ? ' (it admits all traffic)' : ''}: anyone on the internet can try to log in. Use Session Manager or ECS Exec instead, or admit only a bastion's security group or your network's CIDR.`,
      related: rule.group && rule.group !== rule.owner ? [{ at: rule.group.anchor, message: `${rule.group.label}: the security group this rule opens` }] : undefined,
    });
  }
});
