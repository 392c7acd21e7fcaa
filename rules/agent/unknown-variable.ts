import type { Fix, Rule } from '../core/types';
import { agentDoc } from './model';
import { agentVariable } from './values';
import { suggestNames } from './suggest';
import { AWS_KEY_VARIABLES } from './no-inline-registry-credentials';

const MAX_SUGGESTED = 300;

export const unknownVariable: Rule = {
  meta: {
    id: 'agent/unknown-variable',
    kinds: ['agent-config'],
    defaultSeverity: 'warning',
    description: 'A key the ECS agent and ecs-init do not read (misspelt, wrong case, or prefixed with export).',
    references: ['aws/amazon-ecs-agent README: environment variables', 'ecs-init/docker/docker.go (ecs.config parser)'],
    fixable: true,
  },
  check(ctx) {
    let unknown = 0;
    for (const e of agentDoc(ctx).entries) {
      if (AWS_KEY_VARIABLES.has(e.key) && !e.exported) continue; // read by the agent's SDK: credentials, not unknown (see no-inline-registry-credentials)
      const known = agentVariable(e.key);
      if (known && !e.exported && !e.spaceBeforeEquals) continue;
      if (known) {
        // The name is right but ecs-init reads a different key: `export KEY` or `KEY `.
        const how = e.exported ? 'does not understand `export`' : 'does not trim spaces before "="';
        const fixes: Fix[] = [];
        const keyEnd = e.keyOffset + e.keyLength;
        if (e.exact) {
          // Not bulk-safe: the setting starts to take effect.
          fixes.push({ title: `Change to ${e.key}=`, edits: [{ offset: e.startOffset, length: e.valueOffset - e.startOffset, content: `${e.key}=` }], safe: false, preferred: true });
        }
        ctx.report({
          message: `ecs-init ${how}: it reads the key "${e.rawKey}", which the agent ignores, so ${e.key} is not set by this line.`,
          offset: e.startOffset,
          length: Math.max(keyEnd - e.startOffset, e.keyLength),
          fixes,
        });
        continue;
      }
      // Past a few hundred unknown keys this is not an ecs.config: keep reporting, stop computing suggestions.
      const sugg = ++unknown <= MAX_SUGGESTED ? suggestNames(e.key) : [];
      const caseOnly = sugg.find((s) => s.caseOnly);
      const best = caseOnly ? [caseOnly] : sugg;
      // A rename fix only when the key is written contiguously in the host text.
      const renamable = e.keyLength === e.key.length;
      const unique = best.length === 1 || (best.length > 1 && best[0].distance < best[1].distance);
      const fixes: Fix[] = renamable
        ? best.map((s, i) => ({
            title: `Rename to ${s.name}`,
            edits: [{ offset: e.keyOffset, length: e.keyLength, content: s.name }],
            safe: false,
            ...(i === 0 && unique && s.distance <= 2 ? { preferred: true } : {}),
          }))
        : [];
      const message = caseOnly
        ? `Unknown key ${e.key}: keys are case-sensitive, the agent reads ${caseOnly.name}.`
        : `Unknown key ${e.key}: the ECS agent does not read it${best.length ? `. Did you mean ${best.map((s) => s.name).join(', ')}?` : '.'}`;
      ctx.report({ message, offset: e.keyOffset, length: e.keyLength, fixes });
    }
  },
};
