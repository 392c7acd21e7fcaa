// Terraform modules in the editor: the other .tf files of a document's directory, from disk, with the text of open
// documents winning (unsaved edits count). The engine never reads files; this is where the server does it for it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ModuleFileText { fileName: string; text: string }

const MAX_FILES = 200;
const MAX_BYTES = 5 * 1024 * 1024;
/** Disk reads by file name, reused while the modification time is unchanged. */
const disk = new Map<string, { mtimeMs: number; size: number; text: string }>();

export function isTerraformFile(fileName: string): boolean {
  return /\.tf$/i.test(fileName);
}

/** Siblings of `fileName`: every other .tf file of its directory; `open` maps file names of open documents to their text. */
export function terraformSiblings(fileName: string, open: ReadonlyMap<string, string>): ModuleFileText[] {
  const dir = path.dirname(fileName);
  const names = new Set<string>();
  try {
    for (const n of fs.readdirSync(dir)) if (isTerraformFile(n)) names.add(path.join(dir, n));
  } catch { /* untitled or unreadable: only open documents */ }
  for (const f of open.keys()) if (isTerraformFile(f) && path.dirname(f) === dir) names.add(f);
  names.delete(fileName);
  const out: ModuleFileText[] = [];
  let bytes = 0;
  for (const f of [...names].sort()) {
    if (out.length >= MAX_FILES || bytes > MAX_BYTES) break;
    const text = open.get(f) ?? readCached(f);
    if (text === undefined) continue;
    bytes += text.length;
    out.push({ fileName: f, text });
  }
  return out;
}

function readCached(f: string): string | undefined {
  try {
    const st = fs.statSync(f);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    const hit = disk.get(f);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.text;
    const text = fs.readFileSync(f, 'utf8');
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
