/**
 * The explorer's embedded equational prover and the induction scheme.
 *
 * A goal problem (unit-equation axioms, lemmas and hypotheses plus one equational
 * conjecture) is clausified by the shared clausifier, then the negated, Skolemized
 * conjecture `l ≠ r` is rewritten to normal form on both sides by ordered
 * rewriting with every unit equation. If both sides meet, `t ≠ t` is refuted by
 * equality resolution. Every rewrite is a proof step (rule 'rewrite', parents: the
 * previous goal clause and the equation with its matching substitution), so the
 * proof follows the shared step convention and `checkProof` re-verifies it.
 *
 * Other provers can be plugged in through `GoalProver` (e.g. the saturation
 * prover); the explorer tries them in order.
 */
import type { Clause, Formula, Literal, Problem, Proof, ProofStep, Statement, Term } from '../logic/index.js';
import { applySubst, mkApp, mkConst, mkEq, mkForall, termEquals } from '../logic/index.js';
import { clausify } from '../logic/cnf.js';
import { saturate } from '../saturation/index.js';
import type { NormalizeResult, Precedence, RewriteRule } from './rewrite.js';
import { RuleSet, rulesFor } from './rewrite.js';

export type GoalOutcome =
  | { readonly status: 'proved'; readonly proof: Proof; readonly prover: string }
  | { readonly status: 'failed'; readonly reason: string; readonly prover: string };

/** A prover for one goal problem. Must be pure and respect the deadline (Date.now() ms). */
export type GoalProver = (problem: Problem, deadline: number) => GoalOutcome;

/** Unit equations of a clause as (l, r), or undefined. */
function unitEquation(c: Clause): { l: Term; r: Term; positive: boolean } | undefined {
  if (c.literals.length !== 1) return undefined;
  const lit = c.literals[0]!;
  if (lit.pred !== '=' || lit.args.length !== 2) return undefined;
  return { l: lit.args[0]!, r: lit.args[1]!, positive: lit.positive };
}

function neq(l: Term, r: Term): Clause {
  const lit: Literal = { positive: false, pred: '=', args: [l, r] };
  return { literals: [lit] };
}

/** The ordered-rewriting prover over a precedence. */
export function rewritingProver(prec: Precedence, budget = 20_000): GoalProver {
  return (problem, goalDeadline) => {
    const name = 'entail-rewrite';
    const clausified = clausify(problem, { deadline: goalDeadline });
    if (!clausified.ok) return { status: 'failed', reason: `clausify: ${clausified.error.message}`, prover: name };
    const cl = clausified.value;
    // Rule order matters for ordered rewriting (it is not confluent with permutative
    // laws such as commutativity): the induction hypothesis first, then oriented
    // equations, then permutative ones.
    const hyp: RewriteRule[] = [];
    const oriented: RewriteRule[] = [];
    const permutative: RewriteRule[] = [];
    let goal: { id: string; l: Term; r: Term } | undefined;
    for (const ic of cl.clauses) {
      const eq = unitEquation(ic.clause);
      if (ic.role === 'negated_conjecture') {
        if (!eq || eq.positive || goal) return { status: 'failed', reason: 'conjecture is not a single equation', prover: name };
        goal = { id: ic.id, l: eq.l, r: eq.r };
      } else if (eq?.positive) {
        for (const r of rulesFor(prec, ic.id, eq.l, eq.r)) (ic.role === 'hypothesis' ? hyp : r.oriented ? oriented : permutative).push(r);
      }
    }
    if (!goal) return { status: 'failed', reason: 'no conjecture', prover: name };
    // First with every rule; then without the permutative lemmas, which can
    // rewrite a redex of the hypothesis away before it applies.
    let left: NormalizeResult | undefined;
    let right: NormalizeResult | undefined;
    let reason = 'normal forms differ';
    for (const rules of [
      [...hyp, ...oriented, ...permutative],
      [...hyp, ...oriented],
    ]) {
      const rs = new RuleSet(prec, rules);
      const l = rs.normalize(goal.l, budget);
      const r = rs.normalize(goal.r, budget);
      if (!l.complete || !r.complete) {
        reason = 'rewrite budget exhausted';
        continue;
      }
      if (termEquals(l.term, r.term)) {
        left = l;
        right = r;
        break;
      }
      if (permutative.length === 0) break;
    }
    if (!left || !right) return { status: 'failed', reason, prover: name };
    const steps: ProofStep[] = [...cl.steps];
    let prev = goal.id;
    let k = 0;
    const emit = (ev: { rule: RewriteRule; subst: Readonly<Record<string, Term>> }, clause: Clause): void => {
      const id = `rw_${++k}`;
      steps.push({
        id,
        rule: 'rewrite',
        parents: [{ id: prev }, { id: ev.rule.id, subst: ev.subst }],
        conclusion: { kind: 'clause', clause },
      });
      prev = id;
    };
    for (const ev of left.events) emit(ev, neq(ev.after, goal.r));
    for (const ev of right.events) emit(ev, neq(left.term, ev.after));
    const root = 'refute';
    steps.push({
      id: root,
      rule: 'equality_resolution',
      parents: [{ id: prev }],
      conclusion: { kind: 'clause', clause: { literals: [] } },
    });
    return { status: 'proved', proof: { steps, root }, prover: name };
  };
}

/** An equation between terms with variables, universally closed when turned into a formula. */
export interface Equation {
  readonly left: Term;
  readonly right: Term;
}

export function equationVars(e: Equation): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: Term): void => {
    if (t.kind === 'var') {
      if (!seen.has(t.name)) {
        seen.add(t.name);
        out.push(t.name);
      }
    } else t.args.forEach(visit);
  };
  visit(e.left);
  visit(e.right);
  return out;
}

export function equationFormula(e: Equation): Formula {
  return mkForall(equationVars(e), mkEq(e.left, e.right));
}

function substEq(e: Equation, v: string, t: Term): Equation {
  const s = { [v]: t };
  return { left: applySubst(e.left, s), right: applySubst(e.right, s) };
}

/** A lemma available to a goal: its statement name in the goal problem, and the theorem key it stands for. */
export interface LemmaRef {
  readonly name: string;
  readonly key: string;
  readonly equation: Equation;
}

export interface InductionProblems {
  readonly base: Problem;
  readonly step: Problem;
  /** The fresh constant standing for the predecessor in the step case. */
  readonly n: string;
}

/**
 * Structural induction on `v` over ℕ (constructors `zero`, `succ`):
 *   base: P(zero)      step: P(n) ⊢ P(succ(n)) with n fresh,
 * with every other variable universally quantified in the hypothesis and the goal.
 */
export function inductionProblems(
  axioms: readonly Statement[],
  lemmas: readonly LemmaRef[],
  e: Equation,
  v: string,
  zero: string,
  succ: string,
  taken: ReadonlySet<string>,
): InductionProblems {
  let n = 'n';
  for (let i = 1; taken.has(n); i++) n = `n${i}`;
  const premises: Statement[] = [
    ...axioms,
    ...lemmas.map((l) => ({ name: l.name, role: 'lemma' as const, language: 'fof' as const, formula: equationFormula(l.equation) })),
  ];
  const conj = (eq: Equation): Statement => ({ name: 'goal', role: 'conjecture', language: 'fof', formula: equationFormula(eq) });
  const base: Problem = { name: `base(${v})`, statements: [...premises, conj(substEq(e, v, mkConst(zero)))] };
  const ih: Statement = {
    name: 'induction_hypothesis',
    role: 'hypothesis',
    language: 'fof',
    formula: equationFormula(substEq(e, v, mkConst(n))),
  };
  const step: Problem = { name: `step(${v})`, statements: [...premises, ih, conj(substEq(e, v, mkApp(succ, [mkConst(n)])))] };
  return { base, step, n };
}

/** A problem proving `e` directly from the axioms and lemmas (no induction). */
export function directProblem(axioms: readonly Statement[], lemmas: readonly LemmaRef[], e: Equation): Problem {
  return {
    name: 'direct',
    statements: [
      ...axioms,
      ...lemmas.map((l) => ({ name: l.name, role: 'lemma' as const, language: 'fof' as const, formula: equationFormula(l.equation) })),
      { name: 'goal', role: 'conjecture', language: 'fof', formula: equationFormula(e) },
    ],
  };
}

/**
 * The saturation prover (superposition) as a goal prover: clausify, saturate until
 * the deadline, accept only a refutation with a proof object.
 */
export function saturationProver(opts: { timeoutMs?: number; maxClauses?: number } = {}): GoalProver {
  const maxClauses = opts.maxClauses ?? 20_000;
  return (problem, goalDeadline) => {
    const deadline = opts.timeoutMs === undefined ? goalDeadline : Math.min(goalDeadline, Date.now() + opts.timeoutMs);
    const name = 'entail-sat';
    const clausified = clausify(problem, { deadline });
    if (!clausified.ok) return { status: 'failed', reason: `clausify: ${clausified.error.message}`, prover: name };
    const cl = clausified.value;
    let r;
    try {
      r = saturate(cl, { deadline, maxClauses });
    } catch (e) {
      // A throw is a bug in the prover; here it only means this goal is not proved.
      return { status: 'failed', reason: `saturation crashed: ${(e as Error).message}`, prover: name };
    }
    if ((r.status === 'Theorem' || r.status === 'Unsatisfiable' || r.status === 'ContradictoryAxioms') && r.proof)
      return { status: 'proved', proof: r.proof, prover: name };
    return { status: 'failed', reason: `${r.status}${r.message ? `: ${r.message}` : ''}`, prover: name };
  };
}
