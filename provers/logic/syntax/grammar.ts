/**
 * The formula grammar shared by every dialect: a precedence-climbing parser over
 * the configurable lexer, driven by a `DialectSpec` (which symbols mean which
 * connective, their precedence and associativity, how quantifiers bind variables,
 * which free names are variables).
 *
 * Common rules (documented in docs/syntax.md):
 * - ¬ binds tighter than every binary connective. A quantifier scopes over the
 *   following unit (atom, negation, quantified formula or parenthesized group): TPTP's
 *   rule and NLTK's. FOLIO and Entail differ only for a quantifier not followed by '(':
 *   its scope extends as far right as possible (`wideBareScope`), as FOLIO's authors
 *   write `∀x Weddings(x) → GettingMarried(x)`.
 * - A quantified name used after its quantifier's scope is an error, never a constant.
 * - An unparenthesized chain `a & b & c` is one n-ary node; parentheses keep nesting.
 * - Nesting is limited to MAX_DEPTH twice over: the parser's own recursion (parentheses,
 *   prefix operators, term arguments, operator chains) is counted as it goes, and every
 *   parsed formula's height (terms included) is measured without recursion afterwards,
 *   because chains nested in chains (`a → (b → c → (…))`) build trees deeper than the
 *   parser ever recursed. The limit is far above real input (the deepest formula in the
 *   shared TPTP, FOLIO and ProofWriter corpora is 67) and far below where a recursive
 *   walk of the result (printers, clausifier, checker, prover) would exhaust the stack.
 */
import type { Dialect } from '../problem.js';
import type { Formula } from '../formula.js';
import { TRUE, FALSE, mkNot, mkEq } from '../formula.js';
import type { Term } from '../term.js';
import { mkVar } from '../term.js';
import type { LexOptions } from './lexer.js';
import { Lexer } from './lexer.js';

/** Deepest nesting the parsers accept: formula height with terms (parentheses, prefix operators, term depth, chains). */
export const MAX_DEPTH = 500;

/**
 * Height of a formula counting its terms (an atom `p(a)` is 2), measured with an explicit
 * stack; stops counting as soon as it passes `limit`.
 */
export function formulaHeight(f: Formula | Term, limit = Infinity): number {
  const stack: (Formula | Term)[] = [f];
  const depths: number[] = [1];
  let max = 0;
  while (stack.length > 0) {
    const n = stack.pop()!;
    const d = depths.pop()!;
    if (d > max) {
      max = d;
      if (max > limit) return max;
    }
    switch (n.kind) {
      case 'var':
      case 'true':
      case 'false':
        break;
      case 'app':
      case 'atom':
      case 'and':
      case 'or':
        for (const a of n.args) {
          stack.push(a);
          depths.push(d + 1);
        }
        break;
      case 'eq':
      case 'imp':
      case 'iff':
      case 'xor':
        stack.push(n.left, n.right);
        depths.push(d + 1, d + 1);
        break;
      case 'not':
        stack.push(n.arg);
        depths.push(d + 1);
        break;
      case 'forall':
      case 'exists':
        stack.push(n.body);
        depths.push(d + 1);
        break;
    }
  }
  return max;
}

export type BinOp = 'and' | 'or' | 'imp' | 'rimp' | 'iff' | 'xor' | 'nor' | 'nand';
export type Assoc = 'nary' | 'left' | 'right' | 'none';

export interface BinSpec {
  readonly op: BinOp;
  /** Higher binds tighter. */
  readonly prec: number;
  readonly assoc: Assoc;
}

export interface DialectSpec {
  readonly dialect: Dialect;
  readonly lex: LexOptions;
  /** Binary connective symbols. */
  readonly binary: Readonly<Record<string, BinSpec>>;
  readonly not: readonly string[];
  readonly eq: readonly string[];
  readonly neq: readonly string[];
  /** Quantifier symbols (`!`, `∀`) and words (`all`, `forall`). */
  readonly quant: Readonly<Record<string, 'forall' | 'exists'>>;
  /** tptp: `! [X, Y] : F`; ladr: `all x F` (one variable); dot: `all x y. F` (dot optional); folio: `∀x F` (one variable). */
  readonly quantStyle: 'tptp' | 'ladr' | 'dot' | 'folio';
  readonly trueTokens: readonly string[];
  readonly falseTokens: readonly string[];
  /** Is a free (unbound) name in term position a variable? */
  readonly freeVar: (name: string) => boolean;
  /** Extra advice for a non-associative chain, e.g. NLTK's `->`. */
  readonly chainHint?: string;
  /**
   * FOLIO and Entail: a quantifier followed by '(' scopes over that group; any other
   * quantifier scopes as far right as possible (`∀x P(x) → Q(x)` is `∀x (P(x) → Q(x))`).
   * Otherwise a quantifier always scopes over the next unit only (TPTP, NLTK, LADR).
   */
  readonly wideBareScope?: boolean;
}

const has = Object.prototype.hasOwnProperty;

export class FormulaParser {
  private depth = 0;
  private readonly bound = new Map<string, number>();
  /** Names quantified earlier in this formula and where (to catch `∀x. P(x) → Q(x)` scope slips). */
  private readonly quantifiedAt = new Map<string, number>();
  private readonly notSet: Set<string>;
  private readonly eqSet: Set<string>;
  private readonly neqSet: Set<string>;
  private readonly trueSet: Set<string>;
  private readonly falseSet: Set<string>;

  constructor(
    readonly lx: Lexer,
    readonly spec: DialectSpec,
  ) {
    this.notSet = new Set(spec.not);
    this.eqSet = new Set(spec.eq);
    this.neqSet = new Set(spec.neq);
    this.trueSet = new Set(spec.trueTokens);
    this.falseSet = new Set(spec.falseTokens);
  }

  formula(): Formula {
    this.depth = 0;
    this.quantifiedAt.clear();
    const at = this.lx.start;
    const f = this.binary(0);
    if (formulaHeight(f, MAX_DEPTH) > MAX_DEPTH)
      this.lx.fail(at, `formula nested deeper than ${MAX_DEPTH} (connectives, quantifiers and terms together)`);
    return f;
  }

  private curBin(): BinSpec | undefined {
    const lx = this.lx;
    if (lx.kind !== 'sym' || !has.call(this.spec.binary, lx.value)) return undefined;
    return this.spec.binary[lx.value];
  }

  private binary(minPrec: number): Formula {
    const lx = this.lx;
    let left = this.unary();
    for (;;) {
      const b = this.curBin();
      if (b === undefined || b.prec < minPrec) return left;
      const sym = lx.value;
      const symAt = lx.start;
      if (b.assoc === 'nary') {
        const args: Formula[] = [left];
        while (this.curBin()?.op === b.op) {
          lx.next();
          args.push(this.binary(b.prec + 1));
        }
        left = b.op === 'and' ? { kind: 'and', args } : { kind: 'or', args };
      } else if (b.assoc === 'right') {
        const operands: Formula[] = [left];
        while (this.curBin()?.op === b.op) {
          if (this.depth + operands.length > MAX_DEPTH) lx.fail(lx.start, `operator chain nested deeper than ${MAX_DEPTH}`);
          lx.next();
          operands.push(this.binary(b.prec + 1));
        }
        let acc = operands[operands.length - 1]!;
        for (let i = operands.length - 2; i >= 0; i--) acc = make(b.op, operands[i]!, acc);
        left = acc;
      } else if (b.assoc === 'left') {
        let n = 0;
        while (this.curBin()?.op === b.op) {
          if (this.depth + ++n > MAX_DEPTH) lx.fail(lx.start, `operator chain nested deeper than ${MAX_DEPTH}`);
          lx.next();
          left = make(b.op, left, this.binary(b.prec + 1));
        }
      } else {
        lx.next();
        left = make(b.op, left, this.binary(b.prec + 1));
      }
      const after = this.curBin();
      if (after !== undefined && after.prec === b.prec) {
        if (after.op === b.op)
          lx.fail(
            lx.start,
            `'${sym}' is not associative: add parentheses to say how '${sym}' groups${this.spec.chainHint ? ` (${this.spec.chainHint})` : ''}`,
          );
        lx.fail(lx.start, `cannot mix '${sym}' (at column ${colOf(lx.text, symAt)}) and '${lx.value}' without parentheses`);
      }
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.lx.fail(this.lx.start, `nesting deeper than ${MAX_DEPTH}`);
  }

  private unary(): Formula {
    const lx = this.lx;
    this.enter();
    let f: Formula;
    if (lx.kind === 'sym' && this.notSet.has(lx.value)) {
      lx.next();
      f = mkNot(this.unary());
    } else if ((lx.kind === 'sym' || lx.kind === 'id') && has.call(this.spec.quant, lx.value) && this.isQuantifierHere()) {
      f = this.quantified();
    } else if (lx.is('(')) {
      lx.next();
      f = this.binary(0);
      if (!lx.is(')')) lx.fail(lx.start, `expected ')' or a connective but found ${lx.describe()}`);
      lx.next();
    } else f = this.atomic();
    this.depth--;
    return f;
  }

  /** A quantifier word (`all`) is a quantifier only when a variable follows, not when it is a predicate (`all(x)`). */
  private isQuantifierHere(): boolean {
    const lx = this.lx;
    if (lx.kind === 'sym') return true;
    return lx.charAfter() !== 40;
  }

  private quantified(): Formula {
    const lx = this.lx;
    const kind = this.spec.quant[lx.value]!;
    const style = this.spec.quantStyle;
    const quantAt = lx.start;
    lx.next();
    const vars: string[] = [];
    if (style === 'tptp') {
      lx.expect('[', "'[' after quantifier");
      for (;;) {
        if (lx.kind !== 'id' || !this.spec.freeVar(lx.value))
          lx.fail(lx.start, `expected a variable (upper-case word) but found ${lx.describe()}`);
        vars.push(lx.value);
        lx.next();
        if (lx.is(',')) {
          lx.next();
          continue;
        }
        if (lx.is(':') && lx.text.charCodeAt(lx.end) !== 61)
          lx.fail(lx.start, "typed variables (tff) are not supported; expected ',' or ']'");
        if (!lx.is(']')) lx.fail(lx.start, `expected ',' or ']' but found ${lx.describe()}`);
        lx.next();
        break;
      }
      lx.expect(':', "':' after the variable list");
    } else if (style === 'ladr' || style === 'folio') {
      if (lx.kind !== 'id') lx.fail(lx.start, `expected a variable after the quantifier but found ${lx.describe()}`);
      vars.push(lx.value);
      lx.next();
    } else {
      for (;;) {
        if (lx.kind !== 'id' || lx.charAfter() === 40 || has.call(this.spec.quant, lx.value)) break;
        vars.push(lx.value);
        lx.next();
        if (lx.is(',') && this.spec.dialect === 'entail') lx.next();
      }
      if (vars.length === 0) lx.fail(lx.start, `expected a variable after the quantifier but found ${lx.describe()}`);
      if (lx.is('.')) lx.next();
    }
    for (const v of vars) {
      this.bound.set(v, (this.bound.get(v) ?? 0) + 1);
      this.quantifiedAt.set(v, quantAt);
    }
    // Scope: the next unit, or (FOLIO/Entail, no '(' next) everything to the right.
    const body = this.spec.wideBareScope && !lx.is('(') ? this.binary(0) : this.unary();
    for (const v of vars) {
      const n = this.bound.get(v)! - 1;
      if (n === 0) this.bound.delete(v);
      else this.bound.set(v, n);
    }
    return { kind, vars, body };
  }

  private atomic(): Formula {
    const lx = this.lx;
    const k = lx.kind;
    if (
      (k === 'sym' || k === 'dollar' || k === 'id') &&
      (this.trueSet.has(lx.value) || this.falseSet.has(lx.value)) &&
      lx.charAfter() !== 40
    ) {
      const f = this.trueSet.has(lx.value) ? TRUE : FALSE;
      lx.next();
      return f;
    }
    if (k === 'id' || k === 'sq' || k === 'dq' || k === 'num' || k === 'dollar') {
      const start = lx.start;
      const t = this.term();
      if (lx.kind === 'sym' && this.eqSet.has(lx.value)) {
        lx.next();
        return mkEq(t, this.term());
      }
      if (lx.kind === 'sym' && this.neqSet.has(lx.value)) {
        lx.next();
        return mkNot(mkEq(t, this.term()));
      }
      if (t.kind === 'var')
        return lx.fail(
          start,
          `expected '${this.spec.eq[0]}' or '${this.spec.neq[0]}' after variable '${t.name}' (a variable is not a formula)`,
        );
      if (k === 'num') lx.fail(start, `a number cannot be a predicate (expected '${this.spec.eq[0]}' after it)`);
      if (k === 'dq' && this.spec.dialect !== 'ladr')
        lx.fail(start, `a quoted string cannot be a predicate (expected '${this.spec.eq[0]}' after it)`);
      return { kind: 'atom', pred: t.fn, args: t.args };
    }
    return lx.fail(lx.start, `expected a formula but found ${lx.describe()}`);
  }

  private isVar(name: string): boolean {
    return this.bound.has(name) || this.spec.freeVar(name);
  }

  term(): Term {
    const lx = this.lx;
    const k = lx.kind;
    const start = lx.start;
    if (k === 'id' || k === 'sq' || k === 'dollar' || (k === 'dq' && this.spec.dialect === 'ladr')) {
      let name = lx.value;
      if (k === 'dq') name = name.slice(1, -1);
      lx.next();
      if (lx.is('(')) {
        if (k === 'id' && this.spec.dialect === 'tptp' && this.spec.freeVar(name))
          lx.fail(start, `a variable cannot take arguments: '${name}('`);
        return this.app(name);
      }
      if (k === 'id' && this.isVar(name)) return mkVar(name);
      if (k === 'id' && this.quantifiedAt.has(name)) {
        // A quantifier binds only the next unit; a later use of its variable is almost
        // certainly a scope slip, and reading it as a constant would change the meaning.
        const q = colOf(lx.text, this.quantifiedAt.get(name)!);
        lx.fail(
          start,
          `'${name}' is used outside the scope of its quantifier (column ${q}); put the quantifier's whole scope in its parentheses`,
        );
      }
      return { kind: 'app', fn: name, args: [] };
    }
    if (k === 'dq' || k === 'num') {
      const name = lx.value;
      lx.next();
      return { kind: 'app', fn: name, args: [] };
    }
    return lx.fail(start, `expected a term but found ${lx.describe()}`);
  }

  private app(fn: string): Term {
    const lx = this.lx;
    this.enter();
    lx.next(); // '('
    const args: Term[] = [];
    for (;;) {
      args.push(this.term());
      if (lx.is(',')) {
        lx.next();
        continue;
      }
      if (!lx.is(')')) lx.fail(lx.start, `expected ',' or ')' but found ${lx.describe()}`);
      lx.next();
      break;
    }
    this.depth--;
    return { kind: 'app', fn, args };
  }
}

function make(op: BinOp, l: Formula, r: Formula): Formula {
  switch (op) {
    case 'and':
      return { kind: 'and', args: [l, r] };
    case 'or':
      return { kind: 'or', args: [l, r] };
    case 'imp':
      return { kind: 'imp', left: l, right: r };
    case 'rimp':
      return { kind: 'imp', left: r, right: l };
    case 'iff':
      return { kind: 'iff', left: l, right: r };
    case 'xor':
      return { kind: 'xor', left: l, right: r };
    case 'nor':
      return mkNot({ kind: 'or', args: [l, r] });
    case 'nand':
      return mkNot({ kind: 'and', args: [l, r] });
  }
}

function colOf(text: string, offset: number): number {
  const nl = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
  return offset - nl;
}

// ---------------------------------------------------------------------------
// Dialect specifications.

const upperFirst = (n: string): boolean => {
  const c = n.charCodeAt(0);
  return c >= 65 && c <= 90;
};
const uToZ = (n: string): boolean => {
  const c = n.charCodeAt(0);
  return c >= 117 && c <= 122;
};
const never = (): boolean => false;

export const TPTP: DialectSpec = {
  dialect: 'tptp',
  lex: {
    lineComments: ['%'],
    blockComments: true,
    symbols: ['(', ')', '[', ']', ',', '.', ':', '~', '&', '|', '=>', '<=', '<=>', '<~>', '~|', '~&', '=', '!=', '!', '?'],
    identStartDigit: false,
    apostropheInIdent: false,
    dotBetweenDigits: false,
    unicodeIdent: false,
    dollarInIdent: false,
    singleQuoted: true,
    doubleQuoted: true,
  },
  // TPTP: all binary connectives share one level; & and | chain, the rest need parentheses.
  binary: {
    '&': { op: 'and', prec: 1, assoc: 'nary' },
    '|': { op: 'or', prec: 1, assoc: 'nary' },
    '=>': { op: 'imp', prec: 1, assoc: 'none' },
    '<=': { op: 'rimp', prec: 1, assoc: 'none' },
    '<=>': { op: 'iff', prec: 1, assoc: 'none' },
    '<~>': { op: 'xor', prec: 1, assoc: 'none' },
    '~|': { op: 'nor', prec: 1, assoc: 'none' },
    '~&': { op: 'nand', prec: 1, assoc: 'none' },
  },
  not: ['~'],
  eq: ['='],
  neq: ['!='],
  quant: { '!': 'forall', '?': 'exists' },
  quantStyle: 'tptp',
  trueTokens: ['$true'],
  falseTokens: ['$false'],
  freeVar: upperFirst,
};

export const LADR: DialectSpec = {
  dialect: 'ladr',
  lex: {
    lineComments: ['%'],
    blockComments: false,
    symbols: ['(', ')', '[', ']', ',', '.', '#', '-', '&', '|', '->', '<-', '<->', '=', '!='],
    identStartDigit: true,
    apostropheInIdent: false,
    dotBetweenDigits: false,
    unicodeIdent: false,
    dollarInIdent: true,
    singleQuoted: false,
    doubleQuoted: true,
  },
  // Prover9's built-in table: & (780) binds tighter than | (790), then -> <- <-> (800, non-associative).
  binary: {
    '&': { op: 'and', prec: 5, assoc: 'nary' },
    '|': { op: 'or', prec: 4, assoc: 'nary' },
    '->': { op: 'imp', prec: 2, assoc: 'none' },
    '<-': { op: 'rimp', prec: 2, assoc: 'none' },
    '<->': { op: 'iff', prec: 2, assoc: 'none' },
  },
  not: ['-'],
  eq: ['='],
  neq: ['!='],
  quant: { all: 'forall', exists: 'exists' },
  quantStyle: 'ladr',
  trueTokens: ['$T'],
  falseTokens: ['$F'],
  freeVar: uToZ,
};

/** LADR after `set(prolog_style_variables)`: free upper-case names are the variables. */
export const LADR_PROLOG_VARS: DialectSpec = { ...LADR, freeVar: upperFirst };

export const NLTK: DialectSpec = {
  dialect: 'nltk',
  lex: {
    lineComments: [],
    blockComments: false,
    symbols: ['(', ')', ',', '.', '-', '&', '|', '->', '<->', '=', '!='],
    identStartDigit: true,
    apostropheInIdent: true,
    dotBetweenDigits: true, // `42.3billion`: NLTK itself rejects it, but it is unambiguous
    unicodeIdent: false,
    dollarInIdent: false,
    singleQuoted: false,
    doubleQuoted: true,
  },
  // NLTK: - binds tightest, then &, |, ->, <->.
  binary: {
    '&': { op: 'and', prec: 5, assoc: 'nary' },
    '|': { op: 'or', prec: 4, assoc: 'nary' },
    '->': { op: 'imp', prec: 2, assoc: 'none' },
    '<->': { op: 'iff', prec: 1, assoc: 'left' },
  },
  chainHint: 'NLTK groups a -> b -> c to the left, which is rarely what was meant',
  not: ['-'],
  eq: ['='],
  neq: ['!='],
  // NLTK's own keyword lists (nltk.sem.logic Tokens.ALL_LIST / EXISTS_LIST).
  quant: { all: 'forall', forall: 'forall', exists: 'exists', exist: 'exists', some: 'exists' },
  quantStyle: 'dot',
  trueTokens: ['$true'],
  falseTokens: ['$false'],
  freeVar: never,
};

export const FOLIO: DialectSpec = {
  dialect: 'folio',
  lex: {
    lineComments: [],
    blockComments: false,
    symbols: ['(', ')', ',', '¬', '∧', '∨', '→', '↔', '⟷', '⊕', '∀', '∃', '=', '≠', '⊤', '⊥'],
    identStartDigit: true,
    apostropheInIdent: true,
    dotBetweenDigits: true,
    hyphenInIdent: true,
    unicodeIdent: true,
    dollarInIdent: false,
    singleQuoted: false,
    doubleQuoted: false,
  },
  // ¬ tightest, then ∧, ∨, ⊕, → (right-associative), ↔.
  binary: {
    '∧': { op: 'and', prec: 5, assoc: 'nary' },
    '∨': { op: 'or', prec: 4, assoc: 'nary' },
    '⊕': { op: 'xor', prec: 3, assoc: 'left' },
    '→': { op: 'imp', prec: 2, assoc: 'right' },
    '↔': { op: 'iff', prec: 1, assoc: 'left' },
    '⟷': { op: 'iff', prec: 1, assoc: 'left' },
  },
  not: ['¬'],
  eq: ['='],
  neq: ['≠'],
  quant: { '∀': 'forall', '∃': 'exists' },
  quantStyle: 'folio',
  trueTokens: ['⊤'],
  falseTokens: ['⊥'],
  freeVar: never,
  wideBareScope: true,
};

export const ENTAIL: DialectSpec = {
  dialect: 'entail',
  lex: {
    lineComments: ['%', '//'],
    blockComments: false,
    symbols: [
      '(',
      ')',
      ',',
      '.',
      ':',
      '¬',
      '~',
      '∧',
      '&',
      '∨',
      '|',
      '→',
      '->',
      '⇒',
      '↔',
      '<->',
      '⇔',
      '⟷',
      '⊕',
      '<~>',
      '∀',
      '∃',
      '=',
      '≠',
      '!=',
      '⊤',
      '⊥',
    ],
    identStartDigit: true,
    apostropheInIdent: false,
    dotBetweenDigits: false,
    unicodeIdent: true,
    dollarInIdent: false,
    singleQuoted: true,
    doubleQuoted: true,
  },
  binary: {
    '∧': { op: 'and', prec: 5, assoc: 'nary' },
    '&': { op: 'and', prec: 5, assoc: 'nary' },
    '∨': { op: 'or', prec: 4, assoc: 'nary' },
    '|': { op: 'or', prec: 4, assoc: 'nary' },
    '⊕': { op: 'xor', prec: 3, assoc: 'left' },
    '<~>': { op: 'xor', prec: 3, assoc: 'left' },
    '→': { op: 'imp', prec: 2, assoc: 'right' },
    '->': { op: 'imp', prec: 2, assoc: 'right' },
    '⇒': { op: 'imp', prec: 2, assoc: 'right' },
    '↔': { op: 'iff', prec: 1, assoc: 'left' },
    '<->': { op: 'iff', prec: 1, assoc: 'left' },
    '⇔': { op: 'iff', prec: 1, assoc: 'left' },
    '⟷': { op: 'iff', prec: 1, assoc: 'left' },
  },
  not: ['¬', '~'],
  eq: ['='],
  neq: ['≠', '!='],
  quant: { '∀': 'forall', '∃': 'exists', forall: 'forall', exists: 'exists' },
  quantStyle: 'dot',
  trueTokens: ['⊤', '$true'],
  falseTokens: ['⊥', '$false'],
  freeVar: never,
  wideBareScope: true,
};

export const SPECS: Readonly<Record<Dialect, DialectSpec>> = { tptp: TPTP, ladr: LADR, nltk: NLTK, folio: FOLIO, entail: ENTAIL };

export function newLexer(text: string, spec: DialectSpec, pos = 0, limit = text.length, redact = false): Lexer {
  return new Lexer(text, spec.lex, pos, limit, redact);
}
