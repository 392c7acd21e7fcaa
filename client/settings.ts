// Pure helpers for client-side settings handling (no `vscode` import, so unit tests can load them).

export const KIND_CHOICES = [
  { kind: 'task-definition', description: 'ECS task definition (register-task-definition input or describe output)' },
  { kind: 'container-definitions', description: 'Bare array of ECS container definitions' },
  { kind: 'service-definition', description: 'ECS service definition (create-service input)' },
  { kind: 'identity-policy', description: 'IAM identity policy (task role, execution role, user, group)' },
  { kind: 'trust-policy', description: 'IAM role trust policy (assume role policy)' },
  { kind: 'endpoint-policy', description: 'VPC endpoint policy' },
  { kind: 'ecr-repository-policy', description: 'ECR repository policy' },
  { kind: 'agent-config', description: 'ECS container agent ecs.config' },
  { kind: 'cloudformation', description: 'CloudFormation template (JSON, YAML or CDK output) holding ECS and IAM resources' },
  { kind: 'terraform', description: 'Terraform configuration (.tf) holding ECS and IAM resources' },
  { kind: 'unknown', description: 'Not an ECS or IAM document: do not lint this file' },
] as const;

export type RunMode = 'onType' | 'onSave';

/** Whether a diagnostic pull should be skipped (`filter` returns true to skip) for the `ecsLint.run` mode. */
export function skipPull(run: unknown, mode: string): boolean {
  return run === 'onSave' && mode === 'onType';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Association keys are written workspace-relative (`infra/prod.json`), but the server matches against absolute
 * paths. A relative key with a slash becomes `**\/infra/prod.json`; keys without a slash already match the base
 * name anywhere, and absolute or `**`-prefixed keys are kept.
 */
export function resolveAssociationKey(glob: string): string {
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!g.includes('/') || g.startsWith('/') || g.startsWith('**') || /^[a-zA-Z]:\//.test(g)) return g;
  return `**/${g}`;
}

export function resolveAssociations(assoc: unknown): Record<string, string> | unknown {
  if (!isRecord(assoc)) return assoc;
  const out: Record<string, string> = {};
  for (const [glob, kind] of Object.entries(assoc)) if (typeof kind === 'string') out[resolveAssociationKey(glob)] = kind;
  return out;
}

/** Rewrites the associations inside an `ecsLint` configuration section (nested or flattened shape). */
export function resolveSectionAssociations(section: unknown): unknown {
  if (!isRecord(section)) return section;
  const copy: Record<string, unknown> = { ...section };
  if (isRecord(copy.files)) copy.files = { ...copy.files, associations: resolveAssociations(copy.files.associations) };
  if ('files.associations' in copy) copy['files.associations'] = resolveAssociations(copy['files.associations']);
  return copy;
}

/** The association key for a file: its path relative to the workspace folder, with forward slashes. */
export function relativeKey(folderPath: string, filePath: string): string | undefined {
  const f = folderPath.replace(/\\/g, '/').replace(/\/+$/, '');
  const p = filePath.replace(/\\/g, '/');
  const prefix = `${f}/`;
  const caseInsensitive = /^[a-zA-Z]:\//.test(f); // Windows drive paths
  const starts = caseInsensitive ? p.toLowerCase().startsWith(prefix.toLowerCase()) : p.startsWith(prefix);
  return starts && p.length > prefix.length ? p.slice(prefix.length) : undefined;
}

/** A new associations object with `key` set to `kind` (or removed when kind is undefined). */
export function withAssociation(current: unknown, key: string, kind: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(current)) for (const [k, v] of Object.entries(current)) if (typeof v === 'string' && k !== key) out[k] = v;
  if (kind !== undefined) out[key] = kind;
  return out;
}

/** Rule ids are `pack/name`; anything else (e.g. `../../x`) must not become a path. */
export function isSafeRuleId(ruleId: unknown): ruleId is string {
  return typeof ruleId === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(ruleId);
}
