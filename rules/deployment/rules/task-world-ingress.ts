import { deploymentRule } from '../rule';
import { editFix, fixes } from '../fix';
import { ofType, type Resource } from '../model';
import { openAdminPorts } from './admin-port-open';
import { SERVICES, ingressRules, lbGroups, lbType, portText, serviceGroups, serviceLoadBalancers } from '../network';

export const taskWorldIngress = deploymentRule({
  id: 'network/task-world-ingress',
  defaultSeverity: 'warning',
  description: 'A security group of an ECS service\'s awsvpc tasks admits 0.0.0.0/0 or ::/0; behind a load balancer only its security group should.',
  references: ['Amazon ECS best practices: networking (security groups)', 'AWS Foundational Security Best Practices EC2.18', 'cdk-nag AwsSolutions-EC23'],
  fixable: true,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const services = ofType(model, ...SERVICES).map((s) => ({ service: s, groups: serviceGroups(model, s) })).filter((s) => s.groups.length);
  if (!services.length) return;
  for (const rule of ingressRules(model)) {
    // World-open administration ports are network/admin-port-open's error; one finding per problem.
    if (!rule.world || !rule.group || openAdminPorts(model, rule).length) continue;
    const users = services.filter((s) => s.groups.some((g) => g.group === rule.group));
    if (!users.length) continue;
    const lbs = [...new Set(users.flatMap((u) => serviceLoadBalancers(model, u.service)))];
    const expected = [...new Set(lbs.flatMap((lb) => lbGroups(model, lb)))].filter((g) => g !== rule.group);
    const shared = lbs.some((lb) => lbGroups(model, lb).includes(rule.group!));
    const names = users.map((u) => u.service.label).join(', ');
    let advice: string;
    if (shared) advice = `The load balancer uses the same group: give the tasks a group of their own that admits only the load balancer's group.`;
    else if (expected.length) advice = `Behind the load balancer, admit only its security group (${expected.map((g) => g.label).join(', ')}) as the source.`;
    else if (lbs.some((lb) => lbType(lb) === 'network')) advice = 'Behind a Network Load Balancer, admit only the VPC CIDR (the NLB\'s addresses), not the internet.';
    else advice = 'Admit only the sources that call the service (a load balancer\'s or a client\'s security group, the VPC CIDR).';
    const group = rule.group.label;
    const cidrKey = rule.world.cidr.includes(':') ? 'CidrIpv6' : 'CidrIp';
    const fix = expected.length === 1 ? editFix(model, rule.entry, `Admit only the load balancer's security group (${expected[0].label}) instead of ${rule.world.cidr}`, false, (v) => {
      delete v[cidrKey];
      v.SourceSecurityGroupId = { 'Fn::GetAtt': [expected[0].id, 'GroupId'] };
    }) : undefined;
    report({
      resource: rule.owner,
      at: rule.world.node.range,
      message: `${rule.owner === rule.group ? 'this security group' : `this rule of security group ${group}`} admits ${rule.world.cidr} on ${portText(rule.ports)}, and it reaches the tasks of ${names}. ${advice}`,
      related: [
        ...users.flatMap((u) => u.groups.filter((g) => g.group === rule.group).map((g) => ({ at: g.ref.range, message: `${u.service.label}: its tasks use security group ${group}` }))),
        ...expected.map((g: Resource) => ({ at: g.anchor, message: `${g.label}: the load balancer's security group, the expected source` })),
      ],
      fixes: fixes(fix),
    });
  }
});
