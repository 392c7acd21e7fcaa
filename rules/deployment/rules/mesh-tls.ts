import { deploymentRule } from '../rule';
import { bool, get, items, keyRange, ofType, str } from '../model';
import { SERVICE } from '../network';

export const serviceConnectTls = deploymentRule({
  id: 'mesh/service-connect-tls',
  defaultSeverity: 'info',
  description: 'A Service Connect service is published without TLS: traffic between services is not encrypted end to end.',
  references: ['Amazon ECS Service Connect: TLS with AWS Private CA', 'Amazon ECS best practices: encryption in transit'],
  fixable: false,
}, ({ model, report }) => {
  for (const s of ofType(model, SERVICE)) {
    const sc = get(s.props, 'ServiceConnectConfiguration');
    if (bool(get(sc, 'Enabled')) !== true) continue;
    for (const entry of items(get(sc, 'Services')) ?? []) {
      if (entry.t !== 'object' || get(entry, 'Tls')) continue;
      report({
        resource: s,
        at: keyRange(entry, 'PortName') ?? entry.range,
        message: `Service Connect publishes "${str(get(entry, 'PortName')) ?? '?'}" without Tls: calls between services cross the VPC in clear text. Add Tls with an AWS Private CA issuer (optional hardening, it adds a CA's cost).`,
      });
    }
  }
});

export const appMeshTls = deploymentRule({
  id: 'mesh/app-mesh-tls',
  defaultSeverity: 'info',
  description: 'An App Mesh virtual node accepts plain text on a listener, or does not enforce TLS towards its backends.',
  references: ['AWS App Mesh: transport layer security (TLS) and mutual TLS', 'Amazon ECS best practices: encryption in transit'],
  fixable: false,
}, ({ model, report }) => {
  for (const node of ofType(model, 'AWS::AppMesh::VirtualNode')) {
    const spec = get(node.props, 'Spec');
    for (const l of items(get(spec, 'Listeners')) ?? []) {
      if (l.t !== 'object') continue;
      const tls = get(l, 'TLS');
      const mode = get(tls, 'Mode');
      const m = str(mode)?.toUpperCase();
      if (tls && (m === 'STRICT' || (mode && m === undefined))) continue;
      report({
        resource: node,
        at: mode?.range ?? keyRange(l, 'PortMapping') ?? l.range,
        message: `a listener ${tls ? `accepts plain text (TLS Mode ${m})` : 'has no TLS'}: traffic into this node is not encrypted end to end. Set TLS Mode STRICT with a certificate (optional hardening).`,
      });
    }
    if (!(items(get(spec, 'Backends')) ?? []).length) continue;
    const enforce = get(spec, 'BackendDefaults', 'ClientPolicy', 'TLS', 'Enforce');
    if (enforce && bool(enforce) !== false) continue;
    report({
      resource: node,
      at: enforce?.range ?? keyRange(spec, 'Backends') ?? node.anchor,
      message: 'calls to the backends do not enforce TLS (BackendDefaults.ClientPolicy.TLS.Enforce): a backend without TLS is called in plain text. Enforce TLS with a validation trust (optional hardening).',
    });
  }
});
