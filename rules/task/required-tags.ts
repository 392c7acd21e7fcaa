import type { JsonNode, Rule } from '../core/types';
import { anchorOf, child, elements, keyNode, stringValue } from '../core/json';

/** Where to point: the `tags` key, else the name-giving key; keys only, never a whole (large) value. */
function anchor(root: JsonNode): { offset: number; length: number } {
  for (const k of ['tags', 'family', 'serviceName', 'taskDefinition']) {
    const n = keyNode(root, k);
    if (n) return { offset: n.offset, length: n.length };
  }
  return anchorOf(root);
}

export const requiredTags: Rule = {
  meta: {
    id: 'task/required-tags',
    kinds: ['task-definition', 'service-definition'],
    defaultSeverity: 'warning',
    description: 'Task and service definitions must carry the tag keys your organisation requires (configured with the "tags" option).',
    references: ['AWS Tagging Best Practices', 'AWS Organizations tag policies', 'Amazon ECS resource tagging'],
    fixable: false,
    options: {
      tags: { type: 'string-list', description: 'Tag keys every task and service definition must have, e.g. ["owner", "cost-center"] (case-sensitive, like AWS tag keys).' },
    },
    // Without a list of required keys there is nothing to check.
    defaultOff: true,
  },
  check(ctx) {
    const root = ctx.json?.root;
    if (!root || root.type !== 'object') return;
    const required = Array.isArray(ctx.options?.tags) ? (ctx.options.tags as unknown[]).filter((t): t is string => typeof t === 'string') : [];
    if (required.length === 0) return;
    // Register input, describe output ({taskDefinition, tags}) and service definitions all keep `tags` at the root.
    const tags = child(root, 'tags');
    const present = new Set(elements(tags).map((t) => stringValue(child(t, 'key'))).filter((k): k is string => k !== undefined));
    const missing = required.filter((k) => !present.has(k));
    if (missing.length === 0) return;
    ctx.report({
      message: `Missing required tag${missing.length > 1 ? 's' : ''} ${missing.map((k) => `"${k}"`).join(', ')}: untagged resources escape cost allocation, ownership lookups and tag-based access control (ABAC). Add them to "tags" as {"key": ..., "value": ...}.`,
      ...anchor(root),
    });
  },
};
