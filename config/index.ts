// Public API of the configuration layer (CLI and language server).
export { lintFile, lintFileSteps, printConfig, unusedIgnoresAcross, checkConfigText, commentPolicy, type LintFileOptions, type LintFileResult, type Suppressed, type UnusedIgnore } from './lint';
export { ConfigLoader, type LoaderOptions } from './load';
export { resolveConfig } from './resolve';
export {
  fingerprint, fingerprints, emptyBaseline, addToBaseline, isBaselined, serializeBaseline, parseBaseline, readBaseline,
  writeBaseline, BaselineError, BASELINE_VERSION, type Baseline, type BaselineEntry,
} from './baseline';
export { parsePointer, nodesAt } from './suppress';
export { inSourceDirectives, type CommentPolicy, type Directive } from './directives';
export type { CommentSyntax } from './comments';
export * from './types';
export { ignoreTarget, addIgnoreEntry, newConfigText, filesGlobFor, TODO_REASON } from './edit';
