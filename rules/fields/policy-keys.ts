// Hover docs for the IAM policy grammar's own keys (Version, Statement, Effect, ...). The grammar is fixed and small,
// so it is written out here (from the IAM JSON policy element reference) rather than generated.
import { getLocation } from 'jsonc-parser';
import type { DocumentKind } from '../core/types';
import { POLICY_KINDS } from '../iam/policy-model';

const REF = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements';

export const POLICY_KEY_DOCS: Readonly<Record<string, { where: 'policy' | 'statement'; doc: string; ref: string }>> = {
  Version: { where: 'policy', doc: 'The policy language version. Always use `"2012-10-17"`: the older `"2008-10-17"` does not support policy variables such as `${aws:username}`.', ref: `${REF}_version.html` },
  Id: { where: 'policy', doc: 'An optional identifier for the policy (a UUID is common). Some services require it; IAM ignores it.', ref: `${REF}_id.html` },
  Statement: { where: 'policy', doc: 'The main element: one statement object or an array of them. Each statement grants (Allow) or denies (Deny) a set of actions on a set of resources, optionally under conditions.', ref: `${REF}_statement.html` },
  Sid: { where: 'statement', doc: 'An optional statement id that describes the statement. Must be unique within the policy; identity policies allow only ASCII letters and digits.', ref: `${REF}_sid.html` },
  Effect: { where: 'statement', doc: 'Whether the statement allows or denies access: `"Allow"` or `"Deny"` (case-sensitive). An explicit Deny always overrides an Allow.', ref: `${REF}_effect.html` },
  Principal: { where: 'statement', doc: 'Who the statement applies to: `"AWS"` (accounts, roles, users), `"Service"` (e.g. `ecs-tasks.amazonaws.com`), `"Federated"` or `"*"` (everyone). Only in resource-based policies (trust, endpoint, repository policies), never in identity policies.', ref: `${REF}_principal.html` },
  NotPrincipal: { where: 'statement', doc: 'Every principal except the listed ones. Easy to get wrong with Allow (grants to everyone else); AWS recommends Deny with a `aws:PrincipalArn` condition instead.', ref: `${REF}_notprincipal.html` },
  Action: { where: 'statement', doc: 'The actions the statement covers, as `service:ActionName` (wildcards `*` and `?` allowed). Hover an action for its description and access level.', ref: `${REF}_action.html` },
  NotAction: { where: 'statement', doc: 'Every action except the listed ones. With Allow it grants all other actions, including ones added to AWS later: prefer an explicit Action list.', ref: `${REF}_notaction.html` },
  Resource: { where: 'statement', doc: 'The resources the statement covers, as ARNs (wildcards allowed). Required in identity policies; trust policies must not have it.', ref: `${REF}_resource.html` },
  NotResource: { where: 'statement', doc: 'Every resource except the listed ones. With Allow it grants access to all other (and future) resources: prefer an explicit Resource list.', ref: `${REF}_notresource.html` },
  Condition: { where: 'statement', doc: 'When the statement applies: `{ "Operator": { "key": value } }`, e.g. `StringEquals`, `ArnLike`, `Bool`. All operators must match (AND); values within one key match if any does (OR).', ref: `${REF}_condition.html` },
};

/** Hover markdown for a grammar key at `offset` in a policy, or undefined. Never throws on malformed text. */
export function policyKeyHoverAt(text: string, kind: DocumentKind, offset: number): { markdown: string; offset: number; length: number } | undefined {
  if (!POLICY_KINDS.includes(kind) || typeof text !== 'string' || offset < 0 || offset > text.length) return undefined;
  const loc = getLocation(text, offset);
  const node = loc.previousNode;
  if (!loc.isAtPropertyKey || !node || typeof node.value !== 'string' || offset < node.offset || offset > node.offset + node.length) return undefined;
  const p = loc.path;
  const where = p.length === 1 ? 'policy'
    : p[0] === 'Statement' && (p.length === 2 || (p.length === 3 && typeof p[1] === 'number')) ? 'statement' : undefined;
  const entry = Object.prototype.hasOwnProperty.call(POLICY_KEY_DOCS, node.value) ? POLICY_KEY_DOCS[node.value] : undefined;
  if (!where || !entry || entry.where !== where) return undefined;
  return { markdown: `**${node.value}** (IAM policy ${where} element)\n\n${entry.doc}\n\n[IAM JSON policy reference](${entry.ref})`, offset: node.offset, length: node.length };
}
