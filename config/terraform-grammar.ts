// Node side of the Terraform grammar: reads the two .wasm files for initTerraform. The bundles (dist/cli.js,
// dist/server.js) find them beside themselves (scripts/build.mjs copies them there); compiled tests and tools running
// from the sources find them in node_modules.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initTerraform, type TerraformWasm } from '../rules';

export const RUNTIME_WASM = 'tree-sitter.wasm';
export const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';

function find(name: string, fromPackage: string): string {
  const beside = join(__dirname, name);
  if (existsSync(beside)) return beside;
  return require.resolve(fromPackage);
}

export function readTerraformWasm(): TerraformWasm {
  return {
    runtime: readFileSync(find(RUNTIME_WASM, `web-tree-sitter/${RUNTIME_WASM}`)),
    grammar: readFileSync(find(GRAMMAR_WASM, `@tree-sitter-grammars/tree-sitter-hcl/${GRAMMAR_WASM}`)),
  };
}

/** Loads the grammar once (later calls share the promise); never rejects, a failure is reported per Terraform file. */
export function loadTerraform(): Promise<void> {
  return initTerraform(readTerraformWasm);
}
