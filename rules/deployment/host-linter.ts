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
  lint(engine, text, kind, opts, jsonRoot) {
    const parsed = parseHost(text, kind, jsonRoot);
    const findings = lintParsedHost(engine, text, parsed, {
      fileName: opts.fileName, ruleSettings: opts.ruleSettings, ruleOptions: opts.ruleOptions, onRuleError: opts.onRuleError, syntaxRuleId: SYNTAX_RULE_ID, internalRuleId: RULE_ERROR_ID,
    });
    const resources = parsed.resources;
    if (!engine.hasRules(kind)) return { findings, resources };
    const model = kind === 'terraform'
      ? terraformModel([{ fileName: opts.fileName, text }, ...(opts.siblings ?? []).filter((s) => s.fileName !== opts.fileName)])
      : cloudFormationModel(parsed, text);
    if (!model) return { findings, resources };
    engine.runRules(kind, text, opts, findings, undefined, registerModel(model));
    return { findings: findings.sort(byPosition), resources };
  },
};

function byPosition(a: Finding, b: Finding): number {
  return a.offset - b.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
