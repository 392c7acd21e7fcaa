// Every rule has complete metadata and a docs page with the required sections.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, ruleDocsPath, DOCUMENT_KINDS } from '../../rules';
import { PSEUDO_RULES } from '../../cli/cli';
import { INVALID_CONFIG_ID } from '../../config/types';

const ROOT = join(__dirname, '..', '..', '..');
const SECTIONS = ['## Why it matters', '## Bad', '## Good', '## References'];

describe('rule metadata and docs', () => {
  it('has at least one rule and unique ids', () => {
    assert.ok(allRules.length > 0);
    assert.equal(new Set(allRules.map((r) => r.meta.id)).size, allRules.length);
  });
  for (const rule of allRules) {
    const m = rule.meta;
    it(`${m.id}: metadata is complete`, () => {
      assert.match(m.id, /^[a-z]+\/[a-z0-9-]+$/);
      assert.ok(m.kinds.length > 0 && m.kinds.every((k) => (DOCUMENT_KINDS as readonly string[]).includes(k)));
      assert.ok(['error', 'warning', 'info', 'hint'].includes(m.defaultSeverity));
      assert.ok(m.description.length > 10 && m.description.length < 200);
    });
    it(`${m.id}: docs page exists with the required sections`, () => {
      const p = join(ROOT, ruleDocsPath(m.id));
      assert.ok(existsSync(p), `missing ${ruleDocsPath(m.id)}`);
      const md = readFileSync(p, 'utf8');
      assert.ok(md.startsWith(`# ${m.id}\n`), 'docs page must start with "# <rule id>"');
      for (const s of SECTIONS) assert.ok(md.includes(s), `docs page lacks "${s}"`);
    });
  }
  // Findings without a Rule object (syntax errors, rule failures, config problems) get pages too: SARIF help and
  // helpUri, --explain and the editor's documentation link use them.
  for (const id of [...PSEUDO_RULES.map((m) => m.id), INVALID_CONFIG_ID]) {
    it(`${id} (reported without a rule object): docs page exists with the required sections`, () => {
      const p = join(ROOT, ruleDocsPath(id));
      assert.ok(existsSync(p), `missing ${ruleDocsPath(id)}`);
      const md = readFileSync(p, 'utf8');
      assert.ok(md.startsWith(`# ${id}\n`));
      for (const s of SECTIONS) assert.ok(md.includes(s), `docs page lacks "${s}"`);
    });
  }
});
