/**
 * Destructive equality resolution: `C ∨ x != t` with x not in t is equivalent to `C[x:=t]`, so it replaces the
 * clause (recorded as an ordinary equality_resolution step). Without it a clause like `x != y ∨ ¬p(y) ∨ x = z`
 * keeps the maximal `x = z` and superposes from a variable into everything.
 */
import { cleanLits } from '../sclause.js';
import type { SClause, SLit } from '../sclause.js';
import { instOthers, newClause, parentSubst } from '../derive.js';
import type { ProofState } from '../state.js';

/** c with every such literal resolved away (one step each), or c itself when there is none. */
export function destructiveEqRes(st: ProofState, c: SClause): SClause {
  const b = st.bank;
  const s = st.sub;
  for (;;) {
    let i = -1;
    for (let k = 0; k < c.lits.length && i < 0; k++) {
      const x = c.lits[k]!;
      if (!x.pos && x.r !== b.TRUE && (b.head[x.l]! < 0 || b.head[x.r]! < 0)) i = k;
    }
    if (i < 0) return c;
    const mark = s.trailLen;
    if (!s.unify(c.lits[i]!.l, 0, c.lits[i]!.r, 0)) return c; // occurs check: x occurs in t
    s.resetRename();
    const lits: SLit[] = [];
    instOthers(st, c, i, 0, lits);
    const sub = parentSubst(st, c, 0);
    s.undo(mark);
    const cl = cleanLits(lits);
    // A tautology after the substitution: keep the clause as it was (the loop deletes tautologies elsewhere).
    if (cl === null) return c;
    c = newClause(st, cl === 'same' ? lits : cl, 'equality_resolution', [c], [sub], c.goal);
  }
}
