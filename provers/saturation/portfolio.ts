/**
 * The strategy portfolio tried in sequence (by the runner) within the time limit.
 * The first entry is complete (no set of support), so a saturation there is a
 * real (counter)satisfiability answer; later entries trade completeness for focus.
 */
import type { Strategy } from './saturate.js';
import { DEFAULT_STRATEGY } from './saturate.js';

export const PORTFOLIO: readonly Strategy[] = [
  // After E's SelectUnlessUniqMax (it or its P variant won 9 of the 51 SET problems we missed, under E --auto-schedule)
  // with simultaneous superposition (--simul-paramod) and KBO weights by inverse frequency rank. Measured at
  // 2 s on all 464 SET problems: 295 solved, the best single strategy (the default 290, default + simul 292);
  // 83 of every third SYN-FOF problem at 1 s (default 84); 22 of every third CASC problem at 3 s (default 22).
  // Complete, so a saturation here is a (counter)satisfiability answer.
  { ...DEFAULT_STRATEGY, name: 'uniqmax', selection: 'uniqmax', simulParamod: true, funWeights: 'invfreqrank' },
  // max-weight negative selection (the session-1 default): forward reasoning through every definition. After the
  // first entry it adds the most on SET at 2 s (11 more, against 7 for the default). Entries that set no
  // `precedence` inherit the default's (inverse frequency): saturate merges every strategy over DEFAULT_STRATEGY.
  { name: 'maxneg', selection: 'maxneg', ratio: 5, sos: false, goalFactor: 0.5, relWeight: true },
  DEFAULT_STRATEGY,
  // The first entry with E-style relevance levels (RelevanceLevelWeight, C36/C37): symbols weigh by their distance
  // from the conjecture. On the 46 SET problems the portfolio missed at 10 s, 5 s each, it solved 4 (SET595+4,
  // SET754+4, SET889+1, SET996+1); as the fourth entry, the portfolio on those 46 plus the 24 it solved after
  // 1.5 s gained SET889+1 and lost none.
  {
    ...DEFAULT_STRATEGY,
    name: 'levels',
    selection: 'uniqmax',
    simulParamod: true,
    funWeights: 'invfreqrank',
    relLevels: true,
    relWeights: [3, 1, 1],
  },
  // goal-directed: defined (rarer) predicates dominate their definitions, selection only in all-negative clauses
  { name: 'unfold', selection: 'negonly', ratio: 5, sos: false, goalFactor: 0.5, relWeight: true, predWeights: true },
  { ...DEFAULT_STRATEGY, name: 'sine', sine: 2 },
  { name: 'sos', selection: 'none', ratio: 5, sos: true, goalFactor: 1, relWeight: true },
];

export function strategyByName(name: string): Strategy | undefined {
  return PORTFOLIO.find((s) => s.name === name);
}
