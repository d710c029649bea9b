/**
 * Ordered resolution, which is superposition of a predicate atom `p(s) = $$true` into a negative `p(t) = $$true`
 * at the top: with σ = mgu(p(s), p(t)), from `p(s) ∨ C` and `¬p(t) ∨ D` the conclusion `σ(C) ∨ σ(D)`.
 */
import type { SClause, SLit } from '../sclause.js';
import { conclude, instOthers } from '../derive.js';
import type { ProofState } from '../state.js';

/**
 * Resolve the positive atom at literal fi of F against literal ii of I, whose atom is the term u at position
 * pos; `gScope` says which of F/I is in scope 0. Null unless that literal is negative and u is its whole atom
 * (a positive partner would give a tautology), when the atoms do not unify, or for a tautology.
 */
export function resolve(
  st: ProofState,
  F: SClause,
  fi: number,
  I: SClause,
  ii: number,
  pos: number,
  u: number,
  gScope: number,
): SClause | null {
  const s = st.sub;
  const ix = I.lits[ii]!;
  if (ix.pos || pos !== 0) return null;
  const fl = F.lits[fi]!.l;
  const fS = gScope === 0 ? 0 : 1;
  const iS = 1 - fS;
  const mark = s.trailLen;
  if (!s.unify(fl, fS, u, iS)) return null;
  s.resetRename();
  // Instantiating the resolved atom first numbers the conclusion's variables as superposition would.
  s.inst(fl, fS);
  const lits: SLit[] = [];
  instOthers(st, F, fi, fS, lits);
  instOthers(st, I, ii, iS, lits);
  return conclude(st, lits, 'resolution', F, fS, I, iS, mark);
}
