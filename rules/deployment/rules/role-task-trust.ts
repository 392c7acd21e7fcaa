import { deploymentRule } from '../rule';
import { get, items, keyRange, str } from '../model';
import type { HNode } from '../../hosts/tree';
import { roleUses } from '../roles';

/** Service principals a trust policy names; undefined when any part is not known from the file. */
function servicePrincipals(doc: HNode | undefined): string[] | undefined {
  if (doc?.t !== 'object') return undefined; // absent, or a deploy-time value (Fn::If, a policy document's .json)
  const statements = items(get(doc, 'Statement'));
  if (!statements) return undefined;
  const out: string[] = [];
  for (const s of statements) {
    if (s.t !== 'object') return undefined;
    if (str(get(s, 'Effect')) !== 'Allow') continue;
    const principal = get(s, 'Principal');
    if (principal && principal.t !== 'object') return undefined;
    const services = items(get(principal, 'Service'));
    if (!services) return undefined;
    for (const v of services) {
      // `ecs-tasks.${AWS::URLSuffix}` is ecs-tasks in every partition.
      if (v.t === 'template' && /^ecs-tasks\./.test(v.value)) { out.push('ecs-tasks.amazonaws.com'); continue; }
      const name = str(v);
      if (name === undefined) return undefined;
      out.push(name);
    }
  }
  return out;
}

export const roleTaskTrust = deploymentRule({
  id: 'role/task-trust',
  defaultSeverity: 'warning',
  description: 'A role used as a task role or execution role does not trust ecs-tasks.amazonaws.com.',
  references: ['Amazon ECS task IAM role (trust relationship)', 'Amazon ECS task execution IAM role'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const uses = roleUses(model);
  for (const role of new Set(uses.map((u) => u.role))) {
    const key = model.format === 'hcl' ? 'assume_role_policy' : 'AssumeRolePolicyDocument';
    const doc = get(role.props, key);
    const services = servicePrincipals(doc);
    if (!services || services.includes('ecs-tasks.amazonaws.com')) continue;
    const mine = uses.filter((u) => u.role === role);
    report({
      resource: role,
      at: keyRange(role.props, key) ?? role.anchor,
      message: `the trust policy does not name ecs-tasks.amazonaws.com${services.length ? ` (it trusts ${services.join(', ')})` : ''}, yet ${mine.map((u) => `${u.task.label} uses it as its ${u.as === 'task' ? 'task role' : 'execution role'}`).join(', ')}. ECS cannot hand the role to the tasks, and the principals it does trust get the task's permissions. Trust ecs-tasks.amazonaws.com (with aws:SourceAccount) instead.`,
      related: mine.map((u) => ({ at: u.ref.range, message: `${u.task.label}: uses this role as its ${u.as === 'task' ? 'task role' : 'execution role'}` })),
    });
  }
});
