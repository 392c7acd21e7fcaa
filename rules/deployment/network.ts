// Security groups, the services whose tasks they reach, and the load balancers in front of those services.
import type { HNode } from '../hosts/tree';
import { bool, get, int, items, ofType, str, target, type DeploymentModel, type Resource } from './model';
import { block } from './hcl';

export const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
export const INGRESS = 'AWS::EC2::SecurityGroupIngress';
export const SERVICE = 'AWS::ECS::Service';
export const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
export const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
export const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

// Terraform resource types of the same things (aws_alb* are aliases of aws_lb*).
const TF = {
  group: 'aws_security_group', rule: 'aws_security_group_rule', ingressRule: 'aws_vpc_security_group_ingress_rule', service: 'aws_ecs_service',
  lb: ['aws_lb', 'aws_alb'], listener: ['aws_lb_listener', 'aws_alb_listener'], listenerRule: ['aws_lb_listener_rule', 'aws_alb_listener_rule'],
  targetGroup: ['aws_lb_target_group', 'aws_alb_target_group'],
};
export const SECURITY_GROUPS = [SECURITY_GROUP, TF.group];
export const SERVICES = [SERVICE, TF.service];
export const LOAD_BALANCERS = [LOAD_BALANCER, ...TF.lb];
export const LISTENERS = [LISTENER, ...TF.listener];
const LISTENER_RULES = [LISTENER_RULE, ...TF.listenerRule];
const TARGET_GROUPS = [TARGET_GROUP, ...TF.targetGroup];
const tf = (model: DeploymentModel) => model.format === 'hcl';

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
  if (tf(model)) return terraformIngress(model);
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

/** aws_security_group ingress blocks, aws_security_group_rule (type ingress), aws_vpc_security_group_ingress_rule. */
function terraformIngress(model: DeploymentModel): Ingress[] {
  const out: Ingress[] = [];
  const add = (owner: Resource, group: Resource | undefined, entry: HNode, v4: string, v6: string, proto: string) => {
    const world = [...(items(get(entry, v4)) ?? []).filter((c) => WORLD_V4.test(str(c)?.trim() ?? '')).map((node) => ({ node, cidr: str(node)!.trim() })),
      ...(items(get(entry, v6)) ?? []).filter((c) => WORLD_V6.test(str(c)?.trim() ?? '')).map((node) => ({ node, cidr: str(node)!.trim() }))];
    const p = ports(entry, proto, 'from_port', 'to_port');
    if (!world.length) out.push({ owner, group, entry, ports: p });
    for (const w of world) out.push({ owner, group, entry, world: w, ports: p });
  };
  for (const sg of ofType(model, TF.group)) {
    for (const entry of items(get(sg.props, 'ingress')) ?? []) if (entry.t === 'object') add(sg, sg, entry, 'cidr_blocks', 'ipv6_cidr_blocks', 'protocol');
  }
  for (const r of ofType(model, TF.rule)) {
    if (str(get(r.props, 'type')) !== 'ingress' || r.props?.t !== 'object') continue;
    add(r, target(model, get(r.props, 'security_group_id'), TF.group), r.props, 'cidr_blocks', 'ipv6_cidr_blocks', 'protocol');
  }
  for (const r of ofType(model, TF.ingressRule)) {
    if (r.props?.t === 'object') add(r, target(model, get(r.props, 'security_group_id'), TF.group), r.props, 'cidr_ipv4', 'cidr_ipv6', 'ip_protocol');
  }
  return out;
}

function ingress(owner: Resource, group: Resource | undefined, entry: HNode): Ingress {
  const v4 = get(entry, 'CidrIp');
  const v6 = get(entry, 'CidrIpv6');
  const world = WORLD_V4.test(str(v4)?.trim() ?? '') ? { node: v4!, cidr: str(v4)!.trim() }
    : WORLD_V6.test(str(v6)?.trim() ?? '') ? { node: v6!, cidr: str(v6)!.trim() } : undefined;
  return { owner, group, entry, world, ports: ports(entry, 'IpProtocol', 'FromPort', 'ToPort') };
}

function ports(entry: HNode, protoKey: string, fromKey: string, toKey: string): Ingress['ports'] {
  const proto = str(get(entry, protoKey))?.trim().toLowerCase();
  if (proto === '-1' || proto === 'all') return 'all';
  if (!proto || !['tcp', '6', 'udp', '17'].includes(proto)) return undefined; // icmp and other protocols carry no ports
  const from = int(get(entry, fromKey));
  const to = int(get(entry, toKey));
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
  const list = (tf(model) ? items(get(block(service.props, 'network_configuration'), 'security_groups'))
    : items(get(service.props, 'NetworkConfiguration', 'AwsvpcConfiguration', 'SecurityGroups'))) ?? [];
  const out: { ref: HNode; group: Resource }[] = [];
  for (const ref of list) {
    const group = target(model, ref, ...SECURITY_GROUPS);
    if (group) out.push({ ref, group });
  }
  return out;
}

/** Load balancers (in the file) that forward to a service's target groups, through listeners or listener rules. */
export function serviceLoadBalancers(model: DeploymentModel, service: Resource): Resource[] {
  const k = tf(model)
    ? { lbs: 'load_balancer', tg: 'target_group_arn', defaults: 'default_action', actions: 'action', lb: 'load_balancer_arn', listener: 'listener_arn' }
    : { lbs: 'LoadBalancers', tg: 'TargetGroupArn', defaults: 'DefaultActions', actions: 'Actions', lb: 'LoadBalancerArn', listener: 'ListenerArn' };
  const groups = new Set<Resource>();
  for (const lb of items(get(service.props, k.lbs)) ?? []) {
    const tg = target(model, get(lb, k.tg), ...TARGET_GROUPS);
    if (tg) groups.add(tg);
  }
  const out = new Set<Resource>();
  const forwards = (actions: HNode | undefined) => (items(actions) ?? []).some((a) =>
    groups.has(target(model, get(a, k.tg), ...TARGET_GROUPS)!)
    || (items(get(a, 'ForwardConfig', 'TargetGroups')) ?? []).some((t) => groups.has(target(model, get(t, 'TargetGroupArn'), TARGET_GROUP)!)));
  const listenerLb = (listener: Resource | undefined) => {
    const lb = listener && target(model, get(listener.props, k.lb), ...LOAD_BALANCERS);
    if (lb) out.add(lb);
  };
  if (!groups.size) return [];
  for (const l of ofType(model, ...LISTENERS)) if (forwards(get(l.props, k.defaults))) listenerLb(l);
  for (const r of ofType(model, ...LISTENER_RULES)) {
    if (forwards(get(r.props, k.actions))) listenerLb(target(model, get(r.props, k.listener), ...LISTENERS));
  }
  // Target groups can also name their load balancer only through DependsOn-free wiring elsewhere; stay with what is explicit.
  return [...out];
}

/** `network` for NLBs, `application` (the default) for ALBs; undefined when not known. */
export function lbType(lb: Resource): 'application' | 'network' | 'gateway' | undefined {
  const t = get(lb.props, 'Type') ?? get(lb.props, 'load_balancer_type');
  if (!t) return 'application';
  const s = str(t)?.toLowerCase();
  return s === 'application' || s === 'network' || s === 'gateway' ? s : undefined;
}

/** Whether a load balancer faces the internet (`Scheme` defaults to internet-facing); undefined when not known. */
export function internetFacing(lb: Resource): boolean | undefined {
  const internal = get(lb.props, 'internal'); // Terraform: internal = false (the default) is internet-facing
  if (internal || TF.lb.includes(lb.type)) return internal ? (typeof bool(internal) === 'boolean' ? !bool(internal) : undefined) : true;
  const s = get(lb.props, 'Scheme');
  if (!s) return true;
  const v = str(s)?.toLowerCase();
  return v === undefined ? undefined : v === 'internet-facing';
}

/** Security groups of a load balancer that are in the file. */
export function lbGroups(model: DeploymentModel, lb: Resource): Resource[] {
  return (items(get(lb.props, 'SecurityGroups') ?? get(lb.props, 'security_groups')) ?? []).map((r) => target(model, r, ...SECURITY_GROUPS)).filter((g): g is Resource => !!g);
}
