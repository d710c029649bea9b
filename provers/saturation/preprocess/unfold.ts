/**
 * Definition unfolding (E's --definitional-unfolding idea). Equational definitions among the input: a
 * positive unit `f(X1,…,Xn) = t` with distinct variables, f not in t, vars(t) ⊆ {X̄}, and t at most
 * UNFOLD_LIMIT symbols bigger. Each is applied to every other clause (recorded as demodulation steps, so the
 * checker sees the definition as a parent) and then dropped: a model of the rest extends to f by the
 * definition, so saturation answers stay correct. One at a time, so a later definition sees the earlier
 * ones unfolded (and a cycle stops being a definition).
 */
import { mkLit } from '../sclause.js';
import type { SClause } from '../sclause.js';
import { demodulationStep } from '../derive.js';
import type { Rewrite } from '../derive.js';
import type { ProofState } from '../state.js';
import { MAX_REWRITE_DEPTH } from '../simplify/demodulation.js';

/** Unfold a definition only when its body is at most this many symbols bigger than the defined term (E: 20). */
const UNFOLD_LIMIT = 20;
/** Definition unfolding scans the whole input per definition: skip it on huge inputs. */
const UNFOLD_MAX_CLAUSES = 20000;

/** The clauses with every definition unfolded and dropped (cs itself when there is none). */
export function unfoldDefinitions(st: ProofState, cs: SClause[]): SClause[] {
  const b = st.bank;
  if (cs.length > UNFOLD_MAX_CLAUSES) return cs;
  const done = new Set<number>();
  for (;;) {
    let def: { c: SClause; f: number; lhs: number; rhs: number } | null = null;
    for (const c of cs) {
      // Only axioms define: a negated-conjecture unit `sk = t` names a witness the search should keep.
      if (c.goal || c.lits.length !== 1 || !c.lits[0]!.pos || c.lits[0]!.r === b.TRUE) continue;
      const x = c.lits[0]!;
      for (let sd = 0; sd < 2; sd++) {
        const lhs = sd === 0 ? x.l : x.r;
        const rhs = sd === 0 ? x.r : x.l;
        const f = b.head[lhs]!;
        // Functions only: unfolding a constant c = t just trades one name for a bigger term.
        if (f < 0 || b.symArity[f] === 0 || done.has(f) || !isDefinition(st, lhs, rhs)) continue;
        if (b.size[rhs]! - b.size[lhs]! > UNFOLD_LIMIT) continue;
        def = { c, f, lhs, rhs };
        break;
      }
      if (def) break;
    }
    if (!def) return cs;
    done.add(def.f);
    const out: SClause[] = [];
    let ok = true;
    for (const c of cs) {
      if (c === def.c) continue;
      const u = unfoldIn(st, c, def.c, def.f, def.lhs, def.rhs);
      if (u === undefined) {
        ok = false; // a term too deep to rewrite safely: keep everything as it was
        break;
      }
      if (u !== null) out.push(u);
    }
    if (ok) cs = out;
  }
}

/** lhs = f(distinct variables), f does not occur in rhs, and rhs has no other variables. */
function isDefinition(st: ProofState, lhs: number, rhs: number): boolean {
  const b = st.bank;
  const f = b.head[lhs]!;
  const n = b.symArity[f]!;
  const vars = new Set<number>();
  for (let k = 0; k < n; k++) {
    const a = b.arg(lhs, k);
    if (b.head[a]! >= 0 || vars.has(a)) return false;
    vars.add(a);
  }
  return !b.someSubterm(rhs, (t) => (b.head[t]! < 0 ? !vars.has(t) : b.head[t] === f));
}

/** c with every f-term replaced by the definition's body; c itself if none; null for a tautology; undefined when too deep. */
function unfoldIn(st: ProofState, c: SClause, d: SClause, f: number, lhs: number, rhs: number): SClause | null | undefined {
  const b = st.bank;
  const s = st.sub;
  const rewrites: Rewrite[] = [];
  let tooDeep = false;
  const go = (t: number): number => {
    if (b.depth[t]! > MAX_REWRITE_DEPTH) {
      if (b.someSubterm(t, (u) => b.head[u] === f)) tooDeep = true;
      return t;
    }
    const h = b.head[t]!;
    if (h < 0) return t;
    const n = b.symArity[h]!;
    let args: number[] | null = null;
    for (let k = 0; k < n; k++) {
      const a = b.arg(t, k);
      const a2 = go(a);
      if (a2 !== a && !args) {
        args = [];
        for (let j = 0; j < k; j++) args.push(b.arg(t, j));
      }
      if (args) args.push(a2);
    }
    if (args) t = b.app(h, args);
    if (h !== f) return t;
    const mark = s.mLen;
    s.match(lhs, t);
    const r = s.instMatch(rhs);
    const sub = new Array<number>(d.nv).fill(0);
    for (let v = 0; v < d.nv; v++) {
      const m = s.mB[v]!;
      sub[v] = m < 0 ? b.mkVar(v) : m;
    }
    s.undoMatch(mark);
    rewrites.push({ c: d, sub });
    return r;
  };
  const lits = c.lits.map((x) => {
    const l = go(x.l);
    const r = x.r === b.TRUE ? x.r : go(x.r);
    return l === x.l && r === x.r ? x : mkLit(st.ord, x.pos, l, r, b.TRUE);
  });
  if (tooDeep) return undefined;
  if (rewrites.length === 0) return c;
  return demodulationStep(st, c, lits, rewrites);
}
