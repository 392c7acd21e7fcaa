// SARIF 2.1.0 output (GitHub code scanning, Azure DevOps, SARIF viewers). Pure: the caller supplies paths,
// rule metadata and docs pages.
import type * as Sarif from 'sarif';
import { NOT_LINTED_ID, type RuleMeta, type Severity } from '../../rules';
import type { FileReport, ReportFinding, SuppressedBy } from '../format';

export interface SarifContext {
  toolVersion: string;
  /** Repository URL (package.json `repository`); helpUri and informationUri are derived from it when set. */
  repositoryUrl?: string;
  rules: readonly RuleMeta[];
  /** Markdown docs page of a rule, if any. */
  docs: (ruleId: string) => string | undefined;
  /** URI of a rule's docs page when there is no repository URL (e.g. the installed file). */
  docsUri?: (ruleId: string) => string | undefined;
  /** Absolute working directory; artifact URIs are relative to it through the %SRCROOT% base. */
  cwd: string;
  /** Absolute path of a reported path. */
  resolve: (path: string) => string;
  /** False when a file could not be read or a config was broken. */
  executionSuccessful: boolean;
  /** Messages for the invocation's notifications (read and config errors). */
  notifications?: readonly string[];
}

export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'ecsLintFingerprint/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub code scanning maps security-severity to critical/high/medium/low: >=7 high, >=4 medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0', hint: '1.0' };

/** GitHub-style `https://github.com/o/r` from a package.json repository field (string or {url}). */
export function repositoryUrl(field: unknown): string | undefined {
  const raw = typeof field === 'string' ? field : (field as { url?: unknown } | undefined)?.url;
  if (typeof raw !== 'string' || raw === '') return undefined;
  let url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
  if (/^github:/.test(url)) url = `https://github.com/${url.slice('github:'.length)}`;
  else if (/^[\w.-]+\/[\w.-]+$/.test(url)) url = `https://github.com/${url}`;
  else if (url.startsWith('git@github.com:')) url = `https://github.com/${url.slice('git@github.com:'.length)}`;
  return /^https?:\/\//.test(url) ? url : undefined;
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/** file:// URI of an absolute path, with a trailing slash for directories (SARIF base URIs must end in `/`). */
function fileUri(abs: string, dir = false): string {
  let p = toPosix(abs);
  if (!p.startsWith('/')) p = `/${p}`; // Windows drive letters
  if (dir && !p.endsWith('/')) p += '/';
  return `file://${p.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':')}`;
}

/** Artifact location: relative to %SRCROOT% when inside the working directory, else an absolute file URI. */
export function artifactLocation(path: string, ctx: Pick<SarifContext, 'cwd' | 'resolve'>): Sarif.ArtifactLocation {
  const abs = toPosix(ctx.resolve(path));
  const root = toPosix(ctx.cwd).replace(/\/?$/, '/');
  if (abs.startsWith(root)) {
    return { uri: abs.slice(root.length).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: fileUri(abs) };
}

function ruleDescriptor(meta: RuleMeta, ctx: SarifContext): Sarif.ReportingDescriptor {
  const doc = ctx.docs(meta.id);
  const helpUri = doc === undefined ? undefined
    : ctx.repositoryUrl ? `${ctx.repositoryUrl}/blob/main/rules/docs/${meta.id}.md` : ctx.docsUri?.(meta.id);
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: [meta.description, ...(meta.references.length ? [`References: ${meta.references.join('; ')}.`] : [])].join(' ') },
    ...(helpUri ? { helpUri } : {}),
    ...(doc !== undefined ? { help: { text: meta.description, markdown: doc } } : {}),
    // Rules that only run once configured (allowed registries, required tags) are listed but disabled by default.
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity], ...(meta.defaultOff ? { enabled: false } : {}) },
    properties: { tags: ['security'], 'security-severity': SECURITY_SEVERITY[meta.defaultSeverity] },
  };
}

const SUPPRESSION_KIND: Record<SuppressedBy, Sarif.Suppression['kind']> = { config: 'external', baseline: 'external', directive: 'inSource' };

function region(f: Pick<ReportFinding, 'range' | 'offset' | 'length'>): Sarif.Region {
  return {
    startLine: f.range.start.line + 1,
    startColumn: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    // SARIF end columns point just past the region, like LSP's exclusive end.
    endColumn: f.range.end.character + 1,
    charOffset: f.offset,
    charLength: f.length,
  };
}

function result(f: ReportFinding, ruleIndex: Map<string, number>, location: Sarif.ArtifactLocation, artifactIndex: number, ctx: SarifContext): Sarif.Result {
  const r: Sarif.Result = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { ...location, index: artifactIndex },
        region: region(f),
      },
    }],
  };
  if (f.related?.length) {
    r.relatedLocations = f.related.map((rel, id) => ({
      id,
      message: { text: rel.message },
      physicalLocation: { artifactLocation: rel.path ? artifactLocation(rel.path, ctx) : { ...location, index: artifactIndex }, region: region(rel) },
    }));
  }
  const index = ruleIndex.get(f.ruleId);
  if (index !== undefined) r.ruleIndex = index;
  if (f.fingerprint) r.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  return r;
}

function notLintedFinding(reason: string): ReportFinding {
  const start = { line: 0, character: 0 };
  return { ruleId: NOT_LINTED_ID, severity: 'error', message: `Not linted: ${reason}.`, range: { start, end: start }, offset: 0, length: 0 };
}

export function formatSarif(files: readonly FileReport[], ctx: SarifContext): string {
  const ruleIndex = new Map(ctx.rules.map((m, i) => [m.id, i]));
  const artifacts: Sarif.Artifact[] = [];
  const results: Sarif.Result[] = [];
  for (const file of files) {
    if (file.kind === 'unknown' && !file.error && file.findings.length === 0) continue;
    const location = artifactLocation(file.path, ctx);
    const index = artifacts.push({ location }) - 1;
    for (const f of file.findings) results.push(result(f, ruleIndex, location, index, ctx));
    // A file that could not be linted is a result too: code scanning shows it instead of a clean file.
    if (file.error) results.push(result(notLintedFinding(file.error), ruleIndex, location, index, ctx));
    for (const s of file.suppressed ?? []) {
      const r = result(s, ruleIndex, location, index, ctx);
      r.suppressions = [{ kind: SUPPRESSION_KIND[s.by], status: 'accepted', justification: s.reason ?? `suppressed by ${s.by}` }];
      results.push(r);
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ecs-lint',
          fullName: 'ECS Security Lint',
          version: ctx.toolVersion,
          semanticVersion: ctx.toolVersion,
          ...(ctx.repositoryUrl ? { informationUri: ctx.repositoryUrl } : {}),
          rules: ctx.rules.map((m) => ruleDescriptor(m, ctx)),
        },
      },
      invocations: [{
        executionSuccessful: ctx.executionSuccessful,
        ...(ctx.notifications?.length
          ? { toolExecutionNotifications: ctx.notifications.map((text) => ({ level: 'error' as const, message: { text } })) }
          : {}),
      }],
      originalUriBaseIds: { [SRCROOT]: { uri: fileUri(ctx.cwd, true) } },
      artifacts,
      results,
      columnKind: 'utf16CodeUnits',
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
