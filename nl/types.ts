/** Data types of the NL → logic pipeline: problems, translations, verdicts. Plain serializable data for the UI and exports. */
import type { Dialect, Formula, ProverResult, FiniteModel } from '../provers/logic/index.js';

/** A dataset label. FOLIO says Uncertain, ProofWriter Unknown: both map to 'Uncertain'. */
export type Label = 'True' | 'False' | 'Uncertain';
export type Verdict = Label | 'Error';
export const VERDICTS: readonly Verdict[] = ['True', 'False', 'Uncertain', 'Error'];

export interface NlProblem {
  readonly id: string;
  readonly premises: readonly string[];
  readonly conclusion: string;
  readonly label?: Label;
  /** Reasoning depth where the dataset gives one (ProofWriter ids: `-D5-`). */
  readonly depth?: number;
  /** Human-written FOL (FOLIO), judged by `--gold-fol`. */
  readonly gold?: { readonly premises: readonly string[]; readonly conclusion: string; readonly dialect: Dialect };
}

/** One translated sentence: the NL it came from (if known), the FOL text, the parsed formula. */
export interface FolLine {
  readonly text?: string;
  readonly fol: string;
  readonly formula?: Formula;
  /** Controlled English: the reading said back in words, with the interpretation rules that decided it. */
  readonly paraphrase?: string;
}

export type SampleStage = 'provider' | 'extract' | 'parse' | 'prove';

export interface Judgement {
  readonly verdict: Verdict;
  /** Why Error (or GaveUp-like) when verdict is Error. */
  readonly reason?: string;
  /** Prover results for the conclusion and its negation (proof or saturation). */
  readonly conclusion?: ProverResult;
  readonly negation?: ProverResult;
  /** For Uncertain: finite models of premises ∧ ¬conclusion and premises ∧ conclusion, when found. */
  readonly countermodels?: { readonly againstConclusion?: FiniteModel; readonly againstNegation?: FiniteModel; readonly note?: string };
}

export interface SampleResult {
  readonly index: number;
  readonly completion?: string;
  readonly verdict: Verdict;
  readonly stage?: SampleStage;
  readonly error?: string;
  readonly premises: readonly FolLine[];
  readonly conclusion?: FolLine;
  readonly judgement?: Judgement;
  /** True when this sample came from the repair round. */
  readonly repaired?: boolean;
}

export interface ProblemResult {
  readonly id: string;
  readonly label?: Label;
  readonly depth?: number;
  readonly prediction: Verdict;
  readonly votes: Readonly<Record<Verdict, number>>;
  readonly samples: readonly SampleResult[];
  /** Predicate names/arities that differ across samples (reported, never merged). */
  readonly reconciliation: readonly SymbolClash[];
}

export interface SymbolClash {
  readonly kind: 'near-duplicate' | 'arity';
  readonly symbols: readonly string[];
  readonly note: string;
}

export function normalizeLabel(s: string): Label | undefined {
  const t = s.trim().toLowerCase();
  if (t === 'true') return 'True';
  if (t === 'false') return 'False';
  if (t === 'uncertain' || t === 'unknown') return 'Uncertain';
  return undefined;
}
