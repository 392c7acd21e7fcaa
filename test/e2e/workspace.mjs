// Builds the temp workspace both runners open: fixtures, per-test copies, pristine copies, and .e2e/config.json
// with the findings the CLI (same build as the packaged extension) reports with default settings.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES = join(REPO, 'test/e2e/fixtures');

// Tests that edit a file get their own copy so they cannot disturb each other.
const COPIES = {
  'edit-task.json': 'clean-task.json',
  'onsave-task.json': 'task.json',
  'fix-task.json': 'task.json',
  'settings-task.json': 'task.json',
  // Never opened by any test: only the "Lint Workspace" command can give it diagnostics.
  'scan-task.json': 'task.json',
};

/** Creates the workspace in `dir` and returns the config written to dir/.e2e/config.json. */
export function prepareWorkspace(dir, { mode, resultsFile, expectTrusted }) {
  mkdirSync(join(dir, '.e2e', 'pristine'), { recursive: true });
  const files = readdirSync(FIXTURES);
  for (const f of files) copyFileSync(join(FIXTURES, f), join(dir, f));
  for (const [copy, from] of Object.entries(COPIES)) copyFileSync(join(FIXTURES, from), join(dir, copy));
  for (const f of [...files, ...Object.keys(COPIES)]) copyFileSync(join(dir, f), join(dir, '.e2e', 'pristine', f));

  const names = [...files, ...Object.keys(COPIES)].filter((f) => f.endsWith('.json') || f.endsWith('ecs.config'));
  return writeConfig(dir, names, { mode, suiteIndex: join(REPO, 'test/e2e/suite/index.js'), resultsFile, expectTrusted });
}

/**
 * A second workspace holding only a Terraform file (test/e2e/fixtures-terraform), for the suite in
 * test/e2e/suite-terraform: the extension must activate and lint it with no JSON or YAML file in sight.
 */
export function prepareTerraformWorkspace(dir, { mode, resultsFile, expectTrusted }) {
  const fixtures = join(REPO, 'test/e2e/fixtures-terraform');
  mkdirSync(join(dir, '.e2e'), { recursive: true });
  const names = readdirSync(fixtures);
  for (const f of names) copyFileSync(join(fixtures, f), join(dir, f));
  return writeConfig(dir, names, { mode, suiteIndex: join(REPO, 'test/e2e/suite-terraform/index.js'), resultsFile, expectTrusted });
}

/** Writes dir/.e2e/config.json with the findings the CLI reports for `names` (the suites' expectations). */
function writeConfig(dir, names, { mode, suiteIndex, resultsFile, expectTrusted }) {
  let out;
  try {
    out = execFileSync(process.execPath, [join(REPO, 'dist/cli.js'), '--format', 'json', ...names], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    if (e.status !== 1 || !e.stdout) throw e; // exit 1 = error findings, expected here
    out = e.stdout;
  }
  const expected = JSON.parse(out).files.map((f) => ({ path: relative(dir, resolve(dir, f.path)), kind: f.kind, findings: f.findings }));
  const config = { mode, repoRoot: REPO, suiteIndex, resultsFile, expectTrusted, expected };
  writeFileSync(join(dir, '.e2e', 'config.json'), JSON.stringify(config, null, 2));
  return config;
}

/** User settings for the test profile (both runners). */
export const USER_SETTINGS = {
  // VS Code for the Web (code-server) auto-saves after a delay by default, which would hide on-type behaviour.
  'files.autoSave': 'off',
  // No telemetry or update checks: there is no internet, and their failures surface as uncaught errors in the extension host.
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'files.exclude': { '.e2e': true, '.e2e-results.json': true, '.vscode': true },
};

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newestMtime(join(p, n))));
}

/** A complete zip ends with an end-of-central-directory record (an interrupted package leaves a truncated file). */
function isZip(file) {
  const buf = readFileSync(file);
  return buf.subarray(Math.max(0, buf.length - 65557)).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

/**
 * The packaged extension the suite runs (what users install): E2E_VSIX if given (e.g. a deliberately broken
 * copy), else ecs-security-lint.vsix, rebuilt with `npm run package` unless it is newer than every source.
 */
export function ensureVsix(log) {
  if (process.env.E2E_VSIX) return resolve(process.env.E2E_VSIX);
  const vsix = join(REPO, 'ecs-security-lint.vsix');
  const sources = Math.max(...['client', 'server', 'rules', 'syntaxes', 'package.json', 'scripts/build.mjs', '.vscodeignore'].map((p) => newestMtime(join(REPO, p))));
  const fresh = existsSync(vsix) && statSync(vsix).mtimeMs > sources && newestMtime(join(REPO, 'dist')) > sources && isZip(vsix);
  if (fresh && !process.env.E2E_REBUILD) {
    log('using the existing ecs-security-lint.vsix (newer than the sources)');
  } else {
    log('npm run package');
    execFileSync('npm', ['run', 'package'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return vsix;
}
