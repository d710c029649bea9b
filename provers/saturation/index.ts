/** Public surface of the embedded saturation prover. */
export { saturate, Saturation, DEFAULT_STRATEGY } from './saturate.js';
export type { SaturateOptions, Strategy, Selection, ClausifiedLike, InputClauseLike, Interlude } from './saturate.js';
export { proofToTptp, stepToTptp, clauseToTptp, formulaToTptp, termToTptp } from './tstp.js';
export { PORTFOLIO, strategyByName } from './portfolio.js';
