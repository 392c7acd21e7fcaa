// The one helper that lists a Terraform module's files for the CLI and the server.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformSiblings, MAX_MODULE_FILES } from '../../config/terraform-module';

describe('config: a Terraform module\'s sibling files', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'tf-module-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const read = (f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };

  it('lists the other .tf files of the directory, sorted, without the file itself, subdirectories or other files', () => {
    for (const n of ['main.tf', 'b.tf', 'a.TF', 'notes.md', 'x.tfvars']) writeFileSync(join(dir, n), `# ${n}`);
    mkdirSync(join(dir, 'sub.tf'));
    const got = terraformSiblings(join(dir, 'main.tf'), { read });
    assert.deepEqual(got.map((f) => f.fileName), [join(dir, 'a.TF'), join(dir, 'b.tf')]);
    assert.equal(got[1].text, '# b.tf');
  });

  it('adds files that exist only in the editor (unsaved) and leaves out what cannot be read', () => {
    writeFileSync(join(dir, 'main.tf'), '');
    writeFileSync(join(dir, 'gone.tf'), '');
    const open = new Map([[join(dir, 'new.tf'), 'resource "aws_vpc" "x" {}'], [join(dir, '..', 'elsewhere.tf'), '']]);
    const got = terraformSiblings(join(dir, 'main.tf'), { read: (f) => (f.endsWith('gone.tf') ? undefined : open.get(f) ?? read(f)), extra: open.keys() });
    assert.deepEqual(got, [{ fileName: join(dir, 'new.tf'), text: 'resource "aws_vpc" "x" {}' }]);
  });

  it('an unreadable directory gives only the extra files; at most MAX_MODULE_FILES files', () => {
    assert.deepEqual(terraformSiblings(join(dir, 'missing', 'main.tf'), { read }), []);
    for (let i = 0; i < MAX_MODULE_FILES + 5; i++) writeFileSync(join(dir, `f${String(i).padStart(3, '0')}.tf`), '');
    assert.equal(terraformSiblings(join(dir, 'main.tf'), { read }).length, MAX_MODULE_FILES);
  });
});
