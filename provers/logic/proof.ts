/**
 * Proof objects: one DAG shared by every prover, the checker, the graph view and
 * the HTML export. Each step is plain serializable data.
 */
import type { Clause } from './clause.js';
import type { Formula } from './formula.js';
import type { Substitution } from './term.js';
import type { SzsStatus } from './szs.js';

/** Closed union of inference and preprocessing rules. */
export type Rule =
  // inputs and preprocessing
  | 'input'
  | 'negated_conjecture'
  | 'nnf'
  | 'skolemize'
  | 'definition' // Tseitin-style definitional introduction
  | 'clausify'
  // superposition calculus
  | 'resolution'
  | 'factoring'
  | 'superposition'
  | 'equality_resolution'
  | 'equality_factoring'
  | 'demodulation'
  | 'subsumption_resolution'
  | 'duplicate_literal_removal'
  | 'trivial_literal_removal'
  | 'paramodulation'
  | 'hyper_resolution'
  | 'instantiation'
  | 'rewrite'
  | 'modus_ponens'
  | 'induction'
  | 'lemma'
  | 'prolog'
  | 'external' // a step taken from another prover's output
  | 'other';

export interface ParentRef {
  readonly id: string;
  /** The substitution applied to this parent in this inference (variables of the parent → terms). */
  readonly subst?: Substitution;
}

export type StepConclusion = { readonly kind: 'clause'; readonly clause: Clause } | { readonly kind: 'formula'; readonly formula: Formula };

export interface ProofStep {
  readonly id: string;
  readonly rule: Rule;
  readonly parents: readonly ParentRef[];
  readonly conclusion: StepConclusion;
  /** For inputs: the statement name and file it came from. */
  readonly source?: { readonly name?: string; readonly file?: string; readonly role?: string };
  /** Rule-specific detail for display and checking (e.g. literal positions, the rule name of an external prover). */
  readonly info?: Readonly<Record<string, string | number | boolean>>;
}

export interface Proof {
  readonly steps: readonly ProofStep[];
  /** The id of the final step (the empty clause for a refutation). */
  readonly root: string;
}

/** Finite model: domain {0..n-1}, interpretations as tables. */
export interface FiniteModel {
  readonly domainSize: number;
  /** Constant/function symbol → table indexed by argument tuples (row-major over domain^arity). */
  readonly functions: Readonly<Record<string, { readonly arity: number; readonly table: readonly number[] }>>;
  /** Predicate symbol → truth table indexed likewise. */
  readonly predicates: Readonly<Record<string, { readonly arity: number; readonly table: readonly boolean[] }>>;
}

export interface ProverStats {
  readonly timeMs: number;
  readonly generated?: number;
  readonly processed?: number;
  readonly kept?: number;
  readonly [k: string]: number | undefined;
}

/** What any prover (embedded or external) reports. Errors are values, never throws. */
export interface ProverResult {
  readonly status: SzsStatus;
  readonly prover: string;
  readonly problem?: string;
  readonly proof?: Proof;
  readonly model?: FiniteModel;
  readonly stats: ProverStats;
  /** Human-readable reason for GaveUp/Error/Timeout/NotInstalled etc. */
  readonly message?: string;
}
