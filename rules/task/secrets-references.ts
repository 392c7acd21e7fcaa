// Classification of secret references (secrets[].valueFrom, secretOptions, repositoryCredentials).

import { PLACEHOLDER } from './secrets-heuristics';

export type RefProblem = { problem: string } | undefined;

const PARTITION = 'arn:aws(?:-[a-z]+)*';
const SM_ARN = new RegExp(`^${PARTITION}:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+(?::[^:]*){0,3}$`);
const SSM_ARN = new RegExp(`^${PARTITION}:ssm:[a-z0-9-]+:\\d{12}:parameter/?([A-Za-z0-9_.\\-/]+?)(:\\d+)?$`);
const SSM_NAME = /^([A-Za-z0-9_.\-/]+?)(:\d+)?$/;

/** Template placeholders (${X}, {{ x }}, <x>, $X): the real value is unknown here, never flagged. */
export function isPlaceholder(v: string): boolean {
  return PLACEHOLDER.test(v);
}

/** A secret reference for `secrets` or `secretOptions`: a Secrets Manager ARN, an SSM parameter ARN, or an SSM parameter name. */
export function checkSecretReference(v: string): RefProblem {
  if (isPlaceholder(v)) return undefined;
  if (v.trim() === '') return { problem: 'is empty' };
  if (SM_ARN.test(v)) return undefined;
  const ssmArn = SSM_ARN.exec(v);
  if (ssmArn) return ssmArn[2] ? { problem: `pins parameter version "${ssmArn[2].slice(1)}", which ECS does not support` } : undefined;
  if (/^arn:/i.test(v)) {
    if (/:secretsmanager:/.test(v)) return { problem: `is not a well-formed Secrets Manager ARN${arnDetail(v, 'secret:')} (expected arn:aws:secretsmanager:<region>:<account>:secret:<name>[:json-key:version-stage:version-id])` };
    if (/:ssm:/.test(v)) return { problem: `is not a well-formed SSM parameter ARN${arnDetail(v, 'parameter/')} (expected arn:aws:ssm:<region>:<account>:parameter/<name>)` };
    return { problem: 'is an ARN of a service ECS cannot read secrets from (only Secrets Manager and SSM Parameter Store)' };
  }
  const name = SSM_NAME.exec(v);
  if (name) return name[2] ? { problem: `pins parameter version "${name[2].slice(1)}", which ECS does not support` } : undefined;
  return { problem: 'is neither a Secrets Manager ARN, an SSM parameter ARN nor a valid SSM parameter name (it may be the secret itself)' };
}

/** repositoryCredentials.credentialsParameter must be a Secrets Manager secret ARN. */
export function checkRegistryCredentials(v: string): RefProblem {
  if (isPlaceholder(v)) return undefined;
  if (SM_ARN.test(v)) return undefined;
  return { problem: 'must be the ARN of a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:<name>)' };
}

/** Which part of an ARN is wrong, for the message. */
function arnDetail(v: string, resourcePrefix: string): string {
  const parts = v.split(':');
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(parts[3] ?? '')) return `: region "${parts[3] ?? ''}" is not a region code`;
  if (!/^\d{12}$/.test(parts[4] ?? '')) return `: account "${parts[4] ?? ''}" is not a 12-digit account id`;
  if (!parts.slice(5).join(':').startsWith(resourcePrefix)) return `: the resource must start with "${resourcePrefix}"`;
  return '';
}
