/** Equality resolution: from `s != t ∨ C` with σ = mgu(s, t), the conclusion `σ(C)`. */
import type { SClause, SLit } from '../sclause.js';
import { conclude, instOthers } from '../derive.js';
import type { ProofState } from '../state.js';

/** Equality resolution on the negative equation at literal i of g (in scope 0); null when it does not apply. */
export function equalityResolution(st: ProofState, g: SClause, i: number): SClause | null {
  const s = st.sub;
  const x = g.lits[i]!;
  if (x.r === st.bank.TRUE) return null;
  const mark = s.trailLen;
  if (!s.unify(x.l, 0, x.r, 0)) return null;
  s.resetRename();
  const lits: SLit[] = [];
  instOthers(st, g, i, 0, lits);
  return conclude(st, lits, 'equality_resolution', g, 0, null, 1, mark);
}
