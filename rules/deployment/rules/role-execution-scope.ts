import { deploymentRule } from '../rule';
import { expandPattern } from '../../iam/policy-model';
import { allowedActions, awsManagedPolicyName, managedPolicyArns, roleUses, rolePolicies, users } from '../roles';

/** What the execution role is for: pull images, write logs, read the task's secrets and environment files. */
const NEEDED = new Set([
  'ecr:getauthorizationtoken', 'ecr:batchchecklayeravailability', 'ecr:getdownloadurlforlayer', 'ecr:batchgetimage',
  'logs:createlogstream', 'logs:putlogevents', 'logs:createloggroup',
  'secretsmanager:getsecretvalue', 'ssm:getparameters', 'ssm:getparameter', 'kms:decrypt',
  's3:getobject', 's3:getbucketlocation',
]);
/** AWS managed policies that grant only that. */
const FITTING = new Set(['AmazonECSTaskExecutionRolePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEC2ContainerRegistryPullOnly']);

/** Whether an Action string grants only what an execution role needs (wildcards expanded with the IAM data). */
function fits(action: string): boolean {
  if (action === '*' || action === 'NotAction') return false;
  if (!action.includes('*') && !action.includes('?')) return NEEDED.has(action.toLowerCase());
  const expanded = expandPattern(action);
  return expanded.size > 0 && [...expanded].every((a) => NEEDED.has(a));
}

export const roleExecutionScope = deploymentRule({
  id: 'role/execution-role-scope',
  defaultSeverity: 'warning',
  description: 'A task definition\'s execution role is granted more than pulling images, writing logs and reading secrets.',
  references: ['Amazon ECS task execution IAM role', 'cdk-nag AwsSolutions-IAM5'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const uses = roleUses(model);
  for (const role of new Set(uses.filter((u) => u.as === 'execution').map((u) => u.role))) {
    const mine = uses.filter((u) => u.role === role);
    // The same role as a task role needs the application's permissions: task/separate-roles' concern, not this one's.
    if (mine.some((u) => u.as === 'task')) continue;
    const related = mine.map((u) => ({ at: u.ref.range, message: `${u.task.label}: uses this role as its execution role` }));
    const who = users(mine);
    for (const { node: arn } of managedPolicyArns(model, role)) {
      const name = awsManagedPolicyName(arn);
      if (!name || FITTING.has(name)) continue;
      report({ resource: role, at: arn.range, related, message: `AWS managed policy ${name} is attached to the execution role of ${who}. The execution role only pulls images, writes logs and reads the task's secrets (AmazonECSTaskExecutionRolePolicy plus secretsmanager:GetSecretValue / ssm:GetParameters on the task's secrets); the application's permissions belong on the task role.` });
    }
    const grants = allowedActions(rolePolicies(model, role));
    for (const g of grants ?? []) {
      if (fits(g.action)) continue;
      report({
        resource: g.owner,
        at: g.node.range,
        related,
        message: `${g.action === 'NotAction' ? 'an Allow with NotAction' : `"${g.action}"`} is granted to the execution role of ${who}${g.owner !== role ? ` (role ${role.label})` : ''}: more than pulling images, writing logs and reading the task's secrets. Move the application's permissions to the task role.`,
      });
    }
  }
});
