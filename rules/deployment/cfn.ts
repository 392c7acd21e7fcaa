// CloudFormation (JSON, YAML, CDK output) -> deployment model. Built from the template tree rules/hosts/cfn.ts
// parses (intrinsics keep their call), so nothing is parsed twice.
import type { HNode } from '../hosts/tree';
import { cdkPath, type HostParse } from '../hosts/cfn';
import { get, str, type DeploymentModel, type Reference, type Resource, type Target } from './model';

/** The model of a parsed template; undefined when the file has no `Resources` map. */
export function cloudFormationModel(parsed: HostParse, text: string): DeploymentModel | undefined {
  const resourcesNode = get(parsed.template, 'Resources');
  if (resourcesNode?.t !== 'object') return undefined;
  const resources: Resource[] = [];
  const byId = new Map<string, Resource>();
  for (const p of resourcesNode.props) {
    const type = str(get(p.value, 'Type'));
    if (!type) continue;
    const r: Resource = {
      id: p.hostKey,
      type,
      props: get(p.value, 'Properties'),
      anchor: p.keyRange,
      range: { offset: p.keyRange.offset, length: p.value.range.offset + p.value.range.length - p.keyRange.offset },
      label: cdkPath(p.value) ?? p.hostKey,
      dependsOn: dependsOn(get(p.value, 'DependsOn')),
    };
    const condition = str(get(p.value, 'Condition'));
    if (condition) r.condition = condition;
    resources.push(r);
    byId.set(r.id, r);
  }
  const resolveName = (name: string, attr?: string): Target => {
    const resource = byId.get(name);
    return resource ? { resource, attr } : 'unknown';
  };
  const resolve = (n: HNode | undefined): Target | undefined => {
    if (!n) return undefined;
    const call = n.call;
    if (!call) return n.t === 'unknown' || n.t === 'template' ? 'unknown' : undefined;
    const a = call.arg;
    if (call.fn === 'Ref') return typeof str(a) === 'string' ? resolveName(str(a)!) : 'unknown';
    if (call.fn === 'GetAtt') {
      const [name, attr] = getAttArgs(a);
      return name ? resolveName(name, attr) : 'unknown';
    }
    if (call.fn === 'Sub') {
      // "${Name}" or "${Name.Attr}" alone is a reference; anything longer is a string built around one.
      const m = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(subTemplate(a) ?? '');
      return m ? resolveName(m[1], m[2]) : 'unknown';
    }
    return 'unknown';
  };
  const references: Reference[] = [];
  for (const r of resources) {
    if (r.props) collectReferences(r, r.props, byId, references);
    for (const d of r.dependsOn) {
      const to = byId.get(d);
      if (to) references.push({ from: r, to, node: r.props ?? { t: 'scalar', value: d, range: r.anchor } });
    }
  }
  return { format: parsed.format, text, resources, byId, references, resolve };
}

function dependsOn(n: HNode | undefined): string[] {
  if (!n) return [];
  const list = n.t === 'array' ? n.items : [n];
  return list.map(str).filter((s): s is string => !!s);
}

function getAttArgs(a: HNode): [string | undefined, string | undefined] {
  if (a.t === 'array') return [str(a.items[0]), str(a.items[1])];
  const s = str(a);
  if (!s) return [undefined, undefined];
  const dot = s.indexOf('.');
  return dot < 0 ? [s, undefined] : [s.slice(0, dot), s.slice(dot + 1)];
}

function subTemplate(a: HNode): string | undefined {
  return str(a.t === 'array' ? a.items[0] : a);
}

/** Every Ref, GetAtt and `${Name}` in a value (Join pieces and nested calls included) that names a resource. */
function collectReferences(from: Resource, n: HNode, byId: Map<string, Resource>, out: Reference[]): void {
  const add = (name: string | undefined, attr: string | undefined) => {
    const to = name ? byId.get(name) : undefined;
    if (to) out.push({ from, to, attr, node: n });
  };
  const call = n.call;
  if (call) {
    if (call.fn === 'Ref') add(str(call.arg), undefined);
    else if (call.fn === 'GetAtt') add(...getAttArgs(call.arg));
    else if (call.fn === 'Sub') {
      for (const m of (subTemplate(call.arg) ?? '').matchAll(/\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}/g)) add(m[1], m[2]);
    }
    collectReferences(from, call.arg, byId, out);
    return;
  }
  if (n.t === 'object') for (const p of n.props) collectReferences(from, p.value, byId, out);
  else if (n.t === 'array') for (const i of n.items) collectReferences(from, i, byId, out);
}
