import { deploymentRule } from '../rule';
import { get, items, ofType, str, target, type DeploymentModel, type Resource } from '../model';
import type { HNode } from '../../hosts/tree';
import { LISTENER, LISTENER_RULE, LOAD_BALANCER, internetFacing } from '../network';

/** Whether actions serve requests (forward, authenticate) rather than only redirect or answer with a fixed response. */
function serves(actions: HNode | undefined): boolean | undefined {
  const list = items(actions);
  if (!list) return undefined;
  let unknown = false;
  for (const a of list) {
    const type = str(get(a, 'Type'))?.toLowerCase();
    if (type === undefined) { unknown = true; continue; }
    if (type === 'redirect') {
      const proto = get(a, 'RedirectConfig', 'Protocol');
      const p = str(proto)?.toUpperCase();
      if (p === 'HTTPS') continue;
      if (p === undefined && proto) { unknown = true; continue; }
      return true; // a redirect that keeps HTTP (#{protocol} or HTTP) still serves in clear text
    }
    if (type !== 'fixed-response') return true;
  }
  return unknown ? undefined : false;
}

function rulesOf(model: DeploymentModel, listener: Resource): Resource[] {
  return ofType(model, LISTENER_RULE).filter((r) => target(model, get(r.props, 'ListenerArn'), LISTENER) === listener);
}

export const lbHttpsListener = deploymentRule({
  id: 'lb/https-listener',
  defaultSeverity: 'warning',
  description: 'An internet-facing load balancer has an HTTP listener that serves requests instead of redirecting to HTTPS.',
  references: ['AWS Foundational Security Best Practices ELB.1', 'cdk-nag AwsSolutions-ELB2 / ELB HTTPS listener checks', 'Checkov CKV_AWS_2'],
  fixable: false,
}, ({ model, report }) => {
  for (const l of ofType(model, LISTENER)) {
    const protocol = get(l.props, 'Protocol');
    if (str(protocol)?.toUpperCase() !== 'HTTP') continue;
    const lb = target(model, get(l.props, 'LoadBalancerArn'), LOAD_BALANCER);
    if (!lb || internetFacing(lb) !== true) continue;
    const own = serves(get(l.props, 'DefaultActions'));
    const viaRules = rulesOf(model, l).map((r) => serves(get(r.props, 'Actions')));
    if (own === undefined || viaRules.includes(undefined)) continue;
    if (!own && !viaRules.includes(true)) continue;
    // Redirecting only helps when the load balancer also listens for HTTPS (always, not under a Condition).
    const https = ofType(model, LISTENER).find((x) => x !== l && !x.condition && target(model, get(x.props, 'LoadBalancerArn'), LOAD_BALANCER) === lb && str(get(x.props, 'Protocol'))?.toUpperCase() === 'HTTPS');
    report({
      resource: l,
      at: protocol!.range,
      message: `this HTTP listener of internet-facing load balancer ${lb.label} serves requests in clear text. ${https ? `Redirect HTTP to the HTTPS listener (${https.label}).` : 'Add an HTTPS listener with a certificate and make this one redirect to it.'}`,
      related: [{ at: lb.anchor, message: `${lb.label}: the internet-facing load balancer` }, ...(https ? [{ at: https.anchor, message: `${https.label}: its HTTPS listener` }] : [])],
    });
  }
});
