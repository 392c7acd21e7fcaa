// Public API of the engine, used by the server, the CLI and the tests.
import { Engine } from './core/engine';
import type { Rule } from './core/types';
import { taskRules } from './task';
import { serviceRules } from './service';
import { iamRules } from './iam';
import { trustRules } from './trust';
import { endpointRules } from './endpoint';
import { ecrRules } from './ecr';
import { agentRules } from './agent';

export const allRules: readonly Rule[] = [
  ...taskRules, ...serviceRules, ...iamRules, ...trustRules, ...endpointRules, ...ecrRules, ...agentRules,
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
export { applyEdits } from './core/edits';
export { LineIndex, type Position } from './core/positions';
export { parseJson } from './core/json';
export { compileLinear, linearRegexError } from './core/linear-regex';
