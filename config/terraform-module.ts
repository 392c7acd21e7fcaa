// Terraform modules: a module is every .tf file of one directory. The engine never reads files; the CLI and the
// language server call this to hand it a file's siblings. Reading is the caller's (the CLI decodes with its limits and
// caches per run; the server caches by mtime and overlays the text of open documents, unsaved edits included).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ModuleFileText { fileName: string; text: string }

/** More siblings than any real module has (or more bytes) are not read: the rest of the module stays unknown. */
export const MAX_MODULE_FILES = 200;
export const MAX_MODULE_BYTES = 5 * 1024 * 1024;

export function isTerraformFile(fileName: string): boolean {
  return /\.tf$/i.test(fileName);
}

export interface SiblingOptions {
  /** A file's text, or undefined when it cannot be read (it is left out). */
  read(fileName: string): string | undefined;
  /** Extra file names of the directory that may not be on disk yet (the editor's open, unsaved documents). */
  extra?: Iterable<string>;
}

/**
 * The other .tf files of `fileName`'s directory, sorted by name, each with its text; an unreadable directory gives
 * only the `extra` files. At most MAX_MODULE_FILES files and about MAX_MODULE_BYTES of text.
 */
export function terraformSiblings(fileName: string, opts: SiblingOptions): ModuleFileText[] {
  const dir = path.dirname(fileName);
  const names = new Set<string>();
  try {
    for (const n of fs.readdirSync(dir)) if (isTerraformFile(n)) names.add(path.join(dir, n));
  } catch { /* untitled or unreadable directory */ }
  for (const f of opts.extra ?? []) if (isTerraformFile(f) && path.dirname(f) === dir) names.add(f);
  names.delete(fileName);
  const out: ModuleFileText[] = [];
  let bytes = 0;
  for (const f of [...names].sort()) {
    if (out.length >= MAX_MODULE_FILES || bytes > MAX_MODULE_BYTES) break;
    const text = opts.read(f);
    if (text === undefined) continue;
    bytes += text.length;
    out.push({ fileName: f, text });
  }
  return out;
}
