/** Public surface of the embedded saturation prover. */
export { saturate, Saturation, DEFAULT_STRATEGY, isComplete } from './saturate.js';
export { sineSubset } from './preprocess/sine.js';
export type { SaturateOptions, Strategy, Selection, ClausifiedLike, Interlude } from './saturate.js';
export { proofToTptp, stepToTptp } from './tstp.js';
export { PORTFOLIO, strategyByName, scheduleFor, LARGE_PROBLEM } from './portfolio.js';
export type { ScheduleEntry } from './portfolio.js';
