import type { Rule } from '../core/types';
import { POLICY_KINDS, isAllow, policyView, q } from './policy-model';
import { rangeOf } from '../core/json';
import { hasWildcard, iamData, type IamActionInfo } from './data';
import { arnGlobMeetsFormat } from './data-grammar';

/** ARN formats of every resource type the action supports; undefined when one is unknown (do not guess). */
function formatsOf(a: IamActionInfo): string[] | undefined {
  const out: string[] = [];
  for (const rt of a.resourceTypes) {
    const f = iamData().resourceArnFormats(a.service, rt.name);
    if (!f.length) return undefined;
    out.push(...f);
  }
  return out;
}

export const resourceMismatch: Rule = {
  meta: {
    id: 'iam/resource-mismatch',
    kinds: POLICY_KINDS,
    defaultSeverity: 'warning',
    description: 'An allowed action applies to none of the statement\'s resources (e.g. s3:GetObject on a bucket ARN).',
    references: ['IAM Access Analyzer MISSING_ARN_TYPE / UNSUPPORTED_RESOURCE_ARN_IN_POLICY', 'parliament RESOURCE_MISMATCH'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const data = iamData();
    for (const s of view.statements) {
      if (!isAllow(s) || !s.resources.length) continue;
      // "*" or a policy variable can be anything: nothing to compare.
      if (s.resources.some((r) => r.value === '*' || r.value.includes('${') || !r.value.startsWith('arn:'))) continue;
      // AWS-owned namespaces (`arn:aws:cloudformation:us-west-2:aws:transform/Serverless-2016-10-31`, which SAM needs
      // for CreateChangeSet) are missing from the service reference's resource types: not judged.
      if (s.resources.some((r) => /^[a-z]+$/.test(r.value.split(':')[4] ?? ''))) continue;
      for (const a of s.actions) {
        if (hasWildcard(a.value)) continue;
        const info = data.action(a.value);
        if (!info) continue;
        const formats = formatsOf(info);
        // Wildcard-only actions (no resource types) are left out: the data is least reliable there and AWS's
        // own policies list them next to specific ARNs everywhere.
        if (!formats?.length) continue;
        if (s.resources.some((r) => formats.some((f) => arnGlobMeetsFormat(r.value, f)))) continue;
        ctx.report({
          message: `${info.name} applies to ${info.resourceTypes.map((r) => r.name).join(', ')} resources (${formats.map(q).join(', ')}), and none of this statement's resources is one, so the statement grants nothing for it.`,
          ...rangeOf(a.node),
        });
      }
    }
  },
};
