// Writes schemas/ecslintrc.schema.json and schemas/package-json.schema.json from the rules' metadata (bundled in memory
// with esbuild). Run by scripts/build.mjs (schemas/ is generated, git-ignored); `--check` exits 1 when they are stale.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const gen = join(ROOT, 'scripts', 'gen-iam-data.mjs');
if (existsSync(gen)) execFileSync(process.execPath, [gen, '--if-stale'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const out = await build({
  stdin: { contents: "export { allRules } from './rules'; export { buildConfigSchema, buildPackageJsonSchema } from './config/schema';", resolveDir: ROOT, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], write: false, logLevel: 'error',
});
const module = { exports: {} };
vm.runInThisContext(`(function (module, exports, require) {${out.outputFiles[0].text}\n})`)(module, module.exports, createRequire(join(ROOT, 'index.js')));
const { allRules, buildConfigSchema, buildPackageJsonSchema } = module.exports;
const files = {
  'schemas/ecslintrc.schema.json': buildConfigSchema(allRules),
  'schemas/package-json.schema.json': buildPackageJsonSchema(allRules),
};
let stale = false;
for (const [rel, schema] of Object.entries(files)) {
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  const p = join(ROOT, rel);
  if (process.argv.includes('--check')) {
    if (!existsSync(p) || readFileSync(p, 'utf8') !== text) { console.error(`${rel} is stale: run npm run build`); stale = true; }
  } else {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    console.log(`wrote ${rel}`);
  }
}
process.exitCode = stale ? 1 : 0;
