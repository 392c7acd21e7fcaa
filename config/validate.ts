// Validates a parsed config value against the engine's rules; invalid parts are dropped and reported with a range.
import { editDistance } from '../rules/iam/data';
import { isDocumentKind, linearRegexError, SYNTAX_RULE_ID, type Associations, type Engine, type SeveritySetting } from '../rules';
import { isGlob } from './glob';
import { globMatcher } from '../rules/core/glob';
import type { Locate } from './parse';
import { CONFIG_RULE_IDS, type ConfigError, type ConfigFileData, type IgnoreEntry, type LocatedIgnore, type RuleConfig } from './types';

const SEVERITIES = new Set(['off', 'error', 'warning', 'info', 'hint']);
const TOP_KEYS = new Set(['$schema', 'root', 'extends', 'rules', 'files', 'ignorePatterns', 'ignores']);
const IGNORE_KEYS = new Set(['rule', 'files', 'at', 'reason']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isKnownRuleId(engine: Engine, id: string): boolean {
  return !!engine.rule(id) || id === SYNTAX_RULE_ID || CONFIG_RULE_IDS.includes(id);
}

/** The rule id closest to a misspelt one (`task/no-priviledged`), if one is close enough to be what was meant. */
export function nearestRuleId(engine: Engine, id: string): string | undefined {
  if (id.length > 100) return undefined; // bounded work: no rule id is that long
  const max = Math.max(2, Math.floor(id.length / 5));
  let best: { id: string; d: number } | undefined;
  for (const r of engine.rules) {
    const d = editDistance(id, r.meta.id, max);
    if (d <= max && (!best || d < best.d)) best = { id: r.meta.id, d };
  }
  return best?.id;
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;
}

export function validateConfig(engine: Engine, file: string, dir: string, value: unknown, locate: Locate): ConfigFileData {
  const errors: ConfigError[] = [];
  const err = (p: (string | number)[], message: string) => {
    const r = locate(p);
    errors.push({ file, message, ...(r ? { offset: r.offset, length: r.length } : {}) });
  };
  const data: ConfigFileData = { file, dir, root: false, extends: [], rules: {}, associations: {}, ignorePatterns: [], ignores: [], errors };
  if (!isRecord(value)) {
    err([], 'the configuration must be an object');
    return data;
  }
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.has(key)) err([key], `unknown property "${key}" (expected one of ${[...TOP_KEYS].join(', ')})`);
  }
  if (value.root !== undefined) {
    if (typeof value.root === 'boolean') data.root = value.root;
    else err(['root'], '"root" must be true or false');
  }
  if (value.extends !== undefined) {
    const list = stringList(value.extends);
    if (!list) err(['extends'], '"extends" must be a relative path or an array of them');
    else list.forEach((p, i) => {
      const loc = locate(Array.isArray(value.extends) ? ['extends', i] : ['extends']);
      const at = Array.isArray(value.extends) ? ['extends', i] : ['extends'];
      // Absolute paths are refused: a repository's config may only extend files inside the repository (see load.ts).
      if (/^([a-zA-Z]:)?[\\/]/.test(p)) err(at, `"extends" entry "${p}" must be a relative path (./ or ../) to a file inside the repository`);
      else if (!/^\.{1,2}[\\/]/.test(p)) err(at, `"extends" entry "${p}" must be a path starting with ./ or ../ (packages are not loaded)`);
      else data.extends.push({ path: p, ...(loc ?? {}) });
    });
  }
  if (value.rules !== undefined) {
    if (!isRecord(value.rules)) err(['rules'], '"rules" must be an object of rule id -> severity');
    else for (const [id, v] of Object.entries(value.rules)) {
      const rc = validateRule(engine, id, v, (m, sub = []) => err(['rules', id, ...sub], m));
      if (rc) data.rules[id] = rc;
    }
  }
  if (value.files !== undefined) {
    const assoc = isRecord(value.files) ? value.files.associations : undefined;
    if (!isRecord(value.files) || Object.keys(value.files).some((k) => k !== 'associations')) err(['files'], '"files" may only contain "associations"');
    if (assoc !== undefined) {
      if (!isRecord(assoc)) err(['files', 'associations'], '"files.associations" must be an object of glob -> document kind');
      else for (const [glob, kind] of Object.entries(assoc)) {
        const bad = globError(glob);
        if (bad) err(['files', 'associations', glob], bad);
        else if (isDocumentKind(kind)) (data.associations as Associations)[glob] = kind;
        else err(['files', 'associations', glob], `unknown document kind ${JSON.stringify(kind)} for "${glob}"`);
      }
    }
  }
  if (value.ignorePatterns !== undefined) {
    const list = stringList(value.ignorePatterns);
    if (!list || list.some((s) => !s.trim())) err(['ignorePatterns'], '"ignorePatterns" must be an array of non-empty globs');
    else {
      list.forEach((g, i) => { const bad = globError(g); if (bad) err(Array.isArray(value.ignorePatterns) ? ['ignorePatterns', i] : ['ignorePatterns'], bad); });
      data.ignorePatterns = list;
    }
  }
  if (value.ignores !== undefined) {
    if (!Array.isArray(value.ignores)) err(['ignores'], '"ignores" must be an array of {rule, files?, at?, reason}');
    else value.ignores.forEach((e, index) => {
      const entry = validateIgnore(engine, e, (m, sub = []) => err(['ignores', index, ...sub], m));
      if (!entry) return;
      const r = locate(['ignores', index]) ?? { offset: 0, length: 0 };
      const located: LocatedIgnore = { configFile: file, index, entry, offset: r.offset, length: r.length };
      data.ignores.push(located);
    });
  }
  return data;
}

type Report = (message: string, sub?: (string | number)[]) => void;

/** Why a glob cannot be used (too many {a,b} alternatives), or undefined. */
function globError(glob: string): string | undefined {
  try {
    globMatcher(glob);
    return undefined;
  } catch (e) {
    return `glob "${glob.length > 100 ? `${glob.slice(0, 100)}…` : glob}": ${e instanceof Error ? e.message : String(e)}`;
  }
}

function validateRule(engine: Engine, id: string, v: unknown, report: Report): RuleConfig | undefined {
  if (!isKnownRuleId(engine, id)) {
    report(`unknown rule "${id}"`);
    return undefined;
  }
  let severity: unknown, options: unknown, optionsPath: (string | number)[] = [];
  if (typeof v === 'string') severity = v;
  else if (Array.isArray(v)) { [severity, options] = v; optionsPath = [1]; if (v.length > 2) return report('use [severity] or [severity, options]'), undefined; }
  else if (isRecord(v)) {
    ({ severity, options } = v);
    optionsPath = ['options'];
    const extra = Object.keys(v).filter((k) => k !== 'severity' && k !== 'options');
    if (extra.length) return report(`unknown property "${extra[0]}" (use "severity" and "options")`), undefined;
  } else return report('must be a severity (off, error, warning, info, hint), [severity, options] or {severity, options}'), undefined;
  if (severity !== undefined && (typeof severity !== 'string' || !SEVERITIES.has(severity))) {
    return report(`invalid severity ${JSON.stringify(severity)} (use off, error, warning, info or hint)`), undefined;
  }
  const out: RuleConfig = severity === undefined ? {} : { severity: severity as SeveritySetting };
  if (options !== undefined) {
    const checked = validateOptions(engine, id, options, (m, sub = []) => report(m, [...optionsPath, ...sub]));
    if (!checked) return undefined;
    out.options = checked;
  }
  return out;
}

function validateOptions(engine: Engine, id: string, options: unknown, report: Report): Record<string, unknown> | undefined {
  const spec = engine.rule(id)?.meta.options;
  if (!spec) return report(`rule "${id}" takes no options`), undefined;
  if (!isRecord(options)) return report('options must be an object'), undefined;
  let ok = true;
  for (const [name, v] of Object.entries(options)) {
    const s = spec[name];
    if (!s) { report(`unknown option "${name}" for ${id} (known: ${Object.keys(spec).join(', ')})`, [name]); ok = false; continue; }
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) { report(`option "${name}" must be an array of strings`, [name]); ok = false; continue; }
    if (s.type === 'regex-list') {
      v.forEach((re: string, i: number) => {
        const error = linearRegexError(re);
        if (error) { report(`option "${name}": unsupported regular expression ${JSON.stringify(re)}: ${error}`, [name, i]); ok = false; }
      });
    }
  }
  return ok ? options : undefined;
}

function validateIgnore(engine: Engine, e: unknown, report: Report): IgnoreEntry | undefined {
  if (!isRecord(e)) return report('an ignores entry must be an object {rule, files?, at?, reason}'), undefined;
  const extra = Object.keys(e).filter((k) => !IGNORE_KEYS.has(k));
  if (extra.length) return report(`unknown property "${extra[0]}" in ignores entry (use rule, files, at, reason)`, [extra[0]]), undefined;
  if (typeof e.rule !== 'string' || !e.rule.trim()) return report('an ignores entry needs "rule" (a rule id or a glob such as "task/*")'), undefined;
  if (!isGlob(e.rule) && !isKnownRuleId(engine, e.rule)) return report(`unknown rule "${e.rule}"`, ['rule']), undefined;
  if (typeof e.reason !== 'string' || !e.reason.trim()) return report('an ignores entry needs a non-empty "reason": say why the finding is acceptable'), undefined;
  const files = e.files === undefined ? undefined : stringList(e.files);
  if (e.files !== undefined && (!files || files.length === 0)) return report('"files" must be a glob or a non-empty array of globs', ['files']), undefined;
  if (e.at !== undefined && typeof e.at !== 'string') return report('"at" must be a JSON pointer, a container name or a statement Sid', ['at']), undefined;
  return { rule: e.rule, ...(files ? { files } : {}), ...(e.at !== undefined ? { at: e.at as string } : {}), reason: e.reason };
}
