import type { Rule } from '../core/types';
import { child, rangeOf, stringValue } from '../core/json';
import { taskView } from './model';
import { isTemplated } from './util-task';

// arn:<partition>:iam::<account>:role/<optional path/><name>
const ROLE_ARN = /^arn:aws(-cn|-us-gov|-iso(-[a-z])?)?:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
// ECS also takes a bare role name and fills in the account (documented for taskRoleArn, accepted for both).
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
// Documentation samples: arn:aws:iam::XXXXXXXXXXXX:role/x, arn:aws:iam::ACCOUNT_ID:role/x (no digit at all in the account).
const PLACEHOLDER_ACCOUNT = /^arn:[^:]*:iam::[^:\d]+:role\//;

export const roleArnFormat: Rule = {
  meta: {
    id: 'task/role-arn-format',
    kinds: ['task-definition'],
    defaultSeverity: 'error',
    description: 'taskRoleArn and executionRoleArn must be IAM role ARNs (or bare role names).',
    references: ['cfn-lint E3511', 'Amazon ECS RegisterTaskDefinition: taskRoleArn, executionRoleArn'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view?.def) return;
    for (const key of ['taskRoleArn', 'executionRoleArn']) {
      const node = child(view.def, key);
      const s = stringValue(node);
      // Empty strings are stripped by deploy tooling; templated values are filled in later.
      if (s === undefined || s === '' || isTemplated(s)) continue;
      if (ROLE_ARN.test(s) || ROLE_NAME.test(s) || PLACEHOLDER_ACCOUNT.test(s)) continue;
      ctx.report({ message: `${key} ${explain(s)}`, ...rangeOf(node!) });
    }
  },
};

function explain(s: string): string {
  if (/^arn:[^:]*:sts::[^:]*:assumed-role\//.test(s)) return 'is an STS assumed-role session ARN; use the role ARN (arn:aws:iam::<account>:role/<name>).';
  const m = /^arn:[^:]*:iam::[^:]*:([a-z-]+)\//.exec(s);
  if (m && m[1] !== 'role') return `points at an IAM ${m[1]}, not a role: ECS can only pass roles to a task.`;
  if (/^arn:/.test(s)) return 'is not a valid IAM role ARN (expected arn:<partition>:iam::<12-digit account>:role/<path/>name).';
  return 'is neither an IAM role ARN nor a role name.';
}
