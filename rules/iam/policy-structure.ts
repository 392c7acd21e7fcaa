import type { Finding, JsonNode, Rule, RuleContext } from '../core/types';
import { anchorOf, child, elements, keyNode, properties, rangeOf } from '../core/json';
import { POLICY_KINDS, policyView } from './policy-model';
import { replaceNode } from '../core/local-edits';

type Report = Omit<Finding, 'ruleId' | 'severity'>;

const TOP = ['Version', 'Id', 'Statement'];
const STATEMENT = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PAIRS: [string, string][] = [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']];
const JSON_TYPE: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'a boolean', null: 'null', array: 'an array', object: 'an object' };

/** Rename a key in place: replace the key token only, keeping the value and formatting. */
function renameKey(k: JsonNode, to: string) {
  return [{ offset: k.offset, length: k.length, content: JSON.stringify(to) }];
}

function checkKeys(obj: JsonNode, allowed: string[], where: string, out: Report[]) {
  const present = new Set(properties(obj).map((p) => p.key));
  for (const p of properties(obj)) {
    if (allowed.includes(p.key)) continue;
    const meant = allowed.find((a) => a.toLowerCase() === p.key.toLowerCase());
    if (meant) {
      out.push({
        message: `${JSON.stringify(p.key)} is not a policy element (element names are case-sensitive): did you mean "${meant}"? AWS rejects the policy.`,
        ...rangeOf(p.keyNode),
        // Renaming onto an existing key would create a duplicate: no fix then.
        fixes: present.has(meant) ? undefined : [{ title: `Rename to "${meant}"`, edits: renameKey(p.keyNode, meant), safe: true, preferred: true }],
      });
    } else {
      out.push({ message: `${JSON.stringify(p.key)} is not a valid ${where} element (allowed: ${allowed.join(', ')}). AWS rejects the policy.`, ...rangeOf(p.keyNode) });
    }
  }
}

/** `{"Ref": ...}` / `{"Fn::Sub": ...}`: a CloudFormation fragment's deploy-time value, unknown here (not a type error). */
const isIntrinsic = (n: JsonNode) => n.type === 'object' && properties(n).length === 1 && /^(Ref|Fn::[A-Za-z0-9]+)$/.test(properties(n)[0].key);
const isStringList = (n: JsonNode) => n.type === 'string' || isIntrinsic(n) || (n.type === 'array' && elements(n).every((e) => e.type === 'string' || isIntrinsic(e)));

function typeError(name: string, n: JsonNode, expected: string): Report {
  return { message: `"${name}" must be ${expected}, not ${JSON_TYPE[n.type] ?? n.type}.`, ...rangeOf(n) };
}

function checkStringList(name: string, n: JsonNode | undefined, out: Report[]) {
  if (!n) return;
  if (!isStringList(n)) { out.push(typeError(name, n, 'a string or an array of strings')); return; }
  if (n.type === 'array' && elements(n).length === 0) out.push({ message: `"${name}" is an empty array: the statement matches nothing (AWS may reject it).`, ...rangeOf(n) });
}

function checkPrincipal(name: string, n: JsonNode | undefined, out: Report[]) {
  if (!n) return;
  if (n.type === 'string') {
    if (n.value !== '*') out.push({ message: `A string "${name}" can only be "*"; use {"AWS": ...}, {"Service": ...} or {"Federated": ...}.`, ...rangeOf(n) });
    return;
  }
  if (n.type !== 'object') { out.push(typeError(name, n, '"*" or an object')); return; }
  const props = properties(n);
  if (props.length === 0) out.push({ message: `"${name}" is an empty object: it names nobody.`, ...rangeOf(n) });
  for (const p of props) {
    if (!p.value) continue;
    if (!isStringList(p.value)) out.push(typeError(`${name}.${p.key}`, p.value, 'a string or an array of strings'));
    else if (p.value.type === 'array' && elements(p.value).length === 0) out.push({ message: `"${name}.${p.key}" is an empty array.`, ...rangeOf(p.value) });
  }
}

function checkCondition(n: JsonNode | undefined, out: Report[]) {
  if (!n) return;
  if (n.type !== 'object') { out.push(typeError('Condition', n, 'an object')); return; }
  if (properties(n).length === 0) out.push({ message: '"Condition" is an empty object: remove it or add the condition.', ...rangeOf(n) });
  for (const op of properties(n)) {
    if (!op.value) continue;
    if (op.value.type !== 'object') { out.push(typeError(`Condition.${op.key}`, op.value, 'an object of condition keys')); continue; }
    for (const k of properties(op.value)) {
      const v = k.value;
      if (!v) continue;
      const scalar = (e: JsonNode) => e.type === 'string' || e.type === 'number' || e.type === 'boolean';
      if (!(scalar(v) || isIntrinsic(v) || (v.type === 'array' && elements(v).every((e) => scalar(e) || isIntrinsic(e))))) out.push(typeError(k.key, v, 'a string, number, boolean or an array of them'));
    }
  }
}

/** Present, or present with the wrong case (already reported by checkKeys: do not also say "missing"). */
const has = (obj: JsonNode, name: string) => properties(obj).some((p) => p.key.toLowerCase() === name.toLowerCase());

function checkStatement(ctx: RuleContext, s: JsonNode, out: Report[]) {
  checkKeys(s, STATEMENT, 'statement', out);
  const sid = child(s, 'Sid');
  if (sid && sid.type !== 'string') out.push(typeError('Sid', sid, 'a string'));
  const effect = child(s, 'Effect');
  if (!effect) {
    if (!has(s, 'Effect')) out.push({ message: 'The statement has no "Effect" ("Allow" or "Deny"). AWS rejects the policy.', ...anchorOf(s) });
  } else if (effect.type !== 'string') out.push(typeError('Effect', effect, '"Allow" or "Deny"'));
  else if (effect.value !== 'Allow' && effect.value !== 'Deny') {
    const meant = ['Allow', 'Deny'].find((e) => e.toLowerCase() === String(effect.value).toLowerCase());
    out.push({
      message: `"Effect" must be exactly "Allow" or "Deny" (case-sensitive), not ${JSON.stringify(effect.value)}.`,
      ...rangeOf(effect),
      fixes: meant ? [{ title: `Use "${meant}"`, edits: replaceNode(effect, meant), safe: true, preferred: true }] : undefined,
    });
  }
  for (const [a, b] of PAIRS) {
    if (child(s, a) && child(s, b)) out.push({ message: `A statement cannot have both "${a}" and "${b}". AWS rejects the policy.`, ...rangeOf(keyNode(s, b)!) });
  }
  if (!has(s, 'Action') && !has(s, 'NotAction')) out.push({ message: 'The statement has no "Action" (or "NotAction"). AWS rejects the policy.', ...anchorOf(s) });
  if (ctx.kind === 'identity-policy' && !has(s, 'Resource') && !has(s, 'NotResource')) {
    out.push({ message: 'An identity policy statement needs "Resource" (or "NotResource"). AWS rejects the policy.', ...anchorOf(s) });
  }
  for (const name of ['Action', 'NotAction', 'Resource', 'NotResource']) checkStringList(name, child(s, name), out);
  checkPrincipal('Principal', child(s, 'Principal'), out);
  checkPrincipal('NotPrincipal', child(s, 'NotPrincipal'), out);
  checkCondition(child(s, 'Condition'), out);
}

export const policyStructure: Rule = {
  meta: {
    id: 'iam/policy-structure',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    description: 'The policy does not follow the IAM policy grammar: unknown or misspelled elements, wrong types, missing or conflicting elements.',
    references: ['IAM Access Analyzer INVALID_POLICY_ELEMENT, DATA_TYPE_MISMATCH, MISSING_STATEMENT/EFFECT/ACTION/RESOURCE, UNSUPPORTED_ELEMENT_COMBINATION, EMPTY_ARRAY_*', 'parliament MALFORMED', 'IAM User Guide: IAM JSON policy grammar'],
    fixable: true,
  },
  check(ctx) {
    const root = ctx.json?.root;
    // Nothing to say about an empty or unparsable document: json/syntax-error covers it.
    if (!root) return;
    const out: Report[] = [];
    if (root.type !== 'object') {
      out.push({ message: `A policy must be a JSON object with a "Statement", not ${JSON_TYPE[root.type] ?? root.type}.`, offset: root.offset, length: 1 });
    } else {
      checkKeys(root, TOP, 'top-level', out);
      for (const name of ['Version', 'Id']) {
        const n = child(root, name);
        if (n && n.type !== 'string') out.push(typeError(name, n, 'a string'));
      }
      const view = policyView(ctx)!;
      const st = view.statementNode;
      // A wrong-case "statement" is reported once, by the key check above.
      const miscased = properties(root).some((p) => p.key.toLowerCase() === 'statement' && p.key !== 'Statement');
      if (!st) {
        if (!miscased) out.push({ message: 'The policy has no "Statement". AWS rejects it.', offset: root.offset, length: 1 });
      } else if (st.type === 'array') {
        if (elements(st).length === 0) out.push({ message: '"Statement" is an empty array: the policy grants nothing.', ...rangeOf(st) });
        for (const e of elements(st)) {
          if (e.type === 'object') checkStatement(ctx, e, out);
          else out.push(typeError('Statement entry', e, 'an object'));
        }
      } else if (st.type === 'object') {
        checkStatement(ctx, st, out);
      } else {
        out.push(typeError('Statement', st, 'an object or an array of objects'));
      }
    }
    for (const f of out) ctx.report(f);
  },
};
