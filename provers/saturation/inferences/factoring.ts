/**
 * Equality factoring: from `s = t ∨ s' = t' ∨ C` with σ = mgu(s, s') and σ(s) ⋠ σ(t), the conclusion
 * `σ(t) != σ(t') ∨ σ(s') = σ(t') ∨ σ(C)`. On two positive atoms (`t = t' = $$true`) this is positive factoring,
 * and the trivial first literal is dropped when the conclusion is cleaned.
 */
import { LT, EQ } from '../order.js';
import { mkLit } from '../sclause.js';
import type { SClause, SLit } from '../sclause.js';
import { conclude } from '../derive.js';
import type { ProofState } from '../state.js';

/**
 * Factor side sd of the positive literal i of g (in scope 0) with side sd2 of its positive literal j ≠ i.
 * Null when the sides do not unify, the ordering condition fails, or the conclusion is a tautology.
 */
export function equalityFactor(st: ProofState, g: SClause, i: number, sd: number, j: number, sd2: number): SClause | null {
  const b = st.bank;
  const s = st.sub;
  const x = g.lits[i]!;
  const y = g.lits[j]!;
  const sT = sd === 0 ? x.l : x.r;
  const tT = sd === 0 ? x.r : x.l;
  const s2 = sd2 === 0 ? y.l : y.r;
  const t2 = sd2 === 0 ? y.r : y.l;
  const mark = s.trailLen;
  if (!s.unify(sT, 0, s2, 0)) return null;
  s.resetRename();
  const sS = s.inst(sT, 0);
  const tS = s.inst(tT, 0);
  const c = st.ord.compare(sS, tS);
  if (c === LT || c === EQ) {
    s.undo(mark);
    return null;
  }
  const lits: SLit[] = [mkLit(st.ord, false, tS, s.inst(t2, 0), b.TRUE), mkLit(st.ord, true, s.inst(s2, 0), s.inst(t2, 0), b.TRUE)];
  for (let k = 0; k < g.lits.length; k++) {
    if (k === i || k === j) continue;
    const z = g.lits[k]!;
    lits.push(mkLit(st.ord, z.pos, s.inst(z.l, 0), s.inst(z.r, 0), b.TRUE));
  }
  return conclude(st, lits, tT === b.TRUE && t2 === b.TRUE ? 'factoring' : 'equality_factoring', g, 0, null, 1, mark);
}
