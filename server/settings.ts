// Per-resource settings (`ecsLint.*`), read with workspace/configuration and cached per document URI.
import type { Associations, SeveritySetting } from '../rules';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  rules: Record<string, SeveritySetting>;
  associations: Associations;
  maxFileSizeKb: number;
  /** Diagnostics per document; the rest are summed up in one more (the CLI is not capped). */
  maxDiagnostics: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  run: 'onType',
  rules: {},
  associations: {},
  maxFileSizeKb: 5000,
  maxDiagnostics: 1000,
});

const SEVERITY_SETTINGS = new Set(['off', 'error', 'warning', 'info', 'hint']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Turn whatever the client sent (possibly null or mistyped) into valid settings; bad values fall back to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(r.rules)) {
    for (const [id, v] of Object.entries(r.rules)) {
      if (typeof v === 'string' && SEVERITY_SETTINGS.has(v)) rules[id] = v as SeveritySetting;
    }
  }
  const associations: Associations = {};
  // VS Code flattens dotted setting names: accept both `files.associations` and `files: { associations }`.
  const files = isRecord(r.files) ? r.files.associations : r['files.associations'];
  if (isRecord(files)) {
    for (const [glob, kind] of Object.entries(files)) if (typeof kind === 'string') associations[glob] = kind;
  }
  const max = r.maxFileSizeKb;
  const maxDiagnostics = r.maxDiagnostics;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    rules,
    associations,
    maxFileSizeKb: typeof max === 'number' && Number.isFinite(max) && max > 0 ? max : DEFAULT_SETTINGS.maxFileSizeKb,
    maxDiagnostics: typeof maxDiagnostics === 'number' && Number.isInteger(maxDiagnostics) && maxDiagnostics > 0 ? maxDiagnostics : DEFAULT_SETTINGS.maxDiagnostics,
  };
}

/** Fetches settings for a URI; the server plugs in workspace/configuration (or pushed settings). */
export type SettingsFetcher = (uri: string) => Promise<unknown>;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private fetcher: SettingsFetcher, private readonly onError: (e: unknown) => void) {}

  setFetcher(fetcher: SettingsFetcher): void {
    this.fetcher = fetcher;
    this.clear();
  }

  get(uri: string): Promise<Settings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.fetcher(uri).then(normalizeSettings, (e) => {
        this.onError(e);
        this.cache.delete(uri); // retry next time
        return normalizeSettings(undefined);
      });
      this.cache.set(uri, p);
    }
    return p;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
