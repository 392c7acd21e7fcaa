// Rule documentation pages for --explain and SARIF help: read from the package root, which holds rules/docs in
// every layout (the repository, an npm install, the unpacked .vsix), next to dist/cli.js.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ruleDocsPath } from '../rules';

/** Rule ids are `pack/name`; anything else never reaches the file system. */
const SAFE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

// dist/cli.js -> <root>; out-<name>/cli/docs.js (tests) -> <root> two levels up.
function roots(): string[] {
  return [join(__dirname, '..'), join(__dirname, '..', '..')];
}

const cache = new Map<string, string | undefined>();

/** The markdown page of a rule, or undefined when there is none (pseudo-rules, unknown ids). */
export function readRuleDoc(ruleId: string): string | undefined {
  if (!SAFE_ID.test(ruleId)) return undefined;
  if (cache.has(ruleId)) return cache.get(ruleId);
  let text: string | undefined;
  for (const root of roots()) {
    try {
      text = readFileSync(join(root, ruleDocsPath(ruleId)), 'utf8');
      break;
    } catch {
      // try the next root
    }
  }
  cache.set(ruleId, text);
  return text;
}

/** file:// URI of a rule's installed docs page (SARIF helpUri when the package names no repository). */
export function ruleDocUri(ruleId: string): string | undefined {
  if (!SAFE_ID.test(ruleId)) return undefined;
  for (const root of roots()) {
    const p = join(root, ruleDocsPath(ruleId));
    if (existsSync(p)) return pathToFileURL(p).href;
  }
  return undefined;
}
