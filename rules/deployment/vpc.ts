// VPCs of the template and the ECS tasks they host (through the subnets of services' awsvpc configuration).
import type { HNode } from '../hosts/tree';
import { get, items, ofType, target, type DeploymentModel, type Resource } from './model';
import { SERVICE } from './network';

export const VPC = 'AWS::EC2::VPC';
export const SUBNET = 'AWS::EC2::Subnet';

export interface HostedService { service: Resource; vpc: Resource }

/** Services whose subnets are all in one VPC of the template. */
export function servicesByVpc(model: DeploymentModel): Map<Resource, Resource[]> {
  const out = new Map<Resource, Resource[]>();
  for (const s of ofType(model, SERVICE)) {
    const subnets = items(get(s.props, 'NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets'));
    if (!subnets?.length) continue;
    const vpcs = new Set(subnets.map((n) => {
      const subnet = target(model, n, SUBNET);
      return subnet ? target(model, get(subnet.props, 'VpcId'), VPC) : undefined;
    }));
    if (vpcs.size !== 1) continue;
    const [vpc] = vpcs;
    if (vpc) out.set(vpc, [...(out.get(vpc) ?? []), s]);
  }
  return out;
}

/** The template's subnets in a VPC. */
export function subnetsOf(model: DeploymentModel, vpc: Resource): Resource[] {
  return ofType(model, SUBNET).filter((s) => target(model, get(s.props, 'VpcId'), VPC) === vpc);
}

/** The service part of a VPC endpoint's ServiceName (`ecr.dkr` of `com.amazonaws.${AWS::Region}.ecr.dkr`). */
export function endpointService(n: HNode | undefined): string | undefined {
  const v = n?.t === 'scalar' || n?.t === 'template' ? n.value : undefined;
  if (typeof v !== 'string') return undefined;
  return /^(?:com\.amazonaws|aws\.api)\.(?:[a-z0-9-]+|\$\{[^}]+\})\.(.+)$/.exec(v)?.[1];
}
