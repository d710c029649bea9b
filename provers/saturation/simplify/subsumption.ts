/**
 * Subsumption and subsumption resolution over the active set. C subsumes D when some σ maps C's literals
 * injectively onto D's (multiset subsumption); equations match in either orientation. Candidates come from
 * the literal-key indexes of the state: one key per clause (its heaviest literal) for forward subsumption,
 * every literal for subsumption resolution and backward subsumption.
 */
import type { SClause, VarImages } from '../sclause.js';
import { matcherSubst, identitySubst, newClause } from '../derive.js';
import { litKey, heaviestLit } from '../state.js';
import type { ProofState } from '../state.js';

/** Backtracking steps allowed per subsumption test. */
export const SUBSUMPTION_BUDGET = 2000;

/**
 * Does C subsume D (multiset, with D's literal `flip` read with the opposite sign)? Leaves the matcher bound
 * on success (the caller reads and undoes it).
 */
export function subsumes(st: ProofState, C: SClause, D: SClause, flip: number): boolean {
  if (C.lits.length > D.lits.length) return false;
  if (C === D) return false;
  const used = new Uint8Array(D.lits.length);
  const s = st.sub;
  const TRUE = st.bank.TRUE;
  // Multiset subsumption is NP-complete: bound the backtracking. Giving up only means
  // "not subsumed", which is always safe (a redundant clause is kept).
  let budget = SUBSUMPTION_BUDGET;
  const go = (i: number): boolean => {
    if (i === C.lits.length) return true;
    if (--budget < 0) return false;
    const x = C.lits[i]!;
    for (let j = 0; j < D.lits.length; j++) {
      if (used[j]) continue;
      const y = D.lits[j]!;
      const ypos = j === flip ? !y.pos : y.pos;
      if (ypos !== x.pos) continue;
      const mark = s.mLen;
      if (s.match(x.l, y.l)) {
        if (s.match(x.r, y.r)) {
          used[j] = 1;
          if (go(i + 1)) return true;
          used[j] = 0;
        }
        s.undoMatch(mark);
      }
      if (x.r !== TRUE && s.match(x.l, y.r)) {
        if (s.match(x.r, y.l)) {
          used[j] = 1;
          if (go(i + 1)) return true;
          used[j] = 0;
        }
        s.undoMatch(mark);
      }
    }
    return false;
  };
  return go(0);
}

/** An active clause that subsumes d, or null. */
export function forwardSubsumer(st: ProofState, d: SClause): SClause | null {
  const stamp = st.freshStamp();
  const s = st.sub;
  let found: SClause | null = null;
  for (const x of d.lits) {
    const idx = x.pos ? st.litOnePos : st.litOneNeg;
    for (let sw = 0; sw < (x.r === st.bank.TRUE ? 1 : 2) && !found; sw++) {
      idx.retrieve(litKey(st.bank, x, sw === 1), 'general', (e) => {
        if (found || e.c.stamp === stamp) return;
        e.c.stamp = stamp;
        const mark = s.mLen;
        if (subsumes(st, e.c, d, -1)) found = e.c;
        s.undoMatch(mark);
      });
    }
    if (found) return found;
  }
  return null;
}

/**
 * Subsumption resolution: when an active clause C subsumes d with d's literal i read negated, d without that
 * literal replaces d (a new step from d and C). The first such literal's resolvent, or d itself when none.
 */
export function subsumptionResolvent(st: ProofState, d: SClause): SClause {
  const s = st.sub;
  for (let i = 0; i < d.lits.length; i++) {
    const x = d.lits[i]!;
    const idx = x.pos ? st.litAllNeg : st.litAllPos;
    let hit: SClause | null = null;
    let hitSub: VarImages | null = null;
    const stamp = st.freshStamp();
    for (let sw = 0; sw < (x.r === st.bank.TRUE ? 1 : 2) && !hit; sw++) {
      idx.retrieve(litKey(st.bank, x, sw === 1), 'general', (e) => {
        if (hit || e.c.stamp === stamp) return;
        e.c.stamp = stamp;
        const mark = s.mLen;
        if (subsumes(st, e.c, d, i)) {
          hit = e.c;
          hitSub = matcherSubst(st, e.c);
        }
        s.undoMatch(mark);
      });
    }
    if (hit) {
      const h = hit as SClause;
      const lits = d.lits.filter((_, j) => j !== i);
      return newClause(st, lits, 'subsumption_resolution', [d, h], [identitySubst(st, d), hitSub!], d.goal || h.goal);
    }
  }
  return d;
}

/** The active clauses that g subsumes (still active: the caller retires them). */
export function backwardSubsumed(st: ProofState, g: SClause): SClause[] {
  const b = st.bank;
  const s = st.sub;
  const x = g.lits[heaviestLit(b, g)]!;
  const idx = x.pos ? st.litAllPos : st.litAllNeg;
  const victims: SClause[] = [];
  const stamp = st.freshStamp();
  for (let sw = 0; sw < (x.r === b.TRUE ? 1 : 2); sw++) {
    idx.retrieve(litKey(b, x, sw === 1), 'instance', (e) => {
      if (e.c === g || e.c.stamp === stamp) return;
      e.c.stamp = stamp;
      const mark = s.mLen;
      if (subsumes(st, g, e.c, -1)) victims.push(e.c);
      s.undoMatch(mark);
    });
  }
  return victims;
}
