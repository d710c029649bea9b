/**
 * Demodulation: rewriting with the active positive unit equations (and unit atoms, as `p(s) = $$true`) to
 * normal form, innermost first. An equation rewrites an instance σ(l) to σ(r) only when σ(l) ≻ σ(r), and at the
 * top of a positive literal only to something smaller than the literal's other side, so the rewritten clause
 * is smaller and the original is redundant. Each rewriting function appends the steps it took to the caller's
 * `rewrites` list; the result is one demodulation step whose parents are those unit equations.
 */
import { GT } from '../order.js';
import { mkLit } from '../sclause.js';
import type { SClause, SLit } from '../sclause.js';
import { demodulationStep, matcherSubst } from '../derive.js';
import type { Rewrite } from '../derive.js';
import type { ProofState } from '../state.js';

/** Terms deeper than this are left as they are: simplification is optional, and skipping it is safe. */
export const MAX_REWRITE_DEPTH = 400;

/** c rewritten to normal form w.r.t. the active unit equations; c itself when nothing applied; null for a tautology. */
export function demodulate(st: ProofState, c: SClause): SClause | null {
  if (st.demod.size() === 0) return c;
  const b = st.bank;
  const rewrites: Rewrite[] = [];
  let changed = false;
  const lits: SLit[] = [];
  for (const x of c.lits) {
    let l = x.l;
    let r = x.r;
    if (x.pos) {
      // Top positions of a positive literal: only rewrite with an instance smaller than the literal.
      l = normalize(st, l, r, rewrites);
      r = r === b.TRUE ? r : normalize(st, r, l, rewrites);
    } else {
      l = normalize(st, l, -1, rewrites);
      r = r === b.TRUE ? r : normalize(st, r, -1, rewrites);
    }
    if (l !== x.l || r !== x.r) {
      changed = true;
      lits.push(mkLit(st.ord, x.pos, l, r, b.TRUE));
    } else lits.push(x);
  }
  if (!changed) return c;
  st.stats.rewrites += rewrites.length;
  return demodulationStep(st, c, lits, rewrites);
}

/** The normal form of t, appending each step to `rewrites`; `guard` ≥ 0: at the top, only rewrite to something smaller than `guard`. */
export function normalize(st: ProofState, t: number, guard: number, rewrites: Rewrite[]): number {
  const b = st.bank;
  if (b.depth[t]! > MAX_REWRITE_DEPTH) return t;
  for (;;) {
    const h = b.head[t]!;
    if (h < 0) return t;
    const n = b.symArity[h]!;
    if (n > 0) {
      let args: number[] | null = null;
      for (let k = 0; k < n; k++) {
        const a = b.arg(t, k);
        const a2 = normalize(st, a, -1, rewrites);
        if (a2 !== a && !args) {
          args = [];
          for (let j = 0; j < k; j++) args.push(b.arg(t, j));
        }
        if (args) args.push(a2);
      }
      if (args) t = b.app(h, args);
    }
    const r = rewriteTop(st, t, guard, rewrites);
    if (r < 0) return t;
    t = r;
    if (guard >= 0) guard = -1; // after one guarded step the literal is already smaller
  }
}

/** One rewrite step at the top of t by an active unit equation, appended to `rewrites`; -1 when none applies. */
export function rewriteTop(st: ProofState, t: number, guard: number, rewrites: Rewrite[]): number {
  const s = st.sub;
  const ord = st.ord;
  // rewriteTop never runs inside itself, so the state's one candidate buffer is free here.
  const cands = st.demodCandidates;
  // left empty by every return below; assigning a length is a runtime call even when it does not change
  st.demod.collect(t, 'general', cands);
  for (let k = 0; k < cands.length; k++) {
    const e = cands[k]!;
    const mark = s.mLen;
    if (!s.match(e.term, t)) continue;
    const c = e.c;
    const x = c.lits[0]!;
    const rs = s.instMatch(e.side === 0 ? x.r : x.l);
    let ok = x.oriented && e.side === 0 ? true : ord.compare(t, rs) === GT;
    if (ok && guard >= 0 && ord.compare(guard, rs) !== GT) ok = false;
    if (ok) rewrites.push({ c, sub: matcherSubst(st, c) });
    s.undoMatch(mark);
    if (ok) {
      cands.length = 0;
      return rs;
    }
  }
  cands.length = 0;
  return -1;
}

/**
 * Backward demodulation's candidates: the active clauses (other than g) with a subterm that is an instance of
 * a rewriting side of the positive unit g, each once. Empty when g is not a positive unit.
 */
export function backwardDemodulationCandidates(st: ProofState, g: SClause): SClause[] {
  const b = st.bank;
  const s = st.sub;
  const cands: SClause[] = [];
  if (g.lits.length !== 1 || !g.lits[0]!.pos) return cands;
  const y = g.lits[0]!;
  const stamp = st.freshStamp();
  const sides = y.r === b.TRUE || y.oriented ? 1 : 2;
  for (let sd = 0; sd < sides; sd++) {
    const lhs = sd === 0 ? y.l : y.r;
    st.allSub.retrieve(lhs, 'instance', (e) => {
      if (e.c === g || e.c.stamp === stamp) return;
      const mark = s.mLen;
      if (s.match(lhs, e.term)) {
        e.c.stamp = stamp;
        cands.push(e.c);
      }
      s.undoMatch(mark);
    });
  }
  return cands;
}
