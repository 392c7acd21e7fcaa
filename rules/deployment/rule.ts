// Deployment rules: rules of the host kinds that read the whole-host model instead of one embedded document.
import type { Fix, Rule, RuleContext, RuleMeta, Severity } from '../core/types';
import type { Range } from '../hosts/tree';
import type { DeploymentModel, Resource } from './model';

const models = new WeakSet<DeploymentModel>();

/** Mark a model as built by an adapter, so rules accept it from `RuleContext.host`. */
export function registerModel(m: DeploymentModel): DeploymentModel {
  models.add(m);
  return m;
}

export interface DeploymentFinding {
  /** The resource the finding is about: its label prefixes the message. */
  resource: Resource;
  at: Range;
  message: string;
  /** The other ends: the resource they belong to is named in the related message. */
  related?: { at: Range; message: string }[];
  fixes?: Fix[];
  severity?: Severity;
}

export interface DeploymentRuleContext {
  model: DeploymentModel;
  ctx: RuleContext;
  report(f: DeploymentFinding): void;
}

export function deploymentRule(meta: Omit<RuleMeta, 'kinds'>, check: (c: DeploymentRuleContext) => void): Rule {
  return {
    meta: { ...meta, kinds: ['cloudformation'] },
    check(ctx) {
      const model = ctx.host as DeploymentModel | undefined;
      if (!model || !models.has(model)) return;
      check({
        model,
        ctx,
        report: (f) => {
          const at = trimmed(model.text, f.at);
          ctx.report({
            message: `${f.resource.label}: ${f.message}`,
            offset: at.offset,
            length: at.length,
            severity: f.severity,
            fixes: f.fixes,
            related: f.related?.map((r) => ({ ...trimmed(model.text, r.at), message: r.message })),
          });
        },
      });
    },
  };
}

/** A range without the line break and indentation a YAML block node's range ends with. */
function trimmed(text: string, r: Range): Range {
  let end = r.offset + r.length;
  while (end > r.offset && /\s/.test(text[end - 1])) end--;
  return { offset: r.offset, length: end - r.offset };
}
