// The editor-hosted suite types into a copy of clean-task.json and expects no diagnostic before the edit; keep
// that fixture clean as rules are added, here where it is cheap to notice.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../helpers';

describe('editor-hosted test fixtures', () => {
  it('clean-task.json has no finding from any rule', () => {
    const p = join(__dirname, '..', '..', '..', 'test', 'e2e', 'fixtures', 'clean-task.json');
    const r = lint(readFileSync(p, 'utf8'), { fileName: p });
    assert.equal(r.kind, 'task-definition');
    assert.deepEqual(r.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });
});
