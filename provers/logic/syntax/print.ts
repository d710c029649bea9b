/**
 * Printers for every dialect with minimal parenthesization derived from the same
 * precedence tables the parsers use, so print→parse is the identity (see the
 * property tests). Names that a dialect cannot write as they are get quoted where the
 * dialect has quoting (TPTP '…', LADR "…", Entail '…') and are sanitized where it has
 * none (NLTK, FOLIO: non-identifier characters become '_'). Variable names invalid for
 * a dialect (e.g. `x` in TPTP) are renamed consistently within one formula.
 *
 * Printers recurse on formula depth; the parsers cap the height of what they accept at
 * MAX_DEPTH, which the printers handle with a wide margin (see deep.test.ts). Terms print
 * with an explicit stack: a prover's derivation can build terms far deeper than any input.
 *
 * TPTP is the one TPTP printer of Entail: problems here, and the formula and clause text of
 * TSTP derivations (printTstpFormula, printTstpClause) that the provers' proof output wraps.
 */
import type { Dialect, Problem, Statement } from '../problem.js';
import type { Formula } from '../formula.js';
import { freeVars, mkForall } from '../formula.js';
import type { Term, TermStyle } from '../term.js';
import { printTerm as printTermWith, termVars } from '../term.js';
import type { Clause, Literal } from '../clause.js';
import { clauseVars, isEqualityLit } from '../clause.js';
import type { BinSpec, DialectSpec } from './grammar.js';
import { SPECS } from './grammar.js';

/** pred: predicate with arguments; prop: predicate without; fn: function with arguments; const: constant. */
type Ctx = 'pred' | 'prop' | 'fn' | 'const';

interface Style {
  readonly spec: DialectSpec;
  readonly not: string;
  readonly and: string;
  readonly or: string;
  readonly imp: string;
  readonly iff: string;
  /** undefined: the dialect has no xor; printed as not(iff). */
  readonly xor?: string;
  readonly eq: string;
  readonly neq: string;
  readonly t: string;
  readonly f: string;
  readonly argSep: string;
  readonly quant: (kind: 'forall' | 'exists', vars: readonly string[], body: string) => string;
  readonly sym: (name: string, ctx: Ctx) => string;
  readonly validVar: (name: string) => boolean;
  readonly fixVar: (name: string) => string;
  /** Every compound formula in parentheses, precedence ignored: the layout of TSTP derivations. */
  readonly full?: boolean;
  /** A quantifier's scope reaches as far right as it can: bare body, parenthesized as any operand (display text). */
  readonly loose?: boolean;
}

const TPTP_LOWER = /^[a-z][A-Za-z0-9_]*$/;
const TPTP_UPPER = /^[A-Z][A-Za-z0-9_]*$/;
const TPTP_NUMBER = /^[+-]?[0-9]+(?:\/[0-9]+|(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)$/;
const TPTP_DOLLAR = /^\$\$?[a-z][A-Za-z0-9_]*$/;
const LADR_SYM = /^[A-Za-z0-9_$]+$/;
const LADR_VAR = /^[u-z][A-Za-z0-9_]*$/;
const NLTK_ID = /^[A-Za-z0-9_](?:[A-Za-z0-9_]|'(?=[A-Za-z0-9_])|(?<=[0-9])\.(?=[0-9]))*$/;
// The lexer reads identifiers per UTF-16 unit, so names with astral characters are not identifiers.
const FOLIO_ID = /^(?!.*[\u{10000}-\u{10ffff}])[\p{L}\p{N}_](?:[\p{L}\p{N}_]|['’-](?=[\p{L}\p{N}_])|(?<=[0-9])\.(?=[0-9]))*$/u;
const ENTAIL_ID = /^(?!.*[\u{10000}-\u{10ffff}])[\p{L}\p{N}_]+$/u;
const DISTINCT = /^".*"$/s;

/**
 * TPTP and LADR are ASCII-only (E rejects anything else even inside quotes): accents are
 * dropped, curly quotes become straight ones, any other character becomes _uXXXX.
 */
function ascii(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return name;
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\x20-\x7e]/g, (c) => `_u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function quote(name: string, q: string): string {
  return (
    q +
    name
      .replace(/\\/g, '\\\\')
      .split(q)
      .join('\\' + q) +
    q
  );
}
function distinct(name: string): string {
  return quote(name.slice(1, -1), '"');
}
/** Replace characters an identifier may not contain by '_' (dialects without quoting). */
function sanitize(name: string, valid: RegExp, keywords: ReadonlySet<string>): string {
  let s = name.replace(/[^\p{L}\p{N}_]/gu, '_');
  if (!valid.test(s)) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (s.length === 0) s = '_';
  if (!valid.test(s)) s = s.replace(/[^A-Za-z0-9_]/g, '_');
  if (keywords.has(s)) s += '_';
  return s;
}

const NLTK_KEYWORDS: ReadonlySet<string> = new Set(['all', 'exists']);
const LADR_KEYWORDS: ReadonlySet<string> = new Set(['all', 'exists', '$T', '$F']);
const ENTAIL_KEYWORDS: ReadonlySet<string> = new Set(['forall', 'exists']);
const NONE: ReadonlySet<string> = new Set();

const STYLES: Readonly<Record<Dialect, Style>> = {
  tptp: {
    spec: SPECS.tptp,
    not: '~',
    and: ' & ',
    or: ' | ',
    imp: ' => ',
    iff: ' <=> ',
    xor: ' <~> ',
    eq: ' = ',
    neq: ' != ',
    t: '$true',
    f: '$false',
    argSep: ',',
    quant: (k, vs, b) => `${k === 'forall' ? '!' : '?'} [${vs.join(',')}] : ${b}`,
    sym: (raw, ctx) => {
      const name = ascii(raw);
      if (TPTP_LOWER.test(name)) return name;
      if (TPTP_DOLLAR.test(name) && name !== '$true' && name !== '$false') return name;
      if (ctx === 'const' && DISTINCT.test(name) && name.length >= 2) return distinct(name);
      if (ctx === 'const' && TPTP_NUMBER.test(name)) return name;
      return quote(name, "'");
    },
    validVar: (n) => TPTP_UPPER.test(n),
    fixVar: (n) => {
      const s = n.replace(/[^A-Za-z0-9_]/g, '_');
      return /^[a-z]/.test(s) ? s[0]!.toUpperCase() + s.slice(1) : 'X' + s;
    },
  },
  ladr: {
    spec: SPECS.ladr,
    not: '-',
    and: ' & ',
    or: ' | ',
    imp: ' -> ',
    iff: ' <-> ',
    eq: ' = ',
    neq: ' != ',
    t: '$T',
    f: '$F',
    argSep: ',',
    quant: (k, vs, b) => vs.map((v) => `${k === 'forall' ? 'all' : 'exists'} ${v} `).join('') + b,
    sym: (raw, ctx) => {
      const name = ascii(raw);
      if (LADR_SYM.test(name) && !LADR_KEYWORDS.has(name) && !((ctx === 'const' || ctx === 'prop') && LADR_VAR.test(name))) return name;
      return quote(name, '"');
    },
    validVar: (n) => LADR_VAR.test(n),
    fixVar: (n) => {
      const s = n.replace(/[^A-Za-z0-9_]/g, '_');
      const low = s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : 'v';
      return LADR_VAR.test(low) ? low : 'v' + s;
    },
  },
  nltk: {
    spec: SPECS.nltk,
    not: '-',
    and: ' & ',
    or: ' | ',
    imp: ' -> ',
    iff: ' <-> ',
    eq: ' = ',
    neq: ' != ',
    t: '$true',
    f: '$false',
    argSep: ', ',
    quant: (k, vs, b) => `${k === 'forall' ? 'all' : 'exists'} ${vs.join(' ')}. ${b}`,
    sym: (name, ctx) => {
      if (ctx === 'const' && DISTINCT.test(name) && name.length >= 2) return distinct(name);
      if (NLTK_ID.test(name) && !NLTK_KEYWORDS.has(name)) return name;
      return sanitize(name, NLTK_ID, NLTK_KEYWORDS);
    },
    validVar: (n) => NLTK_ID.test(n) && !NLTK_KEYWORDS.has(n),
    fixVar: (n) => sanitize(n, NLTK_ID, NLTK_KEYWORDS),
  },
  folio: {
    spec: SPECS.folio,
    not: '¬',
    and: ' ∧ ',
    or: ' ∨ ',
    imp: ' → ',
    iff: ' ↔ ',
    xor: ' ⊕ ',
    eq: ' = ',
    neq: ' ≠ ',
    t: '⊤',
    f: '⊥',
    argSep: ', ',
    quant: (k, vs, b) => vs.map((v) => `${k === 'forall' ? '∀' : '∃'}${v} `).join('') + b,
    sym: (name) => (FOLIO_ID.test(name) ? name : sanitize(name, FOLIO_ID, NONE)),
    validVar: (n) => FOLIO_ID.test(n),
    fixVar: (n) => sanitize(n, FOLIO_ID, NONE),
  },
  entail: {
    spec: SPECS.entail,
    not: '¬',
    and: ' ∧ ',
    or: ' ∨ ',
    imp: ' → ',
    iff: ' ↔ ',
    xor: ' ⊕ ',
    eq: ' = ',
    neq: ' ≠ ',
    t: '⊤',
    f: '⊥',
    argSep: ', ',
    quant: (k, vs, b) => `${k === 'forall' ? '∀' : '∃'}${vs.join(' ')}. ${b}`,
    sym: (name, ctx) => {
      if (ENTAIL_ID.test(name) && !ENTAIL_KEYWORDS.has(name)) return name;
      if (ctx === 'const' && DISTINCT.test(name) && name.length >= 2) return distinct(name);
      return quote(name, "'");
    },
    validVar: (n) => ENTAIL_ID.test(n) && !ENTAIL_KEYWORDS.has(n),
    fixVar: (n) => sanitize(n, ENTAIL_ID, ENTAIL_KEYWORDS),
  },
};

/** TPTP in the layout of TSTP derivation lines (`~ p`, every compound parenthesized). */
const TSTP: Style = { ...STYLES.tptp, not: '~ ', full: true };

/**
 * Entail's syntax as display text (proof graphs): names and variables as they are, no
 * quoting, a quantifier's body bare, ↔ and ⊕ chains parenthesized.
 */
const DISPLAY: Style = {
  ...STYLES.entail,
  spec: {
    ...SPECS.entail,
    binary: Object.fromEntries(
      Object.entries(SPECS.entail.binary).map(([k, b]) => [k, b.op === 'iff' || b.op === 'xor' ? { ...b, assoc: 'none' as const } : b]),
    ),
  },
  sym: (name) => name,
  validVar: () => true,
  fixVar: (name) => name,
  loose: true,
};

/** Precedence/associativity of a connective in a dialect (first spelling found in the spec). */
function binOf(spec: DialectSpec, op: 'and' | 'or' | 'imp' | 'iff' | 'xor'): BinSpec | undefined {
  for (const k in spec.binary) if (spec.binary[k]!.op === op) return spec.binary[k];
  return undefined;
}

const ATOMIC = 1000;

class Printer {
  private readonly prec: Record<'and' | 'or' | 'imp' | 'iff' | 'xor', BinSpec | undefined>;
  private readonly termStyle: TermStyle;
  constructor(
    private readonly st: Style,
    private readonly vars: ReadonlyMap<string, string>,
  ) {
    const s = st.spec;
    this.prec = { and: binOf(s, 'and'), or: binOf(s, 'or'), imp: binOf(s, 'imp'), iff: binOf(s, 'iff'), xor: binOf(s, 'xor') };
    this.termStyle = { fn: (n, arity) => st.sym(n, arity === 0 ? 'const' : 'fn'), variable: (n) => vars.get(n) ?? n, sep: st.argSep };
  }

  private precOf(f: Formula): number {
    switch (f.kind) {
      case 'and':
      case 'or':
        return f.args.length < 2 ? (f.args.length === 1 ? this.precOf(f.args[0]!) : ATOMIC) : this.prec[f.kind]!.prec;
      case 'imp':
      case 'iff':
        return this.prec[f.kind]!.prec;
      case 'xor':
        return this.st.xor !== undefined ? this.prec.xor!.prec : ATOMIC;
      case 'forall':
      case 'exists': {
        if (this.st.loose && f.vars.length > 0) return 0;
        // With wide bare scope (FOLIO, Entail) a quantifier whose body is printed without
        // parentheses extends to the right, so as an operand it needs parentheses itself.
        // Only a body printed as '(…)' right after the variables keeps the scope tight.
        if (!this.st.spec.wideBareScope || f.vars.length === 0) return f.vars.length === 0 ? this.precOf(f.body) : ATOMIC;
        const b = f.body;
        return (b.kind === 'forall' || b.kind === 'exists') && b.vars.length > 0 ? 0 : this.precOf(b) < ATOMIC ? ATOMIC : 0;
      }
      default:
        return ATOMIC;
    }
  }

  formula(f: Formula, need: number): string {
    const s = this.raw(f);
    return !this.st.full && this.precOf(f) < need ? `(${s})` : s;
  }

  private raw(f: Formula): string {
    const st = this.st;
    switch (f.kind) {
      case 'atom':
        // An equality built as a plain atom (pred '=', as in clause literals) prints as equality.
        if (f.pred === '=' && f.args.length === 2) return this.term(f.args[0]!) + st.eq + this.term(f.args[1]!);
        return this.app(f.pred, f.args, 'pred');
      case 'eq':
        return this.term(f.left) + st.eq + this.term(f.right);
      case 'true':
        return st.t;
      case 'false':
        return st.f;
      case 'not':
        if (st.full) return `${st.not}(${this.formula(f.arg, ATOMIC)})`;
        if (f.arg.kind === 'eq') return this.term(f.arg.left) + st.neq + this.term(f.arg.right);
        if (f.arg.kind === 'atom' && f.arg.pred === '=' && f.arg.args.length === 2)
          return this.term(f.arg.args[0]!) + st.neq + this.term(f.arg.args[1]!);
        return st.not + this.formula(f.arg, ATOMIC);
      case 'and':
      case 'or': {
        if (f.args.length === 0) return f.kind === 'and' ? st.t : st.f;
        if (f.args.length === 1) return st.full ? `(${this.raw(f.args[0]!)})` : this.raw(f.args[0]!);
        const b = this.prec[f.kind]!;
        const sep = f.kind === 'and' ? st.and : st.or;
        let out = '';
        for (let i = 0; i < f.args.length; i++) out += (i > 0 ? sep : '') + this.formula(f.args[i]!, b.prec + 1);
        return st.full ? `(${out})` : out;
      }
      case 'imp':
      case 'iff':
      case 'xor': {
        if (f.kind === 'xor' && st.xor === undefined) return st.not + '(' + this.raw({ kind: 'iff', left: f.left, right: f.right }) + ')';
        const b = this.prec[f.kind]!;
        const l = b.assoc === 'left' ? b.prec : b.prec + 1;
        const r = b.assoc === 'right' ? b.prec : b.prec + 1;
        const op = f.kind === 'imp' ? st.imp : f.kind === 'iff' ? st.iff : st.xor!;
        const out = this.formula(f.left, l) + op + this.formula(f.right, r);
        return st.full ? `(${out})` : out;
      }
      case 'forall':
      case 'exists':
        if (f.vars.length === 0) return this.raw(f.body);
        if (st.loose) return st.quant(f.kind, f.vars, this.formula(f.body, 0));
        if (st.full)
          return `(${st.quant(
            f.kind,
            f.vars.map((v) => this.vars.get(v) ?? v),
            this.formula(f.body, ATOMIC),
          )})`;
        return st.quant(
          f.kind,
          f.vars.map((v) => this.vars.get(v) ?? v),
          // A directly nested quantifier needs no parentheses: its scope ends where ours does.
          (f.body.kind === 'forall' || f.body.kind === 'exists') && f.body.vars.length > 0
            ? this.raw(f.body)
            : this.formula(f.body, ATOMIC),
        );
    }
  }

  private app(name: string, args: readonly Term[], ctx: 'pred' | 'fn'): string {
    if (args.length === 0) return this.st.sym(name, ctx === 'pred' ? 'prop' : 'const');
    let out = this.st.sym(name, ctx) + '(';
    for (let i = 0; i < args.length; i++) out += (i > 0 ? this.st.argSep : '') + this.term(args[i]!);
    return out + ')';
  }

  term(t: Term): string {
    return printTermWith(t, this.termStyle);
  }

  /** A clause literal: an atom or an equation, negated as the dialect negates atoms. */
  literal(l: Literal): string {
    if (isEqualityLit(l)) return this.term(l.args[0]!) + (l.positive ? this.st.eq : this.st.neq) + this.term(l.args[1]!);
    return (l.positive ? '' : this.st.not) + this.app(l.pred, l.args, 'pred');
  }
}

/** Every variable name (bound or free) occurring in the formulas. */
function allVarNames(fs: readonly Formula[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (n: string): void => {
    if (!seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  };
  const terms: Term[] = [];
  const stack: Formula[] = [...fs];
  while (stack.length > 0) {
    const g = stack.pop()!;
    switch (g.kind) {
      case 'atom':
        for (const a of g.args) terms.push(a);
        break;
      case 'eq':
        terms.push(g.left, g.right);
        break;
      case 'not':
        stack.push(g.arg);
        break;
      case 'and':
      case 'or':
        for (const a of g.args) stack.push(a);
        break;
      case 'imp':
      case 'iff':
      case 'xor':
        stack.push(g.left, g.right);
        break;
      case 'forall':
      case 'exists':
        for (const v of g.vars) add(v);
        stack.push(g.body);
        break;
      default:
        break;
    }
  }
  while (terms.length > 0) {
    const t = terms.pop()!;
    if (t.kind === 'var') add(t.name);
    else for (const a of t.args) terms.push(a);
  }
  return out;
}

/** Renaming of the variables that the dialect cannot write, avoiding clashes. */
function varMap(st: Style, names: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  const used = new Set(names.filter((n) => st.validVar(n)));
  for (const n of names) {
    if (st.validVar(n)) continue;
    const base = st.fixVar(n);
    let cand = base;
    for (let k = 1; used.has(cand) || !st.validVar(cand); k++) cand = `${base}_${k}`;
    used.add(cand);
    m.set(n, cand);
  }
  return m;
}

function printerFor(st: Style, fs: readonly Formula[]): Printer {
  return new Printer(st, varMap(st, allVarNames(fs)));
}

export function printFormula(f: Formula, dialect: Dialect): string {
  const st = STYLES[dialect];
  return printerFor(st, [f]).formula(f, 0);
}

export function printTerm(t: Term, dialect: Dialect): string {
  const st = STYLES[dialect];
  return new Printer(st, varMap(st, termVars(t))).term(t);
}

function clauseText(st: Style, c: Clause): string {
  if (c.literals.length === 0) return st.f;
  const names: string[] = [];
  const seen = new Set<string>();
  for (const l of c.literals) for (const a of l.args) termVars(a, names, seen);
  const p = new Printer(st, varMap(st, names));
  let out = '';
  for (let i = 0; i < c.literals.length; i++) out += (i > 0 ? st.or : '') + p.literal(c.literals[i]!);
  return out;
}

/** A clause as a disjunction of literals (variables free, implicitly universal); the empty clause prints as false. */
export function printClause(c: Clause, dialect: Dialect): string {
  return clauseText(STYLES[dialect], c);
}

/** The formula text of a TSTP derivation line: TPTP with every compound formula parenthesized. */
export function printTstpFormula(f: Formula): string {
  return printerFor(TSTP, [f]).formula(f, 0);
}

/** The clause text of a TSTP derivation line: TPTP literals, negation written `~ p`. */
export function printTstpClause(c: Clause): string {
  return clauseText(TSTP, c);
}

/** Display text of a formula in Entail's notation, names as they are (proof graphs, never parsed back). */
export function displayFormula(f: Formula): string {
  return new Printer(DISPLAY, new Map()).formula(f, 0);
}

export function displayTerm(t: Term): string {
  return new Printer(DISPLAY, new Map()).term(t);
}

/** Display text of a clause: `L1 ∨ L2`, closed by `∀X Y.` when it has variables; the empty clause is ⊥. */
export function displayClause(c: Clause): string {
  const body = clauseText(DISPLAY, c);
  const vs = clauseVars(c);
  return vs.length === 0 ? body : DISPLAY.quant('forall', vs, body);
}

/** The name of a TPTP annotated formula, or a TPTP atomic word in an annotation: lower word or integer, else quoted ASCII. */
export function tptpName(name: string): string {
  return TPTP_NAME.test(name) ? name : quote(ascii(name), "'");
}

function isLiteralFormula(f: Formula): boolean {
  if (f.kind === 'not') return f.arg.kind === 'atom' || f.arg.kind === 'eq';
  return f.kind === 'atom' || f.kind === 'eq' || f.kind === 'true' || f.kind === 'false';
}
function isClauseShaped(f: Formula): boolean {
  return isLiteralFormula(f) || (f.kind === 'or' && f.args.length >= 2 && f.args.every(isLiteralFormula));
}

/** The statement's formula closed over its free variables (for dialects without free variables). */
function closed(s: Statement): Formula {
  return freeVars(s.formula).length > 0 ? mkForall(freeVars(s.formula), s.formula) : s.formula;
}

const TPTP_NAME = /^(?:[a-z][A-Za-z0-9_]*|[0-9]+)$/;

function printTptpProblem(p: Problem): string {
  const st = STYLES.tptp;
  const out: string[] = [`% File     : ${p.name}`];
  if (p.expected !== undefined) out.push(`% Status   : ${p.expected}`);
  if (p.rating !== undefined) out.push(`% Rating   : ${p.rating.toFixed(2)}`);
  for (const s of p.statements) {
    const name = tptpName(s.name);
    const cnf = s.language === 'cnf' && isClauseShaped(s.formula);
    const f = cnf ? s.formula : closed(s);
    const body = printerFor(st, [f]).formula(f, 0);
    // Annotations are TPTP terms only when they came from TPTP; other notes (an NL sentence) become comments.
    const fromTptp = p.dialect === 'tptp' || p.dialect === undefined;
    const ann = fromTptp && s.annotation !== undefined && s.annotation.length > 0 ? `, ${s.annotation}` : '';
    if (!fromTptp && s.annotation !== undefined) out.push(`% ${s.annotation.replace(/[\r\n]+/g, ' ')}`);
    out.push(`${cnf ? 'cnf' : 'fof'}(${name}, ${s.role}, ${body}${ann}).`);
  }
  return out.join('\n') + '\n';
}

function printLadrProblem(p: Problem): string {
  const st = STYLES.ladr;
  const out: string[] = [`% ${p.name}`];
  if (p.expected !== undefined) out.push(`% Status : ${p.expected}`);
  const emit = (kind: 'formulas' | 'clauses', list: string, ss: readonly Statement[]): void => {
    if (ss.length === 0) return;
    out.push(`${kind}(${list}).`);
    for (const s of ss) {
      // Free variables are implicitly universal in LADR; the printer renames them to u–z names.
      out.push(`${printerFor(st, [s.formula]).formula(s.formula, 0)} # label(${st.sym(s.name, 'const')}).`);
    }
    out.push('end_of_list.');
  };
  // cnf statements go to clauses(...) lists so their free variables stay free when read back.
  const isGoal = (s: Statement): boolean => s.role === 'conjecture';
  const isCnf = (s: Statement): boolean => s.language === 'cnf';
  emit(
    'formulas',
    'assumptions',
    p.statements.filter((s) => !isGoal(s) && !isCnf(s)),
  );
  emit(
    'clauses',
    'assumptions',
    p.statements.filter((s) => !isGoal(s) && isCnf(s)),
  );
  emit(
    'formulas',
    'goals',
    p.statements.filter((s) => isGoal(s) && !isCnf(s)),
  );
  emit(
    'clauses',
    'goals',
    p.statements.filter((s) => isGoal(s) && isCnf(s)),
  );
  return out.join('\n') + '\n';
}

/** NLTK and FOLIO problems: one formula per line, last = conjecture; otherwise explicit Premises:/Conclusion: sections. */
function printLineProblem(p: Problem, dialect: 'nltk' | 'folio'): string {
  const st = STYLES[dialect];
  const line = (s: Statement): string => {
    const f = closed(s);
    return printerFor(st, [f]).formula(f, 0);
  };
  const ss = p.statements;
  const conj = ss.filter((s) => s.role === 'conjecture');
  const prem = ss.filter((s) => s.role !== 'conjecture');
  if (conj.length === 1 && ss[ss.length - 1] === conj[0]) return ss.map(line).join('\n') + '\n';
  const out = ['Premises:', ...prem.map(line)];
  if (conj.length > 0) out.push('Conclusion:', ...conj.map(line));
  return out.join('\n') + '\n';
}

function printEntailProblem(p: Problem): string {
  const st = STYLES.entail;
  const out: string[] = [`% problem ${p.name}`];
  if (p.expected !== undefined) out.push(`% status ${p.expected}`);
  for (const s of p.statements) {
    const f = closed(s);
    const name = ENTAIL_ID.test(s.name) && !ENTAIL_KEYWORDS.has(s.name) ? s.name : quote(s.name, "'");
    out.push(`${s.role} ${name}: ${printerFor(st, [f]).formula(f, 0)}.`);
  }
  return out.join('\n') + '\n';
}

export function printProblem(p: Problem, dialect: Dialect): string {
  switch (dialect) {
    case 'tptp':
      return printTptpProblem(p);
    case 'ladr':
      return printLadrProblem(p);
    case 'nltk':
    case 'folio':
      return printLineProblem(p, dialect);
    case 'entail':
      return printEntailProblem(p);
  }
}
