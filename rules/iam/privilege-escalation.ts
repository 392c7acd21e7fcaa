import type { JsonNode, Rule } from '../core/types';
import { grantingNode, isAllow, policyView, type PolicyView, type Statement } from './policy-model';
import { rangeOf } from '../core/json';

/** A method: every group must be granted; a group is satisfied by any one of its actions. */
interface Method { name: string; groups: string[][] }
const PASS = ['iam:PassRole'];
// Merged from Rhino Security Labs, parliament, cloudsplaining, Prowler, KICS and PMapper (see the docs page).
export const METHODS: Method[] = [
  { name: 'create a new version of a managed policy', groups: [['iam:CreatePolicyVersion']] },
  { name: 'switch a managed policy to another version', groups: [['iam:SetDefaultPolicyVersion']] },
  { name: 'create access keys for another user', groups: [['iam:CreateAccessKey']] },
  { name: 'set a console password for another user', groups: [['iam:CreateLoginProfile', 'iam:UpdateLoginProfile']] },
  { name: 'attach a managed policy to a user, group or role', groups: [['iam:AttachUserPolicy', 'iam:AttachGroupPolicy', 'iam:AttachRolePolicy']] },
  { name: 'write an inline policy on a user, group or role', groups: [['iam:PutUserPolicy', 'iam:PutGroupPolicy', 'iam:PutRolePolicy']] },
  { name: 'add a user to a privileged group', groups: [['iam:AddUserToGroup']] },
  { name: "rewrite a role's trust policy", groups: [['iam:UpdateAssumeRolePolicy']] },
  { name: 'pass a role to a new ECS task definition and run it', groups: [PASS, ['ecs:RegisterTaskDefinition'], ['ecs:RunTask', 'ecs:StartTask', 'ecs:CreateService', 'ecs:UpdateService']] },
  { name: 'open a shell in a running ECS task and use its role', groups: [['ecs:ExecuteCommand'], ['ecs:DescribeTasks']] },
  { name: 'pass a role to a new EC2 instance', groups: [PASS, ['ec2:RunInstances', 'ec2:RequestSpotInstances']] },
  { name: 'pass a role to a new Lambda function and invoke it', groups: [PASS, ['lambda:CreateFunction'], ['lambda:InvokeFunction', 'lambda:AddPermission', 'lambda:CreateEventSourceMapping']] },
  { name: "replace a Lambda function's code", groups: [['lambda:UpdateFunctionCode']] },
  { name: 'pass a role to a Glue development endpoint', groups: [PASS, ['glue:CreateDevEndpoint']] },
  { name: 'take over a Glue development endpoint', groups: [['glue:UpdateDevEndpoint']] },
  { name: 'pass a role to a CloudFormation stack', groups: [PASS, ['cloudformation:CreateStack', 'cloudformation:CreateStackSet']] },
  { name: 'pass a role to a Data Pipeline', groups: [PASS, ['datapipeline:CreatePipeline']] },
  { name: 'pass a role to a CodeBuild project and build it', groups: [PASS, ['codebuild:CreateProject'], ['codebuild:StartBuild', 'codebuild:StartBuildBatch']] },
  { name: 'pass a role to a SageMaker notebook or job', groups: [PASS, ['sagemaker:CreateNotebookInstance', 'sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob']] },
  { name: 'pass a role to an Auto Scaling launch configuration', groups: [PASS, ['autoscaling:CreateLaunchConfiguration', 'autoscaling:CreateAutoScalingGroup']] },
  { name: "change an EC2 instance's user data and restart it", groups: [['ec2:ModifyInstanceAttribute'], ['ec2:StopInstances'], ['ec2:StartInstances']] },
];

/**
 * An ARN that covers every resource of its type in an account (or every account) for `action`'s service:
 * `arn:aws:iam::123456789012:role/*`, `arn:aws:lambda:*:*:function:*`, `arn:aws:iam::*:*`. Paths (`role/app/*`) and
 * names (`role/app-*`) are specific.
 */
export function accountWide(arn: string, action: string): boolean {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const service = parts[2].toLowerCase();
  if (service !== '*' && service !== action.slice(0, action.indexOf(':')).toLowerCase()) return false;
  return /^(\*|[a-z0-9-]+[/:]\*)$/i.test(parts.slice(5).join(':'));
}

// Only unrestricted grants count (cloudsplaining's approach): Resource "*", NotResource, or every resource of the
// action's type in the account (`role/*`, `function:*`).
const unrestricted = (s: Statement, action: string) => isAllow(s)
  && (!!s.raw.notResource || s.resources.some((r) => r.value === '*' || accountWide(r.value, action)));

/** The first unrestricted grant of `action` in the policy (any statement), not counting a bare "*". */
export function firstGrant(view: PolicyView, action: string): JsonNode | undefined {
  for (const s of view.statements) {
    if (!unrestricted(s, action)) continue;
    const n = grantingNode(s, action, true);
    if (n) return n;
  }
  return undefined;
}

export const privilegeEscalation: Rule = {
  meta: {
    id: 'iam/privilege-escalation',
    kinds: ['identity-policy'],
    defaultSeverity: 'error',
    description: 'The policy allows, on all resources, a combination of actions known to let the holder gain more privileges.',
    references: ['Rhino Security Labs: AWS IAM privilege escalation methods', 'cloudsplaining PrivilegeEscalation', 'Prowler iam privilege_escalation', 'Checkov CKV_AWS_110/CKV_AWS_286'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    // One finding per reporting node: a single "*" would otherwise carry a finding for every method.
    const byNode = new Map<JsonNode, { names: string[]; actions: Set<string> }>();
    for (const m of METHODS) {
      const picks: { action: string; node: JsonNode }[] = [];
      for (const group of m.groups) {
        const hit = group.map((a) => ({ action: a, node: firstGrant(view, a) })).find((x) => x.node);
        if (!hit) break;
        picks.push({ action: hit.action, node: hit.node! });
      }
      if (picks.length !== m.groups.length) continue;
      const first = picks.reduce((a, b) => (b.node.offset < a.node.offset ? b : a));
      const entry = byNode.get(first.node) ?? { names: [], actions: new Set<string>() };
      entry.names.push(m.name);
      for (const p of picks) entry.actions.add(p.action);
      byNode.set(first.node, entry);
    }
    for (const [node, e] of byNode) {
      const acts = [...e.actions];
      const shownActs = acts.slice(0, 6).join(', ') + (acts.length > 6 ? `, … (${acts.length - 6} more)` : '');
      const shownNames = e.names.length > 3 ? `${e.names.slice(0, 3).join('; ')} (and ${e.names.length - 3} more methods)` : e.names.join('; ');
      const via = node.type === 'string' && !e.actions.has(node.value as string) ? ` (granted here by ${JSON.stringify(node.value)})` : node.type !== 'string' ? ' (granted here by "NotAction")' : '';
      ctx.report({
        message: `Privilege escalation: allowing ${shownActs}${via} on all resources (or all of their type) lets the holder ${shownNames}, and so obtain permissions beyond this policy. Scope these actions to specific resources (role ARNs for iam:PassRole) or split the duties across roles.`,
        ...rangeOf(node),
      });
    }
  },
};
