import { deploymentRule } from '../rule';
import { awsManagedPolicyName, managedPolicyArns, roleUses, users } from '../roles';

/** AWS managed policies that make a role an administrator, or let it become one. */
const ADMIN = new Set(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess', 'AdministratorAccess-Amplify', 'AdministratorAccess-AWSElasticBeanstalk', 'AWSOrganizationsFullAccess']);

export const roleAdminPolicy = deploymentRule({
  id: 'role/admin-policy',
  defaultSeverity: 'error',
  description: 'The task role or execution role of a task definition has an AWS managed administrator policy (AdministratorAccess, PowerUserAccess, IAMFullAccess, ...).',
  references: ['Amazon ECS best practices: IAM roles for tasks (least privilege)', 'cdk-nag AwsSolutions-IAM4', 'AWS Foundational Security Best Practices IAM.1'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const uses = roleUses(model);
  for (const role of new Set(uses.map((u) => u.role))) {
    const mine = uses.filter((u) => u.role === role);
    for (const { node: arn, owner } of managedPolicyArns(model, role)) {
      const name = awsManagedPolicyName(arn);
      if (!name || !ADMIN.has(name)) continue;
      report({
        resource: owner,
        at: arn.range,
        message: `${name} is attached to ${owner === role ? 'a role' : `role ${role.label}`}, which ECS tasks assume: ${users(mine)}. Any code running in the containers (or anyone who gets a shell in them) can then ${name === 'IAMFullAccess' ? 'make itself an administrator' : 'act as an administrator of the account'}. Grant only the actions the application uses.`,
        related: mine.map((u) => ({ at: u.ref.range, message: `${u.task.label}: uses this role as its ${u.as === 'task' ? 'task role' : 'execution role'}` })),
      });
    }
  }
});
