import type { Rule } from '../core/types';
import { iamData } from './data';
import { ALL_ACTIONS, isAllow, policyView } from './policy-model';
import { rangeOf } from '../core/json';

// Condition keys that say nothing about *which* resource is touched (transport, time, caller, network).
const NOT_CONSTRAINING = /^aws:(SecureTransport|MultiFactorAuth(Present|Age)|CurrentTime|EpochTime|UserAgent|Referer|ViaAWSService|CalledVia(First|Last)?|SourceIp|VpcSourceIp|SourceVpce?|RequestedRegion|Principal[A-Za-z]*(\/.*)?|userid|username|TokenIssueTime|SourceIdentity|FederatedProvider)$/i;

const cache = new Map<string, string[]>();
/** Write-level actions a pattern covers that can be scoped: wildcard-only ones (ecr:GetAuthorizationToken) need "*". */
function scopableWrites(pattern: string): string[] {
  const key = pattern.toLowerCase();
  let hit = cache.get(key);
  if (!hit) {
    hit = iamData().expand(pattern)
      .filter((x) => (x.accessLevel === 'Write' || x.accessLevel === 'Permissions management') && x.resourceTypes.length > 0)
      .map((x) => x.name);
    if (cache.size > 5000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

export const wildcardResource: Rule = {
  meta: {
    id: 'iam/wildcard-resource',
    kinds: ['identity-policy'],
    defaultSeverity: 'warning',
    description: 'Write or permissions-management actions that support resource-level permissions are allowed on Resource "*".',
    references: ['parliament RESOURCE_STAR', 'Checkov CKV_AWS_111/CKV_AWS_290, CKV_AWS_355/CKV_AWS_356', 'IAM best practice: grant least privilege'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      if (!isAllow(s)) continue;
      const star = s.resources.find((r) => r.value === '*');
      if (!star || s.conditions.some((c) => !NOT_CONSTRAINING.test(c.key))) continue;
      const hits: string[] = [];
      for (const a of s.actions) {
        if (ALL_ACTIONS.test(a.value)) continue; // `*` on `*`: iam/wildcard-action's finding
        // Write-level actions that can be scoped: wildcard-only actions (e.g. ecr:GetAuthorizationToken) need "*".
        // iam:PassRole on "*" is iam/passrole-wildcard's finding.
        const scopable = scopableWrites(a.value).filter((x) => x !== 'iam:PassRole');
        // Name what the text says; add the expansion when a pattern stands for the action(s).
        if (scopable.length === 1) hits.push(scopable[0].toLowerCase() === a.value.toLowerCase() ? scopable[0] : `${a.value} (${scopable[0]})`);
        else if (scopable.length > 1) hits.push(`${a.value} (${scopable.length} such actions)`);
      }
      if (hits.length === 0) continue;
      const shown = hits.length > 4 ? `${hits.slice(0, 4).join(', ')} and ${hits.length - 4} more` : hits.join(', ');
      ctx.report({
        message: `"Resource": "*" lets ${shown} act on every resource of their type in the account, although these actions can be limited to specific ARNs. Name the resources (e.g. the log group, bucket or queue the task uses), or constrain them with a resource tag or aws:ResourceAccount condition.`,
        ...rangeOf(star.node),
      });
    }
  },
};
