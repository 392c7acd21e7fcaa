// Bytes to text for files read from disk (CLI and the server's workspace scan): UTF-8 with or without a byte-order
// mark, UTF-16 with one; anything else is refused with a reason, so the caller reports the file as not linted.

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Bytes to text: the text, or why the file cannot be linted. */
export function decodeText(buf: Buffer): ReadResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: buf.subarray(2).toString('utf16le') };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const le = Buffer.from(buf.subarray(2));
    swapBytes(le); // big-endian to little-endian (a stray last byte stays)
    return { ok: true, text: le.toString('utf16le') };
  }
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) {
    return { ok: false, reason: looksUtf16(head) ? 'UTF-16 text without a byte-order mark (save it as UTF-8)' : 'binary file' };
  }
  let text = buf.toString('utf8');
  // Editors hide the BOM; strip it so columns match what the user sees.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function swapBytes(b: Buffer): void {
  for (let i = 0; i + 1 < b.length; i += 2) { const t = b[i]; b[i] = b[i + 1]; b[i + 1] = t; }
}

/** Mostly ASCII text in UTF-16: every other byte is NUL. */
function looksUtf16(head: Buffer): boolean {
  let even = 0, odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 ? odd++ : even++);
  const half = head.length / 2;
  return even > half * 0.9 || odd > half * 0.9;
}

