// ECS roles: the task role and the execution role a task definition names, followed to the roles in the file, and
// the policies that grant them permissions (inline, attached through AWS::IAM::Policy / ManagedPolicy, AWS managed).
import type { HNode } from '../hosts/tree';
import { get, items, ofType, referrers, str, target, type DeploymentModel, type Resource } from './model';

export const ROLE = 'AWS::IAM::Role';
export const TASK_DEFINITION = 'AWS::ECS::TaskDefinition';
export const TF_ROLE = 'aws_iam_role';
const TF_TASK_DEFINITION = 'aws_ecs_task_definition';

export interface RoleUse {
  role: Resource;
  task: Resource;
  as: 'task' | 'execution';
  /** The `TaskRoleArn` / `ExecutionRoleArn` value. */
  ref: HNode;
}

export function roleUses(model: DeploymentModel): RoleUse[] {
  const out: RoleUse[] = [];
  const hcl = model.format === 'hcl';
  for (const task of ofType(model, hcl ? TF_TASK_DEFINITION : TASK_DEFINITION)) {
    for (const [key, as] of (hcl ? [['task_role_arn', 'task'], ['execution_role_arn', 'execution']] : [['TaskRoleArn', 'task'], ['ExecutionRoleArn', 'execution']]) as [string, RoleUse['as']][]) {
      const ref = get(task.props, key);
      const role = target(model, ref, ROLE, TF_ROLE);
      if (role) out.push({ role, task, as, ref: ref! });
    }
  }
  return out;
}

/** An AWS managed policy ARN (literal, or built with `${AWS::Partition}`): its name, else undefined. */
export function awsManagedPolicyName(n: HNode): string | undefined {
  const s = n.t === 'scalar' || n.t === 'template' ? (typeof n.value === 'string' ? n.value : undefined) : undefined;
  const m = s ? /:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(s) : undefined;
  return m?.[1];
}

/**
 * Managed policy ARNs attached to a role (values as written), with the resource that attaches them: the role's own
 * `ManagedPolicyArns` / `managed_policy_arns`, and Terraform's aws_iam_role_policy_attachment naming the role.
 */
export function managedPolicyArns(model: DeploymentModel, role: Resource): { node: HNode; owner: Resource }[] {
  const own = (items(get(role.props, 'ManagedPolicyArns') ?? get(role.props, 'managed_policy_arns')) ?? []).map((node) => ({ node, owner: role }));
  const attached = referrers(model, role, 'aws_iam_role_policy_attachment')
    .filter((r) => target(model, get(r.from.props, 'role')) === role)
    .flatMap((r) => { const node = get(r.from.props, 'policy_arn'); return node ? [{ node, owner: r.from }] : []; });
  return [...own, ...new Map(attached.map((a) => [a.owner, a])).values()];
}

export interface PolicyDoc { owner: Resource; doc: HNode }

/** Identity policy documents that apply to a role: inline `Policies`, and policies in the file that name the role. */
export function rolePolicies(model: DeploymentModel, role: Resource): PolicyDoc[] {
  if (model.format === 'hcl') return terraformRolePolicies(model, role);
  const out: PolicyDoc[] = [];
  for (const p of items(get(role.props, 'Policies')) ?? []) {
    const doc = get(p, 'PolicyDocument');
    if (doc) out.push({ owner: role, doc });
  }
  for (const ref of referrers(model, role, 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy')) {
    const p = ref.from;
    const named = (items(get(p.props, 'Roles')) ?? []).some((r) => target(model, r) === role) || target(model, get(p.props, 'RoleName')) === role;
    const doc = get(p.props, 'PolicyDocument');
    if (named && doc && !out.some((o) => o.doc === doc)) out.push({ owner: p, doc });
  }
  // A customer managed policy attached through ManagedPolicyArns: !Ref Policy.
  for (const { node: arn } of managedPolicyArns(model, role)) {
    const p = target(model, arn, 'AWS::IAM::ManagedPolicy');
    const doc = p && get(p.props, 'PolicyDocument');
    if (p && doc && !out.some((o) => o.doc === doc)) out.push({ owner: p, doc });
  }
  return out;
}

/**
 * Terraform: `inline_policy` blocks, aws_iam_role_policy naming the role, and aws_iam_policy resources attached by
 * aws_iam_role_policy_attachment (policies as jsonencode objects; JSON strings and policy documents stay unknown).
 */
function terraformRolePolicies(model: DeploymentModel, role: Resource): PolicyDoc[] {
  const out: PolicyDoc[] = [];
  for (const ip of items(get(role.props, 'inline_policy')) ?? []) {
    const doc = get(ip, 'policy');
    if (doc) out.push({ owner: role, doc });
  }
  for (const ref of referrers(model, role, 'aws_iam_role_policy', 'aws_iam_role_policy_attachment')) {
    if (target(model, get(ref.from.props, 'role')) !== role) continue;
    const policy = ref.from.type === 'aws_iam_role_policy' ? ref.from : target(model, get(ref.from.props, 'policy_arn'), 'aws_iam_policy');
    const doc = policy && get(policy.props, 'policy');
    if (policy && doc && !out.some((o) => o.doc === doc)) out.push({ owner: policy, doc });
  }
  return out;
}

export interface ActionGrant { owner: Resource; node: HNode; action: string }

/** Action strings of Allow statements (NotAction statements are reported as one `*`-like grant); undefined if unknown. */
export function allowedActions(docs: PolicyDoc[]): ActionGrant[] | undefined {
  const out: ActionGrant[] = [];
  for (const { owner, doc } of docs) {
    if (doc.t !== 'object') return undefined;
    const statements = items(get(doc, 'Statement'));
    if (!statements) return undefined;
    for (const s of statements) {
      if (s.t !== 'object') return undefined;
      const effect = str(get(s, 'Effect'));
      if (effect === undefined) return undefined;
      if (effect !== 'Allow') continue;
      const notAction = get(s, 'NotAction');
      if (notAction) { out.push({ owner, node: notAction, action: 'NotAction' }); continue; }
      const actions = items(get(s, 'Action'));
      if (!actions) return undefined;
      for (const a of actions) {
        const v = str(a);
        if (v === undefined) return undefined;
        out.push({ owner, node: a, action: v });
      }
    }
  }
  return out;
}

/** Labels of the task definitions using a role, for messages. */
export function users(uses: RoleUse[]): string {
  return [...new Set(uses.map((u) => `${u.task.label} (${u.as === 'task' ? 'task role' : 'execution role'})`))].join(', ');
}
