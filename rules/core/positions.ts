// Offset <-> line/character conversion (0-based, UTF-16 code units like LSP).
export interface Position { line: number; character: number }

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(this.starts[pos.line] + pos.character, this.text.length);
  }
}

/**
 * A parser-reported range kept inside the text: parsers put "unexpected end of input" at or past the end of a truncated
 * document. At least one character long when the text has one.
 */
export function clampToText(offset: number, length: number, textLength: number): { offset: number; length: number } {
  const start = Math.min(offset, Math.max(textLength - 1, 0));
  return { offset: start, length: Math.max(0, Math.min(Math.max(length, 1), textLength - start)) };
}
