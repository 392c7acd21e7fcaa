// Regenerates the README's screenshots (docs/images/*.png) from the real extension in code-server:
// runs the offline e2e runner in a trusted window with only the smallest test, saving its pictures there.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const r = spawnSync(process.execPath, [join(repo, 'test/e2e/run-offline.mjs')], {
  cwd: repo,
  stdio: 'inherit',
  env: {
    ...process.env,
    E2E_TRUST: 'trusted', // no Restricted Mode banner in the README pictures
    E2E_GREP: 'runs the packaged extension',
    E2E_SCREENSHOT_DIR: join(repo, 'docs/images'),
    E2E_SCREENSHOTS_REQUIRED: '1',
  },
});
process.exit(r.status ?? 1);
