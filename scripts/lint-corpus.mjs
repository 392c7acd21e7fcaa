// `npm run lint:corpus` (a development aid): the CLI over the shared example corpus (../shared/corpus, located by
// scripts/shared-dir.cjs). A clone without it says so and exits 0: nothing in the project needs the corpus.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
const { sharedDir, repoRoot } = createRequire(import.meta.url)('./shared-dir.cjs');
const corpus = join(sharedDir(repoRoot), 'corpus');
if (!existsSync(corpus)) {
  console.log(`lint:corpus skipped: ${corpus} not found (a development aid; set ECS_LINT_SHARED to use one elsewhere). Try npm run lint:examples.`);
} else {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), corpus, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 2;
}
