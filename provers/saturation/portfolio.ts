/**
 * The strategy portfolio tried in sequence (by the runner) within the time limit.
 * The first entry is complete (no set of support), so a saturation there is a
 * real (counter)satisfiability answer; later entries trade completeness for focus.
 */
import type { Strategy } from './saturate.js';
import { DEFAULT_STRATEGY } from './saturate.js';

export const PORTFOLIO: readonly Strategy[] = [
  DEFAULT_STRATEGY,
  // After E: simultaneous superposition (--simul-paramod) and KBO weights by inverse frequency rank (E's -tAuto
  // choice on SET011+3). Alone it solves 292 of SET at 2 s (the default 290), 8 the default does not; weaker on
  // CASC, hence second. Complete.
  { ...DEFAULT_STRATEGY, name: 'simul', simulParamod: true, funWeights: 'invfreqrank' },
  // max-weight negative selection (the previous default's): forward reasoning through every definition; solves a
  // different subset. Entries that set no `precedence` inherit the default's (inverse frequency): saturate merges
  // every strategy over DEFAULT_STRATEGY.
  { name: 'maxneg', selection: 'maxneg', ratio: 5, sos: false, goalFactor: 0.5, relWeight: true },
  // goal-directed: defined (rarer) predicates dominate their definitions, selection only in all-negative clauses
  { name: 'unfold', selection: 'negonly', ratio: 5, sos: false, goalFactor: 0.5, relWeight: true, predWeights: true },
  { ...DEFAULT_STRATEGY, name: 'sine', sine: 2 },
  { name: 'sos', selection: 'none', ratio: 5, sos: true, goalFactor: 1, relWeight: true },
];

export function strategyByName(name: string): Strategy | undefined {
  return PORTFOLIO.find((s) => s.name === name);
}
