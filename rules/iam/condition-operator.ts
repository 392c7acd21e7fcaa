import type { Fix, Rule } from '../core/types';
import { child, properties, rangeOf } from '../core/json';
import { POLICY_KINDS, policyView, q, type ConditionEntry, type Statement } from './policy-model';
import { familiesFor, isMultiValued, OPERATOR_NAMES, parseOperator } from './data-grammar';
import { editDistance, iamData } from './data';
import { own } from '../core/own';

/** Exact-match operators whose wildcard-capable sibling is a Like operator. */
const LIKE: Record<string, string> = {
  stringequals: 'StringLike', stringnotequals: 'StringNotLike', arnequals: 'ArnLike', arnnotequals: 'ArnNotLike',
  // No case-insensitive Like operator exists: report without a fix.
  stringequalsignorecase: '', stringnotequalsignorecase: '',
};

// Candidates include the IfExists forms so that "StringLikeIfExist" finds "StringLikeIfExists".
const CANDIDATES = [...OPERATOR_NAMES, ...OPERATOR_NAMES.filter((n) => n !== 'Null').map((n) => `${n}IfExists`)];

function nearestOperator(base: string): string | undefined {
  // Bounded: only distances within the threshold are computed (a 480 KB operator once took minutes).
  const max = Math.max(2, Math.floor(base.length / 4));
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of CANDIDATES) {
    const d = editDistance(base, n, max);
    if (d < bestD) { best = n; bestD = d; }
  }
  return bestD <= max ? best : undefined;
}

/** Rename the operator key, unless the target operator already exists in this Condition block (would need a merge). */
function renameFix(s: Statement, c: ConditionEntry, to: string, title: string): Fix[] {
  if (child(s.raw.condition, to)) return [];
  return [{ title, edits: [{ offset: c.operatorNode.offset, length: c.operatorNode.length, content: JSON.stringify(to) }], safe: false }];
}

export const conditionOperator: Rule = {
  meta: {
    id: 'iam/condition-operator',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    description: 'Condition operators must exist, fit the key\'s type, use a Like operator for wildcards, and use set prefixes only on multi-valued keys.',
    references: ['IAM Access Analyzer INVALID_OPERATOR / MISMATCHED_TYPE / WILDCARD_WITH_EQUALS (IAM doc "Condition operators")', 'parliament MALFORMED (condition operator)'],
    fixable: true,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    const data = iamData();
    for (const s of view.statements) {
      const seenOps = new Set<string>();
      // Operators with no keys still need checking, so walk the Condition block itself.
      for (const op of properties(s.raw.condition)) {
        if (seenOps.has(op.key)) continue;
        seenOps.add(op.key);
        const parsed = parseOperator(op.key);
        if (parsed.family) continue;
        // Null takes neither IfExists nor a set prefix.
        const isNull = parsed.base.toLowerCase() === 'null';
        const near = isNull ? 'Null' : nearestOperator(parsed.ifExists ? `${parsed.base}IfExists` : parsed.base);
        const fixed = near && (isNull ? near : `${parsed.set ? `${parsed.set}:` : ''}${near}`);
        ctx.report({
          message: `Unknown condition operator ${q(op.key)}.${isNull ? ' Null takes neither IfExists nor ForAllValues/ForAnyValue.' : ''}${fixed ? ` Did you mean ${q(fixed)}?` : ''} IAM rejects the policy.`,
          ...rangeOf(op.keyNode),
          fixes: fixed && !child(s.raw.condition, fixed)
            ? [{ title: `Replace with ${q(fixed)}`, edits: [{ offset: op.keyNode.offset, length: op.keyNode.length, content: JSON.stringify(fixed) }], safe: false }]
            : [],
        });
      }
      for (const c of s.conditions) {
        const parsed = parseOperator(c.operator);
        if (!parsed.family) continue;
        const like = own(LIKE, parsed.base.toLowerCase());
        // `${*}` and `${?}` are the escapes for literal characters; other variables are not wildcards either.
        const wildValue = c.values.find((v) => /[*?]/.test(v.value.replace(/\$\{[^}$]*\}/g, '')));
        if (like !== undefined && wildValue) {
          const to = like ? c.operator.replace(new RegExp(parsed.base, 'i'), like) : '';
          const arn = parsed.family === 'Arn';
          ctx.report({
            // ArnEquals matches wildcards exactly like ArnLike; StringEquals compares them literally.
            severity: arn ? 'warning' : undefined,
            message: arn
              ? `${q(c.operator)} with the wildcard value ${q(wildValue.value)}: IAM evaluates ArnEquals like ArnLike, but ${q(to)} states the intent.`
              : `${q(c.operator)} compares ${q(wildValue.value)} literally: "*" and "?" are not wildcards here, so the condition almost never matches. ${to ? `Use ${q(to)}.` : 'Use StringLike (case-sensitive) with the expected spellings.'}`,
            ...rangeOf(wildValue.node),
            fixes: to ? renameFix(s, c, to, `Switch to ${q(to)}`) : [],
          });
        }
        if (parsed.family === 'Null') continue;
        const info = data.conditionKey(c.key);
        if (!info) continue;
        const families = familiesFor(info.type);
        if (families && !families.includes(parsed.family)) {
          ctx.report({
            message: `${q(c.operator)} does not fit ${q(c.key)}, which is of type ${info.type}: use a ${families.join(' or ')} operator. A type mismatch never matches.`,
            ...rangeOf(c.keyNode),
          });
        }
        // Identity-provider claims (`cognito-identity.amazonaws.com:amr`) can be lists whatever the data says: AWS
        // documents ForAnyValue on amr, so set operators on them are left alone.
        if (parsed.set && !isMultiValued(info.type) && !/\.amazonaws\.com:/i.test(c.key)) {
          ctx.report({
            severity: 'warning',
            message: `${parsed.set} on ${q(c.key)}, a single-valued key: set operators are for multi-valued keys${parsed.set.toLowerCase() === 'forallvalues' ? ' and ForAllValues is also true when the key is absent' : ''}. Use ${q(c.operator.slice(parsed.set.length + 1))}.`,
            ...rangeOf(c.keyNode),
          });
        }
      }
    }
  },
};
