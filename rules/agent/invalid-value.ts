import type { Rule } from '../core/types';
import { agentDoc, replaceValue, takesEffect } from './model';
import { agentVariable, valueProblem } from './values';

const SENSITIVE = new Set(['ECS_ENGINE_AUTH_DATA']);

export const invalidValue: Rule = {
  meta: {
    id: 'agent/invalid-value',
    kinds: ['agent-config'],
    defaultSeverity: 'error',
    description: 'A value the agent cannot parse for its key (boolean, Go duration, integer, JSON, enum); the agent then ignores it or fails to start.',
    references: ['aws/amazon-ecs-agent README: environment variables', 'aws/amazon-ecs-agent agent/config/parse.go'],
    fixable: true,
  },
  check(ctx) {
    for (const e of agentDoc(ctx).entries) {
      const v = agentVariable(e.key);
      // Unknown or ineffective keys are agent/unknown-variable's; boot-time values cannot be checked.
      if (!v || !takesEffect(e) || e.dynamic) continue;
      const range = { offset: e.valueOffset, length: e.valueLength };
      if (e.quoted || e.value !== e.value.trim()) {
        const clean = e.unquoted.trim();
        const shown = SENSITIVE.has(e.key) ? 'the value' : e.quoted ? e.value.trim() : `"${e.value}"`;
        const what = e.quoted ? `does not remove quotes: the agent receives ${shown} with the quotes` : `keeps the space after "=": the agent receives ${shown}`;
        const problem = valueProblem(v, clean);
        const edit = replaceValue(e, clean);
        ctx.report({
          message: `ecs-init ${what}${v.type === 'string' ? '' : `, which is not a valid ${v.type}, so the setting is ignored or rejected`}.${problem ? ` Also: ${problem}.` : ''}`,
          ...range,
          // Not bulk-safe: the setting starts to take effect as written.
          fixes: edit ? [{ title: `Use ${e.key}=${clean}`, edits: [edit], safe: false, preferred: !problem }] : [],
        });
        continue;
      }
      const problem = valueProblem(v, e.value);
      // Never repeat a secret in a message.
      if (problem) ctx.report({ message: `Invalid value${SENSITIVE.has(e.key) ? '' : ` "${e.value}"`}: ${problem}.`, ...range });
    }
  },
};
