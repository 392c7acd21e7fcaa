// `npm run test:e2e`: the editor-hosted suite in a real VS Code (code-server from npm) without internet.
// Packages the extension, installs the .vsix and a small runner extension into a fresh profile, opens the
// workbench in headless Debian chromium (the extension host only starts with a browser), waits for the
// runner's results file, prints them, saves screenshots to artifacts/, and exits non-zero on any failure.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureVsix, prepareTerraformWorkspace, prepareWorkspace, REPO, USER_SETTINGS } from './workspace.mjs';

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 300000);
const TRUSTED = process.env.E2E_TRUST === 'trusted'; // default: untrusted workspace (Restricted Mode)
const ARTIFACTS = process.env.E2E_SCREENSHOT_DIR || join(REPO, 'artifacts');
const t0 = Date.now();
const log = (m) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function poll(probe, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const cleanups = [];
async function cleanup() {
  while (cleanups.length) { try { await cleanups.pop()(); } catch { /* best effort */ } }
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup().finally(() => process.exit(130)); });

async function main() {
  const VSIX = ensureVsix(log);
  log('preparing code-server');
  const codeServer = execFileSync('bash', [join(REPO, 'scripts/e2e/prepare-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
  const entry = join(codeServer, 'out/node/entry.js');

  const tmp = mkdtempSync(join(tmpdir(), 'ecs-lint-e2e-'));
  if (!process.env.E2E_KEEP) cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const userData = join(tmp, 'user-data'), extensions = join(tmp, 'extensions'), workspace = join(tmp, 'workspace');
  const resultsFile = join(workspace, '.e2e-results.json');
  prepareWorkspace(workspace, { mode: 'extension', resultsFile, expectTrusted: TRUSTED });
  // Fresh profile with the test settings (no auto-save, telemetry or update checks: see USER_SETTINGS).
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  log('packaging the runner extension');
  const runnerVsix = join(tmp, 'runner.vsix');
  execFileSync(process.execPath, [join(REPO, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', runnerVsix],
    { cwd: join(REPO, 'test/e2e/runner-extension'), stdio: ['ignore', 'ignore', 'inherit'] });

  log(`installing ${VSIX} and the runner`);
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry'];
  execFileSync(process.execPath, [entry, ...common, '--install-extension', VSIX, '--install-extension', runnerVsix], { stdio: ['ignore', 'inherit', 'inherit'] });

  const port = await freePort();
  const args = [entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...(TRUSTED ? ['--disable-workspace-trust'] : []), workspace];
  const serverLog = [];
  const server = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  server.stdout.on('data', (d) => serverLog.push(String(d)));
  server.stderr.on('data', (d) => serverLog.push(String(d)));
  let exited = false;
  server.on('exit', () => { exited = true; });
  cleanups.push(() => { if (!exited) process.kill(-server.pid, 'SIGKILL'); });
  log(`code-server on 127.0.0.1:${port} (workspace ${TRUSTED ? 'trusted' : 'untrusted'})`);
  await poll(async () => {
    if (exited) throw new Error(`code-server exited:\n${serverLog.join('')}`);
    try { return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { return false; }
  }, 60000, 'code-server to listen');

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  cleanups.push(() => browser.close());
  /** Opens a workbench window on `folder`, waits for the runner's results file there and prints the results. */
  async function runWindow(folder, file, what) {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await p.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    log(`${what}: workbench opened; waiting for the suite`);
    const r = await poll(() => {
      if (exited) throw new Error(`code-server exited:\n${serverLog.join('')}`);
      if (!existsSync(file)) return false;
      return JSON.parse(readFileSync(file, 'utf8'));
    }, TIMEOUT_MS, `the ${what} results (${file}); the runner extension never reported: is the extension host running?`);
    process.stdout.write(r.output || '');
    if (r.error) console.error(r.error);
    for (const t of r.tests.filter((x) => x.state === 'failed')) console.error(`FAILED ${t.title}\n${t.error}\n`);
    return { page: p, results: r };
  }

  const { page, results } = await runWindow(workspace, resultsFile, 'main suite');

  if (!process.env.E2E_NO_SCREENSHOTS) {
    try {
      const { takeScreenshots } = await import('./screenshots-lib.mjs');
      mkdirSync(ARTIFACTS, { recursive: true });
      const saved = await takeScreenshots(page, ARTIFACTS);
      log(`screenshots: ${saved.join(', ')}`);
    } catch (e) {
      const failureShot = join(REPO, 'artifacts', 'screenshot-failure.png');
      mkdirSync(join(REPO, 'artifacts'), { recursive: true });
      await page.screenshot({ path: failureShot }).catch(() => {});
      log(`screenshots failed (${process.env.E2E_SCREENSHOTS_REQUIRED ? 'required: counted as a failure' : 'not a test failure'}; see ${failureShot}): ${e.message.split('\n')[0]}`);
      if (process.env.E2E_SCREENSHOTS_REQUIRED) results.failed += 1;
    }
  }
  // A second window on a folder holding only main.tf (test/e2e/suite-terraform): its own extension host, so the
  // extension must activate there without the JSON, YAML and ecs.config files of the first workspace.
  const tfWorkspace = join(tmp, 'terraform-only');
  const tfResultsFile = join(tfWorkspace, '.e2e-results.json');
  prepareTerraformWorkspace(tfWorkspace, { mode: 'extension', resultsFile: tfResultsFile, expectTrusted: TRUSTED });
  const { results: tf } = await runWindow(tfWorkspace, tfResultsFile, 'Terraform-only suite');

  log(`VS Code ${results.vscodeVersion}`);
  return {
    passed: results.passed + tf.passed,
    failed: results.failed + tf.failed + (tf.error ? 1 : 0),
    pending: (results.pending || 0) + (tf.pending || 0),
    error: results.error,
  };
}

let code = 1;
try {
  const r = await main();
  const failed = r.failed + (r.error ? 1 : 0);
  const passed = r.passed;
  console.log(`\n${passed} passed, ${failed} failed${r.pending ? `, ${r.pending} skipped` : ''}`);
  code = failed || passed === 0 ? 1 : 0;
} catch (e) {
  console.error(`e2e: ${e.stack || e}`);
  console.log('\n0 passed, 1 failed');
} finally {
  await cleanup();
}
process.exit(code);
