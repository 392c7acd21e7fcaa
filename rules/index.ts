// Public API of the engine, used by the server, the CLI and the tests.
import { Engine, registerHostLinter } from './core/engine';
import type { Rule } from './core/types';
import { taskRules } from './task';
import { serviceRules } from './service';
import { iamRules } from './iam';
import { trustRules } from './trust';
import { endpointRules } from './endpoint';
import { ecrRules } from './ecr';
import { agentRules } from './agent';
import { deploymentRules } from './deployment/rules';
import { hostLinter } from './deployment/host-linter';

// CloudFormation and Terraform files are linted by rules/deployment (embedded documents, then the whole-host model);
// injected so that the core never imports the hosts.
registerHostLinter(hostLinter);

export const allRules: readonly Rule[] = [
  ...taskRules, ...serviceRules, ...iamRules, ...trustRules, ...endpointRules, ...ecrRules, ...agentRules, ...deploymentRules,
];

let shared: Engine | undefined;
/** The engine with every built-in rule (created once). */
export function defaultEngine(): Engine {
  return (shared ??= new Engine(allRules));
}

/** Docs page of a rule, relative to the package root. */
export function ruleDocsPath(ruleId: string): string {
  return `rules/docs/${ruleId}.md`;
}

export * from './core/types';
export { Engine, SYNTAX_RULE_ID, RULE_ERROR_ID, NOT_LINTED_ID, notLinted, isJsonKind, runToEnd, type LintOptions, type LintResult } from './core/engine';
export { detectKind, kindFromFileName, kindFromAssociations, isDocumentKind, type Associations } from './core/detect';
export { applyEdits, setValue } from './core/edits';
export { LineIndex, type Position } from './core/positions';
export { parseJson } from './core/json';
export { LintMemo } from './core/incremental';
export type { HostResource } from './hosts';
export type { HNode } from './hosts/tree';
export { initTerraform, type TerraformWasm } from './hosts';
export { compileLinear, linearRegexError } from './core/linear-regex';
