// Real inputs for the tests that need many files (fuzz seeds, stress, hover coverage, worker byte-identity,
// detection): the repository's own examples/ and test/fixtures, so a clone needs nothing beside it. The shared
// corpus (../shared/corpus) is a development aid used only by test/corpus when present.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, SHARED } from './helpers';

export const EXAMPLES = join(REPO_ROOT, 'examples');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
/** ../shared/corpus when this clone has one (see scripts/shared-dir.cjs); absent in a user's clone. */
export const CORPUS = join(SHARED, 'corpus');
export const corpusPresent = (): boolean => existsSync(join(CORPUS, 'taskdef'));

export interface Input { path: string; /** Relative to its root, `/`-separated. */ name: string; text: string }

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function read(root: string, filter: (name: string) => boolean): Input[] {
  return walk(root).map((p) => ({ path: p, name: relative(root, p).split('\\').join('/') }))
    .filter((f) => filter(f.name)).map((f) => ({ ...f, text: readFileSync(f.path, 'utf8') }));
}

/** Every example file (README.md excluded), or those whose name matches. */
export function examples(match: RegExp = /./): Input[] {
  return read(EXAMPLES, (n) => n !== 'README.md' && match.test(n));
}

/** Test fixtures under test/fixtures/<sub>. */
export function fixtures(sub: string, match: RegExp = /./): Input[] {
  return read(join(FIXTURES, sub), (n) => match.test(n));
}

/** Task definitions in every shape the repository holds: examples (register, describe, bare array) and fixtures. */
export function taskDefinitions(): Input[] {
  return [...examples(/^task-definition\/.*\.json$/), ...fixtures('taskdefs', /\.json$/)];
}

/** Every JSON input: example files and fixtures (task definitions, policies, CloudFormation and CDK templates). */
export function jsonInputs(): Input[] {
  return [...examples(/\.json$/), ...fixtures('taskdefs', /\.json$/), ...fixtures('hosts', /\.json$/)];
}
