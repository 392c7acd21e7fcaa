// Offset <-> line/character conversion (0-based, UTF-16 code units like LSP).
export interface Position { line: number; character: number }

export class LineIndex {
  /** Line starts, computed on first use: most lints never convert an offset (no directive comments). */
  private lineStarts?: number[];
  constructor(private readonly text: string) {}
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return (this.lineStarts = starts);
  }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }
  offsetAt(pos: Position): number {
    const starts = this.starts;
    if (pos.line >= starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(starts[pos.line] + pos.character, this.text.length);
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
