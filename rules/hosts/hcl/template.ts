// The text Terraform makes of a quoted string or heredoc, optionally with each character's offset in the source
// (for findings inside user-data scripts). Escapes: \n \t \r \" \\ \uNNNN \UNNNNNNNN in quoted strings, and the
// template escapes `$${` / `%%{` (for a literal `${` / `%{`) in both. `<<-` heredocs lose their common indentation.

export interface Decoded { text: string; offsets?: number[] }

const ESCAPES: ReadonlyMap<string, string> = new Map([['n', '\n'], ['t', '\t'], ['r', '\r'], ['"', '"'], ['\\', '\\']]);

/** `$${` or `%%{` at i: the first character is dropped. */
function templateEscape(src: string, i: number): boolean {
  return (src[i] === '$' || src[i] === '%') && src[i + 1] === src[i] && src[i + 2] === '{';
}

/** The content of a quoted string, src[from, to) between its quotes. */
export function decodeQuoted(src: string, from: number, to: number, withOffsets = false): Decoded {
  let text = '';
  const offsets: number[] | undefined = withOffsets ? [] : undefined;
  for (let i = from; i < to; i++) {
    const at = i;
    let c = src[i];
    if (c === '\\' && ESCAPES.has(src[i + 1])) c = ESCAPES.get(src[++i])!;
    else if (c === '\\' && src[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) { c = String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16)); i += 5; }
    else if (c === '\\' && src[i + 1] === 'U' && /^[0-9a-fA-F]{8}$/.test(src.slice(i + 2, i + 10))) { c = String.fromCodePoint(parseInt(src.slice(i + 2, i + 10), 16)); i += 9; }
    else if (templateEscape(src, i)) c = src[++i];
    text += c;
    if (offsets) for (let k = 0; k < c.length; k++) offsets.push(at);
  }
  offsets?.push(to);
  return { text, offsets };
}

/** The content lines of a heredoc, src[from, to) (up to the closing marker's line). */
export function decodeHeredoc(src: string, from: number, to: number, indented: boolean, withOffsets = false): Decoded {
  let strip = 0;
  if (indented) {
    strip = Infinity; // the smallest indentation of a non-blank line (a loop: there may be more lines than stack)
    for (let s = from; s < to;) {
      const nl = src.indexOf('\n', s);
      const lineEnd = nl < 0 || nl >= to ? to : nl;
      let w = s;
      while (w < lineEnd && (src[w] === ' ' || src[w] === '\t')) w++;
      if (src.slice(w, lineEnd).trim()) strip = Math.min(strip, w - s);
      s = lineEnd + 1;
    }
    if (!Number.isFinite(strip)) strip = 0;
  }
  const parts: string[] = [];
  const offsets: number[] | undefined = withOffsets ? [] : undefined;
  let col = 0;
  let runStart = from;
  // Copy runs of plain characters at once: heredocs can be very large.
  const flush = (end: number) => { if (end > runStart) parts.push(src.slice(runStart, end)); };
  for (let i = from; i < to; i++) {
    const c = src[i];
    if (col < strip && (c === ' ' || c === '\t')) { flush(i); runStart = i + 1; col++; continue; }
    if (templateEscape(src, i)) { flush(i); runStart = i + 1; i++; }
    offsets?.push(i);
    col = src[i] === '\n' ? 0 : col + 1;
  }
  flush(to);
  offsets?.push(to);
  return { text: parts.join(''), offsets };
}
