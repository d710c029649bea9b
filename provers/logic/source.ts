/** Source positions and positioned errors: every parse error is a value, never a throw. */
export interface SourcePos {
  readonly file?: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (in UTF-16 code units of that line). */
  readonly col: number;
}

export interface ParseError {
  readonly file?: string;
  readonly line: number;
  readonly col: number;
  /** What was found and what was expected, e.g. "expected ')' but found '&'". */
  readonly message: string;
  /** The offending source line followed by a caret line. */
  readonly excerpt: string;
}

export type Result<T, E = ParseError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** Build the caret excerpt for a 1-based line/column in `text`. */
export function caretExcerpt(text: string, line: number, col: number): string {
  const lines = text.split(/\r\n|\n|\r/);
  const src = lines[line - 1] ?? '';
  // Keep excerpts readable for huge single-line inputs: show a window around the column.
  const start = Math.max(0, col - 1 - 60);
  const shown = src.slice(start, start + 120);
  const prefix = start > 0 ? '…' : '';
  const caretCol = col - 1 - start + prefix.length;
  return `${prefix}${shown}\n${' '.repeat(Math.max(0, caretCol))}^`;
}

/** Line/column (1-based) of a character offset. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

export function formatParseError(e: ParseError): string {
  return `${e.file ?? '<input>'}:${e.line}:${e.col}: ${e.message}\n${e.excerpt}`;
}
