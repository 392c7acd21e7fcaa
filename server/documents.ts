// Lint results cached per uri@version and settings object, shared by diagnostics, code actions and hover.
import { fileURLToPath } from 'node:url';
import type { DocumentKind, Engine, Finding } from '../rules';
import type { Settings } from './settings';

export interface LintSnapshot {
  uri: string;
  version: number;
  text: string;
  kind: DocumentKind;
  findings: Finding[];
  /** Above ecsLint.maxFileSizeKb: not linted at all. */
  tooLarge: boolean;
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

const PER_URI = 3; // current text, last saved text, and one spare while typing

export class LintCache {
  private readonly entries = new Map<string, { settings: Settings; snap: LintSnapshot }[]>();

  constructor(private readonly engine: Engine, private readonly onRuleError: (ruleId: string, e: unknown) => void) {}

  /**
   * Settings are compared by identity: each settings fetch yields a new object, so a result computed with settings
   * read before a configuration change can never be served after it.
   */
  lint(doc: TextSnapshot, settings: Settings): LintSnapshot {
    const list = this.entries.get(doc.uri) ?? [];
    const hit = list.find((e) => e.settings === settings && e.snap.version === doc.version && e.snap.text === doc.text);
    if (hit) return hit.snap;
    const snap = this.compute(doc, settings);
    list.unshift({ settings, snap });
    list.length = Math.min(list.length, PER_URI);
    this.entries.set(doc.uri, list);
    return snap;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  private compute(doc: TextSnapshot, settings: Settings): LintSnapshot {
    const base = { uri: doc.uri, version: doc.version, text: doc.text };
    // UTF-16 length is a cheap upper-bound proxy for the byte size of mostly-ASCII JSON.
    if (doc.text.length > settings.maxFileSizeKb * 1024) {
      return { ...base, kind: 'unknown', findings: [], tooLarge: true };
    }
    const result = this.engine.lint(doc.text, {
      fileName: fileNameOf(doc.uri),
      associations: settings.associations,
      ruleSettings: settings.rules,
      onRuleError: this.onRuleError,
    });
    return { ...base, kind: result.kind, findings: result.findings, tooLarge: false };
  }
}
