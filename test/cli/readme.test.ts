// README: the rule table is generated from the rule metadata and must not go stale.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('has an up-to-date rule table (run `npm run docs` if this fails)', function () {
    this.timeout(30000);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-readme.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr || r.stdout);
  });

  it('lists every registered rule', () => {
    const { allRules } = require('../../rules') as { allRules: { meta: { id: string } }[] };
    const table = readme.slice(readme.indexOf('<!-- rules:start -->'), readme.indexOf('<!-- rules:end -->'));
    for (const r of allRules) assert.ok(table.includes(`\`${r.meta.id}\``), `${r.meta.id} missing from the README table`);
  });

  it('gives the newcomer commands exactly', () => {
    assert.ok(readme.includes('\nnpm ci && npm run build && npm run lint:examples\n'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.scripts['lint:examples'], 'node scripts/lint-examples.mjs');
    assert.ok(readme.includes('\nnpm run test:all\n'));
    assert.ok(readme.includes('code --install-extension ecs-security-lint.vsix'));
  });

  it('documents every contributed setting and the Workspace Trust decision', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const key of Object.keys(pkg.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), `${key} not in README`);
    assert.match(readme, /## Workspace Trust/);
    assert.match(readme, /## Design/);
  });
});
