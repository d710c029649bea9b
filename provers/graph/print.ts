/**
 * Display text of a step's substitution. Terms, formulas and clauses are shown with
 * logic's display printer (displayTerm, displayFormula, displayClause), the one printer of
 * logic objects.
 */
import type { Substitution } from '../logic/index.js';
import { displayTerm } from '../logic/syntax/index.js';

/** `X ↦ t, Y ↦ u`, or undefined for an empty substitution. */
export function substText(s: Substitution | undefined): string | undefined {
  if (s === undefined) return undefined;
  const keys = Object.keys(s);
  if (keys.length === 0) return undefined;
  return keys.map((k) => `${k} ↦ ${displayTerm(s[k]!)}`).join(', ');
}
