/**
 * FOL → Lean 4: a `Problem` (premises ⊢ conjecture) becomes one theorem over an opaque type,
 * with every predicate, function and constant a parameter of the theorem:
 *
 *   theorem entail_goal {U : Type} [Nonempty U] (Dog Animal : U → Prop) (fido : U)
 *       (h_p1 : ∀ x : U, Dog x → Animal x) (h_p2 : Dog fido) :
 *       Animal fido := by
 *     sorry
 *
 * Why `[Nonempty U]`: first-order semantics has non-empty domains (∀x.P(x) ⊢ ∃x.P(x) is valid),
 * a Lean type may be empty. Binders are annotated (`∀ x : U,`) because `∀ x, x = x` alone
 * leaves the type of x undetermined. Only core Lean is used (no Mathlib): ⊕ is written out as
 * (A ∧ ¬B) ∨ (¬A ∧ B) rather than Mathlib's `Xor'`.
 *
 * Several conjectures become one goal (their conjunction); no conjecture gives the goal `False`
 * (the premises, including any negated conjecture, are contradictory). Free variables (cnf
 * statements) are closed universally. TPTP distinct objects get a pairwise `≠` hypothesis.
 * Pure: imports only the logic core.
 */
import type { Formula } from '../logic/formula.js';
import { freeVars, mkForall } from '../logic/formula.js';
import type { Problem } from '../logic/problem.js';
import type { Term } from '../logic/term.js';

export interface TranslateOptions {
  readonly theoremName?: string;
  /** Proof text after `:= by` (default `sorry`); may span lines (indent them yourself). */
  readonly proof?: string;
}

export interface LeanSymbol {
  readonly kind: 'predicate' | 'function';
  readonly name: string;
  readonly arity: number;
  /** The Lean identifier used for it (possibly «quoted» or suffixed). */
  readonly lean: string;
}

export interface LeanTranslation {
  /** The theorem header up to (not including) ` := by`, for the REPL's tactic replay. */
  readonly statement: string;
  /** The complete theorem with its proof. */
  readonly code: string;
  readonly theoremName: string;
  readonly symbols: readonly LeanSymbol[];
  /** Hypothesis name per premise statement, in order. */
  readonly hypotheses: readonly { readonly statement: string; readonly lean: string }[];
}

/** Lean 4 keywords and command words that cannot be bare identifiers (they are «quoted»). */
const KEYWORDS = new Set([
  'at',
  'by',
  'do',
  'else',
  'end',
  'export',
  'fun',
  'have',
  'if',
  'import',
  'in',
  'instance',
  'let',
  'match',
  'mut',
  'namespace',
  'open',
  'section',
  'show',
  'then',
  'theorem',
  'def',
  'example',
  'abbrev',
  'axiom',
  'structure',
  'class',
  'inductive',
  'where',
  'with',
  'from',
  'forall',
  'exists',
  'Type',
  'Prop',
  'Sort',
  'universe',
  'variable',
  'deriving',
  'mutual',
  'private',
  'protected',
  'noncomputable',
  'partial',
  'unsafe',
  'local',
  'scoped',
  'attribute',
  'macro',
  'syntax',
  'notation',
  'infix',
  'infixl',
  'infixr',
  'prefix',
  'postfix',
  'calc',
  'suffices',
  'obtain',
  'sorry',
  'this',
  'using',
  'only',
  'return',
  'for',
  'unless',
  'try',
  'catch',
  'finally',
  'break',
  'continue',
  'nomatch',
  'nofun',
  'termination_by',
  'decreasing_by',
  'opaque',
  'set_option',
  'omit',
  'include',
  'λ',
  'Π',
  'Σ',
  'fun',
  'assume',
  'begin',
  'lemma',
]);

/**
 * Constants the printed theorem relies on through notation (`∧` elaborates to `And`, …) or
 * names itself. A parameter with one of these names would capture it, so such symbols are
 * renamed with a suffix (quoting does not help: «And» is the same name as And).
 */
const CORE = new Set(['True', 'False', 'Not', 'And', 'Or', 'Iff', 'Eq', 'Ne', 'Exists', 'Nonempty', 'U', 'Prop', 'Type', 'HEq', 'id']);

const PLAIN = /^[A-Za-z][A-Za-z0-9_']*$|^_[A-Za-z0-9_'][A-Za-z0-9_']*$/;

/** The identifier as Lean source: bare when legal, «quoted» otherwise, character-mapped when even that is impossible. */
export function leanIdent(name: string): string {
  if (PLAIN.test(name) && !KEYWORDS.has(name)) return name;
  if (name !== '' && !/[«»\n\r\t]/.test(name)) return `«${name}»`;
  const mapped = name.replace(/[^A-Za-z0-9_']/g, '_').replace(/^([0-9'])/, 'x$1');
  return mapped === '' || mapped === '_' ? 'x_' : mapped;
}

/** Name allocator: bare form of each chosen name is unique; CORE names get a suffix. */
class Names {
  private readonly used = new Set<string>();
  constructor(reserved: Iterable<string>) {
    for (const r of reserved) this.used.add(r);
  }
  has(lean: string): boolean {
    return this.used.has(bare(lean));
  }
  fresh(wanted: string, avoid?: (lean: string) => boolean): string {
    let base = leanIdent(wanted);
    if (CORE.has(bare(base))) base = leanIdent(bare(base) + '_');
    let cand = base;
    for (let i = 1; this.used.has(bare(cand)) || (avoid?.(cand) ?? false); i++) cand = suffix(base, i);
    this.used.add(bare(cand));
    return cand;
  }
}

function bare(lean: string): string {
  return lean.startsWith('«') && lean.endsWith('»') ? lean.slice(1, -1) : lean;
}
function suffix(lean: string, i: number): string {
  return lean.startsWith('«') ? `«${bare(lean)}_${i}»` : `${lean}_${i}`;
}

/** Symbol name → Lean name per arity (indexed by arity: no key strings built per occurrence). */
type SymbolTable = Map<string, (string | undefined)[]>;

function lookup(t: SymbolTable, name: string, arity: number): string | undefined {
  return t.get(name)?.[arity];
}
function enter(t: SymbolTable, name: string, arity: number, lean: string): void {
  let row = t.get(name);
  if (!row) t.set(name, (row = []));
  row[arity] = lean;
}

interface Ctx {
  readonly preds: SymbolTable;
  readonly fns: SymbolTable;
  readonly globals: Names;
  /** Innermost binding first: source variable → Lean name. */
  readonly scope: Map<string, string>;
}

export function problemToLean(problem: Problem, opts: TranslateOptions = {}): LeanTranslation {
  const theoremName = leanIdent(opts.theoremName ?? 'entail_goal');
  const globals = new Names([...CORE, bare(theoremName)]);
  const preds: SymbolTable = new Map();
  const fns: SymbolTable = new Map();
  const symbols: LeanSymbol[] = [];

  const closed = problem.statements.map((s) => ({ s, f: mkForall(freeVars(s.formula), s.formula) }));
  // Collect symbols in order of first occurrence (premises, then conjectures: the order they are printed).
  const visitTerm = (t: Term): void => {
    if (t.kind === 'var') return;
    if (lookup(fns, t.fn, t.args.length) === undefined) {
      const lean = globals.fresh(t.fn);
      enter(fns, t.fn, t.args.length, lean);
      symbols.push({ kind: 'function', name: t.fn, arity: t.args.length, lean });
    }
    for (const a of t.args) visitTerm(a);
  };
  const visit = (f: Formula): void => {
    switch (f.kind) {
      case 'atom': {
        if (lookup(preds, f.pred, f.args.length) === undefined) {
          const lean = globals.fresh(f.pred);
          enter(preds, f.pred, f.args.length, lean);
          symbols.push({ kind: 'predicate', name: f.pred, arity: f.args.length, lean });
        }
        for (const a of f.args) visitTerm(a);
        return;
      }
      case 'eq':
        visitTerm(f.left);
        visitTerm(f.right);
        return;
      case 'true':
      case 'false':
        return;
      case 'not':
        visit(f.arg);
        return;
      case 'and':
      case 'or':
        for (const a of f.args) visit(a);
        return;
      case 'imp':
      case 'iff':
      case 'xor':
        visit(f.left);
        visit(f.right);
        return;
      case 'forall':
      case 'exists':
        visit(f.body);
        return;
    }
  };
  const premisesList = closed.filter((c) => c.s.role !== 'conjecture');
  const conjList = closed.filter((c) => c.s.role === 'conjecture');
  for (const c of [...premisesList, ...conjList]) visit(c.f);

  const ctx: Ctx = { preds, fns, globals, scope: new Map() };
  const hypotheses: { statement: string; lean: string }[] = [];
  const hypLines: string[] = [];
  premisesList.forEach((c, i) => {
    const lean = globals.fresh('h_' + (c.s.name.replace(/[^A-Za-z0-9_]/g, '_') || String(i + 1)));
    hypotheses.push({ statement: c.s.name, lean });
    hypLines.push(`(${lean} : ${printFormula(c.f, ctx)})`);
  });
  // TPTP distinct objects ("abc") denote pairwise different elements; as theorem parameters
  // they would not, so their distinctness becomes one more hypothesis.
  const distinct = symbols.filter(
    (s) => s.kind === 'function' && s.arity === 0 && s.name.length >= 2 && s.name.startsWith('"') && s.name.endsWith('"'),
  );
  if (distinct.length >= 2) {
    const pairs: string[] = [];
    for (let i = 0; i < distinct.length; i++)
      for (let j = i + 1; j < distinct.length; j++) pairs.push(`${distinct[i]!.lean} ≠ ${distinct[j]!.lean}`);
    const lean = globals.fresh('h_distinct_objects');
    hypotheses.push({ statement: '(TPTP distinct objects)', lean });
    hypLines.push(`(${lean} : ${pairs.join(' ∧ ')})`);
  }
  const goal =
    conjList.length === 0
      ? 'False'
      : conjList.length === 1
        ? printFormula(conjList[0]!.f, ctx)
        : conjList.map((c) => wrap(c.f, ctx)).join(' ∧ ');

  // One binder per type, types in order of first appearance.
  const byType = new Map<string, string[]>();
  for (const s of symbols) {
    const type = (s.arity === 0 ? '' : 'U → '.repeat(s.arity)) + (s.kind === 'predicate' ? 'Prop' : 'U');
    const list = byType.get(type) ?? [];
    list.push(s.lean);
    byType.set(type, list);
  }
  const sigBinders = [...byType].map(([type, names]) => `(${names.join(' ')} : ${type})`);
  const lines = [`theorem ${theoremName} {U : Type} [Nonempty U]`];
  if (sigBinders.length > 0) lines.push('    ' + sigBinders.join(' '));
  for (const h of hypLines) lines.push('    ' + h);
  lines[lines.length - 1] += ' :';
  lines.push(`    ${goal}`);
  const statement = lines.join('\n');
  const proof = opts.proof ?? 'sorry';
  return { statement, code: `${statement} := by\n  ${proof}\n`, theoremName, symbols, hypotheses };
}

function isTight(f: Formula): boolean {
  return f.kind === 'atom' || f.kind === 'eq' || f.kind === 'true' || f.kind === 'false' || f.kind === 'not';
}

function wrap(f: Formula, ctx: Ctx): string {
  const s = printFormula(f, ctx);
  return isTight(f) ? s : `(${s})`;
}

function printTerm(t: Term, ctx: Ctx): string {
  if (t.kind === 'var') {
    const v = ctx.scope.get(t.name);
    if (v === undefined) throw new Error(`bug: unbound variable ${t.name} after universal closure`);
    return v;
  }
  const head = lookup(ctx.fns, t.fn, t.args.length)!;
  if (t.args.length === 0) return head;
  return [head, ...t.args.map((a) => (a.kind === 'app' && a.args.length > 0 ? `(${printTerm(a, ctx)})` : printTerm(a, ctx)))].join(' ');
}

/** One formula as a Lean term of type Prop (symbols must have been collected into ctx). */
function printFormula(f: Formula, ctx: Ctx): string {
  switch (f.kind) {
    case 'atom': {
      const head = lookup(ctx.preds, f.pred, f.args.length)!;
      if (f.args.length === 0) return head;
      return [head, ...f.args.map((a) => (a.kind === 'app' && a.args.length > 0 ? `(${printTerm(a, ctx)})` : printTerm(a, ctx)))].join(' ');
    }
    case 'eq':
      return `${printTerm(f.left, ctx)} = ${printTerm(f.right, ctx)}`;
    case 'true':
      return 'True';
    case 'false':
      return 'False';
    case 'not':
      return f.arg.kind === 'atom' || f.arg.kind === 'true' || f.arg.kind === 'false' || f.arg.kind === 'not'
        ? `¬${printFormula(f.arg, ctx)}`
        : `¬(${printFormula(f.arg, ctx)})`;
    case 'and':
      return f.args.map((a) => wrap(a, ctx)).join(' ∧ ');
    case 'or':
      return f.args.map((a) => wrap(a, ctx)).join(' ∨ ');
    case 'imp':
      return `${wrap(f.left, ctx)} → ${wrap(f.right, ctx)}`;
    case 'iff':
      return `${wrap(f.left, ctx)} ↔ ${wrap(f.right, ctx)}`;
    case 'xor': {
      const a = wrap(f.left, ctx);
      const b = wrap(f.right, ctx);
      const na = isTight(f.left) && f.left.kind !== 'eq' ? `¬${a}` : `¬${a.startsWith('(') ? a : `(${a})`}`;
      const nb = isTight(f.right) && f.right.kind !== 'eq' ? `¬${b}` : `¬${b.startsWith('(') ? b : `(${b})`}`;
      return `(${a} ∧ ${nb}) ∨ (${na} ∧ ${b})`;
    }
    case 'forall':
    case 'exists': {
      const saved = new Map(ctx.scope);
      const visible = new Map<string, string>(); // lean → source, for outer binders still visible
      for (const [src, lean] of ctx.scope) visible.set(bare(lean), src);
      const names: string[] = [];
      for (const v of f.vars) {
        // A bound name must not capture a symbol, nor an outer variable with a different source name.
        let cand = leanIdent(v);
        if (CORE.has(bare(cand))) cand = leanIdent(bare(cand) + '_');
        const base = cand;
        for (let i = 1; ctx.globals.has(cand) || (visible.has(bare(cand)) && visible.get(bare(cand)) !== v) || names.includes(cand); i++)
          cand = suffix(base, i);
        ctx.scope.set(v, cand);
        visible.set(bare(cand), v);
        names.push(cand);
      }
      const body = printFormula(f.body, ctx);
      ctx.scope.clear();
      for (const [k, val] of saved) ctx.scope.set(k, val);
      return `${f.kind === 'forall' ? '∀' : '∃'} ${names.join(' ')} : U, ${body}`;
    }
  }
}
