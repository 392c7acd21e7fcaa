// Bundles the extension, the language server and the CLI with esbuild (CommonJS, Node 20, sourcemaps).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
(await import('node:child_process')).execFileSync(process.execPath, ['scripts/gen-iam-data.mjs', '--if-stale'], { stdio: 'inherit' }); // git-ignored IAM data (rules/iam/generated)
(await import('node:child_process')).execFileSync(process.execPath, ['scripts/gen-ecs-model.mjs', '--if-stale'], { stdio: 'inherit' }); // git-ignored ECS field model (rules/fields/generated)
(await import('node:child_process')).execFileSync(process.execPath, ['scripts/gen-config-schema.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] }); // git-ignored schemas/ecslintrc + package.json "ecsLint" schemas

// mainFields: prefer ESM entry points; jsonc-parser's UMD build uses a dynamic require esbuild cannot bundle.
// web-tree-sitter: its CommonJS build, as `require` gets it; the ESM one reads import.meta.url, empty in a CJS bundle.
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'],
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
};
const entries = [
  { entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
].filter((e) => existsSync(e.entryPoints[0]));

await Promise.all(entries.map((e) => build({ ...common, ...e })));
// The Terraform grammar is WebAssembly loaded at run time (config/terraform-grammar.ts): it ships beside the bundles.
const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
for (const [from, name] of [['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'], ['@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'tree-sitter-terraform.wasm']]) {
  copyFileSync(require.resolve(from), `dist/${name}`);
}
console.log(`built ${entries.map((e) => e.outfile).join(', ')}`);
