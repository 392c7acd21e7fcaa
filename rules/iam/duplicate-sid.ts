import type { Rule } from '../core/types';
import { POLICY_KINDS, policyView, q } from './policy-model';
import { rangeOf } from '../core/json';

export const duplicateSid: Rule = {
  meta: {
    id: 'iam/duplicate-sid',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    description: 'Two statements use the same Sid.',
    references: ['IAM Access Analyzer UNIQUE_SIDS_REQUIRED / UNIQUE_SIDS_RECOMMENDED', 'parliament DUPLICATE_SID'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const seen = new Map<string, number>();
    view.statements.forEach((s, i) => {
      // An empty Sid is "no Sid"; AWS does not treat two empty ones as duplicates.
      if (!s.sid || s.sid.value === '') return;
      const first = seen.get(s.sid.value);
      if (first === undefined) { seen.set(s.sid.value, i); return; }
      ctx.report({
        message: `Sid ${q(s.sid.value)} is already used by statement ${first + 1}. Some policy types reject duplicates, and tools that address statements by Sid will pick the wrong one.`,
        ...rangeOf(s.sid.node),
      });
    });
  },
};
