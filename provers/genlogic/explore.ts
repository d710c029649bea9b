/**
 * The Generative-Logic explorer: from axioms over an inductive type, generate
 * equational conjectures, refute what ground numerals refute, and prove the rest
 * by structural induction with the embedded prover, smallest first, each proven
 * theorem becoming a lemma for the next. Pure: no I/O; the caller passes parsed
 * axioms and gets plain data back (JSON-serializable `Derivation`).
 */
import type { Problem, Proof, Statement, Term } from '../logic/index.js';
import { applySubst, mkConst, signatureOf } from '../logic/index.js';
import { clausify } from '../logic/cnf.js';
import { checkProof } from '../check/index.js';
import type { CheckReport } from '../check/index.js';
import type { FnSym } from './enumerate.js';
import { candidates, enumerateTerms, equationKey, skeletonKey } from './enumerate.js';
import type { CandidateStats } from './enumerate.js';
import { GroundEvaluator } from './evaluate.js';
import type { Precedence, RewriteRule } from './rewrite.js';
import { RuleSet, lpoGreater, rulesFor } from './rewrite.js';
import type { Equation, GoalOutcome, GoalProver, LemmaRef } from './prover.js';
import { directProblem, equationVars, inductionProblems, rewritingProver } from './prover.js';
import type { InductiveType } from './decl.js';
import { showTerm } from './show.js';
import { EXPLORE_DEFAULTS } from './defaults.js';

export interface ExploreOptions {
  /** Largest term on either side (symbols + variables). Default `EXPLORE_DEFAULTS.maxTermSize`. */
  readonly maxTermSize?: number;
  /** Largest equation (both sides together). Default `EXPLORE_DEFAULTS.maxEquationSize`. */
  readonly maxEquationSize?: number;
  /** Test every variable with the numerals 0..numerals-1. Default `EXPLORE_DEFAULTS.numerals`. */
  readonly numerals?: number;
  /** Variable names for conjectures. Default x, y, z. */
  readonly variables?: readonly string[];
  /** Functions to combine (default: every non-constructor function of the axioms). */
  readonly functions?: readonly FnSym[];
  /** Date.now() ms. */
  readonly deadline?: number;
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (p: ExploreProgress) => void;
  /** Goal provers tried in order (default: the ordered-rewriting prover). */
  readonly provers?: readonly GoalProver[];
  /** Per-goal time limit in ms for each prover. Default 2000. */
  readonly goalTimeoutMs?: number;
  /** Drop theorems that follow from the others by rewriting (default true). */
  readonly compress?: boolean;
  /** Stop after this many theorems (default unlimited). */
  readonly maxTheorems?: number;
  /**
   * Only these functions (and the constructors) are combined, e.g. ['plus'] for + lemmas
   * only. Applied before enumeration, so every counter (terms, generated, refuted…)
   * counts the filtered search space.
   */
  readonly onlySymbols?: readonly string[];
}

export interface ExploreProgress {
  readonly phase: 'enumerate' | 'prove' | 'compress' | 'done';
  readonly elapsedMs: number;
  readonly facts: number;
  readonly conjectures: number;
  readonly processed: number;
  readonly proofs: number;
  readonly proofsPerSecond: number;
}

/** One case of a proof (base, step, or a direct proof), with its problem and checked proof. */
export interface CaseProof {
  readonly name: 'base' | 'step' | 'direct';
  readonly problem: Problem;
  readonly proof: Proof;
  readonly prover: string;
  readonly check: CheckReport;
  /** Statement name in `problem` → key of the theorem it is. */
  readonly lemmas: Readonly<Record<string, string>>;
}

export interface Theorem {
  /** Canonical key (renaming- and symmetry-invariant); also the graph title. */
  readonly key: string;
  readonly equation: Equation;
  readonly size: number;
  readonly method: 'direct' | 'induction';
  /** The induction variable, for method 'induction'. */
  readonly variable?: string;
  readonly cases: readonly CaseProof[];
  /** False when compression found it follows from the other theorems. */
  readonly kept: boolean;
  /** Order in which it was proven (1-based). */
  readonly order: number;
}

export interface ExploreStats extends CandidateStats {
  readonly terms: number;
  readonly conjectures: number;
  readonly redundant: number;
  readonly proved: number;
  readonly failed: number;
  readonly kept: number;
  readonly proofAttempts: number;
  /** Conjectures tried again after a new lemma. */
  readonly retries: number;
  readonly checkFailures: number;
  readonly timeMs: number;
}

export interface Derivation {
  readonly theory: string;
  readonly stats: ExploreStats;
  readonly theorems: readonly Theorem[];
  readonly stopped: 'done' | 'deadline' | 'cancelled' | 'error';
  /** Why the theory could not be explored (stopped = 'error'). */
  readonly error?: string;
}

export interface Theory {
  readonly name: string;
  /** Axioms (role axiom/definition...), universally quantified equations or other formulas. */
  readonly axioms: readonly Statement[];
  readonly nat: InductiveType;
}

/** Precedence: constructor constant < other constants < successor < defined functions in order of appearance. */
export function theoryPrecedence(nat: InductiveType, functions: readonly FnSym[]): Precedence {
  const rank = new Map<string, number>();
  rank.set(nat.zero, 0);
  rank.set(nat.succ, 2);
  functions.forEach((f, i) => rank.set(f.name, 3 + i));
  return (fn, arity) => rank.get(fn) ?? (arity === 0 ? 1 : 2.5);
}

/**
 * The theory's non-constructor functions, ordered so that a function comes after
 * every function its defining equations use (plus before times when
 * times(x, s(y)) = plus(times(x, y), x)). A defining equation is one whose side
 * has the function at the root and a constructor among its arguments. That
 * order is the precedence, so the definitions are oriented as rewrite rules.
 */
export function defaultFunctions(theory: Theory): FnSym[] {
  const sig = signatureOf(theory.axioms.map((s) => s.formula));
  const fns: FnSym[] = [];
  for (const [name, arity] of sig.fns) if (name !== theory.nat.zero && name !== theory.nat.succ && arity > 0) fns.push({ name, arity });
  fns.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return orderByDefinition(theory, fns);
}

function orderByDefinition(theory: Theory, fns: readonly FnSym[]): FnSym[] {
  const names = new Set(fns.map((f) => f.name));
  const uses = new Map<string, Set<string>>(fns.map((f) => [f.name, new Set<string>()]));
  const isCtor = (t: Term): boolean => t.kind === 'app' && (t.fn === theory.nat.zero || t.fn === theory.nat.succ);
  const visitEq = (l: Term, r: Term): void => {
    if (l.kind !== 'app' || !names.has(l.fn) || !l.args.some(isCtor)) return;
    for (const g of symbolsOf(r, new Set())) if (g !== l.fn && names.has(g)) uses.get(l.fn)!.add(g);
  };
  for (const st of theory.axioms) {
    let f = st.formula;
    while (f.kind === 'forall') f = f.body;
    if (f.kind !== 'eq') continue;
    visitEq(f.left, f.right);
    visitEq(f.right, f.left);
  }
  // Depth-first topological order (cycles: first come, first placed).
  const out: FnSym[] = [];
  const state = new Map<string, number>();
  const byName = new Map(fns.map((f) => [f.name, f]));
  const visit = (n: string): void => {
    if (state.get(n) !== undefined) return;
    state.set(n, 1);
    for (const g of uses.get(n) ?? []) visit(g);
    state.set(n, 2);
    out.push(byName.get(n)!);
  };
  for (const f of fns) visit(f.name);
  return out;
}

function symbolsOf(t: Term, out: Set<string>): Set<string> {
  if (t.kind === 'app') {
    out.add(t.fn);
    for (const a of t.args) symbolsOf(a, out);
  }
  return out;
}

/** Variables renamed to `names` in order of first occurrence (x + y = y + x, not y + x = x + y). */
function renameInOrder(e: Equation, names: readonly string[]): Equation {
  const vs = equationVars(e);
  if (vs.length > names.length) return e;
  const s: Record<string, Term> = {};
  vs.forEach((v, i) => (s[v] = { kind: 'var', name: names[i]! }));
  return { left: applySubst(e.left, s), right: applySubst(e.right, s) };
}

/** No constructor symbols, and (unless `sameRootOk`) different functions at the two roots. */
function isGeneralLaw(e: Equation, nat: InductiveType, sameRootOk = false): boolean {
  if (e.left.kind !== 'app' || e.right.kind !== 'app') return false;
  if (!sameRootOk && e.left.fn === e.right.fn) return false;
  const syms = symbolsOf(e.left, symbolsOf(e.right, new Set()));
  return !syms.has(nat.zero) && !syms.has(nat.succ);
}

/** Freeze variables as fresh constants (for joinability checks on the rule system). */
function freeze(e: Equation): { l: Term; r: Term } {
  const s: Record<string, Term> = {};
  for (const v of equationVars(e)) s[v] = mkConst(`$${v}`);
  const f = (t: Term): Term => (t.kind === 'var' ? s[t.name]! : { kind: 'app', fn: t.fn, args: t.args.map(f) });
  return { l: f(e.left), r: f(e.right) };
}

function joinable(rs: RuleSet, e: Equation): boolean {
  const { l, r } = freeze(e);
  const a = rs.normalize(l, 5000);
  const b = rs.normalize(r, 5000);
  return a.complete && b.complete && showTerm(a.term) === showTerm(b.term);
}

/** Explore a theory. Never throws on a bad theory: it reports zero conjectures instead. */
export function explore(theory: Theory, opts: ExploreOptions = {}): Derivation {
  const t0 = Date.now();
  const nat = theory.nat;
  const functions = opts.functions ?? defaultFunctions(theory);
  const prec = theoryPrecedence(nat, functions);
  const provers = opts.provers ?? [rewritingProver(prec)];
  const goalTimeout = opts.goalTimeoutMs ?? 2000;
  const deadline = opts.deadline ?? Number.POSITIVE_INFINITY;
  const stop = (): 'deadline' | 'cancelled' | undefined =>
    opts.shouldStop?.() ? 'cancelled' : Date.now() > deadline ? 'deadline' : undefined;

  // Axioms as rewrite rules (definition expansion), taken from their clauses.
  const axiomProblem: Problem = { name: theory.name, statements: theory.axioms };
  const axiomRules: RewriteRule[] = [];
  const clausified = clausify(axiomProblem, { deadline, shouldStop: opts.shouldStop });
  if (!clausified.ok) return emptyDerivation(theory.name, Date.now() - t0, `cannot clausify the axioms: ${clausified.error.message}`);
  const axiomClauses = clausified.value.clauses;
  for (const ic of axiomClauses) {
    const lits = ic.clause.literals;
    if (lits.length === 1 && lits[0]!.positive && lits[0]!.pred === '=')
      axiomRules.push(...rulesFor(prec, ic.id, lits[0]!.args[0]!, lits[0]!.args[1]!));
  }
  const axiomSet = new RuleSet(prec, axiomRules);
  const axiomKeys = new Set<string>();
  for (const r of axiomRules) axiomKeys.add(equationKey(r.lhs, r.rhs));

  const ev = new GroundEvaluator(axiomRules);
  const only = opts.onlySymbols ? new Set(opts.onlySymbols) : undefined;
  const combined = only ? functions.filter((f) => only.has(f.name)) : functions;
  const symbols: FnSym[] = [{ name: nat.zero, arity: 0 }, { name: nat.succ, arity: 1 }, ...combined];
  const variables = opts.variables ?? ['x', 'y', 'z'];
  const progress = (phase: ExploreProgress['phase'], conj: number, processed: number, proofs: number, facts: number): void => {
    if (!opts.onProgress) return;
    const el = Date.now() - t0;
    opts.onProgress({
      phase,
      elapsedMs: el,
      facts,
      conjectures: conj,
      processed,
      proofs,
      proofsPerSecond: el > 0 ? (proofs * 1000) / el : 0,
    });
  };
  progress('enumerate', 0, 0, 0, 0);
  const terms = enumerateTerms(ev, axiomSet, {
    symbols,
    variables,
    maxTermSize: opts.maxTermSize ?? EXPLORE_DEFAULTS.maxTermSize,
    numerals: opts.numerals ?? EXPLORE_DEFAULTS.numerals,
    zero: nat.zero,
    succ: nat.succ,
    shouldStop: () => stop() !== undefined,
  });
  const { candidates: conjs, stats: cstats } = candidates(
    terms,
    opts.maxEquationSize ?? EXPLORE_DEFAULTS.maxEquationSize,
    () => stop() !== undefined,
  );

  const taken = new Set<string>([...signatureOf(theory.axioms.map((s) => s.formula)).fns.keys()]);
  const known = new RuleSet(prec, axiomRules);
  const theorems: Theorem[] = [];
  const lemmas: LemmaRef[] = [];
  // Shapes of the theorems so far: one direct law per shape (not all its renamings and mirror images).
  const skeletons = new Set<string>();
  let redundant = 0;
  let attempts = 0;
  let checkFailures = 0;
  let processed = 0;
  let stopped: Derivation['stopped'] = 'done';
  const pending = conjs;

  const runProvers = (problem: Problem): GoalOutcome => {
    let last: GoalOutcome = { status: 'failed', reason: 'no prover', prover: 'none' };
    for (const p of provers) {
      attempts++;
      last = p(problem, Math.min(deadline, Date.now() + goalTimeout));
      if (last.status === 'proved') return last;
    }
    return last;
  };
  const caseProof = (name: CaseProof['name'], problem: Problem, out: GoalOutcome & { status: 'proved' }): CaseProof | undefined => {
    const check = checkProof(out.proof, { problem });
    if (!check.ok) {
      checkFailures++;
      return undefined;
    }
    const lem: Record<string, string> = {};
    for (const l of lemmas) lem[l.name] = l.key;
    return { name, problem, proof: out.proof, prover: out.prover, check, lemmas: lem };
  };
  const addTheorem = (key: string, e: Equation, size: number, method: Theorem['method'], cases: CaseProof[], variable?: string): void => {
    theorems.push({
      key,
      equation: e,
      size,
      method,
      cases,
      kept: true,
      order: theorems.length + 1,
      ...(variable !== undefined ? { variable } : {}),
    });
    skeletons.add(skeletonKey(e.left, e.right));
    const name = `lemma_${lemmas.length + 1}`;
    lemmas.push({ name, key, equation: e });
    for (const r of rulesFor(prec, name, e.left, e.right)) known.add(r);
  };

  // Smallest conjecture first; after every new theorem the scan restarts, so a failed
  // small conjecture is retried (with the new lemma) before any bigger one is tried.
  const triedWith = new Int32Array(pending.length).fill(-1);
  // Stopped while enumerating: report what was generated, prove nothing.
  const early = stop();
  if (early) stopped = early;
  const done = new Uint8Array(pending.length);
  let retries = 0;
  scan: for (; stopped === 'done';) {
    let progressed = false;
    for (let ci = 0; ci < pending.length; ci++) {
      if (done[ci] || triedWith[ci] === lemmas.length) continue;
      const why = stop();
      if (why) {
        stopped = why;
        break scan;
      }
      if (opts.maxTheorems !== undefined && theorems.length >= opts.maxTheorems) break scan;
      if (triedWith[ci] >= 0) retries++;
      triedWith[ci] = lemmas.length;
      processed++;
      if (processed % 50 === 0) progress('prove', conjs.length, processed, theorems.length, lemmas.length);
      const c = pending[ci]!;
      // Shown with the bigger side (in the term ordering) on the left: s(x)+y = s(x+y), not the mirror image.
      const e: Equation = renameInOrder(
        lpoGreater(prec, c.right, c.left) ? { left: c.right, right: c.left } : { left: c.left, right: c.right },
        variables,
      );
      if (axiomKeys.has(c.key)) {
        // An axiom rediscovered: record it with its (one-rewrite) direct proof.
        done[ci] = 1;
        const problem = directProblem(theory.axioms, [], e);
        const out = runProvers(problem);
        const cp = out.status === 'proved' ? caseProof('direct', problem, out) : undefined;
        if (cp) addTheorem(c.key, e, c.size, 'direct', [cp]);
        continue;
      }
      if (joinable(known, e)) {
        done[ci] = 1;
        // Laws relating two different functions over three or more variables
        // (distributivity) are what users look for: when they follow from the
        // lemmas by rewriting, record them with a direct proof instead of
        // discarding them as redundant.
        const skel = skeletonKey(e.left, e.right);
        if (c.nvars >= 3 && isGeneralLaw(e, nat) && !skeletons.has(skel) && !joinable(axiomSet, e)) {
          const problem = directProblem(theory.axioms, lemmas, e);
          const out = runProvers(problem);
          const cp = out.status === 'proved' ? caseProof('direct', problem, out) : undefined;
          if (cp) {
            addTheorem(c.key, e, c.size, 'direct', [cp]);
            continue;
          }
        }
        redundant++;
        continue;
      }
      // Try the variables right to left: the axioms recurse on the last argument.
      for (const v of equationVars(e).reverse()) {
        const ip = inductionProblems(theory.axioms, lemmas, e, v, nat.zero, nat.succ, taken);
        const b = runProvers(ip.base);
        if (b.status !== 'proved') continue;
        const s = runProvers(ip.step);
        if (s.status !== 'proved') continue;
        const bc = caseProof('base', ip.base, b);
        const sc = bc && caseProof('step', ip.step, s);
        if (!bc || !sc) continue;
        addTheorem(c.key, e, c.size, 'induction', [bc, sc], v);
        done[ci] = 1;
        progressed = true;
        break;
      }
      if (progressed) continue scan;
    }
    if (!progressed) break;
  }
  let failedCount = 0;
  for (let ci = 0; ci < pending.length; ci++) if (!done[ci]) failedCount++;

  // Compression: in order of interest (size, then more variables, then natural shape,
  // then proof order) keep a theorem only if the axioms and the theorems kept so far
  // do not join its sides by rewriting; then, least interesting first, drop every kept
  // theorem that the other kept ones join. Each dropped theorem follows from kept ones.
  let final = theorems;
  if (opts.compress !== false && stopped === 'done') {
    progress('compress', conjs.length, processed, theorems.length, lemmas.length);
    const info = new Map(pending.map((c) => [c.key, c]));
    const order = theorems.map((_, i) => i);
    order.sort((a, b) => {
      const ta = theorems[a]!;
      const tb = theorems[b]!;
      const ca = info.get(ta.key);
      const cb = info.get(tb.key);
      return ta.size - tb.size || (cb?.nvars ?? 0) - (ca?.nvars ?? 0) || (ca?.shape ?? 0) - (cb?.shape ?? 0) || ta.order - tb.order;
    });
    const keep = new Array<boolean>(theorems.length).fill(false);
    const systemOf = (skip: number): RuleSet => {
      const rs = new RuleSet(prec, axiomRules);
      for (const j of order)
        if (keep[j] && j !== skip)
          for (const r of rulesFor(prec, `t${j}`, theorems[j]!.equation.left, theorems[j]!.equation.right)) rs.add(r);
      return rs;
    };
    for (const i of order) if (!joinable(systemOf(-1), theorems[i]!.equation)) keep[i] = true;
    // Backward pass only over special cases (constructors or repeated variables), so the
    // general laws chosen above (associativity next to left-commutativity) stay.
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k]!;
      const t = theorems[i]!;
      const special = (info.get(t.key)?.shape ?? 0) >= 32 || !isGeneralLaw(t.equation, nat, true);
      if (keep[i] && special && joinable(systemOf(i), t.equation)) keep[i] = false;
    }
    final = theorems.map((t, i) => (keep[i] ? t : { ...t, kept: false }));
  }
  progress('done', conjs.length, processed, theorems.length, lemmas.length);
  return {
    theory: theory.name,
    stopped,
    theorems: final,
    stats: {
      ...cstats,
      terms: terms.length,
      conjectures: conjs.length,
      redundant,
      proved: theorems.length,
      failed: failedCount,
      kept: final.filter((t) => t.kept).length,
      proofAttempts: attempts,
      retries,
      checkFailures,
      timeMs: Date.now() - t0,
    },
  };
}

function emptyDerivation(theory: string, timeMs: number, error: string): Derivation {
  const zero = {
    generated: 0,
    refuted: 0,
    duplicates: 0,
    untestable: 0,
    terms: 0,
    conjectures: 0,
    redundant: 0,
    proved: 0,
    failed: 0,
    kept: 0,
  };
  return { theory, stopped: 'error', error, theorems: [], stats: { ...zero, proofAttempts: 0, retries: 0, checkFailures: 0, timeMs } };
}

/** The equation as `l = r` text (variables as written). */
export function equationText(e: Equation): string {
  return `${showTerm(e.left)} = ${showTerm(e.right)}`;
}
