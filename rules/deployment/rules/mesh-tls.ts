import { deploymentRule } from '../rule';
import { bool, get, items, keyRange, ofType, str, type DeploymentModel } from '../model';
import { SERVICE } from '../network';
import { block } from '../hcl';

/** Property names of the two hosts. */
const SC_CFN = { service: SERVICE, config: 'ServiceConnectConfiguration', enabled: 'Enabled', services: 'Services', tls: 'Tls', port: 'PortName' };
const SC_TF: typeof SC_CFN = { service: 'aws_ecs_service', config: 'service_connect_configuration', enabled: 'enabled', services: 'service', tls: 'tls', port: 'port_name' };

export const serviceConnectTls = deploymentRule({
  id: 'mesh/service-connect-tls',
  defaultSeverity: 'info',
  description: 'A Service Connect service is published without TLS: traffic between services is not encrypted end to end.',
  references: ['Amazon ECS Service Connect: TLS with AWS Private CA', 'Amazon ECS best practices: encryption in transit'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const hcl = model.format === 'hcl';
  const k = hcl ? SC_TF : SC_CFN;
  for (const s of ofType(model, k.service)) {
    const sc = hcl ? block(s.props, k.config) : get(s.props, k.config);
    if (bool(get(sc, k.enabled)) !== true) continue;
    for (const entry of items(get(sc, k.services)) ?? []) {
      if (entry.t !== 'object' || get(entry, k.tls)) continue; // a `dynamic "service"` block is unknown
      report({
        resource: s,
        at: keyRange(entry, k.port) ?? entry.range,
        message: `Service Connect publishes "${str(get(entry, k.port)) ?? '?'}" without ${hcl ? 'a tls block' : 'Tls'}: calls between services cross the VPC in clear text. Add ${hcl ? 'tls { issuer_cert_authority { aws_pca_authority_arn } }' : 'Tls'} with an AWS Private CA issuer (optional hardening, it adds a CA's cost).`,
      });
    }
  }
});

/** Property names of the two hosts; Terraform's are blocks, each a list of its instances. */
const MESH_CFN = {
  spec: 'Spec', listeners: 'Listeners', tls: 'TLS', mode: 'Mode', portMapping: 'PortMapping', backends: 'Backends', virtualService: 'VirtualService',
  defaults: 'BackendDefaults', clientPolicy: 'ClientPolicy', enforce: 'Enforce',
};
const MESH_TF: typeof MESH_CFN = {
  spec: 'spec', listeners: 'listener', tls: 'tls', mode: 'mode', portMapping: 'port_mapping', backends: 'backend', virtualService: 'virtual_service',
  defaults: 'backend_defaults', clientPolicy: 'client_policy', enforce: 'enforce',
};

/** A value by path: Terraform's blocks through their (single) instance. */
function at(model: DeploymentModel, n: Parameters<typeof get>[0], ...keys: string[]) {
  return model.format === 'hcl' ? block(n, ...keys) : get(n, ...keys);
}

export const appMeshTls = deploymentRule({
  id: 'mesh/app-mesh-tls',
  defaultSeverity: 'info',
  description: 'An App Mesh virtual node accepts plain text on a listener, or does not enforce TLS towards its backends.',
  references: ['AWS App Mesh: transport layer security (TLS) and mutual TLS', 'Amazon ECS best practices: encryption in transit'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const hcl = model.format === 'hcl';
  const k = hcl ? MESH_TF : MESH_CFN;
  for (const node of ofType(model, 'AWS::AppMesh::VirtualNode', 'aws_appmesh_virtual_node')) {
    const spec = at(model, node.props, k.spec);
    if (spec && spec.t !== 'object') continue;
    for (const l of items(get(spec, k.listeners)) ?? []) {
      if (l.t !== 'object') continue;
      const tls = at(model, l, k.tls);
      if (tls && tls.t !== 'object') continue;
      const mode = get(tls, k.mode);
      const m = str(mode)?.toUpperCase();
      if (tls && (m === 'STRICT' || (mode && m === undefined))) continue;
      report({
        resource: node,
        at: mode?.range ?? keyRange(l, k.portMapping) ?? l.range,
        message: `a listener ${tls ? `accepts plain text (${hcl ? 'tls mode' : 'TLS Mode'} ${m})` : `has no ${hcl ? 'tls block' : 'TLS'}`}: traffic into this node is not encrypted end to end. Set ${hcl ? 'tls { mode = "STRICT" }' : 'TLS Mode STRICT'} with a certificate (optional hardening).`,
      });
    }
    const backends = items(get(spec, k.backends)) ?? [];
    if (!backends.length) continue;
    // Enforce defaults to true once a TLS client policy is there; a backend's own policy counts for that backend.
    const enforced = (policy: ReturnType<typeof get>): boolean | undefined => {
      const tls = at(model, policy, k.clientPolicy, k.tls);
      if (!tls) return false;
      if (tls.t !== 'object') return undefined;
      const e = get(tls, k.enforce);
      return !e || bool(e) !== false;
    };
    const defaults = at(model, spec, k.defaults);
    if (enforced(defaults) !== false) continue;
    if (backends.every((b) => b.t !== 'object' || enforced(at(model, b, k.virtualService)) !== false)) continue;
    const enforce = get(at(model, defaults, k.clientPolicy, k.tls), k.enforce);
    report({
      resource: node,
      at: enforce?.range ?? keyRange(spec, k.backends) ?? node.anchor,
      message: `calls to the backends do not enforce TLS (${hcl ? 'backend_defaults { client_policy { tls { enforce } } }' : 'BackendDefaults.ClientPolicy.TLS.Enforce'}): a backend without TLS is called in plain text. Enforce TLS with a validation trust (optional hardening).`,
    });
  }
});
