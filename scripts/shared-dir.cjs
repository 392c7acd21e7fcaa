// Where the project's shared material (../shared: reference/ and corpus/) is. The repository normally sits beside it;
// a clone made elsewhere (e.g. into a temp dir) finds it beside the repository it was cloned from. ECS_LINT_SHARED
// overrides both. Used by the corpus lint command, the tests and the benchmarks.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const isShared = (dir) => existsSync(join(dir, 'corpus')) || existsSync(join(dir, 'reference'));

/** The shared folder for the repository at `repoRoot`, or `<repoRoot>/../shared` (possibly missing) when none is found. */
function sharedDir(repoRoot) {
  const beside = join(resolve(repoRoot), '..', 'shared');
  if (process.env.ECS_LINT_SHARED) return resolve(process.env.ECS_LINT_SHARED);
  if (isShared(beside)) return beside;
  try {
    const origin = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // Only local clones: a URL (https://, git@...) names no folder on this machine.
    if (origin && !/^[a-z][a-z0-9+.-]*:\/\/|^[^/]+@[^:]+:/i.test(origin)) {
      const fromOrigin = join(resolve(repoRoot, origin.replace(/^file:\/\//, '')), '..', 'shared');
      if (isShared(fromOrigin)) return fromOrigin;
    }
  } catch {
    // not a git checkout, or no origin
  }
  return beside;
}

module.exports = { sharedDir, repoRoot: dirname(__dirname) };

// `node scripts/shared-dir.cjs corpus` prints the path (for shell use).
if (require.main === module) process.stdout.write(join(sharedDir(dirname(__dirname)), ...process.argv.slice(2)) + '\n');
