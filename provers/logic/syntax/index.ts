/**
 * Parsers and printers for every dialect (TPTP fof/cnf, LADR/Prover9, NLTK as LINC's
 * LLM output uses it, FOLIO's unicode FOL, and Entail's readable syntax).
 * Pure: no Node APIs; file access (includes) comes through an injected resolver.
 * Every parse error is a value with file, line, col and a caret excerpt.
 */
import type { Dialect, Problem } from '../problem.js';
import type { Formula } from '../formula.js';
import type { Result } from '../source.js';
import { ok, err } from '../source.js';
import { SyntaxFailure, toParseError } from './lexer.js';
import { FormulaParser, SPECS, newLexer } from './grammar.js';
import type { IncludeResolver } from './common.js';
import { parseTptpProblem } from './tptp.js';
import { parseEntailProblem, parseLadrProblem, parseLineProblem } from './problems.js';
import { detectDialect as detect } from './detect.js';

export type { IncludeResolver } from './common.js';
export {
  printFormula,
  printProblem,
  printClause,
  printTerm,
  printTstpFormula,
  printTstpClause,
  tptpName,
  displayFormula,
  displayClause,
  displayTerm,
} from './print.js';
export { detectDialect, DIALECTS, isDialect, dialectOfExtension } from './detect.js';
export { MAX_DEPTH, formulaHeight } from './grammar.js';
export { tptpIncludes } from './tptp.js';

export interface ParseProblemOptions {
  readonly dialect?: Dialect;
  readonly file?: string;
  readonly name?: string;
  readonly includes?: IncludeResolver;
}

export function parseProblem(text: string, opts: ParseProblemOptions = {}): Result<Problem> {
  const dialect = opts.dialect ?? detect(text, opts.file);
  const o = { file: opts.file, name: opts.name };
  switch (dialect) {
    case 'tptp':
      return parseTptpProblem(text, { ...o, includes: opts.includes });
    case 'ladr':
      return parseLadrProblem(text, o);
    case 'nltk':
    case 'folio':
      return parseLineProblem(text, dialect, o);
    case 'entail':
      return parseEntailProblem(text, o);
  }
}

/**
 * One formula spanning the whole text. Free names follow the dialect's rule: TPTP
 * upper-case words and LADR u–z words are variables; in NLTK, FOLIO and Entail only
 * quantified names are variables and every other name is a constant.
 */
export function parseFormula(text: string, dialect: Dialect, file?: string): Result<Formula> {
  const spec = SPECS[dialect];
  try {
    const lx = newLexer(text, spec);
    const f = new FormulaParser(lx, spec).formula();
    if (lx.kind !== 'eof') lx.fail(lx.start, `expected a connective or the end of the formula but found ${lx.describe()}`);
    return ok(f);
  } catch (e) {
    if (e instanceof SyntaxFailure) return err(toParseError(text, e.offset, e.message, file));
    throw e;
  }
}
