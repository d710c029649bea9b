/**
 * Superposition (Bachmair–Ganzinger) between two clauses: from the eligible side `l` of a positive equation
 * `l = r ∨ C` into a non-variable subterm `u` of an eligible side of a literal of `L[u] ∨ D`, with σ = mgu(l, u),
 * σ(l) ⋠ σ(r) and σ(s) ⊀ σ(t) for the into-literal `s ⋈ t`: the conclusion `L[σ(r)] ∨ σ(C) ∨ σ(D)`.
 * Predicate atoms (the `p(s) = $$true` encoding) go to resolution.ts instead.
 */
import { LT, EQ } from '../order.js';
import { mkLit } from '../sclause.js';
import type { SClause, SLit } from '../sclause.js';
import { conclude, instOthers } from '../derive.js';
import type { ProofState } from '../state.js';

/**
 * Superposition from side fsd of literal fi of F into the subterm u at preorder position pos of side isd of
 * literal ii of I; `gScope` says which of F/I is in scope 0 (the given clause). The conclusion, or null when
 * the terms do not unify, an ordering condition fails, or the conclusion is a tautology.
 */
export function superpose(
  st: ProofState,
  F: SClause,
  fi: number,
  fsd: number,
  I: SClause,
  ii: number,
  isd: number,
  pos: number,
  u: number,
  gScope: number,
): SClause | null {
  const b = st.bank;
  const s = st.sub;
  const ord = st.ord;
  const fx = F.lits[fi]!;
  const ix = I.lits[ii]!;
  const fl = fsd === 0 ? fx.l : fx.r;
  const fr = fsd === 0 ? fx.r : fx.l;
  const fS = gScope === 0 ? 0 : 1; // F's scope
  const iS = 1 - fS;
  const mark = s.trailLen;
  if (!s.unify(fl, fS, u, iS)) return null;
  s.resetRename();
  const flS = s.inst(fl, fS);
  const frS = s.inst(fr, fS);
  if (!fx.oriented || fsd === 1) {
    const c = ord.compare(flS, frS);
    if (c === LT || c === EQ) {
      s.undo(mark);
      return null;
    }
  }
  const iT = isd === 0 ? ix.l : ix.r;
  const iO = isd === 0 ? ix.r : ix.l;
  const iTS = s.inst(iT, iS);
  const iOS = s.inst(iO, iS);
  if (!ix.oriented || isd === 1) {
    if (ord.compare(iTS, iOS) === LT) {
      s.undo(mark);
      return null;
    }
  }
  // simultaneous: every σ(u) in the into-clause becomes σ(r), not only the one at `pos`
  const simul = st.strategy.simulParamod === true;
  const newSide = simul ? b.replaceAll(iTS, flS, frS) : pos === 0 ? frS : b.replaceAtPath(iTS, b.pathAt(iT, pos), frS);
  const lits: SLit[] = [mkLit(ord, ix.pos, newSide, simul ? b.replaceAll(iOS, flS, frS) : iOS, b.TRUE)];
  instOthers(st, F, fi, fS, lits);
  instOthers(st, I, ii, iS, lits, simul ? flS : -1, frS);
  return conclude(st, lits, 'superposition', F, fS, I, iS, mark);
}
