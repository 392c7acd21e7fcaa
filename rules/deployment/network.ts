// Security groups, the services whose tasks they reach, and the load balancers in front of those services.
import type { HNode } from '../hosts/tree';
import { get, int, items, ofType, str, target, type DeploymentModel, type Resource } from './model';

export const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
export const INGRESS = 'AWS::EC2::SecurityGroupIngress';
export const SERVICE = 'AWS::ECS::Service';
export const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
export const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
export const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

export interface Ingress {
  /** The resource the rule is written in (the group itself, or an `AWS::EC2::SecurityGroupIngress`). */
  owner: Resource;
  /** The group it opens, when that group is in the file. */
  group: Resource | undefined;
  /** The rule's object (an item of `SecurityGroupIngress`, or the ingress resource's properties). */
  entry: HNode;
  /** The `CidrIp` / `CidrIpv6` value when it is literally the whole internet. */
  world?: { node: HNode; cidr: string };
  /** Ports it admits: `all`, a range, or undefined when not known from the file. */
  ports: 'all' | { from: number; to: number } | undefined;
}

const WORLD_V4 = /^0\.0\.0\.0\/0$/;
const WORLD_V6 = /^(::|0:0:0:0:0:0:0:0)\/0$/;

export function ingressRules(model: DeploymentModel): Ingress[] {
  const out: Ingress[] = [];
  for (const sg of ofType(model, SECURITY_GROUP)) {
    for (const entry of items(get(sg.props, 'SecurityGroupIngress')) ?? []) {
      if (entry.t === 'object') out.push(ingress(sg, sg, entry));
    }
  }
  for (const r of ofType(model, INGRESS)) {
    if (r.props?.t === 'object') out.push(ingress(r, target(model, get(r.props, 'GroupId'), SECURITY_GROUP), r.props));
  }
  return out;
}

function ingress(owner: Resource, group: Resource | undefined, entry: HNode): Ingress {
  const v4 = get(entry, 'CidrIp');
  const v6 = get(entry, 'CidrIpv6');
  const world = WORLD_V4.test(str(v4)?.trim() ?? '') ? { node: v4!, cidr: str(v4)!.trim() }
    : WORLD_V6.test(str(v6)?.trim() ?? '') ? { node: v6!, cidr: str(v6)!.trim() } : undefined;
  return { owner, group, entry, world, ports: ports(entry) };
}

function ports(entry: HNode): Ingress['ports'] {
  const proto = str(get(entry, 'IpProtocol'))?.trim().toLowerCase();
  if (proto === '-1' || proto === 'all') return 'all';
  if (!proto || !['tcp', '6', 'udp', '17'].includes(proto)) return undefined; // icmp and other protocols carry no ports
  const from = int(get(entry, 'FromPort'));
  const to = int(get(entry, 'ToPort'));
  if (from === undefined || to === undefined) return undefined;
  if (from === -1 && to === -1) return 'all';
  return { from, to };
}

export function admits(ports: Ingress['ports'], port: number): boolean {
  return ports === 'all' || (!!ports && ports.from <= port && port <= ports.to);
}

export function portText(ports: Ingress['ports']): string {
  if (ports === 'all') return 'all ports';
  if (!ports) return 'some ports';
  return ports.from === ports.to ? `port ${ports.from}` : `ports ${ports.from}-${ports.to}`;
}

/** The security groups of a service's awsvpc tasks that are in the file, with the value naming each. */
export function serviceGroups(model: DeploymentModel, service: Resource): { ref: HNode; group: Resource }[] {
  const list = items(get(service.props, 'NetworkConfiguration', 'AwsvpcConfiguration', 'SecurityGroups')) ?? [];
  const out: { ref: HNode; group: Resource }[] = [];
  for (const ref of list) {
    const group = target(model, ref, SECURITY_GROUP);
    if (group) out.push({ ref, group });
  }
  return out;
}

/** Load balancers (in the file) that forward to a service's target groups, through listeners or listener rules. */
export function serviceLoadBalancers(model: DeploymentModel, service: Resource): Resource[] {
  const groups = new Set<Resource>();
  for (const lb of items(get(service.props, 'LoadBalancers')) ?? []) {
    const tg = target(model, get(lb, 'TargetGroupArn'), TARGET_GROUP);
    if (tg) groups.add(tg);
  }
  const out = new Set<Resource>();
  const forwards = (actions: HNode | undefined) => (items(actions) ?? []).some((a) =>
    groups.has(target(model, get(a, 'TargetGroupArn'), TARGET_GROUP)!)
    || (items(get(a, 'ForwardConfig', 'TargetGroups')) ?? []).some((t) => groups.has(target(model, get(t, 'TargetGroupArn'), TARGET_GROUP)!)));
  const listenerLb = (listener: Resource | undefined) => {
    const lb = listener && target(model, get(listener.props, 'LoadBalancerArn'), LOAD_BALANCER);
    if (lb) out.add(lb);
  };
  if (!groups.size) return [];
  for (const l of ofType(model, LISTENER)) if (forwards(get(l.props, 'DefaultActions'))) listenerLb(l);
  for (const r of ofType(model, LISTENER_RULE)) {
    if (forwards(get(r.props, 'Actions'))) listenerLb(target(model, get(r.props, 'ListenerArn'), LISTENER));
  }
  // Target groups can also name their load balancer only through DependsOn-free wiring elsewhere; stay with what is explicit.
  return [...out];
}

/** `network` for NLBs, `application` (the default) for ALBs; undefined when not known. */
export function lbType(lb: Resource): 'application' | 'network' | 'gateway' | undefined {
  const t = get(lb.props, 'Type');
  if (!t) return 'application';
  const s = str(t)?.toLowerCase();
  return s === 'application' || s === 'network' || s === 'gateway' ? s : undefined;
}

/** Whether a load balancer faces the internet (`Scheme` defaults to internet-facing); undefined when not known. */
export function internetFacing(lb: Resource): boolean | undefined {
  const s = get(lb.props, 'Scheme');
  if (!s) return true;
  const v = str(s)?.toLowerCase();
  return v === undefined ? undefined : v === 'internet-facing';
}

/** Security groups of a load balancer that are in the file. */
export function lbGroups(model: DeploymentModel, lb: Resource): Resource[] {
  return (items(get(lb.props, 'SecurityGroups')) ?? []).map((r) => target(model, r, SECURITY_GROUP)).filter((g): g is Resource => !!g);
}
