// Deployment rules: rules of the host kinds that read the whole-host model instead of one embedded document.
import type { Fix, RelatedLocation, Rule, RuleContext, RuleMeta, Severity } from '../core/types';
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

/** `hosts`: the host kinds whose models the rule understands (CloudFormation unless said otherwise). */
export function deploymentRule(meta: Omit<RuleMeta, 'kinds'> & { hosts?: RuleMeta['kinds'] }, check: (c: DeploymentRuleContext) => void): Rule {
  const { hosts, ...rest } = meta;
  return {
    meta: { ...rest, kinds: hosts ?? ['cloudformation'] },
    check(ctx) {
      const model = ctx.host as DeploymentModel | undefined;
      if (!model || !models.has(model)) return;
      check({
        model,
        ctx,
        report: (f) => {
          let at = f.at;
          let related = f.related ?? [];
          let fixes = f.fixes;
          if (!inLinted(model, at)) {
            // Set in a sibling file (Terraform module): report it here at the end that is in this file, if any,
            // pointing at where it is set. That file's own lint reports it where it is fixed.
            const local = related.find((r) => inLinted(model, r.at));
            if (!local) return;
            related = [{ at, message: `${f.resource.label}: where it is set` }, ...related.filter((r) => r !== local)];
            at = local.at;
            fixes = undefined;
          }
          const a = trimmed(model.text, at);
          ctx.report({
            message: `${f.resource.label}: ${f.message}`,
            offset: a.offset,
            length: a.length,
            severity: f.severity,
            fixes,
            related: related.map((r) => located(model, trimmed(model.text, r.at), r.message)),
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

function inLinted(model: DeploymentModel, r: Range): boolean {
  const first = model.files?.[0];
  return !first || r.offset + r.length <= first.length;
}

/** A related location: in the linted file as it is, in a sibling with that file's name and its own offsets. */
function located(model: DeploymentModel, r: Range, message: string): RelatedLocation {
  if (inLinted(model, r)) return { offset: r.offset, length: r.length, message };
  const file = model.files!.find((f) => f.offset <= r.offset && r.offset + r.length <= f.offset + f.length);
  return file ? { offset: r.offset - file.offset, length: r.length, message, ...(file.fileName ? { fileName: file.fileName } : {}) } : { offset: 0, length: 0, message };
}
