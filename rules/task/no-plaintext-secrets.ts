import type { JsonNode, Rule, TextEdit } from '../core/types';
import { child, elements, stringValue } from '../core/json';
import { modify } from 'jsonc-parser';
import { applyEdits, diffEdit, removeNode, safeEdits, shiftEdits } from '../core/edits';
import { containerLabel, taskView, type ContainerView } from './model';
import { localDoc } from '../core/local-edits';
import { compileLinear, type LinearRegex } from '../core/linear-regex';
import { ECS8_NAMES, PLACEHOLDER, credentialPattern, isCredentialName, isNonSecretValue } from './secrets-heuristics';

const PLACEHOLDER_ARN = 'arn:aws:secretsmanager:<region>:<account-id>:secret:<secret-name>';

export const noPlaintextSecrets: Rule = {
  meta: {
    id: 'task/no-plaintext-secrets',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'error',
    description: 'Container environment variables must not hold credentials in plain text; use "secrets" (Secrets Manager or SSM).',
    references: ['SecurityHub ECS.8', 'AWS Config ecs-no-environment-secrets', 'Trivy AVD-AWS-0036', 'Prowler ecs_task_definitions_no_environment_secrets'],
    fixable: true,
    options: {
      secretNamePatterns: { type: 'regex-list', description: 'Extra environment variable names (regular expressions, case-insensitive) that hold credentials in your organisation, e.g. "^ACME_.*_KEY$".' },
    },
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view) return;
    const extraNames = regexList(ctx.options?.secretNamePatterns);
    for (const c of view.containers) {
      for (const entry of elements(child(c.node, 'environment'))) {
        const nameNode = child(entry, 'name');
        const valueNode = child(entry, 'value');
        const name = stringValue(nameNode);
        const value = stringValue(valueNode);
        if (name === undefined || value === undefined) continue;
        if (PLACEHOLDER.test(value)) continue; // templated: the secret is injected elsewhere
        const pattern = credentialPattern(value, name);
        const byName = !pattern && (isCredentialName(name) || extraNames.some((r) => r.test(name))) && !isNonSecretValue(value);
        if (!pattern && !byName) continue;
        const fix = moveToSecrets(ctx.text, c, entry, name);
        // The value is never echoed: messages end up in logs and CI output.
        ctx.report({
          message: pattern
            ? `Environment variable "${name}" of ${containerLabel(c)} holds ${pattern} in plain text. Anyone who can describe the task definition can read it; reference it from Secrets Manager or SSM via "secrets".`
            : `Environment variable "${name}" of ${containerLabel(c)} ${ECS8_NAMES.includes(name.toUpperCase()) ? 'is a credential (Security Hub ECS.8)' : 'looks like a credential'} stored in plain text. Anyone who can describe the task definition can read it; reference it from Secrets Manager or SSM via "secrets".`,
          offset: pattern ? valueNode!.offset : nameNode!.offset,
          length: pattern ? valueNode!.length : nameNode!.length,
          // Not safe: the user must create the secret and fill in the ARN (and grant the execution role access).
          fixes: fix ? [{ title: `Move "${name}" to "secrets" (placeholder Secrets Manager ARN)`, edits: fix, safe: false }] : undefined,
        });
      }
    }
  },
};

/** Compiles the (already validated) option in the linear-time engine; an entry that does not compile is skipped. */
function regexList(v: unknown): LinearRegex[] {
  if (!Array.isArray(v)) return [];
  const out: LinearRegex[] = [];
  for (const s of v) {
    try { if (typeof s === 'string') out.push(compileLinear(s)); } catch { /* reported by config validation */ }
  }
  return out;
}

/** Remove the environment entry and add {name, valueFrom: placeholder} to `secrets` (created if absent). */
function moveToSecrets(text: string, c: ContainerView, entry: JsonNode, name: string): TextEdit[] | undefined {
  const secrets = child(c.node, 'secrets');
  if (secrets && secrets.type !== 'array') return undefined;
  const ref = { name, valueFrom: PLACEHOLDER_ARN };
  return safeEdits(() => {
    // On the container alone (see localDoc), and sequentially: jsonc-parser's formatted edits for the removal and the
    // insertion can overlap, so both run in turn and the result is returned as one edit.
    const doc = localDoc(text, c.node);
    const removed = applyEdits(doc.text, shiftEdits([removeNode(entry)], -doc.shift));
    const opts = { formattingOptions: doc.format, isArrayInsertion: !!secrets };
    const final = applyEdits(removed, modify(removed, secrets ? ['secrets', -1] : ['secrets'], secrets ? ref : [ref], opts));
    return shiftEdits([diffEdit(doc.text, final)], doc.shift);
  });
}
