// Terraform modules in the editor: the other .tf files of a document's directory, from disk, with the text of open
// documents winning (unsaved edits count). The engine never reads files; this is where the server does it for it.
import * as fs from 'node:fs';
import { decodeText } from '../config/text';
import { isTerraformFile, terraformSiblings as moduleSiblings, MAX_MODULE_BYTES, type ModuleFileText } from '../config/terraform-module';

export { isTerraformFile, type ModuleFileText };

/** Disk reads by file name, reused while the modification time is unchanged. */
const disk = new Map<string, { mtimeMs: number; size: number; text: string }>();

/** Siblings of `fileName`: every other .tf file of its directory; `open` maps file names of open documents to their text. */
export function terraformSiblings(fileName: string, open: ReadonlyMap<string, string>): ModuleFileText[] {
  return moduleSiblings(fileName, { read: (f) => open.get(f) ?? readCached(f), extra: open.keys() });
}

function readCached(f: string): string | undefined {
  try {
    const st = fs.statSync(f);
    if (!st.isFile() || st.size > MAX_MODULE_BYTES) return undefined;
    const hit = disk.get(f);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.text;
    const read = decodeText(fs.readFileSync(f));
    if (!read.ok) return undefined;
    const text = read.text;
    disk.set(f, { mtimeMs: st.mtimeMs, size: st.size, text });
    return text;
  } catch {
    return undefined;
  }
}

/** Same sibling texts (file names and contents) as before: a cached lint of the document still holds. */
export function sameSiblings(a: readonly ModuleFileText[] | undefined, b: readonly ModuleFileText[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((x, i) => x.fileName === b[i].fileName && x.text === b[i].text);
}
