// Merges the layers that apply to one file, lowest precedence first:
// defaults < editor settings < parent configs (extends first) < nearest config < CLI flags.
import * as path from 'node:path';
import type { Associations, DocumentKind, SeveritySetting } from '../rules';
import { matchesFile, matchesFileOrParent } from './glob';
import type { ConfigLoader } from './load';
import type { ConfigError, ConfigFileData, ResolvedConfig } from './types';

export interface ResolveInput {
  configFile?: string;
  noConfig?: boolean;
  cliRules?: Record<string, SeveritySetting>;
  editorSettings?: { rules?: Record<string, SeveritySetting>; associations?: Associations };
}

export function resolveConfig(loader: ConfigLoader, filePath: string, input: ResolveInput): { config: ResolvedConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  let layers: ConfigFileData[] = [];
  if (input.configFile) {
    layers = loader.expand(path.resolve(input.configFile), errors);
    if (layers.length === 0 && errors.length === 0) {
      errors.push({ file: path.resolve(input.configFile), message: 'the file has no "ecsLint" configuration' });
    }
  } else if (!input.noConfig) {
    // Farthest first, so nearer files override.
    for (const data of loader.chainFor(filePath).reverse()) layers.push(...loader.expand(data.file, errors));
  }
  const file = path.resolve(filePath);
  const config: ResolvedConfig = {
    sources: [...new Set([...layers].reverse().map((l) => l.file))],
    ignored: false,
    rules: {},
    ruleSources: {},
    ruleOptions: {},
    associations: { ...(input.editorSettings?.associations ?? {}) },
    ignorePatterns: [],
    ignores: [],
  };
  for (const [id, sev] of Object.entries(input.editorSettings?.rules ?? {})) { config.rules[id] = sev; config.ruleSources[id] = 'editor'; }
  let kind: DocumentKind | undefined;
  for (const layer of layers) {
    for (const [id, rc] of Object.entries(layer.rules)) {
      if (rc.severity) { config.rules[id] = rc.severity; config.ruleSources[id] = layer.file; }
      if (rc.options) config.ruleOptions[id] = rc.options;
    }
    for (const [glob, k] of Object.entries(layer.associations)) {
      if (matchesFile(glob, layer.dir, file)) kind = k as DocumentKind;
    }
    for (const pattern of layer.ignorePatterns) {
      config.ignorePatterns.push({ pattern, configFile: layer.file });
      if (matchesFileOrParent(pattern, layer.dir, file)) config.ignored = true;
    }
    config.ignores.push(...layer.ignores);
  }
  for (const [id, sev] of Object.entries(input.cliRules ?? {})) { config.rules[id] = sev; config.ruleSources[id] = 'cli'; }
  if (kind) config.kind = kind;
  // Dedupe identical errors from files reached twice (diamond extends).
  const seen = new Set<string>();
  const unique = errors.filter((e) => { const k = `${e.file}\0${e.offset}\0${e.message}`; return !seen.has(k) && !!seen.add(k); });
  return { config, errors: unique };
}
