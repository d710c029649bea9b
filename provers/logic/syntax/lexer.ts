/**
 * One hand-written lexer shared by every dialect, configured by flags.
 *
 * Why one lexer with flags rather than one per dialect: the dialects differ only in
 * which symbols exist, how identifiers may look and which comments are allowed, and
 * a single tight loop over char codes keeps parsing of 40 MB of TPTP in seconds.
 * The current token lives in fields (no object per token) for the same reason.
 *
 * Errors leave the parser as a `SyntaxFailure` (an internal non-local exit: recursive
 * descent would otherwise thread a Result through every call). It is caught at each
 * module boundary (`parseProblem`, `parseFormula`) and turned into a `ParseError` value;
 * it never escapes this folder.
 */
import type { ParseError } from '../source.js';
import { caretExcerpt, positionAt } from '../source.js';

export class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
    /** Set when the failure happened in another text (an included file). */
    readonly error?: ParseError,
  ) {}
}

export function toParseError(text: string, offset: number, message: string, file?: string): ParseError {
  const { line, col } = positionAt(text, offset);
  return { file, line, col, message, excerpt: keepTabs(caretExcerpt(text, line, col)) };
}

/** Copy the tabs of the shown source line into the caret line so the caret lines up in a terminal. */
function keepTabs(excerpt: string): string {
  const nl = excerpt.lastIndexOf('\n');
  const shown = excerpt.slice(0, nl);
  const caret = excerpt.slice(nl + 1);
  if (!shown.includes('\t')) return excerpt;
  let out = '';
  for (let i = 0; i < caret.length; i++) out += caret[i] === ' ' && shown[i] === '\t' ? '\t' : caret[i];
  return `${shown}\n${out}`;
}

export type TokKind = 'eof' | 'id' | 'sq' | 'dq' | 'num' | 'dollar' | 'sym';

const REDACTED: Readonly<Record<Exclude<TokKind, 'sym'>, string>> = {
  eof: 'end of input',
  id: 'a name',
  sq: 'a quoted name',
  dq: 'a double-quoted string',
  num: 'a number',
  dollar: "a '$' word",
};

export interface LexOptions {
  /** Line comment starters, e.g. ['%'] or ['%', '//']. */
  readonly lineComments: readonly string[];
  readonly blockComments: boolean;
  /** Punctuation and operator spellings (the lexer takes the longest match). */
  readonly symbols: readonly string[];
  /** Digits may start an identifier (`2003`, `8pm`); otherwise digits start a TPTP number. */
  readonly identStartDigit: boolean;
  /** An apostrophe inside an identifier is part of it (`People'sRepublic`, `Companies’Stocks`). */
  readonly apostropheInIdent: boolean;
  /** `.` between two digits inside an identifier is part of it (FOLIO's `y42.3billion`). */
  readonly dotBetweenDigits: boolean;
  /** `-` inside a word is part of it (FOLIO's `l-2021`, `e-commerce`; FOLIO has no `-` operator). */
  readonly hyphenInIdent?: boolean;
  /** Non-ASCII letters and digits are identifier characters. */
  readonly unicodeIdent: boolean;
  /** `$` is an identifier character anywhere (LADR's `$T`). Otherwise `$word` is a 'dollar' token. */
  readonly dollarInIdent: boolean;
  readonly singleQuoted: boolean;
  readonly doubleQuoted: boolean;
}

function printable(cp: number): boolean {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return false;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f) return false;
  return !(cp >= 0xd800 && cp <= 0xdfff);
}

const UNICODE_WORD = /[\p{L}\p{N}]/u;

function isAsciiIdent(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

export function isWs(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export class Lexer {
  kind: TokKind = 'eof';
  /** Offset of the current token's first character. */
  start = 0;
  end = 0;
  /** id: the name; sq: unescaped content; dq: raw text with quotes (escapes resolved); num: digits; dollar: `$word`; sym: the symbol. */
  value = '';
  /** Offset where the previous token ended (for "after X" errors and excerpts). */
  prevEnd = 0;
  private readonly symByChar: ReadonlyMap<number, readonly string[]>;

  /** Lexing stops here (end of input for the parser); lets a caller parse one line of a larger text in place. */
  readonly limit: number;

  constructor(
    readonly text: string,
    readonly opts: LexOptions,
    pos = 0,
    limit = text.length,
    /** Describe tokens by kind, never by their text: for files whose content must not reach an error message. */
    readonly redact = false,
  ) {
    this.limit = Math.min(limit, text.length);
    this.symByChar = symbolTable(opts);
    this.end = pos;
    this.next();
  }

  fail(offset: number, message: string): never {
    throw new SyntaxFailure(offset, message);
  }

  /** A short description of the current token for "expected X but found Y" messages. */
  describe(): string {
    if (this.kind === 'eof') return 'end of input';
    if (this.redact && this.kind !== 'sym') return REDACTED[this.kind];
    let s = this.text.slice(this.start, this.end);
    if (s.length > 24) s = s.slice(0, 21) + '…';
    return `'${s}'`;
  }

  /** Continue lexing at `offset` (after a caller skipped raw text). */
  seek(offset: number): void {
    this.end = offset;
    this.next();
  }

  /** A method (not a field test) so TypeScript does not keep a stale narrowing of `kind` across `next()`. */
  atEnd(): boolean {
    return this.kind === 'eof';
  }

  is(sym: string): boolean {
    return this.kind === 'sym' && this.value === sym;
  }

  isId(name: string): boolean {
    return this.kind === 'id' && this.value === name;
  }

  expect(sym: string, what?: string): void {
    if (!this.is(sym)) this.fail(this.start, `expected ${what ?? `'${sym}'`} but found ${this.describe()}`);
    this.next();
  }

  /** Skip whitespace and comments from `i`; returns the next significant offset. */
  skipWs(i: number): number {
    const t = this.text;
    const n = this.limit;
    const o = this.opts;
    for (;;) {
      while (i < n && isWs(t.charCodeAt(i))) i++;
      if (i >= n) return i;
      const c = t.charCodeAt(i);
      let comment = false;
      for (const lc of o.lineComments) {
        if (c === lc.charCodeAt(0) && (lc.length === 1 || t.startsWith(lc, i))) {
          comment = true;
          break;
        }
      }
      if (comment) {
        while (i < n) {
          const d = t.charCodeAt(i);
          if (d === 10 || d === 13) break;
          i++;
        }
        continue;
      }
      if (o.blockComments && c === 47 && t.charCodeAt(i + 1) === 42) {
        const close = t.indexOf('*/', i + 2);
        if (close < 0) this.fail(i, "unterminated comment: expected '*/' before end of input");
        i = close + 2;
        continue;
      }
      return i;
    }
  }

  /** The first character code after the current token, skipping only whitespace (for "is `(` next" checks). */
  charAfter(): number {
    let i = this.end;
    const t = this.text;
    while (i < this.limit && isWs(t.charCodeAt(i))) i++;
    return i < this.limit ? t.charCodeAt(i) : -1;
  }

  private identPart(i: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (isAsciiIdent(c)) return true;
    const o = this.opts;
    if (c === 36 && o.dollarInIdent) return true;
    if (o.apostropheInIdent && (c === 39 || c === 0x2019)) {
      // Only inside a word: the next character must continue it.
      const d = t.charCodeAt(i + 1);
      return isAsciiIdent(d) || (o.unicodeIdent && d > 127 && UNICODE_WORD.test(t[i + 1]!));
    }
    if (o.hyphenInIdent && c === 45) {
      const d = t.charCodeAt(i + 1);
      return isAsciiIdent(d) || (o.unicodeIdent && d > 127 && UNICODE_WORD.test(t[i + 1]!));
    }
    if (o.dotBetweenDigits && c === 46) {
      const a = t.charCodeAt(i - 1);
      const b = t.charCodeAt(i + 1);
      return a >= 48 && a <= 57 && b >= 48 && b <= 57;
    }
    if (c > 127 && o.unicodeIdent) return UNICODE_WORD.test(t[i]!);
    return false;
  }

  next(): void {
    this.prevEnd = this.end;
    const t = this.text;
    const n = this.limit;
    let i = this.skipWs(this.end);
    this.start = i;
    if (i >= n) {
      this.kind = 'eof';
      this.value = '';
      this.end = n;
      return;
    }
    const o = this.opts;
    const c = t.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    // Identifiers (and LADR/NLTK-style words that start with digits).
    if (
      (isAsciiIdent(c) && (!isDigit || o.identStartDigit)) ||
      (c === 36 && o.dollarInIdent) ||
      (c > 127 && o.unicodeIdent && UNICODE_WORD.test(t[i]!))
    ) {
      i++;
      while (i < n && this.identPart(i)) i++;
      this.kind = 'id';
      this.value = t.slice(this.start, i);
      this.end = i;
      return;
    }
    // TPTP numbers: integer, rational, real, optionally signed.
    if (isDigit || ((c === 45 || c === 43) && !o.identStartDigit && isDigitAt(t, i + 1) && !this.symbolAt(i, c))) {
      if (c === 45 || c === 43) i++;
      while (isDigitAt(t, i)) i++;
      if (t.charCodeAt(i) === 47 && isDigitAt(t, i + 1)) {
        i++;
        while (isDigitAt(t, i)) i++;
      } else {
        if (t.charCodeAt(i) === 46 && isDigitAt(t, i + 1)) {
          i++;
          while (isDigitAt(t, i)) i++;
        }
        const e = t.charCodeAt(i);
        if (
          (e === 101 || e === 69) &&
          (isDigitAt(t, i + 1) || ((t.charCodeAt(i + 1) === 43 || t.charCodeAt(i + 1) === 45) && isDigitAt(t, i + 2)))
        ) {
          i += 2;
          while (isDigitAt(t, i)) i++;
        }
      }
      this.kind = 'num';
      this.value = t.slice(this.start, i);
      this.end = i;
      return;
    }
    if (c === 36 && !o.dollarInIdent) {
      // `$word` and `$$word` (TPTP defined and system symbols).
      i++;
      if (t.charCodeAt(i) === 36) i++;
      const wordStart = i;
      while (i < n && isAsciiIdent(t.charCodeAt(i))) i++;
      if (i === wordStart) this.fail(this.start, "expected a word after '$'");
      this.kind = 'dollar';
      this.value = t.slice(this.start, i);
      this.end = i;
      return;
    }
    if ((c === 39 && o.singleQuoted) || (c === 34 && o.doubleQuoted)) {
      i++;
      let out = '';
      let from = i;
      for (;;) {
        if (i >= n) this.fail(this.start, `unterminated quoted name: expected closing ${c === 39 ? "'" : '"'}`);
        const d = t.charCodeAt(i);
        if (d === 10 || d === 13)
          this.fail(this.start, `unterminated quoted name: expected closing ${c === 39 ? "'" : '"'} before end of line`);
        if (d === 92) {
          out += t.slice(from, i);
          if (i + 1 >= n) this.fail(i, 'unterminated escape in quoted name');
          out += t[i + 1];
          i += 2;
          from = i;
          continue;
        }
        if (d === c) break;
        i++;
      }
      out += t.slice(from, i);
      i++;
      this.end = i;
      if (c === 39) {
        if (out.length === 0) this.fail(this.start, 'empty quoted name');
        this.kind = 'sq';
        this.value = out;
      } else {
        this.kind = 'dq';
        this.value = `"${out}"`;
      }
      return;
    }
    const sym = this.symbolAt(i, c);
    if (sym !== undefined) {
      this.kind = 'sym';
      this.value = sym;
      this.end = i + sym.length;
      return;
    }
    const cp = t.codePointAt(i)!;
    const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    // Control, bidi and surrogate characters are named by code point so none reaches a terminal raw.
    if (this.redact || !printable(cp)) this.fail(i, `unexpected character ${code}`);
    this.fail(i, `unexpected character '${String.fromCodePoint(cp)}' (${code})`);
  }

  private symbolAt(i: number, c: number): string | undefined {
    const list = this.symByChar.get(c);
    if (!list) return undefined;
    for (const s of list) if (s.length === 1 || this.text.startsWith(s, i)) return s;
    return undefined;
  }
}

// Built once per dialect (the NL pipeline parses ~20k short formulas per run, one lexer each).
const TABLES = new WeakMap<LexOptions, ReadonlyMap<number, readonly string[]>>();
function symbolTable(opts: LexOptions): ReadonlyMap<number, readonly string[]> {
  let t = TABLES.get(opts);
  if (t) return t;
  const m = new Map<number, string[]>();
  for (const s of opts.symbols) {
    const c = s.charCodeAt(0);
    let list = m.get(c);
    if (!list) m.set(c, (list = []));
    list.push(s);
  }
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  TABLES.set(opts, (t = m));
  return t;
}

function isDigitAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return c >= 48 && c <= 57;
}
