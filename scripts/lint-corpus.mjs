// `npm run lint:corpus`: the CLI over the shared example corpus, wherever the shared folder is (scripts/shared-dir.cjs).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
const { sharedDir, repoRoot } = createRequire(import.meta.url)('./shared-dir.cjs');
const corpus = join(sharedDir(repoRoot), 'corpus');
const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), corpus, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = r.status ?? 2;
