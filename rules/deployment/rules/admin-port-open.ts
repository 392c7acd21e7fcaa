import { deploymentRule } from '../rule';
import { admits, ingressRules, portText } from '../network';

const ADMIN_PORTS: [number, string][] = [[22, 'SSH'], [3389, 'RDP'], [5985, 'WinRM'], [5986, 'WinRM over HTTPS']];

export const adminPortOpen = deploymentRule({
  id: 'network/admin-port-open',
  defaultSeverity: 'error',
  description: 'A security group admits 0.0.0.0/0 or ::/0 to an administration port (SSH 22, RDP 3389, WinRM 5985/5986).',
  references: ['AWS Foundational Security Best Practices EC2.13, EC2.14, EC2.53', 'CIS AWS Foundations 5.2, 5.3', 'cdk-nag AwsSolutions-EC23'],
  fixable: false,
}, ({ model, report }) => {
  for (const rule of ingressRules(model)) {
    if (!rule.world) continue;
    const open = ADMIN_PORTS.filter(([p]) => admits(rule.ports, p));
    if (!open.length) continue;
    const where = rule.owner === rule.group || !rule.group ? 'this rule' : `this rule of security group ${rule.group.label}`;
    report({
      resource: rule.owner,
      at: rule.world.node.range,
      message: `${where} admits ${rule.world.cidr} on ${portText(rule.ports)}, which includes ${open.map(([p, n]) => `${n} (${p})`).join(', ')}: anyone on the internet can try to log in. Use Session Manager or ECS Exec instead, or admit only a bastion's security group or your network's CIDR.`,
      related: rule.group && rule.group !== rule.owner ? [{ at: rule.group.anchor, message: `${rule.group.label}: the security group this rule opens` }] : undefined,
    });
  }
});
