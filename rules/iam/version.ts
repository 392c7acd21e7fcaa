import type { Rule } from '../core/types';
import { child, keyNode, rangeOf, stringValue } from '../core/json';
import { setValue } from '../core/edits';
import { POLICY_KINDS, policyView, q } from './policy-model';

const CURRENT = '2012-10-17';

export const version: Rule = {
  meta: {
    id: 'iam/version',
    kinds: POLICY_KINDS,
    defaultSeverity: 'warning',
    description: 'The policy Version is missing or is not "2012-10-17".',
    references: ['IAM Access Analyzer MISSING_VERSION / INVALID_VERSION / VARIABLE_UNSUPPORTED_IN_VERSION', 'parliament NO_VERSION / OLD_VERSION'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view || !view.statementNode) return;
    const node = child(view.root, 'Version');
    const fix = [{ title: `Set "Version": "${CURRENT}"`, edits: setValue(ctx.text, ['Version'], CURRENT), safe: true, preferred: true }];
    if (!node) {
      const st = keyNode(view.root, 'Statement')!;
      ctx.report({
        message: `The policy has no "Version": IAM then uses the 2008-10-17 language, in which policy variables such as \${aws:username} are plain text. Add "Version": "${CURRENT}".`,
        ...rangeOf(st),
        fixes: fix,
      });
      return;
    }
    const v = stringValue(node);
    if (v === CURRENT) return;
    // Under 2008-10-17 `${...}` is matched literally: the statement silently grants or denies something else.
    const usesVariables = v === '2008-10-17' && /\$\{[^}$]*\}/.test(ctx.text.slice(view.statementNode.offset, view.statementNode.offset + view.statementNode.length));
    ctx.report({
      severity: usesVariables ? 'error' : undefined,
      message: usesVariables
        ? `Version "2008-10-17" does not support policy variables: the \${...} strings in this policy are matched literally. Use "${CURRENT}".`
        : v === '2008-10-17'
          ? `Version "2008-10-17" is the legacy policy language (no policy variables). Use "${CURRENT}".`
          : `${node.type === 'string' ? q(v!) : 'This value'} is not a valid policy Version; AWS rejects it. Use "${CURRENT}".`,
      ...rangeOf(node),
      fixes: fix,
    });
  },
};
