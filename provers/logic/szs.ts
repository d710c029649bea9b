/** SZS ontology statuses used across provers, batch reports and the UI. */
export const SZS_STATUSES = [
  'Theorem',
  'Unsatisfiable',
  'CounterSatisfiable',
  'Satisfiable',
  'ContradictoryAxioms',
  'Timeout',
  'ResourceOut',
  'GaveUp',
  'Error',
  'Unknown',
  'InputError',
  'NotInstalled',
] as const;
export type SzsStatus = (typeof SZS_STATUSES)[number];

export function isSzsStatus(s: string): s is SzsStatus {
  return (SZS_STATUSES as readonly string[]).includes(s);
}

/** Statuses that claim the conjecture follows (or the clause set is refuted). */
export function isProvedStatus(s: SzsStatus): boolean {
  return s === 'Theorem' || s === 'Unsatisfiable' || s === 'ContradictoryAxioms';
}
/** Statuses that claim a model exists (conjecture does not follow / set is satisfiable). */
export function isDisprovedStatus(s: SzsStatus): boolean {
  return s === 'CounterSatisfiable' || s === 'Satisfiable';
}
/** True when a reported status contradicts an expected one (a wrong answer, not a failure to answer). */
export function contradicts(expected: SzsStatus, got: SzsStatus): boolean {
  if (isProvedStatus(got)) return isDisprovedStatus(expected);
  if (isDisprovedStatus(got)) return isProvedStatus(expected);
  return false;
}
