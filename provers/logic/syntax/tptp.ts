/**
 * TPTP problems: fof and cnf statements, include directives (through an injected
 * resolver), annotations kept as text, and the `% File` / `% Status` / `% Rating`
 * header fields. tff/thf/tcf type declarations are skipped; tff/thf formulas are
 * reported as unsupported with their position.
 */
import type { Problem, Statement } from '../problem.js';
import type { ParseError, Result } from '../source.js';
import { ok, err } from '../source.js';
import type { SzsStatus } from '../szs.js';
import { isSzsStatus } from '../szs.js';
import { SyntaxFailure, toParseError } from './lexer.js';
import type { Lexer, TokKind } from './lexer.js';
import { FormulaParser, TPTP, newLexer } from './grammar.js';
import type { IncludeResolver } from './common.js';
import { LineIndex, asRole, baseName } from './common.js';

export interface TptpOptions {
  readonly file?: string;
  readonly name?: string;
  readonly includes?: IncludeResolver;
}

interface Ctx {
  readonly resolver?: IncludeResolver;
  /** Files currently being parsed, outermost first (cycle detection). */
  readonly stack: string[];
}

export function parseTptpProblem(text: string, opts: TptpOptions = {}): Result<Problem> {
  const ctx: Ctx = { resolver: opts.includes, stack: opts.file !== undefined ? [opts.file] : [] };
  const res = parseStatements(text, opts.file, ctx, false);
  if (!res.ok) return res;
  const header = readHeader(text);
  const problem: Problem = {
    name: opts.name ?? header.name ?? (opts.file !== undefined ? baseName(opts.file) : 'problem'),
    file: opts.file,
    dialect: 'tptp',
    statements: res.value,
    expected: header.status,
    rating: header.rating,
  };
  return ok(problem);
}

/** Header fields come from the leading comment block; only the first 64 KB are searched. */
function readHeader(text: string): { name?: string; status?: SzsStatus; rating?: number } {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  const out: { name?: string; status?: SzsStatus; rating?: number } = {};
  const file = /^%\s*File\s*:\s*([^\s:]+)/m.exec(head);
  if (file) out.name = file[1]!.replace(/\.p$/, '');
  const status = /^%\s*Status\s*:\s*(\w+)/m.exec(head);
  if (status && isSzsStatus(status[1]!)) out.status = status[1];
  const rating = /^%\s*Rating\s*:\s*([0-9]+(?:\.[0-9]+)?)/m.exec(head);
  if (rating) out.rating = Number(rating[1]);
  return out;
}

/**
 * `included`: the text came through an include. Its errors then carry a position and a
 * message that never quotes its content (no excerpt, tokens described by kind), because
 * an include may name a file the user never meant to show (`include('/etc/passwd')`).
 */
function parseStatements(text: string, file: string | undefined, ctx: Ctx, included: boolean): Result<Statement[]> {
  let lx: Lexer | undefined;
  try {
    lx = newLexer(text, TPTP, 0, text.length, included);
    const fp = new FormulaParser(lx, TPTP);
    const lines = new LineIndex(text);
    const out: Statement[] = [];
    while (lx.kind !== 'eof') {
      if (lx.kind !== 'id') lx.fail(lx.start, `expected 'fof', 'cnf' or 'include' but found ${lx.describe()}`);
      const kw = lx.value;
      const kwAt = lx.start;
      if (kw === 'include') {
        includeDirective(lx, file, ctx, out);
        continue;
      }
      if (kw !== 'fof' && kw !== 'cnf' && kw !== 'tff' && kw !== 'thf' && kw !== 'tcf' && kw !== 'tpi') {
        lx.fail(kwAt, `expected 'fof', 'cnf' or 'include' but found ${lx.describe()}`);
      }
      lx.next();
      lx.expect('(', `'(' after '${kw}'`);
      const name = statementName(lx);
      lx.expect(',', "',' after the statement name");
      if (lx.kind !== 'id') lx.fail(lx.start, `expected a role (axiom, conjecture, …) but found ${lx.describe()}`);
      const roleText = lx.value;
      lx.next();
      lx.expect(',', "',' after the role");
      if (kw !== 'fof' && kw !== 'cnf') {
        if (roleText === 'type' || kw === 'tpi') {
          skipBalanced(lx);
          lx.expect(')', "')' closing the statement");
          lx.expect('.', "'.' ending the statement");
          continue;
        }
        lx.fail(kwAt, `${kw} formulas are not supported (only fof and cnf; ${kw} type declarations are skipped)`);
      }
      const formula = fp.formula();
      let annotation: string | undefined;
      if (lx.is(',')) {
        lx.next();
        const from = lx.start;
        skipBalanced(lx);
        annotation = text.slice(from, lx.prevEnd);
      }
      if (!lx.is(')')) lx.fail(lx.start, `expected ')' or ',' but found ${lx.describe()}`);
      lx.next();
      lx.expect('.', "'.' ending the statement");
      const st: Statement = {
        name,
        role: asRole(roleText) ?? 'unknown',
        language: kw === 'cnf' ? 'cnf' : 'fof',
        formula,
        pos: lines.pos(kwAt, file),
        ...(annotation !== undefined ? { annotation } : {}),
      };
      out.push(st);
    }
    return ok(out);
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      if (e.error) return err(e.error);
      const pe = toParseError(text, e.offset, e.message, file);
      return err(included ? { ...pe, excerpt: '' } : pe);
    }
    throw e;
  }
}

/**
 * The top-level include directives of a TPTP text, in order: what a loader must fetch
 * before parsing (the parser itself resolves includes synchronously). Only tokens at
 * parenthesis depth 0 count, so `include` used as a name inside a formula is not one.
 * A character the lexer refuses (tff's `>` and `*`) is stepped over; the parser reports
 * real errors with their positions.
 */
export function tptpIncludes(text: string): { path: string; offset: number }[] {
  const out: { path: string; offset: number }[] = [];
  let depth = 0;
  let from = 0;
  while (from < text.length) {
    try {
      const lx = newLexer(text, TPTP, from);
      while (lx.kind !== 'eof') {
        if (lx.kind === 'sym') {
          if (lx.value === '(' || lx.value === '[') depth++;
          else if (lx.value === ')' || lx.value === ']') depth = Math.max(0, depth - 1);
        } else if (depth === 0 && lx.kind === 'id' && lx.value === 'include') {
          lx.next();
          if (!lx.is('(')) continue;
          depth++;
          lx.next();
          // lx.next() moved the lexer: re-read its kind (TypeScript keeps the narrowed 'id').
          if ((lx.kind as TokKind) === 'sq') out.push({ path: lx.value, offset: lx.start });
          continue;
        }
        lx.next();
      }
      return out;
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
      from = Math.max(from + 1, e.offset + 1);
    }
  }
  return out;
}

function statementName(lx: Lexer): string {
  if (lx.kind === 'id' || lx.kind === 'sq' || lx.kind === 'num') {
    const n = lx.value;
    lx.next();
    return n;
  }
  return lx.fail(lx.start, `expected a statement name but found ${lx.describe()}`);
}

/**
 * Skip a general term (annotations, tff/thf type declarations) up to, not including, the ')'
 * that closes the current level. Scans characters, not tokens, because type declarations use
 * symbols fof has no token for (`$i > $o`, `*`, `!>`); quotes and comments are respected.
 */
function skipBalanced(lx: Lexer): void {
  const t = lx.text;
  const n = t.length;
  let i = lx.start;
  let depth = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 39 || c === 34) {
      const open = i++;
      while (i < n && t.charCodeAt(i) !== c) i += t.charCodeAt(i) === 92 ? 2 : 1;
      if (i >= n) lx.fail(open, `unterminated quoted name: expected closing ${c === 39 ? "'" : '"'}`);
      i++;
      continue;
    }
    if (c === 37) {
      while (i < n && t.charCodeAt(i) !== 10 && t.charCodeAt(i) !== 13) i++;
      continue;
    }
    if (c === 47 && t.charCodeAt(i + 1) === 42) {
      const close = t.indexOf('*/', i + 2);
      if (close < 0) lx.fail(i, "unterminated comment: expected '*/' before end of input");
      i = close + 2;
      continue;
    }
    if (c === 40 || c === 91) depth++;
    else if (c === 41 || c === 93) {
      if (depth === 0) {
        if (c === 93) lx.fail(i, "unbalanced ']'");
        lx.seek(i);
        return;
      }
      depth--;
    }
    i++;
  }
  lx.fail(n, "expected ')' but found end of input");
}

function includeDirective(lx: Lexer, file: string | undefined, ctx: Ctx, out: Statement[]): void {
  const at = lx.start;
  lx.next();
  lx.expect('(', "'(' after 'include'");
  if (lx.kind !== 'sq') lx.fail(lx.start, `expected a quoted file name but found ${lx.describe()}`);
  const path = lx.value;
  const pathAt = lx.start;
  lx.next();
  let selection: { name: string; at: number }[] | undefined;
  if (lx.is(',')) {
    lx.next();
    lx.expect('[', "'[' starting the formula selection");
    selection = [];
    if (!lx.is(']')) {
      for (;;) {
        const selAt = lx.start;
        selection.push({ name: statementName(lx), at: selAt });
        if (lx.is(',')) {
          lx.next();
          continue;
        }
        break;
      }
    }
    lx.expect(']', "',' or ']'");
  }
  lx.expect(')', "')' closing the include");
  lx.expect('.', "'.' ending the include");
  if (!ctx.resolver) lx.fail(at, `include('${path}') needs an include resolver (load the file with loadProblem)`);
  const got = ctx.resolver(path, file);
  if (!got.ok) lx.fail(pathAt, `cannot include '${path}': ${got.error}`);
  const incFile = got.value.file;
  if (ctx.stack.includes(incFile)) lx.fail(pathAt, `include cycle: ${[...ctx.stack, incFile].join(' → ')}`);
  ctx.stack.push(incFile);
  const res = parseStatements(got.value.text, incFile, ctx, true);
  ctx.stack.pop();
  if (!res.ok) throw new SyntaxFailure(pathAt, res.error.message, res.error as ParseError);
  if (selection === undefined) {
    for (const s of res.value) out.push(s);
    return;
  }
  const byName = new Set(res.value.map((s) => s.name));
  for (const s of selection)
    if (!byName.has(s.name)) lx.fail(s.at, `include('${path}') selects '${s.name}' but that file has no such formula`);
  const wanted = new Set(selection.map((s) => s.name));
  for (const s of res.value) if (wanted.has(s.name)) out.push(s);
}
