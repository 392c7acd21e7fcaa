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
  const parsed = parseHost(text, kind, json);
  return yield* lintHost(engine, text, parsed, { ...opts, hclEdits: (doc, changes) => terraformEdits(text, doc, changes) });
}

export { isCloudFormationJsonRoot, looksLikeCloudFormationYaml } from './cfn';
