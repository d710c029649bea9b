/** What a run is asked to do: selection, ordering, weights, queues and options (the portfolio names the ones in use). */
import type { LitCmp } from '../order.js';

/**
 * Literal selection. `maxneg`: the heaviest negative literal. `negonly`: only in all-negative clauses.
 * `complex` (after E's SelectComplex): a negative `x≠y`, else the heaviest ground negative literal, else the
 * negative literal with the largest difference between its sides. `complex-rrhorn`: as `complex`, but
 * range-restricted Horn clauses get no selection, so they act as conditional rewrite rules used backwards
 * from the goal. `complex-uniqmax` (after E's SelectComplexExceptUniqMaxHorn): as `complex`, but a Horn
 * clause whose positive literal is strictly greater than all its negative ones gets no selection (a definition
 * `p(x) ∨ ¬q(x) ∨ ¬r(x)` with p ≻ q, r is then unfolded backwards from a goal `¬p(a)`).
 * `maxlcomplex` (after E's SelectMaxLComplexAvoidPosPred, the choice of its auto mode for many set-theory
 * classes): a maximal negative literal if there is one, else `x≠y`, else a ground one, else any; among those
 * the one with the largest side difference, then the one whose predicate occurs least among the clause's
 * positive literals (so a definition's own predicate is not resolved away first).
 * `uniqmax` (after E's SelectUnlessUniqMax): no selection in a clause with exactly one maximal literal (of
 * either sign; ordered inferences already act on that one only), else the heaviest negative literal.
 * `pdepth2` (after E's SelectOptimalRestrPDepth2): no selection in a clause with a flat positive literal (depth
 * at most 2: `p(x, a)`, `x = a`), so facts and definitions' flat heads act as they are ordered; else the
 * heaviest ground negative literal, else the negative literal with the largest side difference. E's auto
 * mode picks it for four of the SET problems we missed (SET795+4, SET796+4, SET801+4, SET802+4).
 */
export type Selection =
  | 'none'
  | 'maxneg'
  | 'maxneg-nonunit'
  | 'negonly'
  | 'complex'
  | 'complex-rrhorn'
  | 'complex-uniqmax'
  | 'maxlcomplex'
  | 'uniqmax'
  | 'pdepth2';

/**
 * One priority queue of a clause-selection heuristic. `rel`: conjecture-relative symbol weight (the
 * strategy's goalFactor applies); `sos`: the same, but clauses derived from the negated conjecture always
 * first (E's SimulateSOS, still complete); `weight`: plain symbol count; `horn`: fewest positive literals
 * beyond one first, then plain symbol count (E's ByHornDist: forward chaining through Horn clauses before
 * case splits).
 */
export interface QueueSpec {
  readonly key: 'rel' | 'sos' | 'weight' | 'horn';
  /** Picks per round. */
  readonly n: number;
}

export interface Strategy {
  readonly name: string;
  readonly selection: Selection;
  /** Weight picks per age pick. */
  readonly ratio: number;
  /** Set of support: only inferences with a clause derived from the negated conjecture (incomplete). */
  readonly sos: boolean;
  /** Priority multiplier for clauses derived from the negated conjecture (< 1 prefers them). */
  readonly goalFactor: number;
  /** Conjecture-relative symbol weights in the priority (symbols of the conjecture count half). */
  readonly relWeight?: boolean;
  /**
   * Integer weights under relWeight as [symbol not in the conjecture, variable, conjecture symbol]; default [2, 1, 1].
   * E's ConjectureRelativeSymbolWeight(…, 0.1, 100, 100, 100, …) is [10, 10, 1]: a strong pull to the conjecture.
   */
  readonly relWeights?: readonly [number, number, number];
  /**
   * Under relWeight, weigh a function or predicate symbol by its relevance level instead of in/out of the
   * conjecture (after E's RelevanceLevelWeight): level 0 = the conjecture's symbols, level k+1 = symbols
   * sharing an input clause with a level-k symbol; weight conj + level × (other − conj), capped at 3 levels.
   */
  readonly relLevels?: boolean;
  /** Priority multiplier for positive literals (E's pos_multiplier, 1.5 in its C-heuristics; default 1). */
  readonly posMult?: number;
  /** Weigh predicate symbols by inverse frequency in the ordering (see Kbo.setPrecedence). */
  readonly predWeights?: boolean;
  /** SInE axiom selection depth (incomplete; only used when there is a conjecture and many clauses). */
  readonly sine?: number;
  /** Priority penalty per literal beyond the first (prefers short clauses). */
  readonly litPenalty?: number;
  /** Term ordering: Knuth–Bendix (default) or lexicographic path ordering. */
  readonly ordering?: 'kbo' | 'lpo';
  /** Literal comparison (see LitCmp); default 'normal'. 'tfo-eqmax' makes the run incomplete. */
  readonly litCmp?: LitCmp;
  /** KBO function-symbol weights (see PrecedenceOptions.funWeights); default all 1. */
  readonly funWeights?: 'one' | 'invfreqrank';
  /** Symbol precedence: by arity then inverse frequency (default), or by inverse frequency alone (E's invfreq). */
  readonly precedence?: 'arity' | 'invfreq';
  /** Several priority queues picked in a weighted round robin, with `ratio` read as FIFO picks per round. Default: one `rel` queue, `ratio`:1. */
  readonly queues?: readonly QueueSpec[];
  /**
   * Simplify each new clause before it is weighed (destructive equality resolution, then rewriting by the
   * active unit equations), so its priority is that of what will be processed (E does the same). Default off:
   * on our samples it solved as many problems, not more (docs/prover.md).
   */
  readonly simplifyNew?: boolean;
  /** Process every input clause before any derived one (E's --prefer-initial-clauses). */
  readonly preferInitial?: boolean;
  /**
   * Unfold equational definitions `f(X̄) = t` of the axioms and drop them (E's preprocessing does the same):
   * KBO cannot orient f(X,Y) = g(h(X,Y), h(Y,X)) towards the body, so without this the definition folds.
   * Default off: it solves SET619+3 in 35 ms, but it also removes abstractions (singleton, ordered_pair) that
   * the set-theory problems in NBG style need, losing more than it gains on SET (docs/prover.md).
   */
  readonly unfoldDefinitions?: boolean;
  /**
   * Simultaneous superposition (E's --simul-paramod): superposing l = r into u, every occurrence of σ(u) in the
   * instantiated into-clause is replaced by σ(r), not only the one at the chosen position. Sound (the extra
   * replacements are rewrites by the same instance of the same equation); E offers it as a complete variant
   * of superposition (simultaneous paramodulation, Benanav 1990).
   */
  readonly simulParamod?: boolean;
}

/**
 * The first strategy of the portfolio and what `saturate` uses when given none. Complete. E-style selection
 * (`complex-uniqmax`) beat max-weight negative selection on SET (288 vs 277 of 464 at 2 s; SYN-FOF 250 vs
 * 249 at 1 s; every-3rd CASC-J11 22 vs 15 of 80 at 3 s); precedence by inverse frequency alone then solved a
 * superset on SET (290) and the same count on SYN-FOF.
 */
export const DEFAULT_STRATEGY: Strategy = {
  name: 'default',
  selection: 'complex-uniqmax',
  precedence: 'invfreq',
  ratio: 5,
  sos: false,
  goalFactor: 0.5,
  relWeight: true,
};

/**
 * Is a run under this strategy complete, so that saturation is a real (counter)satisfiability answer? Set of
 * support, SInE axiom selection and TFOEqMax literal comparison each give that up.
 */
export function isComplete(s: Partial<Strategy>): boolean {
  return !s.sos && !s.sine && s.litCmp !== 'tfo-eqmax';
}
