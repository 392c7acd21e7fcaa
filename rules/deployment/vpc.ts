// VPCs of the template and the ECS tasks they host (through the subnets of services' awsvpc configuration).
import type { HNode } from '../hosts/tree';
import { get, items, ofType, target, type DeploymentModel, type Resource } from './model';
import { SERVICE } from './network';
import { block } from './hcl';

export const VPC = 'AWS::EC2::VPC';
export const SUBNET = 'AWS::EC2::Subnet';
export const TF_VPC = 'aws_vpc';
export const TF_SUBNET = 'aws_subnet';

/** Resource types and property names of the two hosts. */
export const vpcKeys = (model: DeploymentModel) => (model.format === 'hcl'
  ? { vpc: TF_VPC, subnet: TF_SUBNET, vpcId: 'vpc_id', service: 'aws_ecs_service', subnetId: 'subnet_id' }
  : { vpc: VPC, subnet: SUBNET, vpcId: 'VpcId', service: SERVICE, subnetId: 'SubnetId' });

export interface HostedService { service: Resource; vpc: Resource }

/** A service's awsvpc subnets: CloudFormation's list, Terraform's `network_configuration { subnets }`. */
function serviceSubnets(model: DeploymentModel, service: Resource): HNode[] | undefined {
  if (model.format !== 'hcl') return items(get(service.props, 'NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets'));
  const subnets = get(block(service.props, 'network_configuration'), 'subnets');
  // `aws_subnet.private[*].id`: every instance of one subnet resource (its count stays unknown).
  if (subnets?.t === 'unknown' && target(model, subnets, TF_SUBNET)) return [subnets];
  return items(subnets);
}

/** Services whose subnets are all in one VPC of the template. */
export function servicesByVpc(model: DeploymentModel): Map<Resource, Resource[]> {
  const k = vpcKeys(model);
  const out = new Map<Resource, Resource[]>();
  for (const s of ofType(model, k.service)) {
    const subnets = serviceSubnets(model, s);
    if (!subnets?.length) continue;
    const vpcs = new Set(subnets.map((n) => {
      const subnet = target(model, n, k.subnet);
      return subnet ? target(model, get(subnet.props, k.vpcId), k.vpc) : undefined;
    }));
    if (vpcs.size !== 1) continue;
    const [vpc] = vpcs;
    if (vpc) out.set(vpc, [...(out.get(vpc) ?? []), s]);
  }
  return out;
}

/** The template's subnets in a VPC. */
export function subnetsOf(model: DeploymentModel, vpc: Resource): Resource[] {
  const k = vpcKeys(model);
  return ofType(model, k.subnet).filter((s) => target(model, get(s.props, k.vpcId), k.vpc) === vpc);
}

/**
 * The service part of a VPC endpoint's ServiceName (`ecr.dkr` of `com.amazonaws.${AWS::Region}.ecr.dkr` or of
 * Terraform's `com.amazonaws.${data.aws_region.current.name}.ecr.dkr`); undefined when that part is not literal
 * (`com.amazonaws.${var.region}.${each.value}`).
 */
export function endpointService(n: HNode | undefined): string | undefined {
  const v = n?.t === 'scalar' || n?.t === 'template' ? n.value : undefined;
  if (typeof v !== 'string') return undefined;
  const name = /^(?:com\.amazonaws|aws\.api)\.(?:[a-z0-9-]+|\$\{[^}]+\})\.(.+)$/.exec(v)?.[1];
  return name && !/[$%]\{/.test(name) ? name : undefined;
}

/**
 * Terraform module calls given this VPC or one of its subnets (`vpc_id = aws_vpc.main.id`), optionally only those
 * whose name or `source` matches: what they create for the VPC (flow logs, endpoints, gateways, routes) is unknown.
 */
export function modulesGiven(model: DeploymentModel, vpc: Resource, match?: RegExp): string[] {
  if (!model.moduleCalls?.length) return [];
  const mine = new Set<Resource>([vpc, ...subnetsOf(model, vpc)]);
  return model.moduleCalls
    .filter((c) => [...c.refs].some((r) => mine.has(r)) && (!match || match.test(c.name) || match.test(c.source ?? '')))
    .map((c) => `module.${c.name}`);
}
