/** Forward simplification of one clause by the active set, in E's order: rewrite first, then cut literals. */
import type { SClause } from '../sclause.js';
import type { ProofState } from '../state.js';
import { destructiveEqRes } from './equality.js';
import { demodulate } from './demodulation.js';
import { subsumptionResolvent } from './subsumption.js';

/**
 * Destructive equality resolution, demodulation and subsumption resolution until none applies: the simplified
 * clause (c itself when nothing applied, possibly the empty clause), or null when it became a tautology.
 */
export function forwardSimplify(st: ProofState, c0: SClause): SClause | null {
  let c: SClause | null = c0;
  for (;;) {
    c = demodulate(st, destructiveEqRes(st, c));
    if (!c) return null;
    if (c.lits.length === 0) return c;
    const d = subsumptionResolvent(st, c);
    if (d === c) return c;
    c = d;
    if (c.lits.length === 0) return c;
  }
}
