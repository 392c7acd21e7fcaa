// Bundles the extension, the language server and the CLI with esbuild (CommonJS, Node 20, sourcemaps).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
(await import('node:child_process')).execFileSync(process.execPath, ['scripts/gen-iam-data.mjs', '--if-stale'], { stdio: 'inherit' }); // git-ignored IAM data (rules/iam/generated)
(await import('node:child_process')).execFileSync(process.execPath, ['scripts/gen-ecs-model.mjs', '--if-stale'], { stdio: 'inherit' }); // git-ignored ECS field model (rules/fields/generated)
(await import('node:child_process')).execFileSync(process.execPath, ['scripts/gen-config-schema.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] }); // git-ignored schemas/ecslintrc + package.json "ecsLint" schemas

// mainFields: prefer ESM entry points; jsonc-parser's UMD build uses a dynamic require esbuild cannot bundle.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'] };
const entries = [
  { entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
].filter((e) => existsSync(e.entryPoints[0]));

await Promise.all(entries.map((e) => build({ ...common, ...e })));
console.log(`built ${entries.map((e) => e.outfile).join(', ')}`);
