// Drives the code-server workbench with the keyboard to capture the extension at work.
// Used by run-offline.mjs (artifacts/) and scripts/e2e/screenshots.mjs (docs/images/).
import { join } from 'node:path';

const T = 15000;

async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible', timeout: T });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T }).catch(() => {});
}

async function openFile(page, name) {
  await runCommand(page, 'Go to File...');
  const input = page.locator('.quick-input-widget input');
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: T });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label^="${name}"]`).waitFor({ timeout: T });
}

async function goTo(page, line, column) {
  await runCommand(page, 'Go to Line/Column...');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Saves editor / hover / quick-fix / problems screenshots of task.json into `dir`; returns the file names. */
export async function takeScreenshots(page, dir, { file = 'task.json', line = 14, column = 10 } = {}) {
  const saved = [];
  const shot = async (name) => { await page.screenshot({ path: join(dir, name) }); saved.push(name); };
  // Untrusted runs show the trust dialog: stay in Restricted Mode (the mode under test).
  const distrust = page.getByRole('button', { name: "No, I don't trust the authors" });
  if (await distrust.isVisible().catch(() => false)) await distrust.click();
  await page.keyboard.press('Escape');
  await openFile(page, file);
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: T });
  await shot('editor-squiggles.png');

  await goTo(page, line, column);
  await runCommand(page, 'Show or Focus Hover');
  await page.locator('.monaco-hover', { hasText: 'task/no-privileged' }).first().waitFor({ state: 'visible', timeout: T });
  await shot('hover.png');
  await page.keyboard.press('Escape');

  await runCommand(page, 'Quick Fix...');
  await page.locator('.action-widget', { hasText: 'privileged' }).first().waitFor({ state: 'visible', timeout: T });
  await shot('quick-fix.png');
  await page.keyboard.press('Escape');

  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'visible', timeout: T });
  await shot('problems.png');
  return saved;
}
