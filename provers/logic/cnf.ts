/**
 * Clausifier: problem → clauses, with every clause traceable to the statement it came from.
 *
 * Pipeline per statement (each stage a proof step, so the proof graph and the
 * checker can see it):
 *   input ─▶ [negated_conjecture] ─▶ normal form (nnf | definition | skolemize) ─▶ clausify (one step per clause)
 *                                          └──▶ definition steps (new predicates) ─▶ clausify
 *
 * - ↔/⊕ whose operands themselves contain ↔/⊕ get their operands renamed
 *   (d(x̄) ↔ A) before expansion, so nested equivalences stay linear instead of
 *   exponential.
 * - NNF, then miniscoping (quantifiers pushed inward, so Skolem functions take
 *   only the variables they really depend on), then Skolemization.
 * - CNF by distribution, renaming a disjunct by a fresh predicate (d(x̄) → A,
 *   one direction suffices in NNF since every subformula is positive) whenever the
 *   clause product would exceed a threshold: the Tseitin-style definitional step.
 *
 * The normal-form step's formula is what the clauses are entailed by, so the
 * checker can re-verify clausify steps; Skolemization and definitions are not
 * entailments (only satisfiability-preserving) and are reported as trusted there.
 *
 * Limits: every pass charges its work to a Budget, which reads the clock once per
 * CHECK_EVERY units and counts the literals built against a cap, so a formula whose
 * normal form explodes ends with a timeout or resourceOut error value, never a hang,
 * an exhausted heap or a partial clause set.
 */
import type { Term } from './term.js';
import { mkVar, mkApp, termVars, termEquals } from './term.js';
import type { Formula } from './formula.js';
import { mkNot, mkAnd, mkOr, mkForall, mkAtom, mkIff, freeVars, signatureOf, universalClosure } from './formula.js';
import type { Clause, Literal } from './clause.js';
import { EQUALITY, litEquals } from './clause.js';
import type { Problem, Role, Statement } from './problem.js';
import type { ProofStep, Rule } from './proof.js';
import type { Limits } from './limits.js';
import type { Result } from './source.js';
import type { SzsStatus } from './szs.js';

export interface InputClause {
  readonly id: string;
  readonly clause: Clause;
  readonly role: Role;
  /** Name of the statement the clause came from. */
  readonly source: string;
}

export interface Clausified {
  readonly clauses: InputClause[];
  /** Preprocessing DAG; each InputClause.id is the id of a 'clausify' step here. */
  readonly steps: ProofStep[];
  readonly hasConjecture: boolean;
  /** Fresh symbols introduced, so printers and the UI can mark them. */
  readonly skolems: string[];
  readonly definitions: string[];
}

export interface ClausifyOptions extends Limits {
  /** Rename subformulas to avoid exponential blow-up (default true). */
  readonly definitional?: boolean;
  /** Rename a disjunct when the distributed clause count would exceed this (default 16). */
  readonly renameThreshold?: number;
  /** The clock `deadline` is read on (default Date.now). */
  readonly now?: () => number;
  /** Most literals built, intermediate normal forms included (default MAX_LITERALS); past it: resourceOut. */
  readonly maxLiterals?: number;
}

/**
 * Why clausification produced no clause set: the deadline passed ('timeout'), shouldStop said so
 * ('stopped'), the literal cap was reached ('resourceOut'), or a formula is nested deeper than
 * MAX_FORMULA_DEPTH ('inputError'). The message names the pass and statement it stopped in.
 */
export interface ClausifyError {
  readonly kind: 'timeout' | 'stopped' | 'resourceOut' | 'inputError';
  readonly message: string;
}

/** The SZS status a run reports when clausification fails this way. */
export function clausifyErrorStatus(e: ClausifyError): SzsStatus {
  switch (e.kind) {
    case 'timeout':
      return 'Timeout';
    case 'stopped':
      return 'GaveUp';
    case 'resourceOut':
      return 'ResourceOut';
    case 'inputError':
      return 'InputError';
  }
}

/**
 * Default cap on literals built. A few dozen bytes each (intermediate ones are array slots), so the heap
 * holds it with room to spare, while the largest corpus problems build well under a tenth of it.
 */
export const MAX_LITERALS = 4_000_000;

/** Work units between two reads of the clock: one unit is about one node visited or literal built. */
const CHECK_EVERY = 4096;

type Pass = 'renaming' | 'nnf' | 'miniscoping' | 'skolemization' | 'cnf' | 'clause output';

/** Raised inside the passes and caught by clausify, which turns it into a ClausifyError. */
class Halt {
  constructor(readonly kind: 'timeout' | 'stopped' | 'resourceOut') {}
}

/** Work and literal accounting for one clausify call. */
class Budget {
  private work = 0;
  private nextCheck = CHECK_EVERY;
  private literals = 0;
  pass: Pass = 'renaming';
  statement = '';
  constructor(
    private readonly deadline: number,
    private readonly now: () => number,
    private readonly shouldStop: (() => boolean) | undefined,
    private readonly maxLiterals: number,
  ) {}
  /** Charge one unit of work; the clock is read only when a checkpoint is passed. */
  tick(): void {
    if (++this.work >= this.nextCheck) this.check();
  }
  /** Charge `cost` units of work. */
  charge(cost: number): void {
    this.work += cost;
    if (this.work >= this.nextCheck) this.check();
  }
  /** Count `n` literals built, and as many units of work. */
  built(n: number): void {
    this.literals += n;
    if (this.literals > this.maxLiterals) throw new Halt('resourceOut');
    this.charge(n);
  }
  private check(): void {
    this.nextCheck = this.work + CHECK_EVERY;
    if (this.now() > this.deadline) throw new Halt('timeout');
    if (this.shouldStop?.()) throw new Halt('stopped');
  }
  describe(kind: Halt['kind']): string {
    const where = `in ${this.pass}${this.statement ? ` of ${this.statement}` : ''}`;
    if (kind === 'resourceOut') return `clausification built more than ${this.maxLiterals} literals (${where})`;
    return kind === 'timeout' ? `clausification ran out of time (${where})` : `clausification stopped (${where})`;
  }
}

/** Quantifier-free NNF used between Skolemization and CNF. */
type Nnf =
  | { readonly k: 'lit'; readonly lit: Literal }
  | { readonly k: 'and' | 'or'; readonly args: readonly Nnf[] }
  | { readonly k: 'true' | 'false' }
  | { readonly k: 'forall' | 'exists'; readonly vars: readonly string[]; readonly body: Nnf };

const NNF_TRUE: Nnf = { k: 'true' };
const NNF_FALSE: Nnf = { k: 'false' };

/** Fresh-name supply that never collides with the problem's own symbols. */
class Names {
  private n = 0;
  constructor(private readonly taken: Set<string>) {}
  fresh(prefix: string): string {
    for (;;) {
      const name = `${prefix}${++this.n}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }
}

interface Ctx {
  readonly steps: ProofStep[];
  readonly clauses: InputClause[];
  readonly names: Names;
  readonly skolems: string[];
  readonly definitions: string[];
  readonly definitional: boolean;
  readonly threshold: number;
  readonly budget: Budget;
  counter: number;
}

function nextId(ctx: Ctx, prefix: string): string {
  return `${prefix}${++ctx.counter}`;
}

/**
 * Deepest nesting the clausifier accepts, terms included (twice what the parsers accept;
 * formulas built by other means are refused here rather than overflow a recursive walk).
 */
export const MAX_FORMULA_DEPTH = 1000;

/** Height with terms, by an explicit stack; stops counting once past `limit`. */
function formulaDepth(f: Formula, limit = MAX_FORMULA_DEPTH): number {
  let max = 0;
  const stack: Array<[Formula | Term, number]> = [[f, 1]];
  while (stack.length > 0) {
    const [g, d] = stack.pop()!;
    if (d > max) {
      max = d;
      if (max > limit) return max;
    }
    switch (g.kind) {
      case 'not':
        stack.push([g.arg, d + 1]);
        break;
      case 'and':
      case 'or':
      case 'atom':
      case 'app':
        for (const a of g.args) stack.push([a, d + 1]);
        break;
      case 'imp':
      case 'iff':
      case 'xor':
      case 'eq':
        stack.push([g.left, d + 1], [g.right, d + 1]);
        break;
      case 'forall':
      case 'exists':
        stack.push([g.body, d + 1]);
        break;
      default:
        break;
    }
  }
  return max;
}

/**
 * Clausify a problem within the options' limits. Never throws: a passed deadline, a stop request, the
 * literal cap and formulas nested deeper than MAX_FORMULA_DEPTH (which no parser produces) are errors,
 * and then no clauses at all are returned.
 */
export function clausify(problem: Problem, opts: ClausifyOptions = {}): Result<Clausified, ClausifyError> {
  const budget = new Budget(opts.deadline ?? Infinity, opts.now ?? Date.now, opts.shouldStop, opts.maxLiterals ?? MAX_LITERALS);
  try {
    for (const s of problem.statements) {
      budget.statement = s.name;
      if (formulaDepth(s.formula) > MAX_FORMULA_DEPTH)
        return { ok: false, error: { kind: 'inputError', message: `formula ${s.name} is nested deeper than ${MAX_FORMULA_DEPTH}` } };
    }
    return { ok: true, value: clausifyWithin(problem, opts, budget) };
  } catch (e) {
    if (e instanceof Halt) return { ok: false, error: { kind: e.kind, message: budget.describe(e.kind) } };
    throw e;
  }
}

function clausifyWithin(problem: Problem, opts: ClausifyOptions, budget: Budget): Clausified {
  const sig = signatureOf(problem.statements.map((s) => s.formula));
  const ctx: Ctx = {
    steps: [],
    clauses: [],
    names: new Names(new Set([...sig.preds.keys(), ...sig.fns.keys()])),
    skolems: [],
    definitions: [],
    definitional: opts.definitional ?? true,
    threshold: opts.renameThreshold ?? 16,
    budget,
    counter: 0,
  };
  const conjectures: { stmt: Statement; id: string }[] = [];
  for (const stmt of problem.statements) {
    const id = nextId(ctx, 'inp_');
    ctx.steps.push({
      id,
      rule: 'input',
      parents: [],
      conclusion: { kind: 'formula', formula: stmt.formula },
      source: { name: stmt.name, ...(problem.file !== undefined ? { file: problem.file } : {}), role: stmt.role },
    });
    if (stmt.role === 'conjecture') {
      conjectures.push({ stmt, id });
      continue;
    }
    budget.statement = stmt.name;
    normalizeAndClausify(ctx, universalClosure(stmt.formula), id, stmt.role, stmt.name);
  }
  if (conjectures.length > 0) {
    // Several conjectures mean their conjunction (TPTP semantics): negate it once.
    const conj = mkAnd(conjectures.map((c) => universalClosure(c.stmt.formula)));
    const id = nextId(ctx, 'neg_');
    ctx.steps.push({
      id,
      rule: 'negated_conjecture',
      parents: conjectures.map((c) => ({ id: c.id })),
      conclusion: { kind: 'formula', formula: mkNot(conj) },
    });
    budget.statement = conjectures.map((c) => c.stmt.name).join(',');
    normalizeAndClausify(ctx, mkNot(conj), id, 'negated_conjecture', conjectures.map((c) => c.stmt.name).join(','));
  }
  return {
    clauses: ctx.clauses,
    steps: ctx.steps,
    hasConjecture: conjectures.length > 0,
    skolems: ctx.skolems,
    definitions: ctx.definitions,
  };
}

/** Clauses of a list of closed formulas, without proof bookkeeping (NL pipeline, model finder). */
export function clausifyFormulas(formulas: readonly Formula[], opts: ClausifyOptions = {}): Result<Clause[], ClausifyError> {
  const problem: Problem = {
    name: 'formulas',
    statements: formulas.map((formula, i) => ({ name: `f${i + 1}`, role: 'axiom', language: 'fof', formula })),
  };
  const r = clausify(problem, opts);
  return r.ok ? { ok: true, value: r.value.clauses.map((c) => c.clause) } : r;
}

function normalizeAndClausify(ctx: Ctx, f: Formula, parent: string, role: Role, source: string, rename = true): void {
  const skolemsBefore = ctx.skolems.length;
  const defsBefore = ctx.definitions.length;
  const pendingDefs: Formula[] = [];
  // A definition d(x̄) ↔ A already has A's nested equivalences renamed: renaming again would loop.
  const b = ctx.budget;
  b.pass = 'renaming';
  const renamed = ctx.definitional && rename ? renameNestedEquivalences(ctx, f, pendingDefs) : f;
  b.pass = 'nnf';
  const nnf = toNnf(renamed, true, b);
  b.pass = 'miniscoping';
  const mini = miniscope(nnf, freeVarsOf(), b);
  b.pass = 'skolemization';
  const qf = skolemize(ctx, mini, []);
  b.pass = 'cnf';
  const rule: Rule = ctx.skolems.length > skolemsBefore ? 'skolemize' : ctx.definitions.length > defsBefore ? 'definition' : 'nnf';
  const nfId = nextId(ctx, 'nnf_');
  ctx.steps.push({ id: nfId, rule, parents: [{ id: parent }], conclusion: { kind: 'formula', formula: closeQf(qf, b) } });

  const defClauses: { lits: Literal[][]; formula: Formula }[] = [];
  const clauses = cnf(ctx, qf, defClauses);
  b.pass = 'clause output';
  if (defClauses.length === 0) emitClauses(ctx, clauses, nfId, role, source);
  else {
    // Disjuncts were renamed: record the renamed formula F[d] as its own (satisfiability-preserving)
    // definition step, so that each of its clauses is an ordinary, checkable clausify step of F[d]
    // and only the steps that introduce symbols are trusted.
    const renamedId = nextId(ctx, 'def_');
    const asFormula = mkAnd(clauses.map((c) => mkOr(c.map((lit) => nnfToFormula({ k: 'lit', lit }, b)))));
    ctx.steps.push({
      id: renamedId,
      rule: 'definition',
      parents: [{ id: nfId }],
      conclusion: { kind: 'formula', formula: universalClosure(asFormula) },
    });
    emitClauses(ctx, clauses, renamedId, role, source);
  }
  for (const d of defClauses) {
    const dId = nextId(ctx, 'def_');
    ctx.steps.push({ id: dId, rule: 'definition', parents: [{ id: nfId }], conclusion: { kind: 'formula', formula: d.formula } });
    emitClauses(ctx, d.lits, dId, role, source);
  }
  // Equivalence definitions are full formulas (they may contain quantifiers): run them through the pipeline.
  for (const def of pendingDefs) {
    const dId = nextId(ctx, 'def_');
    ctx.steps.push({ id: dId, rule: 'definition', parents: [{ id: parent }], conclusion: { kind: 'formula', formula: def } });
    normalizeAndClausify(ctx, def, dId, role, source, false);
  }
}

function emitClauses(ctx: Ctx, clauses: readonly Literal[][], parent: string, role: Role, source: string): void {
  for (const lits of clauses) {
    const clause = renameClauseVars(lits, ctx.budget);
    const id = nextId(ctx, 'cls_');
    ctx.steps.push({ id, rule: 'clausify', parents: [{ id: parent }], conclusion: { kind: 'clause', clause } });
    ctx.clauses.push({ id, clause, role, source });
  }
}

// ---------------------------------------------------------------------------
// Renaming of operands of nested equivalences.

function containsEquivalence(f: Formula, budget: Budget): boolean {
  const stack: Formula[] = [f];
  while (stack.length > 0) {
    budget.tick();
    const g = stack.pop()!;
    switch (g.kind) {
      case 'iff':
      case 'xor':
        return true;
      case 'not':
        stack.push(g.arg);
        break;
      case 'and':
      case 'or':
        stack.push(...g.args);
        break;
      case 'imp':
        stack.push(g.left, g.right);
        break;
      case 'forall':
      case 'exists':
        stack.push(g.body);
        break;
      default:
        break;
    }
  }
  return false;
}

function isLiteralLike(f: Formula): boolean {
  return f.kind === 'atom' || f.kind === 'eq' || f.kind === 'true' || f.kind === 'false' || (f.kind === 'not' && isLiteralLike(f.arg));
}

function renameNestedEquivalences(ctx: Ctx, f: Formula, defs: Formula[]): Formula {
  const go = (g: Formula): Formula => {
    switch (g.kind) {
      case 'atom':
      case 'eq':
      case 'true':
      case 'false':
        return g;
      case 'not':
        return mkNot(go(g.arg));
      case 'and':
      case 'or':
        return { kind: g.kind, args: g.args.map(go) };
      case 'imp':
        return { kind: 'imp', left: go(g.left), right: go(g.right) };
      case 'forall':
      case 'exists':
        return { kind: g.kind, vars: g.vars, body: go(g.body) };
      case 'iff':
      case 'xor': {
        const side = (h: Formula): Formula => {
          const inner = go(h);
          if (isLiteralLike(inner) || !containsEquivalence(h, ctx.budget)) return inner;
          const fv = freeVars(inner);
          const name = ctx.names.fresh('def');
          ctx.definitions.push(name);
          const atom = mkAtom(
            name,
            fv.map((v) => mkVar(v)),
          );
          defs.push(mkForall(fv, mkIff(atom, inner)));
          return atom;
        };
        return { kind: g.kind, left: side(g.left), right: side(g.right) };
      }
    }
  };
  return go(f);
}

// ---------------------------------------------------------------------------
// NNF (polarity-driven; → ↔ ⊕ expanded) and miniscoping.

function lit(positive: boolean, f: Formula & { kind: 'atom' | 'eq' }): Nnf {
  if (f.kind === 'eq') return { k: 'lit', lit: { positive, pred: EQUALITY, args: [f.left, f.right] } };
  return { k: 'lit', lit: { positive, pred: f.pred, args: f.args } };
}

function nAnd(args: Nnf[]): Nnf {
  const out: Nnf[] = [];
  for (const a of args) {
    if (a.k === 'false') return NNF_FALSE;
    if (a.k === 'true') continue;
    if (a.k === 'and') out.push(...a.args);
    else out.push(a);
  }
  if (out.length === 0) return NNF_TRUE;
  return out.length === 1 ? out[0]! : { k: 'and', args: out };
}

function nOr(args: Nnf[]): Nnf {
  const out: Nnf[] = [];
  for (const a of args) {
    if (a.k === 'true') return NNF_TRUE;
    if (a.k === 'false') continue;
    if (a.k === 'or') out.push(...a.args);
    else out.push(a);
  }
  if (out.length === 0) return NNF_FALSE;
  return out.length === 1 ? out[0]! : { k: 'or', args: out };
}

function toNnf(f: Formula, pos: boolean, b: Budget): Nnf {
  switch (f.kind) {
    case 'atom':
    case 'eq':
      b.built(1);
      return lit(pos, f);
    case 'true':
      return pos ? NNF_TRUE : NNF_FALSE;
    case 'false':
      return pos ? NNF_FALSE : NNF_TRUE;
    case 'not':
      return toNnf(f.arg, !pos, b);
    case 'and':
      b.charge(f.args.length);
      return pos ? nAnd(f.args.map((a) => toNnf(a, true, b))) : nOr(f.args.map((a) => toNnf(a, false, b)));
    case 'or':
      b.charge(f.args.length);
      return pos ? nOr(f.args.map((a) => toNnf(a, true, b))) : nAnd(f.args.map((a) => toNnf(a, false, b)));
    case 'imp':
      return pos ? nOr([toNnf(f.left, false, b), toNnf(f.right, true, b)]) : nAnd([toNnf(f.left, true, b), toNnf(f.right, false, b)]);
    case 'iff':
    case 'xor': {
      // a ↔ b ≡ (¬a ∨ b) ∧ (a ∨ ¬b);  ¬(a ↔ b) ≡ a ⊕ b ≡ (a ∨ b) ∧ (¬a ∨ ¬b)
      // (each operand twice: the one place the NNF can outgrow its input)
      b.tick();
      const equiv = f.kind === 'iff' ? pos : !pos;
      return equiv
        ? nAnd([nOr([toNnf(f.left, false, b), toNnf(f.right, true, b)]), nOr([toNnf(f.left, true, b), toNnf(f.right, false, b)])])
        : nAnd([nOr([toNnf(f.left, true, b), toNnf(f.right, true, b)]), nOr([toNnf(f.left, false, b), toNnf(f.right, false, b)])]);
    }
    case 'forall':
    case 'exists': {
      const universal = (f.kind === 'forall') === pos;
      const body = toNnf(f.body, pos, b);
      if (body.k === 'true' || body.k === 'false') return body;
      return { k: universal ? 'forall' : 'exists', vars: f.vars, body };
    }
  }
}

function nnfFreeVars(f: Nnf, out: Set<string>, b: Budget): Set<string> {
  switch (f.k) {
    case 'lit':
      for (const a of f.lit.args) for (const v of termVars(a)) out.add(v);
      return out;
    case 'and':
    case 'or':
      b.charge(f.args.length);
      for (const a of f.args) nnfFreeVars(a, out, b);
      return out;
    case 'true':
    case 'false':
      return out;
    case 'forall':
    case 'exists': {
      const inner = nnfFreeVars(f.body, new Set(), b);
      for (const v of f.vars) inner.delete(v);
      for (const v of inner) out.add(v);
      return out;
    }
  }
}

/** Free variables of an NNF node (read-only sets). */
type FreeVars = (f: Nnf) => ReadonlySet<string>;

/**
 * Free variables, remembered per node: miniscoping asks about the same subformulas once per quantified
 * variable, which without the memo is quadratic (a CNF clause over hundreds of variables took seconds).
 * One memo per clausified formula; nodes are immutable, so an entry never goes stale.
 */
function freeVarsOf(): FreeVars {
  const memo = new WeakMap<Nnf, ReadonlySet<string>>();
  const EMPTY: ReadonlySet<string> = new Set();
  const fv = (f: Nnf): ReadonlySet<string> => {
    const known = memo.get(f);
    if (known) return known;
    let out: ReadonlySet<string>;
    switch (f.k) {
      case 'lit': {
        const vs = new Set<string>();
        for (const a of f.lit.args) for (const v of termVars(a)) vs.add(v);
        out = vs;
        break;
      }
      case 'and':
      case 'or': {
        if (f.args.length === 1) {
          out = fv(f.args[0]!);
          break;
        }
        const vs = new Set<string>();
        for (const a of f.args) for (const v of fv(a)) vs.add(v);
        out = vs;
        break;
      }
      case 'true':
      case 'false':
        out = EMPTY;
        break;
      case 'forall':
      case 'exists': {
        const vs = new Set(fv(f.body));
        for (const v of f.vars) vs.delete(v);
        out = vs;
        break;
      }
    }
    memo.set(f, out);
    return out;
  };
  return fv;
}

/** Push quantifiers inward so Skolem terms depend only on variables actually in scope. */
function miniscope(f: Nnf, fv: FreeVars, b: Budget): Nnf {
  switch (f.k) {
    case 'lit':
    case 'true':
    case 'false':
      return f;
    case 'and':
      b.charge(f.args.length);
      return nAnd(f.args.map((a) => miniscope(a, fv, b)));
    case 'or':
      b.charge(f.args.length);
      return nOr(f.args.map((a) => miniscope(a, fv, b)));
    case 'forall':
    case 'exists': {
      let body = miniscope(f.body, fv, b);
      // Quantify one variable at a time, innermost first, so each is pushed as deep as it can go.
      for (let i = f.vars.length - 1; i >= 0; i--) body = pushQuant(f.k, f.vars[i]!, body, fv, b);
      return body;
    }
  }
}

function pushQuant(q: 'forall' | 'exists', v: string, body: Nnf, fv: FreeVars, b: Budget): Nnf {
  b.tick();
  if (!fv(body).has(v)) return body;
  // ∀ distributes over ∧, ∃ over ∨; over the other connective only the parts mentioning v stay inside.
  const distributes = (q === 'forall' && body.k === 'and') || (q === 'exists' && body.k === 'or');
  if (distributes && (body.k === 'and' || body.k === 'or')) {
    const args = body.args.map((a) => pushQuant(q, v, a, fv, b));
    return body.k === 'and' ? nAnd(args) : nOr(args);
  }
  if (body.k === 'and' || body.k === 'or') {
    const withV: Nnf[] = [];
    const without: Nnf[] = [];
    for (const a of body.args) (fv(a).has(v) ? withV : without).push(a);
    b.charge(body.args.length);
    if (without.length > 0) {
      const inner = withV.length === 1 ? withV[0]! : { k: body.k, args: withV };
      const quantified = pushQuant(q, v, inner, fv, b);
      return body.k === 'and' ? nAnd([...without, quantified]) : nOr([...without, quantified]);
    }
  }
  if (body.k === q) return { k: q, vars: [v, ...body.vars], body: body.body };
  return { k: q, vars: [v], body };
}

// ---------------------------------------------------------------------------
// Skolemization: ∃ replaced by Skolem terms over the enclosing universal variables
// that occur free in the existential's scope; universal variables renamed apart.

function substTerm(t: Term, s: ReadonlyMap<string, Term>): Term {
  if (t.kind === 'var') return s.get(t.name) ?? t;
  if (t.args.length === 0) return t;
  return { kind: 'app', fn: t.fn, args: t.args.map((a) => substTerm(a, s)) };
}

function skolemize(ctx: Ctx, f: Nnf, universals: readonly string[], s: ReadonlyMap<string, Term> = new Map()): Nnf {
  switch (f.k) {
    case 'lit':
      return s.size === 0
        ? f
        : { k: 'lit', lit: { positive: f.lit.positive, pred: f.lit.pred, args: f.lit.args.map((a) => substTerm(a, s)) } };
    case 'true':
    case 'false':
      return f;
    case 'and':
    case 'or':
      ctx.budget.charge(f.args.length);
      return { k: f.k, args: f.args.map((a) => skolemize(ctx, a, universals, s)) };
    case 'forall': {
      ctx.budget.tick();
      const s2 = new Map(s);
      const u2 = [...universals];
      for (const v of f.vars) {
        const fresh = `X${++ctx.counter}`;
        s2.set(v, mkVar(fresh));
        u2.push(fresh);
      }
      return skolemize(ctx, f.body, u2, s2);
    }
    case 'exists': {
      ctx.budget.tick();
      // Only the universals that actually occur in this subformula become Skolem arguments.
      const occurring = new Set<string>();
      for (const v of nnfFreeVars(f, new Set(), ctx.budget)) {
        const t = s.get(v);
        if (t) for (const x of termVars(t)) occurring.add(x);
      }
      const args = universals.filter((u) => occurring.has(u)).map((u) => mkVar(u));
      const s2 = new Map(s);
      for (const v of f.vars) {
        const name = ctx.names.fresh('sk');
        ctx.skolems.push(name);
        s2.set(v, mkApp(name, args));
      }
      return skolemize(ctx, f.body, universals, s2);
    }
  }
}

function nnfToFormula(f: Nnf, b: Budget): Formula {
  switch (f.k) {
    case 'lit': {
      const a: Formula =
        f.lit.pred === EQUALITY && f.lit.args.length === 2
          ? { kind: 'eq', left: f.lit.args[0]!, right: f.lit.args[1]! }
          : mkAtom(f.lit.pred, f.lit.args);
      return f.lit.positive ? a : mkNot(a);
    }
    case 'true':
      return { kind: 'true' };
    case 'false':
      return { kind: 'false' };
    case 'and':
      b.charge(f.args.length);
      return mkAnd(f.args.map((a) => nnfToFormula(a, b)));
    case 'or':
      b.charge(f.args.length);
      return mkOr(f.args.map((a) => nnfToFormula(a, b)));
    case 'forall':
    case 'exists':
      return { kind: f.k, vars: f.vars, body: nnfToFormula(f.body, b) };
  }
}

function closeQf(f: Nnf, b: Budget): Formula {
  return universalClosure(nnfToFormula(f, b));
}

// ---------------------------------------------------------------------------
// CNF by distribution with definitional renaming of disjuncts.

function cnf(ctx: Ctx, f: Nnf, defs: { lits: Literal[][]; formula: Formula }[]): Literal[][] {
  switch (f.k) {
    case 'true':
      return [];
    case 'false':
      return [[]];
    case 'lit':
      return [[f.lit]];
    case 'and': {
      ctx.budget.charge(f.args.length);
      const out: Literal[][] = [];
      for (const a of f.args) for (const c of cnf(ctx, a, defs)) out.push(c);
      return out;
    }
    case 'or': {
      const parts = f.args.map((a) => cnf(ctx, a, defs));
      if (parts.some((p) => p.length === 0)) return []; // a true disjunct
      if (ctx.definitional) {
        // Rename the largest multi-clause disjuncts until the product is small enough.
        let product = parts.reduce((n, p) => n * p.length, 1);
        while (product > ctx.threshold) {
          let best = -1;
          for (let i = 0; i < parts.length; i++) if (parts[i]!.length > 1 && (best < 0 || parts[i]!.length > parts[best]!.length)) best = i;
          if (best < 0) break;
          const sub = parts[best]!;
          product = product / sub.length;
          parts[best] = [[defineClauses(ctx, sub, defs)]];
        }
      }
      return distribute(parts, ctx.budget);
    }
    case 'forall':
    case 'exists':
      throw new Error('cnf: quantifier left after Skolemization (bug)');
  }
}

/**
 * The clause product of the disjuncts' clause sets: one clause per choice of a clause from each, in
 * odometer order (the last disjunct's choice varies fastest). Each clause is built once, so the work
 * and the literals charged are the product's own size, with no intermediate prefixes.
 */
function distribute(parts: readonly (readonly Literal[][])[], b: Budget): Literal[][] {
  const out: Literal[][] = [];
  const pick = parts.map(() => 0);
  for (;;) {
    const clause: Literal[] = [];
    for (let i = 0; i < parts.length; i++) for (const l of parts[i]![pick[i]!]!) clause.push(l);
    b.built(clause.length + 1);
    out.push(clause);
    let i = parts.length - 1;
    while (i >= 0 && ++pick[i]! === parts[i]!.length) pick[i--] = 0;
    if (i < 0) return out;
  }
}

/** Introduce d(x̄) with clauses ¬d(x̄) ∨ C for each clause C of the renamed subformula. */
function defineClauses(ctx: Ctx, sub: readonly Literal[][], defs: { lits: Literal[][]; formula: Formula }[]): Literal {
  const vars: string[] = [];
  const seen = new Set<string>();
  for (const c of sub) for (const l of c) for (const a of l.args) termVars(a, vars, seen);
  const name = ctx.names.fresh('def');
  ctx.definitions.push(name);
  const args = vars.map((v) => mkVar(v));
  const neg: Literal = { positive: false, pred: name, args };
  const lits = sub.map((c) => {
    ctx.budget.built(c.length + 1);
    return [neg, ...c];
  });
  const body: Formula = mkAnd(sub.map((c) => mkOr(c.map((l) => nnfToFormula({ k: 'lit', lit: l }, ctx.budget)))));
  defs.push({ lits, formula: mkForall(vars, { kind: 'imp', left: mkAtom(name, args), right: body }) });
  return { positive: true, pred: name, args };
}

/** Drop duplicate literals, detect tautologies (returned as-is: the prover deletes them), and name variables X1..Xn. */
function renameClauseVars(lits: readonly Literal[], b: Budget): Clause {
  const dedup: Literal[] = [];
  b.built(lits.length);
  // Deduplication is quadratic in the clause's length: a long clause is charged as it goes.
  const long = lits.length > 64;
  for (const l of lits) {
    if (long) b.charge(dedup.length);
    if (l.pred === EQUALITY && l.args.length === 2 && !l.positive && termEquals(l.args[0]!, l.args[1]!)) continue; // t != t is false
    if (!dedup.some((m) => litEquals(m, l))) dedup.push(l);
  }
  const vars: string[] = [];
  const seen = new Set<string>();
  for (const l of dedup) for (const a of l.args) termVars(a, vars, seen);
  if (vars.length === 0) return { literals: dedup };
  const s = new Map<string, Term>();
  vars.forEach((v, i) => s.set(v, mkVar(`X${i + 1}`)));
  return { literals: dedup.map((l) => ({ positive: l.positive, pred: l.pred, args: l.args.map((a) => substTerm(a, s)) })) };
}
