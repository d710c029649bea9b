/**
 * The strategy portfolio and the schedules the runner (provers/run) tries within a time limit.
 * Every schedule starts with a complete strategy (no set of support, no axiom selection), so a saturation
 * there is a real (counter)satisfiability answer; later entries may trade completeness for focus.
 */
import type { ClausifiedLike, Strategy } from './saturate.js';
import { DEFAULT_STRATEGY } from './saturate.js';
import { sineSubset } from './preprocess/sine.js';
import { problemClass } from './heuristics/classify.js';
import type { ProblemClass } from './heuristics/classify.js';
export { LARGE_PROBLEM } from './heuristics/classify.js';

// After E's SelectUnlessUniqMax (it or its P variant won 9 of the 51 SET problems we missed, under E --auto-schedule)
// with simultaneous superposition (--simul-paramod) and KBO weights by inverse frequency rank. Measured at 2 s on
// all 464 SET problems: 295 solved, the best single strategy (the default 290, default + simul 292); 83 of every
// third SYN-FOF problem at 1 s (default 84); 22 of every third CASC problem at 3 s (default 22).
const UNIQMAX: Strategy = {
  ...DEFAULT_STRATEGY,
  name: 'uniqmax',
  selection: 'uniqmax',
  simulParamod: true,
  funWeights: 'invfreqrank',
};
// max-weight negative selection (the first default; docs/prover.md): forward reasoning through every definition. Entries
// that set no `precedence` inherit the default's (inverse frequency): saturate merges every strategy over
// DEFAULT_STRATEGY.
const MAXNEG: Strategy = { name: 'maxneg', selection: 'maxneg', ratio: 5, sos: false, goalFactor: 0.5, relWeight: true };
// E-style relevance levels (RelevanceLevelWeight, C36/C37): symbols weigh by their distance from the conjecture.
const LEVELS: Strategy = { ...UNIQMAX, name: 'levels', relLevels: true, relWeights: [3, 1, 1] };
// The same with a strong pull to the conjecture (E's ConjectureRelativeSymbolWeight(…, 0.1, 100, 100, …) weights).
const LEVELS10: Strategy = { ...LEVELS, name: 'levels10', relWeights: [10, 10, 1] };
// Relevance levels under max-weight negative selection.
const MAXNEG_LEVELS: Strategy = { ...MAXNEG, name: 'maxneg-levels', relLevels: true, relWeights: [3, 1, 1] };
// Relevance levels under the default strategy's selection (E's SelectComplexExceptUniqMaxHorn). Alone it solves two
// SET problems that E solves and the schedule does not (SET012+4, SET105+1; 2.5-3.9 s); in no schedule (see SMALL).
const DEFAULT_LEVELS: Strategy = { ...DEFAULT_STRATEGY, name: 'default-levels', relLevels: true, relWeights: [3, 1, 1] };
// uniqmax with no preference for clauses derived from the negated conjecture.
const GOAL1: Strategy = { ...UNIQMAX, name: 'goal1', goalFactor: 1 };
// goal-directed: defined (rarer) predicates dominate their definitions, selection only in all-negative clauses
const UNFOLD: Strategy = {
  name: 'unfold',
  selection: 'negonly',
  ratio: 5,
  sos: false,
  goalFactor: 0.5,
  relWeight: true,
  predWeights: true,
};
// Literals ordered by their predicates first (after E's --literal-comparison=TFOEqMin, which its auto mode sets for
// many set-theory classes), with uniqmax selection and E's C18 pull to the conjecture. A definition's rare head
// predicate is then the maximal literal of its clauses, so a goal unfolds definitions backwards in a few steps.
// Alone at 3 s it solves 309 of the 464 SET problems, 23 of them ones the schedule without tfo missed (16 that E
// solves: SET731+4 in 53 ms, E 32 ms); CASC-J11 70 of 241 (11 new). Complete.
const TFO: Strategy = { ...UNIQMAX, name: 'tfo', relWeights: [10, 10, 1], litCmp: 'tfo-eqmin' };
// The same with equations above predicate literals (E's TFOEqMax): incomplete, but it solves SET010+3 (0.9 s),
// SET595+3, SET606+3, SET610+3 and SET612+3 (0.01-0.25 s), which E solves and no other strategy here solved
// alone within 5 s.
const TFOMAX: Strategy = { ...TFO, name: 'tfomax', litCmp: 'tfo-eqmax' };
// After E's G_E___107_C36_F1_PI_AE_Q4 family, which its auto mode picks for the equational COM problems of
// CASC-J11: SelectMaxLComplexAvoidPosPred, input clauses first, and a strong pull to the conjecture (C18's
// [10, 10, 1]). Alone at 3 s it solves 7 of the 8 COM problems E solves and no other strategy here does
// (COM137+1 in 0.09 s). Complete.
const MAXL: Strategy = { ...DEFAULT_STRATEGY, name: 'maxl', selection: 'maxlcomplex', preferInitial: true, relWeights: [10, 10, 1] };
const SINE: Strategy = { ...DEFAULT_STRATEGY, name: 'sine', sine: 2 };
const SOS: Strategy = { name: 'sos', selection: 'none', ratio: 5, sos: true, goalFactor: 1, relWeight: true };

/** Every named strategy (`entail prove --strategy NAME`, bench/strategy.ts). */
export const PORTFOLIO: readonly Strategy[] = [
  UNIQMAX,
  MAXNEG,
  DEFAULT_STRATEGY,
  LEVELS,
  LEVELS10,
  MAXNEG_LEVELS,
  DEFAULT_LEVELS,
  GOAL1,
  UNFOLD,
  SINE,
  SOS,
  TFO,
  TFOMAX,
  MAXL,
];

export function strategyByName(name: string): Strategy | undefined {
  return PORTFOLIO.find((s) => s.name === name);
}

/** One entry of a schedule: a strategy and its share of the time limit. */
export interface ScheduleEntry {
  readonly strategy: Strategy;
  readonly share: number;
}

/**
 * Problems with at most LARGE_PROBLEM input clauses that are not equational. Chosen on two sets jointly from
 * per-strategy solve times at 3 s (bench/data/casc-j11-3s and set-3s; `npx tsx bench/schedule.ts --class small
 * --robust 0.7 --set CASC-J11-FOF … --set SET …`): CASC-J11's 133 problems of this class and SET's 419, each
 * problem counting once, scored on what the schedule solves within 9.3 s (the rest of a 10 s limit goes to parsing
 * and the model finder) and again with every slice at 70 % (a loaded machine). In that model it solves 65 of the
 * CASC problems and 313 of the SET ones (64 and 312 at 70 %), against 56 and 310 for the SET-tuned schedule before
 * it; the union of all twelve measured strategies is 70 and 315. maxl and tfomax carry most of the gain:
 * between them they solve 19 of these problems that no other entry does within its slice. tfo comes first
 * (complete, and alone the best on SET: 309 of 464). sine runs where SInE (depth 2) drops axioms (sineSubset;
 * elsewhere the entry is left out); sos keeps the short slice that solves KRS202+1, KRS203+1 and ITP020+1 within
 * 0.1 s. maxneg-levels, the best single strategy on CASC's small problems (40 alone), takes what the model leaves
 * free. Tuned on CASC-J11 and SET, so both are in-sample for this class; SYN-FOF and SYN-SAT are
 * not (docs/prover.md, Session 10).
 */
const SMALL: readonly ScheduleEntry[] = [
  { strategy: TFO, share: 0.093 },
  { strategy: SINE, share: 0.03 },
  { strategy: MAXL, share: 0.239 },
  { strategy: GOAL1, share: 0.052 },
  { strategy: LEVELS10, share: 0.18 },
  { strategy: TFOMAX, share: 0.297 },
  { strategy: SOS, share: 0.03 },
  { strategy: MAXNEG_LEVELS, share: 0.079 },
];

/**
 * Problems with more than LARGE_PROBLEM input clauses and a conjecture: SInE first, where the full axiom set
 * would drown the search, then the first portfolio's order and shares, with a short tfo slice (alone it
 * solves CSR060+2, 1,133 clauses, in 0.2 s; default, the next best, needs 3.0 s alone, beyond its slice).
 */
const LARGE: readonly ScheduleEntry[] = [
  { strategy: SINE, share: 0.36 },
  { strategy: UNIQMAX, share: 0.17 },
  { strategy: TFO, share: 0.08 },
  { strategy: MAXNEG, share: 0.135 },
  { strategy: DEFAULT_STRATEGY, share: 0.09 },
  { strategy: LEVELS, share: 0.065 },
  { strategy: UNFOLD, share: 0.06 },
  { strategy: SOS, share: 0.04 },
];

/**
 * Small problems whose literals are more than 30 % equations (heuristics/classify.ts). Chosen on CASC-J11's 78
 * such problems from per-strategy solve times at 3 s (bench/data/casc-j11-3s, `npx tsx bench/schedule.ts --class
 * equational`): 41 in the model, against about 30 for the SET-tuned schedule these problems had before. maxl is
 * the strongest entry (33 of the 78 alone; on all 241, 79, six of them solved by none of the other eleven
 * strategies measured); levels10 first because its solves here come within a quarter second. SET has 45
 * problems of this class and SYN-FOF 8; neither was used to choose it.
 */
const EQUATIONAL: readonly ScheduleEntry[] = [
  { strategy: LEVELS10, share: 0.05 },
  { strategy: MAXL, share: 0.25 },
  { strategy: UNIQMAX, share: 0.3 },
  { strategy: DEFAULT_STRATEGY, share: 0.2 },
  { strategy: GOAL1, share: 0.2 },
];

/** The schedule of each problem class (heuristics/classify.ts). */
const SCHEDULES: Readonly<Record<ProblemClass, readonly ScheduleEntry[]>> = {
  large: LARGE,
  equational: EQUATIONAL,
  small: SMALL,
};

/**
 * The schedule for this input. A SInE entry that would keep every clause is its base strategy again, and a
 * set-of-support entry has nothing to start from without a conjecture, so such entries are left out (their
 * shares go to the others).
 */
export function scheduleFor(input: ClausifiedLike): readonly ScheduleEntry[] {
  return SCHEDULES[problemClass(input)].filter(
    (e) =>
      // set of support starts from the negated conjecture: without one it has nothing to do
      (!e.strategy.sos || input.hasConjecture) && (!e.strategy.sine || sineSubset(input, e.strategy.sine) !== undefined),
  );
}
