// Diagnostics on open: exact codes, ranges, severities and source; nothing on unrelated JSON; other kinds.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

// The three findings the fixture was built for (0-based lines/characters, as in the CLI's JSON output).
const TASK_ERRORS = [
  'task/no-host-network@2:17-2:23 error',
  'task/no-privileged@13:6-13:24 error',
  'task/no-plaintext-secrets@15:18-15:31 error',
];

describe('diagnostics', () => {
  let ext;
  before(async () => { ext = await h.activateExtension(); });

  it('runs the packaged extension, not the sources', () => {
    const repo = path.resolve(h.config().repoRoot);
    assert.ok(!path.resolve(ext.extensionPath).startsWith(repo + path.sep), `loaded from the repo: ${ext.extensionPath}`);
    assert.equal(ext.packageJSON.name, 'ecs-security-lint');
    assert.ok(ext.isActive);
    console.log(`    VS Code ${vscode.version}, extension ${ext.packageJSON.version} at ${ext.extensionPath}`);
  });

  it('a task definition shows exactly the expected diagnostics (codes, ranges, severities, source)', async () => {
    const expected = h.expectedFor('task.json').map(h.describeFinding);
    for (const e of TASK_ERRORS) assert.ok(expected.includes(e), `fixture drifted: CLI no longer reports ${e}`);
    const { doc } = await h.open('task.json');
    await h.waitForExactly(doc.uri, expected, 'task.json diagnostics');
    for (const d of h.ours(doc.uri)) {
      assert.equal(d.source, 'ecs-lint');
      assert.ok(d.message.length > 20, `message of ${h.codeOf(d)} is empty`);
    }
  });

  it('unrelated JSON gets no diagnostics from us', async () => {
    assert.deepEqual(h.expectedFor('tsconfig.json'), []);
    const { doc } = await h.open('tsconfig.json');
    await h.staysFalse(() => h.ours(doc.uri).length > 0, { what: 'an ecs-lint diagnostic on tsconfig.json' });
    // The server is alive meanwhile: a file we do lint still gets its findings.
    const task = await h.open('task.json');
    await h.waitForExactly(task.doc.uri, h.expectedFor('task.json').map(h.describeFinding), 'task.json diagnostics');
  });

  const kinds = [
    ['policy.json', 'iam/wildcard-action', 'json'],
    ['endpoint-policy.json', 'endpoint/full-access', 'json'],
    ['ecs.config', 'agent/block-imds', 'ecs-agent-config'],
  ];
  for (const [name, rule, languageId] of kinds) {
    it(`${name} gets its own findings (${rule})`, async () => {
      const expected = h.expectedFor(name).map(h.describeFinding);
      assert.ok(expected.some((e) => e.startsWith(`${rule}@`)), `fixture drifted: CLI no longer reports ${rule} on ${name}`);
      const { doc } = await h.open(name);
      assert.equal(doc.languageId, languageId);
      await h.waitForExactly(doc.uri, expected, `${name} diagnostics`);
    });
  }
});
