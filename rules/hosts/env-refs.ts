// Environment values of an embedded task definition that take a credential from a template parameter, a Terraform
// variable or a CloudFormation dynamic reference: whatever is passed is stored in plain text in the registered task
// definition, whatever NoEcho or `sensitive` says (task/no-plaintext-secrets reports them).
import { isCredentialName, nameTokens } from '../task/secrets-heuristics';
import { lastProp, type HNode } from './tree';

export interface EnvRef {
  node: HNode;
  /** The environment variable's name, when literal. */
  envName?: string;
  /** Parameter or variable name (`DbPassword`, `var.db_password`); `resolve` for a `{{resolve:secretsmanager:...}}`. */
  source: string;
  how: 'noecho' | 'parameter' | 'variable' | 'resolve';
}

/** Parameters and variables whose names say they hold a reference to the secret, not the secret (`DbPasswordArn`). */
const DESCRIBES = new Set(['arn', 'name', 'path', 'url', 'uri', 'file', 'param', 'parameter', 'id', 'ref', 'prefix']);

/** What each environment value of `task` references. `params`: CloudFormation parameters (with NoEcho ones). */
export function environmentRefs(task: HNode, params?: { all: Set<string>; noEcho: Set<string> }): EnvRef[] {
  const out: EnvRef[] = [];
  const containers = lastProp(task, 'containerDefinitions')?.value;
  if (containers?.t !== 'array') return out;
  for (const c of containers.items) {
    const env = lastProp(c, 'environment')?.value;
    if (env?.t !== 'array') continue;
    for (const e of env.items) {
      const v = lastProp(e, 'value')?.value;
      const n = lastProp(e, 'name')?.value;
      const envName = n?.t === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
      if (!v) continue;
      const text = v.t === 'template' || (v.t === 'scalar' && typeof v.value === 'string') ? String(v.value) : undefined;
      // A dynamic reference is resolved by CloudFormation into the task definition: plain text there.
      if (params && text && /\{\{resolve:(secretsmanager|ssm-secure):/.test(text)) { out.push({ node: v, envName, source: 'resolve', how: 'resolve' }); continue; }
      const whole = text && v.t === 'template' ? /^\$\{([^}]+)\}$/.exec(text.trim())?.[1].trim() : undefined;
      const ref = v.t === 'unknown' ? (params ? v.ref : v.text) : whole;
      if (!ref) continue;
      if (params) {
        if (params.noEcho.has(ref)) out.push({ node: v, envName, source: ref, how: 'noecho' });
        else if (params.all.has(ref)) out.push({ node: v, envName, source: ref, how: 'parameter' });
      } else if (/^var\.[A-Za-z_][\w-]*$/.test(ref)) out.push({ node: v, envName, source: ref, how: 'variable' });
    }
  }
  return out;
}

/** Words that, in a parameter's name, hold the credential itself. */
const HOLDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'key', 'apikey', 'pass']);
/** After the credential word, these say where it is kept (`DbPasswordSSMKey`, `TokenSecretName`), not what it is. */
const KEPT_IN = new Set([...DESCRIBES, 'ssm', 'key', 'secret', 'secrets', 'sm', 'vault', 'store', 'location']);

/** True when the reference is worth a finding: NoEcho and dynamic references always; others by a credential name. */
export function isPlaintextCredential(r: EnvRef): boolean {
  if (r.how === 'noecho' || r.how === 'resolve') return true;
  if (!r.envName || !isCredentialName(r.envName)) return false;
  const tokens = nameTokens(r.source.replace(/^var\./, ''));
  const i = tokens.findIndex((t) => HOLDS.has(t));
  // The parameter names where the secret is (an ARN, an SSM parameter name): the value itself is not a secret.
  return i < 0 ? !tokens.some((t) => DESCRIBES.has(t)) : !tokens.slice(i + 1).some((t) => KEPT_IN.has(t));
}

export function envRefMessage(r: EnvRef): string {
  const secrets = 'Pass it through "Secrets" (Secrets Manager or SSM) instead.';
  switch (r.how) {
    case 'noecho': return `an environment variable references the NoEcho parameter "${r.source}": NoEcho hides it in the console, but ECS stores environment values in plain text in the task definition. ${secrets}`;
    case 'resolve': return `environment variable${r.envName ? ` "${r.envName}"` : ''} takes a {{resolve:...}} dynamic reference: CloudFormation resolves it into the task definition, where ECS stores environment values in plain text. ${secrets}`;
    case 'parameter': return `environment variable "${r.envName}" takes its value from the parameter "${r.source}": whatever is passed is stored in plain text in the task definition (NoEcho would not change that). ${secrets}`;
    default: return `environment variable "${r.envName}" takes its value from ${r.source}: whatever is passed is stored in plain text in the task definition and the state ("sensitive" would not change that). ${secrets.replace('"Secrets"', '"secrets"')}`;
  }
}
