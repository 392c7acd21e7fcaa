import type { Rule } from '../core/types';
import { child, rangeOf, stringValue } from '../core/json';
import { taskView } from './model';
import { isTemplated } from './util-task';

export const separateRoles: Rule = {
  meta: {
    id: 'task/separate-roles',
    kinds: ['task-definition'],
    defaultSeverity: 'warning',
    description: 'The task role and the task execution role should be different roles.',
    references: ['Checkov CKV_AWS_249', 'Amazon ECS task execution IAM role'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    const task = child(view?.def, 'taskRoleArn');
    const exec = child(view?.def, 'executionRoleArn');
    const t = stringValue(task)?.trim();
    const e = stringValue(exec)?.trim();
    // IAM role names are case-insensitive.
    if (!t || !e || t.toLowerCase() !== e.toLowerCase()) return;
    // The same placeholder (`arn:aws:iam::<ACCOUNT>:role/<ROLE>`, `${ROLE_ARN}`) is not known to be the same role.
    if (isTemplated(t)) return;
    ctx.report({
      message: 'executionRoleArn is the same role as taskRoleArn: the application code gets the execution role\'s permissions (pull any image, read the task\'s secrets, write logs), and the agent gets the application\'s. Use two roles.',
      ...rangeOf(exec!),
    });
  },
};
