/** Generative-Logic explorer: conjecture generation, ground refutation, induction proofs. Pure (no I/O). */
export { EXPLORE_DEFAULTS } from './defaults.js';
export { explore, equationText, defaultFunctions, theoryPrecedence } from './explore.js';
export type { CaseProof, Derivation, ExploreOptions, ExploreProgress, ExploreStats, Theorem, Theory } from './explore.js';
export { parseDeclarations } from './decl.js';
export type { Declarations, InductiveType } from './decl.js';
export { rewritingProver, saturationProver, inductionProblems, directProblem, equationFormula, equationVars } from './prover.js';
export type { Equation, GoalOutcome, GoalProver, LemmaRef } from './prover.js';
export { candidates, enumerateTerms, equationKey } from './enumerate.js';
export type { Candidate, CandidateStats, EnumTerm, FnSym } from './enumerate.js';
export { GroundEvaluator, UNKNOWN } from './evaluate.js';
export { RuleSet, lpoGreater, match, rulesFor } from './rewrite.js';
export type { Precedence, RewriteRule } from './rewrite.js';
export { derivationGraphs, theoremTitle } from './graphs.js';
export { axiomNodeId, caseUses, dependencyGraph, dependencyProofGraph, lawName, theoremNodeId, usedStatements } from './deps.js';
export type { DependencyEdge, DependencyGraph, DependencyNode } from './deps.js';
