/**
 * One problem's queries and how their answers become one status. A file is one
 * query; a dataset record asks premises ⊢ conclusion and, unless that was
 * proved, premises ⊢ ¬conclusion, which gives True / False / Uncertain.
 * Shared by the worker threads (embedded prover) and the external runs.
 */
import type { Problem } from '../logic/problem.js';
import type { ProverResult } from '../logic/proof.js';
import type { SzsStatus } from '../logic/szs.js';
import { contradicts, isDisprovedStatus, isProvedStatus, isSzsStatus } from '../logic/szs.js';
import type { BatchStatus, Label } from './types.js';

export interface QueryOutcome {
  readonly status: BatchStatus;
  readonly message?: string;
  /** The result that decided the status (its proof, if any, is the one to export). */
  readonly decisive?: ProverResult;
  readonly results: readonly ProverResult[];
}

/** Run the queries (one problem, or a record's pos/neg pair) within `timeoutMs` in total. */
export async function runQueries(
  problems: readonly Problem[],
  timeoutMs: number,
  proveOne: (p: Problem, timeoutMs: number) => Promise<ProverResult>,
): Promise<QueryOutcome> {
  const start = Date.now();
  if (problems.length === 1) {
    const r = await proveOne(problems[0]!, timeoutMs);
    return { status: r.status, ...(r.message ? { message: r.message } : {}), decisive: r, results: [r] };
  }
  const [pos, neg] = problems as [Problem, Problem];
  // The first query gets half the budget so a runaway conclusion cannot starve the negation.
  const a = await proveOne(pos, Math.max(1, Math.floor(timeoutMs / 2)));
  if (isProvedStatus(a.status))
    return { status: a.status === 'ContradictoryAxioms' ? 'ContradictoryAxioms' : 'True', decisive: a, results: [a] };
  const b = await proveOne(neg, Math.max(1, timeoutMs - (Date.now() - start)));
  return { ...combineLabel(a, b), results: [a, b] };
}

/** Label from the two answers (conclusion first, negation second). */
export function combineLabel(a: ProverResult, b: ProverResult): { status: BatchStatus; message?: string; decisive?: ProverResult } {
  if (isProvedStatus(a.status)) return { status: a.status === 'ContradictoryAxioms' ? 'ContradictoryAxioms' : 'True', decisive: a };
  if (isProvedStatus(b.status)) return { status: b.status === 'ContradictoryAxioms' ? 'ContradictoryAxioms' : 'False', decisive: b };
  if (isDisprovedStatus(a.status) && isDisprovedStatus(b.status)) return { status: 'Uncertain', decisive: a };
  // No label: report the more telling failure (a timeout beats "gave up" beats an error).
  const rank = (s: SzsStatus): number => (s === 'Timeout' ? 3 : s === 'ResourceOut' ? 2 : s === 'GaveUp' || s === 'Unknown' ? 1 : 0);
  const worst = isDisprovedStatus(a.status) ? b : isDisprovedStatus(b.status) ? a : rank(a.status) >= rank(b.status) ? a : b;
  const which = worst === a ? 'conclusion' : 'negation';
  return { status: worst.status, message: `${which}: ${worst.status}${worst.message ? ` (${worst.message})` : ''}` };
}

const LABELS: ReadonlySet<string> = new Set(['True', 'False', 'Uncertain']);
export function isLabel(s: string): s is Label {
  return LABELS.has(s);
}

/** A definitive answer: proved, disproved, or a dataset label. */
export function isSolved(s: BatchStatus): boolean {
  return isLabel(s) || (isSzsStatus(s) && (isProvedStatus(s) || isDisprovedStatus(s)));
}

/** A wrong answer: it contradicts the expected status (SZS) or differs from the expected label. */
export function isWrong(expected: BatchStatus | undefined, got: BatchStatus): boolean {
  if (expected === undefined) return false;
  if (isLabel(expected) || isLabel(got)) return isLabel(expected) && isLabel(got) && expected !== got;
  if (!isSzsStatus(expected) || !isSzsStatus(got)) return false;
  return contradicts(expected, got);
}

/** Two definitive answers that cannot both be right (labels that differ, or contradicting SZS statuses). */
export function conflicting(a: BatchStatus, b: BatchStatus): boolean {
  if (!isSolved(a) || !isSolved(b)) return false;
  // Contradictory premises prove everything: not a disagreement with True/False/Theorem.
  if (a === 'ContradictoryAxioms' || b === 'ContradictoryAxioms')
    return isLabel(a) ? a === 'Uncertain' : isLabel(b) ? b === 'Uncertain' : contradicts(a as SzsStatus, b as SzsStatus);
  if (isLabel(a) || isLabel(b)) return a !== b;
  return contradicts(a as SzsStatus, b as SzsStatus);
}
