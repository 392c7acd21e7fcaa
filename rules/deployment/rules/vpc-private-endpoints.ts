import { deploymentRule } from '../rule';
import { get, items, ofType, str, target, type DeploymentModel, type Resource } from '../model';
import { SUBNET, VPC, endpointService, servicesByVpc, subnetsOf } from '../vpc';

/** Whether a VPC of the template can reach the internet: an internet gateway, a NAT gateway, or any default route. */
function hasEgress(model: DeploymentModel, vpc: Resource): boolean | undefined {
  for (const a of ofType(model, 'AWS::EC2::VPCGatewayAttachment')) {
    const v = model.resolve(get(a.props, 'VpcId'));
    if (v === 'unknown') return undefined;
    if (v?.resource === vpc && get(a.props, 'InternetGatewayId')) return true;
  }
  const subnets = new Set(subnetsOf(model, vpc));
  for (const n of ofType(model, 'AWS::EC2::NatGateway')) {
    const s = target(model, get(n.props, 'SubnetId'), SUBNET);
    if (!s || subnets.has(s)) return s ? true : undefined;
  }
  for (const r of ofType(model, 'AWS::EC2::Route')) {
    const table = target(model, get(r.props, 'RouteTableId'), 'AWS::EC2::RouteTable');
    if (!table) return undefined;
    if (target(model, get(table.props, 'VpcId'), VPC) !== vpc) continue;
    const dest = str(get(r.props, 'DestinationCidrBlock')) ?? str(get(r.props, 'DestinationIpv6CidrBlock'));
    if (dest === undefined || dest === '0.0.0.0/0' || dest === '::/0') return dest === undefined ? undefined : true;
  }
  return false;
}

/** The endpoints the tasks of a service need, from its task definition; undefined when that is not known. */
function needed(model: DeploymentModel, service: Resource): Map<string, string> | undefined {
  const task = target(model, get(service.props, 'TaskDefinition'), 'AWS::ECS::TaskDefinition');
  const containers = items(get(task?.props, 'ContainerDefinitions'));
  if (!task || !containers) return undefined;
  const out = new Map<string, string>();
  for (const c of containers) {
    const image = get(c, 'Image');
    const text = image?.t === 'scalar' || image?.t === 'template' ? String(image.value) : undefined;
    if (text === undefined) return undefined;
    if (/\.dkr\.ecr\./.test(text)) {
      out.set('ecr.api', 'pulling from ECR').set('ecr.dkr', 'pulling from ECR').set('s3', 'image layers (a gateway endpoint)');
    }
    const driver = str(get(c, 'LogConfiguration', 'LogDriver'));
    if (driver === 'awslogs') out.set('logs', 'awslogs');
    for (const s of items(get(c, 'Secrets')) ?? []) {
      const from = get(s, 'ValueFrom');
      const v = from?.t === 'scalar' || from?.t === 'template' ? String(from.value) : '';
      if (/:secretsmanager:/.test(v)) out.set('secretsmanager', 'secrets from Secrets Manager');
      else if (/:ssm:|^[\w/.-]+$/.test(v)) out.set('ssm', 'secrets from SSM Parameter Store');
    }
  }
  const launch = str(get(service.props, 'LaunchType'));
  if (launch === 'EC2' || launch === 'EXTERNAL') {
    for (const e of ['ecs', 'ecs-agent', 'ecs-telemetry']) out.set(e, 'the container agent on EC2 instances');
  }
  return out;
}

export const vpcPrivateEndpoints = deploymentRule({
  id: 'vpc/private-endpoints',
  defaultSeverity: 'warning',
  description: 'A VPC without internet gateway or NAT hosts ECS tasks but lacks the VPC endpoints they need (ECR, S3, CloudWatch Logs, secrets).',
  references: ['Amazon ECS: interface VPC endpoints (AWS PrivateLink)', 'Amazon ECR interface VPC endpoints'],
  fixable: false,
}, ({ model, report }) => {
  for (const [vpc, services] of servicesByVpc(model)) {
    if (hasEgress(model, vpc) !== false) continue;
    const present = new Set<string>();
    let unknown = false;
    for (const e of ofType(model, 'AWS::EC2::VPCEndpoint')) {
      const v = model.resolve(get(e.props, 'VpcId'));
      if (v === 'unknown') { unknown = true; continue; }
      if (v?.resource !== vpc) continue;
      const name = endpointService(get(e.props, 'ServiceName'));
      if (name === undefined) unknown = true;
      else present.add(name);
    }
    if (unknown) continue;
    const missing = new Map<string, string>();
    const users: Resource[] = [];
    for (const s of services) {
      const need = needed(model, s);
      if (!need) continue;
      for (const [e, why] of need) if (!present.has(e)) { missing.set(e, why); if (!users.includes(s)) users.push(s); }
    }
    if (!missing.size) continue;
    report({
      resource: vpc,
      at: vpc.anchor,
      message: `this VPC has no internet gateway or NAT, and its tasks (${users.map((s) => s.label).join(', ')}) need VPC endpoints it lacks: ${[...missing].map(([e, why]) => `${e} (${why})`).join(', ')}. Without them the tasks cannot start; with them their traffic to AWS stays private.`,
      related: users.map((s) => ({ at: s.anchor, message: `${s.label}: runs its tasks in this VPC` })),
    });
  }
});
