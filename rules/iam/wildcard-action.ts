import type { Rule } from '../core/types';
import { POLICY_KINDS, isAllow, isFullAccessDefault, policyView, q } from './policy-model';
import { rangeOf } from '../core/json';

// `*`, `*:*` and `service:*` (any case); a partial pattern such as `s3:Get*` is a narrower, deliberate choice.
const ALL = /^\*(:\*)?$/;
const SERVICE_ALL = /^[a-z0-9-]+:\*$/i;

// What the wildcard means depends on the policy type: a grant, a filter on an endpoint, or a grant to other principals.
const WHY: Record<string, string> = {
  'identity-policy': 'allows {what}, including destructive and permission-changing ones and any action AWS adds later. List the actions the workload calls.',
  'endpoint-policy': 'lets {what} through this endpoint: the endpoint policy does not limit what its users can do. List the actions the workloads behind it need.',
  'ecr-repository-policy': 'grants the principal {what} on this repository, including pushing, deleting images and changing the repository policy. List the actions it needs (e.g. the pull actions).',
};

export const wildcardAction: Rule = {
  meta: {
    id: 'iam/wildcard-action',
    kinds: POLICY_KINDS.filter((k) => k !== 'trust-policy'),
    defaultSeverity: 'warning',
    description: 'An Allow statement grants every action ("*") or every action of a service ("s3:*").',
    references: ['Checkov CKV_AWS_49/CKV_AWS_63', 'cloudsplaining ServiceWildcard', 'IAM best practice: grant least privilege'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      if (ctx.kind === 'endpoint-policy' && isFullAccessDefault(s)) continue; // endpoint/full-access's finding
      for (const a of s.actions) {
        const all = ALL.test(a.value);
        if (!all && !SERVICE_ALL.test(a.value)) continue;
        const what = all ? 'every action of every AWS service' : `every ${a.value.split(':')[0]} action`;
        // `*` on `*` is this rule's alone (passrole-wildcard, privilege-escalation, wildcard-resource stay silent).
        const admin = all && ctx.kind === 'identity-policy' && (s.resources.some((r) => r.value === '*') || !!s.raw.notResource)
          ? ' On every resource this is full administrator access: it includes passing any role (iam:PassRole) and every privilege-escalation path.' : '';
        ctx.report({
          // Through an endpoint, "*" for your own organization is the recommended data-perimeter policy: a warning.
          severity: all && ctx.kind !== 'endpoint-policy' ? 'error' : undefined,
          message: `Action ${q(a.value)} ${WHY[ctx.kind] ?? WHY['identity-policy']}`.replace('{what}', what) + admin,
          ...rangeOf(a.node),
        });
      }
    }
  },
};
