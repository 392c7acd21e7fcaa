// Settings take effect without a reload: per-rule severities, turning a rule off, and `ecsLint.run: onSave`.
'use strict';
const assert = require('node:assert/strict');
const h = require('./helpers');

describe('settings', () => {
  before(() => h.activateExtension());
  afterEach(async () => {
    await h.revertAll();
    await h.setSetting('rules', undefined);
    await h.setSetting('run', undefined);
  });

  it('ecsLint.rules changes a severity and turns a rule off, and resetting restores them', async () => {
    const { doc } = await h.open('settings-task.json');
    const base = h.expectedFor('settings-task.json').map(h.describeFinding);
    await h.waitForExactly(doc.uri, base, 'default diagnostics');
    await h.setSetting('rules', { 'task/no-privileged': 'warning', 'task/no-host-network': 'off' });
    const changed = base
      .filter((d) => !d.startsWith('task/no-host-network@'))
      .map((d) => (d.startsWith('task/no-privileged@') ? d.replace(/ error$/, ' warning') : d));
    await h.waitForExactly(doc.uri, changed, 'diagnostics after changing ecsLint.rules');
    await h.setSetting('rules', undefined);
    await h.waitForExactly(doc.uri, base, 'diagnostics after resetting ecsLint.rules');
  });

  it('ecsLint.run: onSave stops on-type linting; saving lints', async () => {
    const { doc, editor } = await h.open('onsave-task.json');
    const base = h.expectedFor('onsave-task.json').map(h.describeFinding);
    await h.waitForExactly(doc.uri, base, 'default diagnostics');
    try {
      await h.setSetting('run', 'onSave');
      // Barrier: a later settings change re-lints open files; seeing its effect means every earlier
      // configuration-triggered re-lint has landed, so none can race with the edit below.
      await h.setSetting('rules', { 'task/no-host-network': 'warning' });
      const relaxed = base.map((d) => (d.startsWith('task/no-host-network@') ? d.replace(/ error$/, ' warning') : d));
      await h.waitForExactly(doc.uri, relaxed, 'diagnostics after the barrier settings change');

      const line = doc.getText().split('\n').findIndex((l) => l.includes('"privileged": true'));
      assert.ok(line > 0);
      assert.ok(await editor.edit((b) => b.delete(doc.lineAt(line).rangeIncludingLineBreak)));
      const has = () => h.ours(doc.uri).some((d) => h.codeOf(d) === 'task/no-privileged');
      await h.staysFalse(() => !has(), { what: 'an on-type re-lint in onSave mode (no-privileged cleared before saving)' });
      assert.ok(await doc.save());
      await h.waitFor(() => !has(), { what: 'the diagnostic to clear after saving' });
    } finally {
      h.restoreFixture('onsave-task.json');
    }
  });
});
