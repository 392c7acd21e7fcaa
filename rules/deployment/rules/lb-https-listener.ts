import { deploymentRule } from '../rule';
import { get, items, ofType, str, target, type DeploymentModel, type Resource } from '../model';
import type { HNode } from '../../hosts/tree';
import { LISTENER_RULE, LISTENERS, LOAD_BALANCERS, internetFacing } from '../network';

/** Property names of the two hosts (Terraform's nested blocks are one-item lists). */
const CFN = { protocol: 'Protocol', lb: 'LoadBalancerArn', defaults: 'DefaultActions', actions: 'Actions', listener: 'ListenerArn', type: 'Type', redirect: ['RedirectConfig', 'Protocol'], port: 'Port' };
const TF = { protocol: 'protocol', lb: 'load_balancer_arn', defaults: 'default_action', actions: 'action', listener: 'listener_arn', type: 'type', redirect: ['redirect', 'protocol'], port: 'port' };
type Keys = typeof CFN;
export const keysOf = (model: DeploymentModel): Keys => (model.format === 'hcl' ? TF : CFN);

/** Whether actions serve requests (forward, authenticate) rather than only redirect or answer with a fixed response. */
function serves(actions: HNode | undefined, k: Keys): boolean | undefined {
  const list = items(actions);
  if (!list) return undefined;
  let unknown = false;
  for (const a of list) {
    const type = str(get(a, k.type))?.toLowerCase();
    if (type === undefined) { unknown = true; continue; }
    if (type === 'redirect') {
      const block = get(a, k.redirect[0]);
      const proto = get(block?.t === 'array' ? block.items[0] : block, k.redirect[1]);
      const p = str(proto)?.toUpperCase();
      if (p === 'HTTPS') continue;
      if (p === undefined && proto) { unknown = true; continue; }
      return true; // a redirect that keeps HTTP (#{protocol} or HTTP) still serves in clear text
    }
    if (type !== 'fixed-response') return true;
  }
  return unknown ? undefined : false;
}

function rulesOf(model: DeploymentModel, listener: Resource, k: Keys): Resource[] {
  return ofType(model, LISTENER_RULE, 'aws_lb_listener_rule', 'aws_alb_listener_rule').filter((r) => target(model, get(r.props, k.listener), ...LISTENERS) === listener);
}

export const lbHttpsListener = deploymentRule({
  id: 'lb/https-listener',
  defaultSeverity: 'warning',
  description: 'An internet-facing load balancer has an HTTP listener that serves requests instead of redirecting to HTTPS.',
  references: ['AWS Foundational Security Best Practices ELB.1', 'cdk-nag AwsSolutions-ELB2 / ELB HTTPS listener checks', 'Checkov CKV_AWS_2'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const k = keysOf(model);
  for (const l of ofType(model, ...LISTENERS)) {
    const protocol = get(l.props, k.protocol);
    if (str(protocol)?.toUpperCase() !== 'HTTP') continue;
    const lb = target(model, get(l.props, k.lb), ...LOAD_BALANCERS);
    if (!lb || internetFacing(lb) !== true) continue;
    const own = serves(get(l.props, k.defaults), k);
    const viaRules = rulesOf(model, l, k).map((r) => serves(get(r.props, k.actions), k));
    if (own === undefined || viaRules.includes(undefined)) continue;
    if (!own && !viaRules.includes(true)) continue;
    // Redirecting only helps when the load balancer also listens for HTTPS (always, not under a Condition).
    const https = ofType(model, ...LISTENERS).find((x) => x !== l && !x.condition && target(model, get(x.props, k.lb), ...LOAD_BALANCERS) === lb && str(get(x.props, k.protocol))?.toUpperCase() === 'HTTPS');
    report({
      resource: l,
      at: protocol!.range,
      message: `this HTTP listener of internet-facing load balancer ${lb.label} serves requests in clear text. ${https ? `Redirect HTTP to the HTTPS listener (${https.label}).` : 'Add an HTTPS listener with a certificate and make this one redirect to it.'}`,
      related: [{ at: lb.anchor, message: `${lb.label}: the internet-facing load balancer` }, ...(https ? [{ at: https.anchor, message: `${https.label}: its HTTPS listener` }] : [])],
    });
  }
});
