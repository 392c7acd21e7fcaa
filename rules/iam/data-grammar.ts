// IAM policy grammar helpers shared by the data-backed rules: condition operators, ARN parsing and the
// intersection of an ARN glob with an ARN format template. Pure and total (never throws).
import { wildcardMatch } from '../core/glob';
import { own } from '../core/own';

/** Condition operators and their value family. `Null` works on any key. */
const OPERATORS: Record<string, Family> = {};
export type Family = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';
const add = (family: Family, names: string[]) => names.forEach((n) => (OPERATORS[n.toLowerCase()] = family));
add('String', ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike']);
add('Numeric', ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals']);
add('Date', ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals']);
add('Bool', ['Bool']);
add('Binary', ['BinaryEquals']);
add('IpAddress', ['IpAddress', 'NotIpAddress']);
add('Arn', ['ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike']);
add('Null', ['Null']);
export const OPERATOR_NAMES = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike',
  'StringNotLike', 'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan',
  'NumericGreaterThanEquals', 'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan',
  'DateGreaterThanEquals', 'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike', 'Null'];

export interface ParsedOperator {
  /** `ForAllValues` / `ForAnyValue` or undefined. */
  set?: string;
  /** Base operator as written (without set prefix and IfExists). */
  base: string;
  ifExists: boolean;
  family?: Family;
}

/** Split `ForAnyValue:StringLikeIfExists` into its parts; `family` is undefined for an unknown operator. */
export function parseOperator(op: string): ParsedOperator {
  let rest = op;
  let set: string | undefined;
  const m = /^(ForAllValues|ForAnyValue):/i.exec(rest);
  if (m) { set = m[1]; rest = rest.slice(m[0].length); }
  let ifExists = false;
  if (/IfExists$/i.test(rest) && rest.length > 8) { ifExists = true; rest = rest.slice(0, -8); }
  let family: Family | undefined = own(OPERATORS, rest.toLowerCase());
  // Null takes neither a set prefix nor IfExists.
  if (family === 'Null' && (set || ifExists)) family = undefined;
  return { set, base: rest, ifExists, family };
}

/**
 * Operator families a condition key type accepts. ARN keys accept String operators, and AWS's own managed
 * policies use Arn operators on String keys (aws:RequestTag/..., kms:EncryptionContext:...), so the two mix.
 */
export function familiesFor(type: string): Family[] | undefined {
  switch (type.replace(/^ArrayOf/, '')) {
    case 'String': return ['String', 'Arn'];
    case 'ARN': return ['Arn', 'String'];
    case 'Numeric': return ['Numeric'];
    // aws:EpochTime is documented as Date or Numeric; epoch seconds compare numerically.
    case 'Date': return ['Date', 'Numeric'];
    // "true"/"false" compare as strings too; AWS's own policies use StringEquals on Bool keys.
    case 'Bool': return ['Bool', 'String'];
    case 'IPAddress': return ['IpAddress'];
    default: return undefined;
  }
}

export const isMultiValued = (type: string) => type.startsWith('ArrayOf');

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/**
 * Replace policy variables (`${aws:username}`, `${*}`) and template slots left for a renderer (`<ACCOUNT_ID>`,
 * `{{ account }}`, `$$ACCOUNT_ID$$`) by `*`: unknown values validate as "anything". Linear time: each body excludes its
 * own opener.
 */
export const withoutVariables = (s: string) => s.replace(/\$\{[^}$]*\}|\{\{[^{}\n]*\}\}|<[^<>]+>|\$\$[A-Za-z0-9_]+\$\$/g, '*');
const wild = (s: string) => s.includes('*') || s.includes('?');

function globMatchesAny(glob: string, options: string[]): boolean {
  return options.some((o) => wildcardMatch(glob, o, false));
}

/** Why `value` is not a well-formed ARN (or ARN glob), or undefined when it is fine. */
export function arnProblem(value: string, stringOperator = false): string | undefined {
  const v = withoutVariables(value);
  if (/^\*+$/.test(v)) return undefined;
  if (!v.startsWith('arn:')) {
    if (/^arn:/i.test(v)) return 'the "arn:" prefix must be lowercase';
    return 'it does not start with "arn:"';
  }
  const parts = v.split(':');
  // With a String operator a '*' can span colons ("arn:aws:codepipeline:*"), so a short glob is fine there.
  if (parts.length < 6 && stringOperator && wild(v)) return undefined;
  if (parts.length < 6) return `an ARN has six colon-separated fields (arn:partition:service:region:account:resource), this one has ${parts.length}`;
  const [, partition, service, region, account] = parts;
  if (wild(partition) ? !globMatchesAny(partition, PARTITIONS) : !PARTITIONS.includes(partition)) {
    return `unknown partition "${partition}" (expected one of ${PARTITIONS.join(', ')})`;
  }
  if (!/^[a-z0-9*?-]+$/.test(service)) return service ? `the service "${service}" must be lowercase letters, digits and hyphens` : 'the service field is empty';
  if (!/^[a-z0-9*?-]*$/.test(region)) return `the region "${region}" is not a region name`;
  // Letters-only accounts are AWS-owned namespaces (arn:aws:iam::aws:policy/..., ::partner:).
  if (!(account === '' || /^[a-z]+$/.test(account) || /^\d{12}$/.test(account) || (wild(account) && /^[\d*?]+$/.test(account)))) {
    return `the account "${account}" must be 12 digits, empty, or a wildcard`;
  }
  // An empty resource part is accepted by IAM (AWS's own policies use "arn:aws:organizations::*:").
  return undefined;
}

type Tok = { kind: 'lit'; c: string } | { kind: 'one' } | { kind: 'any' } | { kind: 'field' } | { kind: 'seg' };

/** Tokens of a policy ARN glob: `*` any run, `?` one character. Case-insensitive literals. */
function globTokens(glob: string): Tok[] {
  return [...glob].map((c): Tok => (c === '*' ? { kind: 'any' } : c === '?' ? { kind: 'one' } : { kind: 'lit', c: c.toLowerCase() }));
}

/**
 * Tokens of an ARN format template (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`): a variable in the first
 * five fields cannot contain ':', one in the resource part can be anything (names may hold '/' or ':').
 */
function templateTokens(template: string): Tok[] {
  const out: Tok[] = [];
  let colons = 0;
  const parts = template.split(/(\$\{[^}$]*\})/);
  parts.forEach((part, i) => {
    if (part.startsWith('${')) {
      // In the resource part, a variable right before a '/' (`${BucketName}/${ObjectName}`, `task/${Cluster}/...`)
      // or one that names an S3 bucket holds no '/': s3:ListBucket on "bucket/*" meets no bucket ARN.
      const segment = (parts[i + 1] ?? '').startsWith('/') || SLASH_FREE.has(part);
      out.push({ kind: colons < 5 ? 'field' : segment ? 'seg' : 'any' });
      return;
    }
    for (const c of part) {
      if (c === ':') colons++;
      out.push({ kind: 'lit', c: c.toLowerCase() });
    }
  });
  return out;
}

/** Template variables whose values never contain '/' wherever they sit. */
const SLASH_FREE = new Set(['${BucketName}']);

const isStar = (t: Tok) => t.kind === 'any' || t.kind === 'field' || t.kind === 'seg';

/** Can some ARN match both the policy glob and the format template? (Two-pattern intersection, memoised.) */
const meets = new Map<string, boolean>();
export function arnGlobMeetsFormat(glob: string, template: string): boolean {
  const key = `${glob}\n${template}`;
  let hit = meets.get(key);
  if (hit === undefined) {
    // Re-linting on every keystroke asks the same pairs again; keep the cache bounded.
    if (meets.size > 20000) meets.clear();
    meets.set(key, (hit = meetsUncached(glob, template)));
  }
  return hit;
}

/**
 * Whether some string matches both the glob and the template. Every step moves forward in one or both token lists,
 * so reachability is filled in row order over a table: iterative (a recursion was one frame per character and
 * overflowed the stack on an 8 KB Resource) and O(glob × template).
 */
function meetsUncached(glob: string, template: string): boolean {
  const a = globTokens(withoutVariables(glob));
  const b = templateTokens(template);
  const w = b.length + 1;
  const reach = new Uint8Array((a.length + 1) * w);
  reach[0] = 1;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (!reach[i * w + j]) continue;
      if (i === a.length && j === b.length) return true;
      if (i < a.length && isStar(a[i])) reach[(i + 1) * w + j] = 1;
      if (j < b.length && isStar(b[j])) reach[i * w + j + 1] = 1;
      if (i < a.length && j < b.length) {
        const x = a[i], y = b[j];
        // A star consumes a character and stays; a literal or '?' advances.
        const ni = isStar(x) ? i : i + 1;
        const nj = isStar(y) ? j : j + 1;
        if (ni === i && nj === j) continue;
        let common: boolean;
        if (x.kind === 'lit' && y.kind === 'lit') common = x.c === y.c;
        else if (x.kind === 'lit') common = !(y.kind === 'field' && x.c === ':') && !(y.kind === 'seg' && x.c === '/');
        else if (y.kind === 'lit') common = true;
        else common = true;
        if (common) reach[ni * w + nj] = 1;
      }
    }
  }
  return false;
}
