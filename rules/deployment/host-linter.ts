// The host linter the engine is given (rules/index.ts registers it): lint the documents embedded in a CloudFormation
// or Terraform file, then run the deployment rules over the model of the whole file.
import type { HostLinter } from '../core/engine';
import { RULE_ERROR_ID, SYNTAX_RULE_ID } from '../core/engine';
import type { Finding } from '../core/types';
import { isHostKind, lintParsedHost, parseHost } from '../hosts';
import { cloudFormationModel } from './cfn';
import { terraformModel } from './terraform';
import { registerModel } from './rule';

export const hostLinter: HostLinter = {
  isHost: isHostKind,
  *lint(engine, text, kind, opts, json, fixes) {
    const parsed = parseHost(text, kind, json);
    const findings = yield* lintParsedHost(engine, text, parsed, {
      fileName: opts.fileName, ruleSettings: opts.ruleSettings, ruleOptions: opts.ruleOptions, onRuleError: opts.onRuleError, syntaxRuleId: SYNTAX_RULE_ID, internalRuleId: RULE_ERROR_ID, fixes,
      ...(opts.memo ? { memo: opts.memo } : {}),
    });
    const resources = parsed.resources;
    if (!engine.hasRules(kind)) return { findings, resources };
    const model = kind === 'terraform'
      ? terraformModel([{ fileName: opts.fileName, text, body: parsed.hcl }, ...(opts.siblings ?? []).filter((s) => s.fileName !== opts.fileName)])
      : cloudFormationModel(parsed, text);
    if (!model) return { findings, resources };
    if (!fixes || parsed.syntaxError) model.noFixes = true;
    const before = findings.length;
    yield* engine.runRules(kind, text, opts, findings, undefined, registerModel(model));
    // No fixes where the embedded documents get none: values nested too deep, or a syntax error in the host.
    if (!fixes || parsed.syntaxError) for (let i = before; i < findings.length; i++) delete findings[i].fixes;
    return { findings: findings.sort(byPosition), resources };
  },
};

function byPosition(a: Finding, b: Finding): number {
  return a.offset - b.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
