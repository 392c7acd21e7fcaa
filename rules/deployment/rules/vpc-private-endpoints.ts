import { deploymentRule } from '../rule';
import { get, items, ofType, str, target, type DeploymentModel, type Resource } from '../model';
import { endpointService, modulesGiven, servicesByVpc, subnetsOf, vpcKeys } from '../vpc';
import { containerDefinitions } from '../hcl';

const DEFAULT_ROUTE = (dest: string) => dest === '0.0.0.0/0' || dest === '::/0';

/** Whether a VPC of the template can reach the internet: an internet gateway, a NAT gateway, or any default route. */
function hasEgress(model: DeploymentModel, vpc: Resource): boolean | undefined {
  const k = vpcKeys(model);
  const subnets = new Set(subnetsOf(model, vpc));
  if (model.format === 'hcl') {
    // Internet gateways (attached by vpc_id or an attachment) and egress-only ones (IPv6).
    for (const g of ofType(model, 'aws_internet_gateway', 'aws_internet_gateway_attachment', 'aws_egress_only_internet_gateway')) {
      const v = model.resolve(get(g.props, 'vpc_id'));
      if (v === 'unknown') return undefined;
      if (v?.resource === vpc) return true;
    }
  } else {
    for (const a of ofType(model, 'AWS::EC2::VPCGatewayAttachment')) {
      const v = model.resolve(get(a.props, 'VpcId'));
      if (v === 'unknown') return undefined;
      if (v?.resource === vpc && get(a.props, 'InternetGatewayId')) return true;
    }
  }
  for (const n of ofType(model, 'AWS::EC2::NatGateway', 'aws_nat_gateway')) {
    const s = target(model, get(n.props, k.subnetId), k.subnet);
    if (!s || subnets.has(s)) return s ? true : undefined;
  }
  for (const r of ofType(model, 'AWS::EC2::Route', 'aws_route')) {
    const table = target(model, get(r.props, model.format === 'hcl' ? 'route_table_id' : 'RouteTableId'), 'AWS::EC2::RouteTable', 'aws_route_table', 'aws_default_route_table');
    if (!table) return undefined;
    if (tableVpc(model, table) !== vpc) continue;
    const dest = model.format === 'hcl'
      ? str(get(r.props, 'destination_cidr_block')) ?? str(get(r.props, 'destination_ipv6_cidr_block'))
      : str(get(r.props, 'DestinationCidrBlock')) ?? str(get(r.props, 'DestinationIpv6CidrBlock'));
    if (dest === undefined || DEFAULT_ROUTE(dest)) return dest === undefined ? undefined : true;
  }
  // Terraform: routes written inline in route tables (`route { cidr_block = "0.0.0.0/0" ... }`).
  for (const t of ofType(model, 'aws_route_table', 'aws_default_route_table')) {
    const routes = items(get(t.props, 'route'));
    if (!routes?.length) { if (!routes) return undefined; continue; }
    const v = tableVpc(model, t);
    if (v !== vpc) { if (v === undefined) return undefined; continue; }
    for (const route of routes) {
      if (route.t !== 'object') return undefined; // dynamic "route"
      const dest = str(get(route, 'cidr_block')) ?? str(get(route, 'ipv6_cidr_block'));
      if (dest === undefined || DEFAULT_ROUTE(dest)) return dest === undefined ? undefined : true;
    }
  }
  return false;
}

/** A route table's VPC of the template; undefined when not known. */
function tableVpc(model: DeploymentModel, table: Resource): Resource | undefined {
  const k = vpcKeys(model);
  if (table.type === 'aws_default_route_table') {
    // default_route_table_id = aws_vpc.main.default_route_table_id
    return target(model, get(table.props, 'default_route_table_id'), k.vpc);
  }
  return target(model, get(table.props, k.vpcId), k.vpc);
}

/** The endpoints the tasks of a service need, from its task definition; undefined when that is not known. */
function needed(model: DeploymentModel, service: Resource): Map<string, string> | undefined {
  const hcl = model.format === 'hcl';
  const task = target(model, get(service.props, hcl ? 'task_definition' : 'TaskDefinition'), 'AWS::ECS::TaskDefinition', 'aws_ecs_task_definition');
  const defs = task && containerDefinitions(task);
  if (!defs) return undefined;
  const { containers, k } = defs;
  const out = new Map<string, string>();
  for (const c of containers) {
    const image = get(c, k.image);
    const text = image?.t === 'scalar' || image?.t === 'template' ? String(image.value) : undefined;
    if (text === undefined) return undefined;
    if (/\.dkr\.ecr\.|\baws_ecr_repository\.[\w-]+(?:\[[^\]]*\])?\.repository_url\b/.test(text)) {
      out.set('ecr.api', 'pulling from ECR').set('ecr.dkr', 'pulling from ECR').set('s3', 'image layers (a gateway endpoint)');
    }
    const driver = str(get(c, k.log, k.driver));
    if (driver === 'awslogs') out.set('logs', 'awslogs');
    for (const s of items(get(c, k.secrets)) ?? []) {
      const from = get(s, k.valueFrom);
      const v = from?.t === 'scalar' || from?.t === 'template' ? String(from.value) : '';
      if (/:secretsmanager:/.test(v)) out.set('secretsmanager', 'secrets from Secrets Manager');
      else if (/:ssm:|^[\w/.-]+$/.test(v)) out.set('ssm', 'secrets from SSM Parameter Store');
    }
  }
  const launch = str(get(service.props, hcl ? 'launch_type' : 'LaunchType'));
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
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const hcl = model.format === 'hcl';
  for (const [vpc, services] of servicesByVpc(model)) {
    if (hasEgress(model, vpc) !== false) continue;
    // A module given the VPC or its subnets may add endpoints, gateways or routes (terraform-aws-modules/vpc//modules/vpc-endpoints).
    if (modulesGiven(model, vpc).length) continue;
    const present = new Set<string>();
    let unknown = false;
    for (const e of ofType(model, 'AWS::EC2::VPCEndpoint', 'aws_vpc_endpoint')) {
      const v = model.resolve(get(e.props, hcl ? 'vpc_id' : 'VpcId'));
      if (v === 'unknown') { unknown = true; continue; }
      if (v?.resource !== vpc) continue;
      const name = endpointService(get(e.props, hcl ? 'service_name' : 'ServiceName'));
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
