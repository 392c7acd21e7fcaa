// The one test command: type-check and compile, bundle, run every mocha suite, print `N passed, N failed`.
// Editor-hosted tests (test/e2e) are run by their own script when present.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Mocha from 'mocha';
execFileSync(process.execPath, ['scripts/gen-iam-data.mjs', '--if-stale'], { stdio: 'inherit' }); // git-ignored IAM data (rules/iam/generated)
execFileSync(process.execPath, ['scripts/gen-ecs-model.mjs', '--if-stale'], { stdio: 'inherit' }); // git-ignored ECS field model (rules/fields/generated)

// TEST_OUT (a folder inside the repo, e.g. out-server) lets parallel runs compile to separate folders.
const OUT = process.env.TEST_OUT || 'out';
rmSync(OUT, { recursive: true, force: true });
let typeErrors = 0;
try {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--outDir', OUT], { stdio: 'inherit' });
} catch {
  // tsc still emits; run the tests but count the type errors as a failure.
  typeErrors = 1;
  console.error('type check failed (counted as 1 failure)');
}
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

function walk(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (p.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const grep = process.env.TEST_GREP;
// The Terraform grammar (WebAssembly) loads once before the test files (some lint while mocha loads them), as the CLI
// and the server load it at start-up. Same compiled module instance as the tests' (same path, require cache).
const { loadTerraform } = createRequire(import.meta.url)(join(process.cwd(), OUT, 'config', 'terraform-grammar.js'));
await loadTerraform();
const mocha = new Mocha({ timeout: 20000, reporter: 'spec', ...(grep ? { grep } : {}) });
// test/corpus: the shared corpus suite, registered only when ../shared/corpus exists (one line says when it is not).
const roots = [`${OUT}/test/unit`, `${OUT}/test/lsp`, `${OUT}/test/cli`, `${OUT}/test/corpus`];
for (const root of roots) {
  try { for (const f of walk(root).sort()) mocha.addFile(f); } catch { /* suite folder not present */ }
}
const runner = mocha.run((failures) => {
  const s = runner.stats;
  // Pending (skipped) tests are reported as skipped, never as passed.
  const failed = s.failures + typeErrors;
  console.log(`\n${s.passes} passed, ${failed} failed${s.pending ? `, ${s.pending} skipped` : ''}`);
  process.exitCode = failed || s.passes === 0 ? 1 : 0;
});
