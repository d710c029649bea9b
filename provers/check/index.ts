/**
 * Independent proof checker. It re-verifies every step of a proof DAG using only the
 * logic core types: inference steps by ground reasoning with equality after
 * instantiating parents with their recorded substitutions, preprocessing steps
 * where a decision procedure exists, and the DAG shape. What it cannot verify is
 * listed as trusted, never silently accepted.
 *
 * Step convention (shared with the saturation prover): `parents[i].subst` maps that
 * parent's variables to terms over the conclusion's variables; unmapped variables
 * keep their names. Remaining variables are frozen as fresh constants.
 */
import type { Clause } from '../logic/clause.js';
import { applySubstLit, clauseToFormula, negateLit } from '../logic/clause.js';
import type { Formula } from '../logic/formula.js';
import { formulaEquals, mkAnd, mkNot, signatureOf, universalClosure } from '../logic/formula.js';
import type { Problem } from '../logic/problem.js';
import type { Proof, ProofStep, Rule, StepConclusion } from '../logic/proof.js';
import { formulaHeight } from '../logic/syntax/index.js';
import { GroundTerms, groundSat } from './ground.js';
import type { GLit } from './ground.js';
import { clauseOfCnf, equivalent, equivalentUniversal, formulaAsClause, isTautology } from './fol.js';

export interface CheckFailure {
  readonly id: string;
  readonly rule: Rule;
  readonly reason: string;
}

export interface TrustedStep {
  readonly id: string;
  readonly rule: Rule;
  /** Why it was not verified. */
  readonly note?: string;
}

export interface CheckReport {
  /** No failures (trusted steps do not make a proof fail; read `trusted`). */
  readonly ok: boolean;
  /** Steps verified. */
  readonly checked: number;
  readonly trusted: TrustedStep[];
  readonly failures: CheckFailure[];
}

export interface CheckOptions {
  /** The input problem: 'input' steps are then matched against its statements; otherwise they are trusted. */
  readonly problem?: Problem;
  /** The root must be the empty clause (default true). */
  readonly requireRefutation?: boolean;
  /** Bound on the ground search per step (default 200 000 nodes). */
  readonly maxNodes?: number;
}

/** Allowed parent counts per inference rule, verified by ground entailment. */
const INFERENCE: Partial<Record<Rule, readonly [number, number]>> = {
  resolution: [2, 2],
  factoring: [1, 1],
  superposition: [2, 2],
  paramodulation: [2, 2],
  equality_resolution: [1, 1],
  equality_factoring: [1, 1],
  demodulation: [2, Infinity],
  subsumption_resolution: [2, 2],
  duplicate_literal_removal: [1, 1],
  trivial_literal_removal: [1, 1],
  rewrite: [1, Infinity],
  hyper_resolution: [2, Infinity],
  instantiation: [1, 1],
  modus_ponens: [2, 2],
};

/** One-parent rules that only ever remove literals. */
const SHRINKING = new Set<Rule>(['factoring', 'duplicate_literal_removal', 'trivial_literal_removal', 'equality_resolution']);

type Verdict = { kind: 'checked' } | { kind: 'trusted'; note: string } | { kind: 'failed'; reason: string };
const CHECKED: Verdict = { kind: 'checked' };
const fail = (reason: string): Verdict => ({ kind: 'failed', reason });
const trust = (note: string): Verdict => ({ kind: 'trusted', note });

function asClause(c: StepConclusion): Clause | undefined {
  return c.kind === 'clause' ? c.clause : formulaAsClause(c.formula);
}
function asFormula(c: StepConclusion): Formula {
  return c.kind === 'formula' ? c.formula : clauseToFormula(c.clause);
}

function symbolsOf(f: Formula): Set<string> {
  const sig = signatureOf([f]);
  return new Set([...sig.preds.keys(), ...sig.fns.keys()]);
}
function symbolsOfClause(c: Clause): Set<string> {
  return symbolsOf(clauseToFormula(c));
}

function checkInference(step: ProofStep, parents: readonly ProofStep[], maxNodes: number): Verdict {
  const [lo, hi] = INFERENCE[step.rule]!;
  if (parents.length < lo || parents.length > hi)
    return fail(`${step.rule} needs ${lo === hi ? lo : `${lo}..${hi}`} parents, has ${parents.length}`);
  const concl = asClause(step.conclusion);
  if (!concl) return fail('conclusion is not a clause');
  const terms = new GroundTerms();
  const ground: GLit[][] = [];
  for (let i = 0; i < parents.length; i++) {
    const pc = asClause(parents[i]!.conclusion);
    if (!pc) return fail(`parent ${parents[i]!.id} is not a clause`);
    const s = step.parents[i]!.subst ?? {};
    ground.push(pc.literals.map((l) => terms.lit(applySubstLit(l, s))));
    if (SHRINKING.has(step.rule) && concl.literals.length >= pc.literals.length)
      return fail(`${step.rule} must remove literals (${pc.literals.length} → ${concl.literals.length})`);
  }
  // Refute parents ∧ ¬conclusion, with the conclusion's variables frozen.
  for (const l of concl.literals) ground.push([terms.lit(negateLit(l))]);
  const r = groundSat(terms, ground, maxNodes);
  if (r === 'unsat') return CHECKED;
  if (r === 'limit') return fail('ground search limit reached; step not verified');
  return fail('conclusion does not follow from the parents under the recorded substitutions');
}

function checkInput(step: ProofStep, problem: Problem | undefined): Verdict {
  if (step.parents.length !== 0) return fail('an input step has no parents');
  if (!problem) return trust('no problem given to match inputs against');
  const name = step.source?.name;
  const st = problem.statements.find((s) => s.name === name);
  if (!st) return fail(`no statement named '${name ?? '(none)'}' in the problem`);
  const f = asFormula(step.conclusion);
  if (formulaEquals(f, st.formula) || equivalent(universalClosure(st.formula), universalClosure(f)) === true) return CHECKED;
  return fail(`conclusion differs from statement '${st.name}'`);
}

function checkPreprocessing(step: ProofStep, parents: readonly ProofStep[]): Verdict {
  switch (step.rule) {
    case 'negated_conjecture': {
      // Several conjectures mean their conjunction (TPTP): the step negates it once.
      if (parents.length === 0) return fail('negated_conjecture needs a parent');
      const conj = mkAnd(parents.map((p) => universalClosure(asFormula(p.conclusion))));
      const c = asFormula(step.conclusion);
      if (formulaEquals(c, mkNot(conj))) return CHECKED;
      const e = equivalent(c, mkNot(conj));
      return e === true
        ? CHECKED
        : e === false
          ? fail('conclusion is not the negation of the conjecture')
          : trust('too many atoms to compare');
    }
    case 'nnf': {
      if (parents.length !== 1) return fail('nnf has exactly one parent');
      const [a, b] = [asFormula(parents[0]!.conclusion), asFormula(step.conclusion)];
      // The propositional abstraction cannot see miniscoping or quantifier reordering; mutual
      // CNF instance-subsumption can, for universal formulas. Neither failing is a disproof.
      if (equivalent(a, b) === true || equivalentUniversal(a, b) === true) return CHECKED;
      return trust('equivalence not established');
    }
    case 'clausify': {
      if (parents.length === 0) return fail('clausify needs a parent');
      const c = asClause(step.conclusion);
      if (!c) return fail('conclusion is not a clause');
      if (isTautology(c)) return CHECKED;
      // A symbol the parents lack comes from a definition elsewhere (d(x̄) standing for a
      // subformula): such a clause is satisfiability-preserving, not entailed.
      const known = new Set<string>();
      for (const p of parents) for (const name of symbolsOf(asFormula(p.conclusion))) known.add(name);
      const foreign = [...symbolsOfClause(c)].filter((x) => !known.has(x));
      if (foreign.length > 0) return trust(`uses symbol(s) ${foreign.join(', ')} introduced by a definition`);
      const r = clauseOfCnf(
        parents.map((p) => asFormula(p.conclusion)),
        c,
      );
      if (r === undefined) return trust('parent is not universal, or the search budget ran out');
      return r ? CHECKED : fail('clause is not an instance of any clause of the parents’ CNF');
    }
    case 'skolemize':
    case 'definition':
      return trust('introduces new symbols (satisfiability-preserving only)');
    default:
      return trust(`rule '${step.rule}' is not checked`);
  }
}

/**
 * The checker's walks (substitution, NNF, CNF, ground terms) recurse on nesting. Steps
 * nested deeper than this are trusted with a note instead of walked: a stack overflow
 * must never turn a proof into an Error. The parsers accept half this depth, so only
 * terms the prover built deeper than any input reach it.
 */
export const CHECK_MAX_DEPTH = 1000;

/** Height of a step's conclusion, plus (as a bound on what substitution builds) its deepest parent and substitution term. */
function stepHeight(step: ProofStep, parents: readonly ProofStep[]): number {
  const h = (c: StepConclusion): number => {
    if (c.kind === 'formula') return formulaHeight(c.formula, CHECK_MAX_DEPTH);
    let m = 0;
    for (const l of c.clause.literals) for (const a of l.args) m = Math.max(m, 1 + formulaHeight(a, CHECK_MAX_DEPTH));
    return m;
  };
  let parentMax = 0;
  let substMax = 0;
  for (let i = 0; i < parents.length; i++) {
    parentMax = Math.max(parentMax, h(parents[i]!.conclusion));
    const s = step.parents[i]?.subst;
    if (s) for (const t of Object.values(s)) substMax = Math.max(substMax, formulaHeight(t, CHECK_MAX_DEPTH));
  }
  return Math.max(h(step.conclusion), parentMax + substMax);
}

/** Verify a proof DAG. Never throws on malformed proofs: every problem is a failure entry. */
export function checkProof(proof: Proof, opts: CheckOptions = {}): CheckReport {
  const maxNodes = opts.maxNodes ?? 200_000;
  const byId = new Map<string, ProofStep>();
  const failures: CheckFailure[] = [];
  const trusted: TrustedStep[] = [];
  let checked = 0;
  for (const step of proof.steps) {
    if (byId.has(step.id)) {
      failures.push({ id: step.id, rule: step.rule, reason: 'duplicate step id' });
      continue;
    }
    // Parents must appear earlier: this also rules out cycles.
    const parents: ProofStep[] = [];
    const missing = step.parents.filter((p) => !byId.has(p.id)).map((p) => p.id);
    byId.set(step.id, step);
    if (missing.length > 0) {
      failures.push({ id: step.id, rule: step.rule, reason: `parent(s) ${missing.join(', ')} not defined earlier in the DAG` });
      continue;
    }
    for (const p of step.parents) parents.push(byId.get(p.id)!);
    const v: Verdict =
      stepHeight(step, parents) > CHECK_MAX_DEPTH
        ? trust(`nested deeper than ${CHECK_MAX_DEPTH}: not walked (the checker's walks are recursive)`)
        : step.rule === 'input'
          ? checkInput(step, opts.problem)
          : INFERENCE[step.rule]
            ? checkInference(step, parents, maxNodes)
            : checkPreprocessing(step, parents);
    if (v.kind === 'checked') checked++;
    else if (v.kind === 'trusted') trusted.push({ id: step.id, rule: step.rule, note: v.note });
    else failures.push({ id: step.id, rule: step.rule, reason: v.reason });
  }
  const root = byId.get(proof.root);
  if (!root) failures.push({ id: proof.root, rule: 'other', reason: 'root step not found' });
  else if (opts.requireRefutation !== false) {
    const c = root.conclusion;
    const empty = c.kind === 'clause' ? c.clause.literals.length === 0 : c.formula.kind === 'false';
    if (!empty) failures.push({ id: root.id, rule: root.rule, reason: 'root of a refutation must be the empty clause' });
  }
  return { ok: failures.length === 0, checked, trusted, failures };
}

/** One line per failure and trusted step, for the CLI and logs. */
export function formatCheckReport(r: CheckReport): string {
  const lines = [
    `${r.ok ? 'proof OK' : 'proof REJECTED'}: ${r.checked} step(s) verified, ${r.trusted.length} trusted, ${r.failures.length} failed`,
  ];
  for (const f of r.failures) lines.push(`  FAIL ${f.id} (${f.rule}): ${f.reason}`);
  for (const t of r.trusted) lines.push(`  trusted ${t.id} (${t.rule})${t.note ? `: ${t.note}` : ''}`);
  return lines.join('\n');
}
