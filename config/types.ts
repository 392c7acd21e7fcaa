// Shapes of the configuration file (.ecslintrc*, package.json "ecsLint") and of a configuration resolved for one file.
import type { Associations, DocumentKind, SeveritySetting } from '../rules';

export const CONFIG_FILE_NAMES = ['.ecslintrc.json', '.ecslintrc.yaml', '.ecslintrc.yml', '.ecslintrc', 'package.json'] as const;

/** Pseudo-rule ids reported by the configuration layer (their severity can be set like any rule). */
export const UNUSED_IGNORE_ID = 'config/unused-ignore';
export const INVALID_DIRECTIVE_ID = 'config/invalid-directive';
export const INVALID_CONFIG_ID = 'config/invalid-config';
export const CONFIG_RULE_IDS: readonly string[] = [UNUSED_IGNORE_ID, INVALID_DIRECTIVE_ID];

export const PRECEDENCE = 'CLI flags > nearest config file > parent config files (a file\'s "extends" apply before the file) > editor settings > defaults';

/** `ignores` entry: suppress `rule` (id or glob) in `files` (globs, relative to the config file) at `at`. */
export interface IgnoreEntry {
  rule: string;
  files?: string[];
  /** JSON pointer (`/containerDefinitions/0`), container name or IAM statement Sid. */
  at?: string;
  reason: string;
}

export interface ConfigError {
  file: string;
  message: string;
  offset?: number;
  length?: number;
}

export interface RuleConfig {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

/** One configuration file after validation (invalid parts dropped and reported in `errors`). */
export interface ConfigFileData {
  file: string;
  dir: string;
  root: boolean;
  extends: { path: string; offset?: number; length?: number }[];
  rules: Record<string, RuleConfig>;
  associations: Associations;
  ignorePatterns: string[];
  ignores: LocatedIgnore[];
  errors: ConfigError[];
}

export interface LocatedIgnore {
  configFile: string;
  /** Index in the file's `ignores` array. */
  index: number;
  entry: IgnoreEntry;
  /** Range of the entry in the config file (0/0 when unknown). */
  offset: number;
  length: number;
}

export interface ResolvedConfig {
  /** Config files that contributed, nearest first (a file before the files it extends). */
  sources: string[];
  /** The file matched an `ignorePatterns` glob: it is not linted. */
  ignored: boolean;
  /** Kind forced by a config file's `files.associations` (nearest wins). */
  kind?: DocumentKind;
  /** Effective severity settings (editor < parents < nearest < CLI). */
  rules: Record<string, SeveritySetting>;
  /** Where each entry of `rules` came from: a config file path, `cli` or `editor`. */
  ruleSources: Record<string, string>;
  ruleOptions: Record<string, Record<string, unknown>>;
  associations: Associations;
  ignorePatterns: { pattern: string; configFile: string }[];
  /** Every `ignores` entry of the contributing files (whether or not its `files` match this file). */
  ignores: LocatedIgnore[];
}
