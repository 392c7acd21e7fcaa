// Quick fixes of deployment rules, written on the host's own syntax: change a copy of a resource's value and let
// rules/hosts/fix.ts replay the difference as JSON or YAML edits (or drop the fix when it cannot be replayed safely).
import type { Fix } from '../core/types';
import type { HNode } from '../hosts/tree';
import { renderVirtual } from '../hosts/virtual';
import { translateFix } from '../hosts/fix';
import { inferFormatting } from '../core/edits';
import type { DeploymentModel } from './model';

/** The template's JSON formatting, inferred once per model (a scan of the whole text). */
const formats = new WeakMap<DeploymentModel, ReturnType<typeof inferFormatting>>();
function formattingOf(model: DeploymentModel) {
  let f = formats.get(model);
  if (!f) formats.set(model, f = inferFormatting(model.text));
  return f;
}

type Json = Record<string, unknown>;

/**
 * A fix that edits `node` (an object value, keys as the API spells them: CloudFormation's own for every resource but
 * ECS task definitions and services). `safe` fixes are preferred and applied by "fix all".
 */
export function editFix(model: DeploymentModel, node: HNode | undefined, title: string, safe: boolean, change: (value: Json) => void): Fix | undefined {
  if (node?.t !== 'object' || model.format === 'hcl' || model.noFixes) return undefined;
  const v = renderVirtual(node);
  const before = JSON.parse(v.text) as Json;
  const after = JSON.parse(v.text) as Json;
  change(after);
  const content = JSON.stringify(after);
  const formatting = model.format === 'json' ? formattingOf(model) : undefined;
  const edits = translateFix({ format: model.format, hostText: model.text, root: node, virtualText: v.text, edits: [{ offset: 0, length: v.text.length, content }], before, doc: v, formatting });
  return edits?.length ? { title, edits, safe, ...(safe ? { preferred: true } : {}) } : undefined;
}

export function fixes(...list: (Fix | undefined)[]): Fix[] | undefined {
  const out = list.filter((f): f is Fix => !!f);
  return out.length ? out : undefined;
}
