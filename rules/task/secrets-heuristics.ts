// Heuristics for "is this environment variable a plaintext credential?". Pure functions, unit-tested directly.

/** Security Hub ECS.8 / AWS Config ecs-no-environment-secrets: flagged by name alone. */
export const ECS8_NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'ECS_ENGINE_AUTH_DATA'];

/** Longest prefix of a name or value the heuristics look at. */
const MAX_SCAN = 8192;

/** Split a variable name into lowercase tokens on `_ - .`, spaces and camelCase boundaries. */
export function nameTokens(name: string): string[] {
  // No real variable name is this long; the cap keeps the regexes below linear-time in practice on junk input.
  return name.slice(0, MAX_SCAN)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ') // lookahead, not ([A-Z]+)([A-Z][a-z]): that backtracked on AAAA…
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

/** Tokens that by themselves name a credential. Whole tokens only: TOKENIZER, SECRETARY, PASSPORT do not match. */
const CREDENTIAL_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'apikey', 'privatekey', 'secretkey', 'accesskey']);
/** `<first> <KEY>` pairs that name a credential (API_KEY, PRIVATE_KEY, ...); `KEY` alone is too vague (CACHE_KEY, S3_KEY). */
const KEY_QUALIFIERS = new Set(['api', 'private', 'secret', 'signing', 'encryption', 'master', 'auth', 'license', 'licence', 'access', 'client', 'app', 'session']);
/**
 * Tokens after the credential word that make the variable describe the credential rather than hold it:
 * DB_PASSWORD_FILE, JWT_SECRET_ARN, TOKEN_EXPIRY_SECONDS, PASSWORD_MIN_LENGTH, GITHUB_TOKEN_URL.
 */
const DESCRIPTOR_WORDS = new Set([
  'arn', 'file', 'path', 'url', 'uri', 'name', 'id', 'endpoint', 'host', 'port', 'region', 'type', 'ttl', 'expiry',
  'expires', 'expiration', 'lifetime', 'seconds', 'secs', 'minutes', 'hours', 'days', 'timeout', 'interval', 'length',
  'size', 'min', 'max', 'enabled', 'enable', 'disabled', 'disable', 'required', 'header', 'version', 'mode', 'count',
  'format', 'algorithm', 'alg', 'policy', 'dir', 'directory', 'prefix', 'suffix', 'location', 'provider', 'issuer',
  'audience', 'scope', 'scopes', 'store', 'manager', 'field', 'param', 'parameter', 'source', 'kind', 'ref',
  'bucket', 'table', 'rotation', 'strategy', 'validation', 'cache', 'limit', 'hint', 'arns', 'ids', 'names',
]);
/** Credential words preceded by these describe counts or switches: MAX_TOKENS, USE_PASSWORD, NUM_SECRETS. */
const LEADING_DESCRIPTORS = new Set(['max', 'min', 'num', 'use', 'enable', 'disable', 'require', 'allow', 'skip', 'no', 'is', 'has']);

/** Index of the token where the credential word starts, or -1. */
function credentialIndex(tokens: string[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (CREDENTIAL_WORDS.has(t) || (t === 'pass' && i === tokens.length - 1)) return i; // DB_PASS but not PASS_THROUGH
    if ((t === 'key' || t === 'keys') && i > 0 && KEY_QUALIFIERS.has(tokens[i - 1])) return i;
  }
  return -1;
}

/** Does the variable name say it holds a credential? */
export function isCredentialName(name: string): boolean {
  if (ECS8_NAMES.includes(name.toUpperCase())) return true;
  const tokens = nameTokens(name);
  const i = credentialIndex(tokens);
  if (i < 0) return false;
  if (tokens.slice(0, i).some((t) => LEADING_DESCRIPTORS.has(t))) return false;
  // AWS_ACCESS_KEY_ID style: `<...>_KEY_ID` names an identifier, but ECS8 names were handled above.
  return !tokens.slice(i + 1).some((t) => DESCRIPTOR_WORDS.has(t));
}

/**
 * Template placeholders: ${X}, {{ x }}, <X>, $X, #{X}, __X__, $$X$$, %(x)s, $(x). Linear time: each body excludes its own
 * opener, so on `${${${…` (no closing brace) every attempt stops where the next one starts instead of scanning to the
 * end of the value (that was quadratic: 9.7 s on 160 KB).
 */
export const PLACEHOLDER = /\$\{[^}$]*\}|\{\{[^{}\n]*\}\}|<[^<>]+>|^\$[A-Za-z_]\w*$|#\{[^}#]*\}|__[A-Z0-9_]+__|\$\$[A-Za-z0-9_]+\$\$|%\([^)%]*\)s|\$\([^)$]*\)/;
/** Obviously fake or redacted values. */
const FAKE = /example|change[_-]?me|replace[_-]?me|dummy|placeholder|redacted|fake|^x{3,}$|xxxx|^\*+$|^your[_-]|[_-]here$|^(todo|tbd|none|null|nil|undefined|n\/a|-)$/i;

/** Values that are not themselves secrets whatever the name: empty, references, placeholders, flags, small numbers, durations. */
export function isNonSecretValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (/^arn:/i.test(v)) return true;
  if (PLACEHOLDER.test(v) || FAKE.test(v)) return true;
  if (/^(true|false|yes|no|on|off|enabled|disabled)$/i.test(v)) return true;
  if (/^\d{1,6}$/.test(v)) return true; // TOKEN_TTL=3600
  if (/^\d+(\.\d+)?\s*(ms|s|m|h|d|w|sec|secs|seconds|min|mins|minutes|hours|days)$/i.test(v)) return true; // durations
  if (/^(\/|\.\/|file:)/.test(v)) return true; // a path to the secret, not the secret
  if (/^(ssm|secretsmanager|vault|aws-sm|awssm|sm):/i.test(v)) return true; // resolver references
  // URL without credentials (TOKEN endpoints, issuers) is not a secret; one with user:password@ is checked by pattern.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return true;
  return false;
}

interface Pattern {
  label: string;
  re: RegExp;
  /** Extra condition on the variable name tokens. */
  when?: (tokens: string[]) => boolean;
}

/** Credential formats recognised in values. Anchored on distinctive prefixes; no bare `sk-` (Trivy flags `disk-usage`). */
const PATTERNS: Pattern[] = [
  // Only AKIA (long-term) and ASIA (temporary) are access key ids; AIDA/AROA/... are IAM unique ids, not credentials.
  { label: 'an AWS access key id', re: /(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  {
    label: 'an AWS secret access key',
    re: /^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9/+]{40}$/,
    when: (t) => t.includes('aws') || (t.includes('secret') && t.includes('access')),
  },
  { label: 'a private key', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { label: 'a JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/ },
  { label: 'a GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,})/ },
  { label: 'a Slack token', re: /\bxox[bpars]-[0-9A-Za-z-]{10,}/ },
  { label: 'a Slack webhook URL', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9_]{8,}\/B[A-Za-z0-9_]{8,}\/[A-Za-z0-9_]{20,}/ },
  { label: 'a Stripe live key', re: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,}/ },
  { label: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}/ },
  { label: 'a SendGrid API key', re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/ },
  { label: 'an OpenAI API key', re: /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}/ },
  { label: 'an npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
];

/** A password embedded in a URL (scheme://user:password@host); placeholders in the password part are not secrets. */
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]{1,15}:\/\/[^/\s:@]+:([^/\s@]+)@/i;

/** The kind of credential a value looks like, or undefined. */
export function credentialPattern(value: string, name: string): string | undefined {
  // Credentials (even PEM keys and JWTs) show their tell-tale prefix well within this; huge values are data.
  value = value.slice(0, MAX_SCAN);
  if (FAKE.test(value)) return undefined; // AKIAIOSFODNN7EXAMPLE, the AWS documentation key
  const tokens = nameTokens(name);
  for (const p of PATTERNS) {
    if (p.re.test(value) && (!p.when || p.when(tokens))) return p.label;
  }
  const url = URL_CREDENTIALS.exec(value);
  if (url && !PLACEHOLDER.test(url[1]) && !/^\$/.test(url[1])) return 'a URL with an embedded password';
  const field = jsonCredentialField(value);
  if (field) return `a JSON document with a credential in its "${field}" field`;
  return undefined;
}

/** Keys of a JSON value that hold a credential: registry auth blobs (`auth`, `password`), service account keys. */
const JSON_CREDENTIAL_KEYS = /^(password|passwd|pass|auth|secret|token|private_key|privatekey|client_secret|secret_access_key|api_key|apikey)$/i;

/**
 * The first credential-named field of a JSON object held in a value (`{"username":"u","password":"p"}`,
 * `{"auths":{"r":{"auth":"..."}}}`) whose value is a real string, or undefined. Non-JSON values are not parsed.
 */
export function jsonCredentialField(value: string): string | undefined {
  const v = value.trim();
  if (!v.startsWith('{') || !v.endsWith('}')) return undefined;
  let parsed: unknown;
  try { parsed = JSON.parse(v); } catch { return undefined; }
  let budget = 1000; // keys visited: a bound for huge documents
  const walk = (x: unknown, depth: number): string | undefined => {
    if (!x || typeof x !== 'object' || depth > 8) return undefined;
    for (const [k, val] of Object.entries(x as Record<string, unknown>)) {
      if (--budget < 0) return undefined;
      if (typeof val === 'string' && JSON_CREDENTIAL_KEYS.test(k) && !isNonSecretValue(val)) return k;
      const deeper = walk(val, depth + 1);
      if (deeper) return deeper;
    }
    return undefined;
  };
  return walk(parsed, 0);
}
