// Host files: CloudFormation templates (JSON, YAML, CDK output) and Terraform. Pure: no fs, no vscode.
import type { DocumentKind, Finding, ParsedJson } from '../core/types';
import { parseCloudFormationJson, parseCloudFormationYaml, type HostParse } from './cfn';
import { lintHost, type EmbeddedLinter, type HostLintOptions } from './lint';
import { parseTerraform, terraformEdits } from './terraform';

export const HOST_KINDS: readonly DocumentKind[] = ['cloudformation', 'terraform'];

export function isHostKind(kind: DocumentKind): boolean {
  return HOST_KINDS.includes(kind);
}

export function parseHost(text: string, kind: DocumentKind, json?: ParsedJson): HostParse {
  if (kind === 'terraform') return parseTerraform(text);
  return /^\s*[{[]/.test(text) ? parseCloudFormationJson(text, json) : parseCloudFormationYaml(text);
}

/** Findings of every embedded document, in host coordinates; yields between documents and rules. */
export function* lintHostSteps(engine: EmbeddedLinter, text: string, kind: DocumentKind, opts: Omit<HostLintOptions, 'hclEdits'>, json?: ParsedJson): Generator<void, Finding[]> {
  return yield* lintParsedHost(engine, text, parseHost(text, kind, json), opts);
}

/** The same for a host the caller has parsed (rules/deployment also builds its model from the parse). */
export function* lintParsedHost(engine: EmbeddedLinter, text: string, parsed: HostParse, opts: Omit<HostLintOptions, 'hclEdits'>): Generator<void, Finding[]> {
  return yield* lintHost(engine, text, parsed, { ...opts, hclEdits: (doc, changes) => terraformEdits(text, doc, changes) });
}

export type { HostResource } from './cfn';

/**
 * Loads the Terraform grammar (WebAssembly). Await it once before linting `.tf` files: until it resolves, and if it
 * failed, a Terraform file gets one `internal/rule-error` finding saying it was not checked. `load` returns the bytes
 * of web-tree-sitter's tree-sitter.wasm and of tree-sitter-terraform.wasm (read by the caller: the engine has no fs).
 */
export { initHcl as initTerraform, type HclWasm as TerraformWasm } from './hcl/parser';
export { isCloudFormationJsonRoot, looksLikeCloudFormationYaml } from './cfn';
