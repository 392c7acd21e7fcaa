// `npm run test:vscode`: the same editor-hosted suite through @vscode/test-electron (the conventional runner,
// for contributors and GitHub Actions). Uses VSCODE_EXECUTABLE_PATH if set, else downloads VS Code. Without
// either (no internet here) it says why it cannot run and exits non-zero: that is not a pass.
// The packaged .vsix is installed into a fresh extensions dir; the suite runs as extensionTestsPath.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { ensureVsix, prepareTerraformWorkspace, prepareWorkspace, REPO, USER_SETTINGS } from './workspace.mjs';

const log = (m) => console.log(`[test:vscode] ${m}`);

async function vscodeExecutable() {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  try {
    log('VSCODE_EXECUTABLE_PATH is not set: downloading VS Code (stable)');
    return await downloadAndUnzipVSCode({ version: process.env.VSCODE_VERSION || 'stable', timeout: 30000 });
  } catch (e) {
    console.error([
      '',
      'test:vscode CANNOT RUN (this is not a pass): no VS Code to run the suite in.',
      `  VSCODE_EXECUTABLE_PATH is not set, and downloading VS Code failed: ${String(e && e.message || e).split('\n')[0]}`,
      '  This machine probably has no internet access. Either set VSCODE_EXECUTABLE_PATH to an installed VS Code',
      '  (its Electron executable, e.g. /usr/share/code/code), or run the same suite offline with `npm run test:e2e`',
      '  (code-server from the npm registry in headless chromium).',
      '',
    ].join('\n'));
    return undefined;
  }
}

async function main() {
  const exe = await vscodeExecutable();
  if (!exe) return 2;
  const vsix = ensureVsix(log);
  const tmp = mkdtempSync(join(tmpdir(), 'ecs-lint-vscode-'));
  try {
    const userData = join(tmp, 'user-data'), extensions = join(tmp, 'extensions'), workspace = join(tmp, 'workspace');
    // test-electron starts VS Code with --disable-workspace-trust, so the window is trusted here.
    prepareWorkspace(workspace, { mode: 'electron', resultsFile: join(workspace, '.e2e-results.json'), expectTrusted: true });
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(exe, { reuseMachineInstall: false });
    log(`installing ${vsix}`);
    execFileSync(cli, [...cliArgs.filter((a) => !a.startsWith('--extensions-dir') && !a.startsWith('--user-data-dir')),
      '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { stdio: 'inherit', shell: process.platform === 'win32' });

    await runTests({
      vscodeExecutablePath: exe,
      // The runner extension is inert in this mode (config mode "electron"); test-electron needs a development path.
      extensionDevelopmentPath: join(REPO, 'test/e2e/runner-extension'),
      extensionTestsPath: join(REPO, 'test/e2e/suite/index.js'),
      launchArgs: [workspace, '--extensions-dir', extensions, '--user-data-dir', userData, '--disable-telemetry'],
    });
    // A folder holding only main.tf (test/e2e/suite-terraform), in a second VS Code session.
    const tfWorkspace = join(tmp, 'terraform-only');
    prepareTerraformWorkspace(tfWorkspace, { mode: 'electron', resultsFile: join(tfWorkspace, '.e2e-results.json'), expectTrusted: true });
    await runTests({
      vscodeExecutablePath: exe,
      extensionDevelopmentPath: join(REPO, 'test/e2e/runner-extension'),
      extensionTestsPath: join(REPO, 'test/e2e/suite-terraform/index.js'),
      launchArgs: [tfWorkspace, '--extensions-dir', extensions, '--user-data-dir', userData, '--disable-telemetry'],
    });
    log('all editor-hosted tests passed');
    return 0;
  } catch (e) {
    console.error(`[test:vscode] failed: ${e && e.message || e}`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

process.exit(await main());
