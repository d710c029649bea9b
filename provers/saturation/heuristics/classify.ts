/**
 * Problem features and the class that chooses a schedule (after E's auto mode, which classifies a problem by
 * Horn-ness, equality content, goal shape and size before it picks a heuristic). Computed once on the input
 * clauses, in one pass over their literals. Only the features a class test reads are computed.
 */
import { isEqualityLit } from '../../logic/clause.js';
import type { ClausifiedLike } from '../saturate.js';

export interface ProblemFeatures {
  readonly clauses: number;
  readonly hasConjecture: boolean;
  /** Share of literals that are equations (positive or negative). */
  readonly equalityShare: number;
}

export function problemFeatures(input: Pick<ClausifiedLike, 'clauses' | 'hasConjecture'>): ProblemFeatures {
  let literals = 0;
  let equations = 0;
  for (const ic of input.clauses)
    for (const l of ic.clause.literals) {
      literals++;
      if (isEqualityLit(l)) equations++;
    }
  return {
    clauses: input.clauses.length,
    hasConjecture: input.hasConjecture,
    equalityShare: literals === 0 ? 0 : equations / literals,
  };
}

/** Input clause count above which a problem with a conjecture counts as large: SInE runs first. */
export const LARGE_PROBLEM = 400;
/** Equality share above which a small problem is equational (docs/prover.md, "Strategies and schedules"). */
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
