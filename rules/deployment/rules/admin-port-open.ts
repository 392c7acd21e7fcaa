import { deploymentRule } from '../rule';
import { get, int, ofType, referrers, target, type DeploymentModel, type Resource } from '../model';
import { INGRESS, LISTENER, LOAD_BALANCER, SECURITY_GROUP, admits, ingressRules, type Ingress } from '../network';

/**
 * A group attached only to load balancers exposes only their listeners' ports: an ALB or NLB does not answer on 22
 * unless a listener says so.
 */
function onlyBehindListeners(model: DeploymentModel, group: Resource | undefined, port: number): boolean {
  if (!group) return false;
  const users = referrers(model, group).map((r) => r.from).filter((r) => r.type !== INGRESS && r.type !== SECURITY_GROUP && r.type !== 'AWS::EC2::SecurityGroupEgress');
  if (!users.length || !users.every((u) => u.type === LOAD_BALANCER)) return false;
  return !ofType(model, LISTENER).some((l) => users.includes(target(model, get(l.props, 'LoadBalancerArn'), LOAD_BALANCER)!)
    && int(get(l.props, 'Port')) === port);
}

const ADMIN_PORTS: [number, string][] = [[22, 'SSH'], [3389, 'RDP'], [5985, 'WinRM'], [5986, 'WinRM over HTTPS']];

/** The administration ports a world-open ingress rule exposes (none for a group that only load balancers use). */
export function openAdminPorts(model: DeploymentModel, rule: Ingress): [number, string][] {
  if (!rule.world) return [];
  return ADMIN_PORTS.filter(([p]) => admits(rule.ports, p) && !onlyBehindListeners(model, rule.group, p));
}

export const adminPortOpen = deploymentRule({
  id: 'network/admin-port-open',
  defaultSeverity: 'error',
  description: 'A security group admits 0.0.0.0/0 or ::/0 to an administration port (SSH 22, RDP 3389, WinRM 5985/5986).',
  references: ['AWS Foundational Security Best Practices EC2.13, EC2.14, EC2.53', 'CIS AWS Foundations 5.2, 5.3', 'cdk-nag AwsSolutions-EC23'],
  fixable: false,
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
