// Lint results cached per uri@version and settings object, shared by diagnostics, code actions and hover.
// Linting goes through config/lintFile, exactly like the CLI, so config files apply identically in both.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentKind, Engine, Finding } from '../rules';
import { checkConfigText, CONFIG_FILE_NAMES, ConfigLoader, INVALID_CONFIG_ID, lintFileSteps, type ConfigError, type LintFileOptions, type LintFileResult } from '../config';
import { LintMemo, runToEnd } from '../rules';
import type { CancellationToken } from 'vscode-languageserver';
import type { Settings } from './settings';
import { isTerraformFile, sameSiblings, type ModuleFileText } from './terraform-module';

export interface LintSnapshot {
  uri: string;
  version: number;
  text: string;
  kind: DocumentKind;
  findings: Finding[];
  /** Above ecsLint.maxFileSizeKb: not linted at all. */
  tooLarge: boolean;
  /** The config-aware result (absent for too-large documents and for config files themselves). */
  result?: LintFileResult;
  /** Terraform: the module's other files as linted with (related locations may point into them). */
  siblings?: ModuleFileText[];
}

export interface TextSnapshot {
  uri: string;
  version: number;
  text: string;
}

/** The file name handed to the engine: the URI's file-system path (or its path for other schemes, e.g. untitled:). */
export function fileNameOf(uri: string): string {
  try {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    const u = new URL(uri);
    return decodeURIComponent(u.pathname || uri);
  } catch {
    return uri;
  }
}

/** A lint in progress, shared by every caller that waits for the same text. */
interface Run { settings: Settings; text: string; siblings?: ModuleFileText[]; waiting: number; done: Promise<LintSnapshot | undefined> }

const PER_URI = 3; // current text, last saved text, and one spare while typing
/** Work between two turns of the event loop while linting a large document. */
const SLICE_MS = 20;

export class LintCache {
  private readonly entries = new Map<string, { settings: Settings; snap: LintSnapshot; siblings?: ModuleFileText[] }[]>();
  /** Per document: what the previous lints found per container, so an edit re-checks only what it changed. */
  private readonly memos = new Map<string, LintMemo>();

  constructor(
    private readonly engine: Engine,
    private readonly onRuleError: (ruleId: string, e: unknown) => void,
    /** Directory lookups trusted until the file watcher invalidates them. */
    readonly loader = new ConfigLoader(engine, { trustCache: true }),
    /** Terraform: the other files of a .tf document's module (see terraform-module.ts). */
    private readonly siblingsOf?: (fileName: string) => ModuleFileText[],
  ) {}

  /**
   * Settings are compared by identity: each settings fetch yields a new object, so a result computed with settings
   * read before a configuration change can never be served after it.
   */
  lint(doc: TextSnapshot, settings: Settings): LintSnapshot {
    const siblings = this.siblingsFor(doc);
    return this.cached(doc, settings, siblings) ?? this.store(doc, settings, runToEnd(this.compute(doc, settings, siblings)), siblings);
  }

  /** A .tf document's findings also depend on its module's other files (a security group defined next door). */
  private siblingsFor(doc: TextSnapshot): ModuleFileText[] | undefined {
    const fileName = fileNameOf(doc.uri);
    return this.siblingsOf && isTerraformFile(fileName) ? this.siblingsOf(fileName) : undefined;
  }

  /**
   * The same lint, in slices of about SLICE_MS with a turn of the event loop between them, so that a newer edit, a
   * cancellation or another document's request is handled while a large document is linted. Undefined when
   * `isCancelled` turns true first (nothing is cached then). Concurrent calls for the same text share one run.
   */
  lintAsync(doc: TextSnapshot, settings: Settings, token?: CancellationToken): Promise<LintSnapshot | undefined> {
    const siblings = this.siblingsFor(doc);
    const hit = this.cached(doc, settings, siblings);
    if (hit) return Promise.resolve(hit);
    if (token?.isCancellationRequested) return Promise.resolve(undefined);
    const key = `${doc.uri}\0${doc.version}`;
    let run = this.running.get(key);
    if (!run || run.settings !== settings || run.text !== doc.text || !sameSiblings(run.siblings, siblings)) run = this.start(key, doc, settings, siblings);
    const r = run;
    r.waiting++;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (f: () => void) => { if (!settled) { settled = true; r.waiting--; sub?.dispose(); f(); } };
      const sub = token?.onCancellationRequested(() => settle(() => resolve(undefined)));
      r.done.then((v) => settle(() => resolve(v)), (e) => settle(() => reject(e)));
    });
  }

  private start(key: string, doc: TextSnapshot, settings: Settings, siblings: ModuleFileText[] | undefined): Run {
    const steps = this.compute(doc, settings, siblings);
    const r: Run = { settings, text: doc.text, siblings, waiting: 0, done: Promise.resolve(undefined) };
    this.running.set(key, r);
    r.done = (async () => {
      try {
        // Stop when every caller waiting for this run has given up (a newer edit, a cancelled request).
        const snap = await runSliced(steps, () => r.waiting === 0);
        return snap && this.store(doc, settings, snap, siblings);
      } finally {
        if (this.running.get(key) === r) this.running.delete(key);
      }
    })();
    return r;
  }

  private readonly running = new Map<string, Run>();

  private cached(doc: TextSnapshot, settings: Settings, siblings: ModuleFileText[] | undefined): LintSnapshot | undefined {
    return this.entries.get(doc.uri)?.find((e) => e.settings === settings && e.snap.version === doc.version && e.snap.text === doc.text && sameSiblings(e.siblings, siblings))?.snap;
  }

  private store(doc: TextSnapshot, settings: Settings, snap: LintSnapshot, siblings: ModuleFileText[] | undefined): LintSnapshot {
    const list = this.entries.get(doc.uri) ?? [];
    list.unshift({ settings, snap, siblings });
    list.length = Math.min(list.length, PER_URI);
    this.entries.set(doc.uri, list);
    return snap;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.memos.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.memos.clear();
  }

  /** The incremental-lint memory of a document (created on first use; see rules/core/incremental.ts). */
  memoOf(uri: string): LintMemo {
    let memo = this.memos.get(uri);
    if (!memo) this.memos.set(uri, memo = new LintMemo());
    return memo;
  }

  /**
   * Config-aware findings for an arbitrary text of a document (fix-all rounds), linted in slices like lintAsync; not
   * cached. Undefined when cancelled.
   */
  lintTextAsync(uri: string, text: string, settings: Settings, kind: DocumentKind, token?: CancellationToken): Promise<Finding[] | undefined> {
    const fileName = fileNameOf(uri);
    const siblings = this.siblingsFor({ uri, version: 0, text });
    const steps = lintFileSteps(this.engine, fileName, text, { ...this.fileOptions(uri, settings, siblings), kind });
    return runSliced(steps, () => !!token?.isCancellationRequested).then((r) => r?.findings);
  }

  /** What every lint of a document passes to lintFile, like the CLI: editor settings, the shared config loader, siblings. */
  private fileOptions(uri: string, settings: Settings, siblings: ModuleFileText[] | undefined): LintFileOptions {
    return {
      // untitled: and other schemes have no directory to search for config files.
      noConfig: !uri.startsWith('file:'),
      fingerprints: false,
      editorSettings: { rules: settings.rules, associations: settings.associations },
      loader: this.loader,
      ...(siblings ? { siblings } : {}),
    };
  }

  private *compute(doc: TextSnapshot, settings: Settings, siblings?: ModuleFileText[]): Generator<void, LintSnapshot> {
    const base = { uri: doc.uri, version: doc.version, text: doc.text };
    // UTF-16 length is a cheap upper-bound proxy for the byte size of mostly-ASCII JSON.
    if (doc.text.length > settings.maxFileSizeKb * 1024) {
      return { ...base, kind: 'unknown', findings: [], tooLarge: true };
    }
    const fileName = fileNameOf(doc.uri);
    const onDisk = doc.uri.startsWith('file:');
    if (onDisk && isConfigFileName(fileName)) {
      return { ...base, kind: 'unknown', findings: checkConfigText(this.engine, fileName, doc.text).map(configErrorFinding), tooLarge: false };
    }
    const result = yield* lintFileSteps(this.engine, fileName, doc.text, { ...this.fileOptions(doc.uri, settings, siblings), onRuleError: this.onRuleError, memo: this.memoOf(doc.uri) });
    const findings = result.configErrors.length > 0 ? [configErrorsFinding(result.configErrors), ...result.findings] : result.findings;
    return { ...base, kind: result.kind, findings, tooLarge: false, result, ...(siblings?.length ? { siblings } : {}) };
  }
}

/** Run a lint generator in slices of about SLICE_MS with a turn of the event loop between them; undefined once stopped. */
async function runSliced<T>(steps: Generator<void, T>, stopped: () => boolean): Promise<T | undefined> {
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    let step = steps.next();
    while (!step.done && performance.now() < deadline) step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stopped()) { steps.return(undefined as never); return undefined; }
  }
}

export function isConfigFileName(fileName: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(fileName));
}

function configErrorFinding(e: ConfigError): Finding {
  return { ruleId: INVALID_CONFIG_ID, severity: 'error', message: `ECS lint configuration: ${e.message}`, offset: e.offset ?? 0, length: e.length ?? 0 };
}

/** One diagnostic at the top of the linted file; the config file itself shows each error where it is. */
function configErrorsFinding(errors: ConfigError[]): Finding {
  const files = [...new Set(errors.map((e) => path.basename(e.file)))].join(', ');
  const first = errors[0].message;
  return {
    ruleId: INVALID_CONFIG_ID,
    severity: 'error',
    message: `Invalid ECS lint configuration (${files}): ${first}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}. The valid parts still apply.`,
    offset: 0,
    length: 0,
  };
}
