// Hover on a reference in a template (`TaskRoleArn: !GetAtt TaskRole.Arn`, a security group id): what it resolves to,
// in brief, and the findings on it. Pure: the server passes the text and its findings.
import type { DocumentKind, Finding } from '../core/types';
import { parseHost } from '../hosts';
import type { HNode } from '../hosts/tree';
import { cloudFormationModel } from './cfn';
import { terraformModel, type SourceFile } from './terraform';
import { get, items, str, type DeploymentModel, type Reference, type Resource } from './model';
import { ingressRules, SECURITY_GROUPS } from './network';
import { ROLE, TF_ROLE, allowedActions, awsManagedPolicyName, managedPolicyArns, rolePolicies } from './roles';

export interface ReferenceHover { markdown: string; offset: number; length: number }

const md = (s: string) => s.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');

/** The innermost reference at `offset`, described; undefined when there is none. */
export function referenceHover(text: string, kind: DocumentKind, offset: number, findings: readonly Finding[], siblings: readonly SourceFile[] = []): ReferenceHover | undefined {
  const model = kind === 'cloudformation' ? cloudFormationModel(parseHost(text, kind), text)
    : kind === 'terraform' ? terraformModel([{ text }, ...siblings]) : undefined;
  if (!model) return undefined;
  let best: Reference | undefined;
  for (const r of model.references) {
    const { offset: o, length: l } = r.node.range;
    if (r.node === r.from.props || offset < o || offset > o + l || o + l > text.length) continue; // DependsOn entries have no node of their own
    if (!best || l < best.node.range.length) best = r;
  }
  if (!best) return undefined;
  const to = best.to;
  const lines = [`**${md(to.label)}** (\`${to.type}\`)${best.attr ? `, attribute \`${best.attr}\`` : ''}`];
  if (to.type === ROLE || to.type === TF_ROLE) lines.push('', ...describeRole(model, to));
  if (SECURITY_GROUPS.includes(to.type)) lines.push('', ...describeGroup(model, to));
  // Findings of this file only: a resource in a sibling file shows its findings there.
  const on = to.range.offset + to.range.length <= text.length ? findings.filter((f) => f.offset >= to.range.offset && f.offset < to.range.offset + to.range.length) : [];
  if (on.length) lines.push('', `Findings on ${md(to.label)}:`, ...on.slice(0, 8).map((f) => `- ${f.severity} \`${f.ruleId}\`: ${md(f.message)}`), ...(on.length > 8 ? [`- and ${on.length - 8} more`] : []));
  return { markdown: lines.join('\n'), offset: best.node.range.offset, length: best.node.range.length };
}

function describeRole(model: DeploymentModel, role: Resource): string[] {
  const out: string[] = [];
  const services = (items(get(role.props, 'AssumeRolePolicyDocument', 'Statement') ?? get(role.props, 'assume_role_policy', 'Statement')) ?? [])
    .flatMap((s) => items(get(s, 'Principal', 'Service')) ?? []).map((s) => str(s) ?? (s.t === 'template' ? s.value : '(deploy-time value)'));
  if (services.length) out.push(`Trusted by: ${services.map((s) => `\`${s}\``).join(', ')}`);
  const managed = managedPolicyArns(model, role).map((a) => awsManagedPolicyName(a.node) ?? '(customer managed or deploy-time value)');
  if (managed.length) out.push(`Managed policies: ${managed.map(md).join(', ')}`);
  const grants = allowedActions(rolePolicies(model, role));
  if (grants === undefined) out.push('Allowed actions: not all known (deploy-time values)');
  else if (grants.length) {
    const names = [...new Set(grants.map((g) => g.action))];
    out.push(`Allowed actions (${names.length}): ${names.slice(0, 12).map((a) => `\`${a}\``).join(', ')}${names.length > 12 ? ', …' : ''}`);
  } else if (!managed.length) out.push('No permissions in this template.');
  return out;
}

function describeGroup(model: DeploymentModel, group: Resource): string[] {
  const rules = ingressRules(model).filter((r) => r.group === group);
  if (!rules.length) return ['Ingress: none in this template.'];
  return ['Ingress:', ...rules.map((r) => `- ${ports(r.ports)} from ${r.world ? `\`${r.world.cidr}\`` : source(model, r.entry)}${r.owner !== group ? ` (${md(r.owner.label)})` : ''}`)];
}

function ports(p: ReturnType<typeof ingressRules>[number]['ports']): string {
  if (p === 'all') return 'all traffic';
  if (!p) return 'some ports';
  return p.from === p.to ? `port ${p.from}` : `ports ${p.from}-${p.to}`;
}

function source(model: DeploymentModel, entry: HNode): string {
  for (const k of ['CidrIp', 'CidrIpv6', 'SourceSecurityGroupId', 'SourcePrefixListId', 'SourceSecurityGroupName',
    'cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6', 'security_groups', 'source_security_group_id', 'referenced_security_group_id', 'prefix_list_ids']) {
    let v = get(entry, k);
    if (v?.t === 'array') v = v.items[0];
    if (!v) continue;
    const t = model.resolve(v);
    if (t && t !== 'unknown') return md(t.resource.label);
    return str(v) ? `\`${str(v)}\`` : 'a deploy-time value';
  }
  return 'an unknown source';
}
