/** Prolog via tau-prolog: runner with step limits and proof trees, and Horn-clause conversion. */
export { runProlog, fromTau } from './run.js';
export type { PrologOptions, PrologOutcome, PrologAnswer, PrologError, ProofTree } from './run.js';
export { clausesToRules, rulesToProlog, treeToSteps, prologAtom, formatProofTree } from './horn.js';
export type { HornRule } from './horn.js';
