/**
 * Problem features and the class that chooses a schedule (after E's auto mode, which classifies a problem by
 * Horn-ness, equality content, goal shape and size before it picks a heuristic). Computed once on the input
 * clauses, in one pass over their literals.
 */
import type { ClausifiedLike } from '../saturate.js';

export interface ProblemFeatures {
  readonly clauses: number;
  readonly hasConjecture: boolean;
  /** Every clause has at most one positive literal. */
  readonly horn: boolean;
  /** Share of literals that are equations (positive or negative). */
  readonly equalityShare: number;
  /** Share of clauses with one literal. */
  readonly unitShare: number;
}

export function problemFeatures(input: Pick<ClausifiedLike, 'clauses' | 'hasConjecture'>): ProblemFeatures {
  let horn = true;
  let literals = 0;
  let equations = 0;
  let units = 0;
  for (const ic of input.clauses) {
    const lits = ic.clause.literals;
    let positive = 0;
    for (const l of lits) {
      literals++;
      if (l.pred === '=') equations++;
      if (l.positive) positive++;
    }
    if (positive > 1) horn = false;
    if (lits.length === 1) units++;
  }
  const n = input.clauses.length;
  return {
    clauses: n,
    hasConjecture: input.hasConjecture,
    horn,
    equalityShare: literals === 0 ? 0 : equations / literals,
    unitShare: n === 0 ? 0 : units / n,
  };
}

/** Input clause count above which a problem with a conjecture counts as large: SInE runs first. */
export const LARGE_PROBLEM = 400;
/** Equality share above which a small problem is equational (docs/prover.md, "Schedules by class"). */
export const EQUATIONAL_SHARE = 0.3;

/** The classes the portfolio has a schedule for. */
export type ProblemClass = 'large' | 'equational' | 'small';

export function classOf(f: ProblemFeatures): ProblemClass {
  if (f.hasConjecture && f.clauses > LARGE_PROBLEM) return 'large';
  if (f.equalityShare > EQUATIONAL_SHARE) return 'equational';
  return 'small';
}

export function problemClass(input: Pick<ClausifiedLike, 'clauses' | 'hasConjecture'>): ProblemClass {
  return classOf(problemFeatures(input));
}
