// Mocha entry for the editor-hosted suite. Both runners load it inside the extension host:
// @vscode/test-electron calls run() as extensionTestsPath; the offline runner's extension calls run() on activation.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

/**
 * Runs every *.test.js here (or in options.dir: test/e2e/suite-terraform reuses this runner); resolves with a
 * JSON-able summary, rejects (for test-electron) when a test failed.
 */
function run(options = {}) {
  const dir = options.dir || __dirname;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec', ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}) });
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const results = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const output = results.map((t) => `  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}${t.ms !== undefined ? ` (${t.ms} ms)` : ''}\n`).join('');
      const summary = { passed: runner.stats.passes, failed: failures, pending: runner.stats.pending, tests: results, output };
      if (options.resolveOnFailure || failures === 0) resolve(summary);
      else reject(Object.assign(new Error(`${failures} editor-hosted test(s) failed`), { summary }));
    });
    // The runner prints these; the extension host's stdout is not visible in code-server.
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err && (err.stack || err.message) || err) }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
  });
}

module.exports = { run };
