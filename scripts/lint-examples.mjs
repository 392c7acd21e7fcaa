// `npm run lint:examples` (the README's first command ends with it): the CLI over examples/, as a user sees it, then
// a check that every file gave exactly the findings examples/README.md names. Exit 0 when they match (the CLI
// itself exits 1 here: the bad examples hold errors on purpose), 1 when they do not, 2 when the CLI broke.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { expectedFindings, actualFindings, compare } = createRequire(import.meta.url)('./examples-contract.cjs');
const cli = join(root, 'dist', 'cli.js');
const examples = join(root, 'examples');

const text = spawnSync(process.execPath, [cli, 'examples', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const json = spawnSync(process.execPath, [cli, '--format', 'json', 'examples'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
if (text.status === 2 || json.status === 2 || json.status === null) {
  console.error(`lint:examples: the CLI failed (exit ${json.status ?? json.signal}): ${json.stderr}`);
  process.exit(2);
}
const expected = expectedFindings(examples);
const problems = compare(expected, actualFindings(JSON.parse(json.stdout), examples, root));
if (problems.length) {
  console.error(`\nlint:examples: the findings differ from examples/README.md:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const bad = [...expected.values()].filter((ids) => ids.length > 0).length;
console.log(`\nlint:examples: as expected (examples/README.md): ${bad} bad files with their named findings, ${expected.size - bad} clean files with none.`);
