/**
 * Simplification orderings over bank terms: the Knuth–Bendix ordering (all symbol and
 * variable weights 1, so a term's weight is its cached size; the default) and the
 * lexicographic path ordering (optional), with the multiset extension to literals.
 *
 * The comparison is a loop, not a recursion: KBO only descends into the first
 * differing argument pair, so we walk down while accumulating the variable
 * conditions of every level (a level says GT only if its variable condition
 * holds), which keeps 10,000-deep terms off the call stack.
 */
import type { TermBank } from './bank.js';
import { FN, PRED } from './bank.js';

/** How `setPrecedence` derives the precedence and (for KBO) the symbol weights from symbol frequencies. */
export interface PrecedenceOptions {
  /** Order by arity before frequency (default true). */
  readonly byArity?: boolean;
  /** KBO: rarer predicates weigh more (goal-directed unfolding of definitions). */
  readonly predWeights?: boolean;
  /**
   * KBO function-symbol weights: all 1 (default), or E's invfreqrank (the most frequent symbols weigh 1, each
   * rarer frequency one more), under which a rare defined symbol can outweigh its definition's body, so ground
   * instances of `f(x̄) = body` may be rewritten towards the body instead of folded (not when the body repeats
   * rare arguments, as in a symmetric difference of two constants).
   */
  readonly funWeights?: 'one' | 'invfreqrank';
}

/**
 * Literal comparison (after E's --literal-comparison). `normal`: the multiset extension of the term ordering.
 * `tfo-eqmin`: as if predicate symbols weighed transfinitely more than function symbols (a transfinite KBO):
 * an equation is smaller than any predicate literal, and two predicate literals with different predicates
 * compare by the predicates' precedence alone, so a clause is ordered by its predicates first (a definition's
 * rare head predicate is then maximal over its body, and resolving on it unfolds the definition). Still a
 * simplification ordering on literals, so still complete. `tfo-eqmax`: the same but equations above
 * predicate literals; no ordering on terms induces that, so the calculus is incomplete (E says the same).
 */
export type LitCmp = 'normal' | 'tfo-eqmin' | 'tfo-eqmax';

export const EQ = 0;
export const GT = 1;
export const LT = 2;
export const INC = 3;
export type Cmp = 0 | 1 | 2 | 3;

export function flip(c: Cmp): Cmp {
  return c === GT ? LT : c === LT ? GT : c;
}

/** What the prover needs of an ordering: precedence, term comparison, literal comparison. */
export abstract class TermOrdering {
  /** How literals compare before the multiset extension is consulted (see LitCmp). */
  litCmp: LitCmp = 'normal';

  constructor(protected readonly b: TermBank) {}

  abstract compare(s: number, t: number): Cmp;

  /**
   * Set precedence: boolean symbols lowest ($$true lowest of all), then (byArity) by arity, then rarer symbols
   * higher. The weight options only mean something to a weight-based ordering (KBO).
   */
  setPrecedence(freq: ReadonlyMap<number, number>, opts: PrecedenceOptions = {}): void {
    const byArity = opts.byArity ?? true;
    const b = this.b;
    const syms = b.symName.map((_, i) => i);
    syms.sort((x, y) => {
      if (x === y) return 0;
      const bx = b.symKind[x] === 1 ? 0 : 1;
      const by = b.symKind[y] === 1 ? 0 : 1;
      if (bx !== by) return bx - by;
      if (x === 0) return -1; // $$true
      if (y === 0) return 1;
      if (byArity && b.symArity[x] !== b.symArity[y]) return b.symArity[x]! - b.symArity[y]!;
      const fx = freq.get(x) ?? 0;
      const fy = freq.get(y) ?? 0;
      if (fx !== fy) return fy - fx;
      return x - y;
    });
    syms.forEach((s, i) => (b.prec[s] = i));
  }

  /** s ≻ t */
  greater(s: number, t: number): boolean {
    return this.compare(s, t) === GT;
  }

  /**
   * Compare two literals by the multiset extension: a positive literal s=t is {s,t},
   * a negative one {s,s,t,t}.
   */
  compareLits(pa: boolean, a1: number, a2: number, pb: boolean, b1: number, b2: number): Cmp {
    if (this.litCmp !== 'normal') {
      const c = this.tfo(a1, a2, b1, b2);
      if (c !== EQ) return c;
    }
    const A = pa ? [a1, a2] : [a1, a1, a2, a2];
    const B = pb ? [b1, b2] : [b1, b1, b2, b2];
    return this.multiset(A, B);
  }

  /**
   * The transfinite part of a TFO literal comparison: GT/LT when the kinds of the two literals or their
   * predicate symbols decide, EQ when the multiset extension must (same predicate, or two equations).
   */
  private tfo(a1: number, a2: number, b1: number, b2: number): Cmp {
    const T = this.b.TRUE;
    const aEq = a1 !== T && a2 !== T;
    const bEq = b1 !== T && b2 !== T;
    if (aEq !== bEq) return aEq === (this.litCmp === 'tfo-eqmax') ? GT : LT;
    if (aEq) return EQ;
    const fa = this.b.head[a2 === T ? a1 : a2]!;
    const fb = this.b.head[b2 === T ? b1 : b2]!;
    if (fa === fb) return EQ;
    return this.b.prec[fa]! > this.b.prec[fb]! ? GT : LT;
  }

  multiset(A: number[], B: number[]): Cmp {
    // remove common elements
    const a = A.slice();
    const bb = B.slice();
    for (let i = a.length - 1; i >= 0; i--) {
      const j = bb.indexOf(a[i]!);
      if (j >= 0) {
        bb.splice(j, 1);
        a.splice(i, 1);
      }
    }
    if (a.length === 0 && bb.length === 0) return EQ;
    const dominates = (X: number[], Y: number[]): boolean => {
      for (const y of Y) {
        let ok = false;
        for (const x of X)
          if (this.compare(x, y) === GT) {
            ok = true;
            break;
          }
        if (!ok) return false;
      }
      return true;
    };
    if (a.length > 0 && dominates(a, bb)) return GT;
    if (bb.length > 0 && dominates(bb, a)) return LT;
    return INC;
  }
}

export class Kbo extends TermOrdering {
  /** Extra weight of predicate symbols (0 for function symbols). Predicate atoms occur only at the top of literals, so this only orders literals. */
  private predW: Int32Array = new Int32Array(0);
  private cnt: Int32Array = new Int32Array(256);
  private touched: number[] = [];
  private stack: number[] = [];

  /** Function-symbol weights (null: all 1, so a term's weight is its cached size). */
  private fw: Int32Array | null = null;
  /** Weighted term sizes under fw, by term id (0 = not computed yet). */
  private wMemo: Int32Array = new Int32Array(0);
  private wStack: number[] = [];

  override setPrecedence(freq: ReadonlyMap<number, number>, opts: PrecedenceOptions = {}): void {
    super.setPrecedence(freq, opts);
    const b = this.b;
    this.predW = new Int32Array(b.symName.length + 1);
    if (opts.predWeights) {
      // Rarer predicates weigh more, so a defined predicate dominates the literals of its definition (goal-directed unfolding).
      const preds = b.symName.map((_, i) => i).filter((i) => b.symKind[i] === PRED && i !== 0 && i !== b.EQ_SYM);
      preds.sort((x, y) => (freq.get(y) ?? 0) - (freq.get(x) ?? 0) || x - y);
      preds.forEach((p, rank) => (this.predW[p] = 16 * rank));
    }
    this.fw = null;
    this.wMemo = new Int32Array(0);
    if (opts.funWeights === 'invfreqrank') {
      const fw = new Int32Array(b.symName.length + 1).fill(1);
      const fns = b.symName.map((_, i) => i).filter((i) => b.symKind[i] === FN);
      fns.sort((x, y) => (freq.get(y) ?? 0) - (freq.get(x) ?? 0) || x - y);
      let w = 0;
      let last = -1;
      for (const f of fns) {
        const n = freq.get(f) ?? 0;
        if (n !== last) {
          w++;
          last = n;
        }
        fw[f] = w;
      }
      this.fw = fw;
    }
  }

  /** KBO weight of a term: symbol weights plus 1 per variable occurrence (iterative, memoized by term id). */
  weight(t: number): number {
    const b = this.b;
    const fw = this.fw;
    if (fw === null) return b.size[t]!;
    if (t < this.wMemo.length && this.wMemo[t]! > 0) return this.wMemo[t]!;
    const st = this.wStack;
    st.length = 0;
    st.push(t);
    while (st.length > 0) {
      const x = st[st.length - 1]!;
      if (x >= this.wMemo.length) {
        const m = new Int32Array(Math.max(x + 1, b.size.length, this.wMemo.length * 2));
        m.set(this.wMemo);
        this.wMemo = m;
      }
      if (this.wMemo[x]! > 0) {
        st.pop();
        continue;
      }
      const h = b.head[x]!;
      let sum = h < 0 ? 1 : h < fw.length ? fw[h]! : 1;
      let ready = true;
      for (let k = 0; h >= 0 && k < b.symArity[h]!; k++) {
        const a = b.arg(x, k);
        const wa = a < this.wMemo.length ? this.wMemo[a]! : 0;
        if (wa === 0) {
          st.push(a);
          ready = false;
        } else sum += wa;
      }
      if (!ready) continue;
      this.wMemo[x] = sum > 0x3fffffff ? 0x3fffffff : sum;
      st.pop();
    }
    return this.wMemo[t]!;
  }

  /** Add (sign=1) or subtract (sign=-1) the variable occurrences of t into cnt. */
  private countVars(t: number, sign: number): void {
    const b = this.b;
    if (b.nvo[t] === 0) return;
    const st = this.stack;
    st.length = 0;
    st.push(t);
    while (st.length > 0) {
      const x = st.pop()!;
      if (b.nvo[x] === 0) continue;
      const h = b.head[x]!;
      if (h < 0) {
        const v = -h - 1;
        if (v >= this.cnt.length) {
          const c = new Int32Array(Math.max(v + 1, this.cnt.length * 2));
          c.set(this.cnt);
          this.cnt = c;
        }
        if (this.cnt[v] === 0) this.touched.push(v);
        this.cnt[v] += sign;
        continue;
      }
      const s = b.argStart[x]!;
      for (let k = b.symArity[h]! - 1; k >= 0; k--) st.push(b.args[s + k]!);
    }
  }

  /** Returns bit 1 when vars(s) ⊇ vars(t) as multisets, bit 2 when vars(t) ⊇ vars(s). */
  private varCond(s: number, t: number): number {
    const b = this.b;
    if (b.nvo[s] === 0 && b.nvo[t] === 0) return 3;
    this.countVars(s, 1);
    this.countVars(t, -1);
    let sGe = true;
    let tGe = true;
    for (const v of this.touched) {
      const c = this.cnt[v]!;
      if (c < 0) sGe = false;
      else if (c > 0) tGe = false;
      this.cnt[v] = 0;
    }
    this.touched.length = 0;
    return (sGe ? 1 : 0) | (tGe ? 2 : 0);
  }

  compare(s: number, t: number): Cmp {
    const b = this.b;
    let allowGT = true;
    let allowLT = true;
    for (;;) {
      if (s === t) return EQ;
      const hs = b.head[s]!;
      const ht = b.head[t]!;
      let r: Cmp;
      if (hs < 0) {
        r = b.contains(t, s) ? LT : INC;
        return r === LT && allowLT ? LT : INC;
      }
      if (ht < 0) {
        r = b.contains(s, t) ? GT : INC;
        return r === GT && allowGT ? GT : INC;
      }
      const vc = this.varCond(s, t);
      if ((vc & 1) === 0) allowGT = false;
      if ((vc & 2) === 0) allowLT = false;
      if (!allowGT && !allowLT) return INC;
      const ws = this.weight(s) + (hs < this.predW.length ? this.predW[hs]! : 0);
      const wt = this.weight(t) + (ht < this.predW.length ? this.predW[ht]! : 0);
      if (ws !== wt) {
        if (ws > wt) return allowGT ? GT : INC;
        return allowLT ? LT : INC;
      }
      if (hs !== ht) {
        if (b.prec[hs]! > b.prec[ht]!) return allowGT ? GT : INC;
        return allowLT ? LT : INC;
      }
      // same head and weight: lexicographic on the first differing argument
      const n = b.symArity[hs]!;
      const as = b.argStart[s]!;
      const at = b.argStart[t]!;
      let k = 0;
      while (k < n && b.args[as + k] === b.args[at + k]) k++;
      if (k === n) return EQ;
      s = b.args[as + k]!;
      t = b.args[at + k]!;
    }
  }
}

/** Terms deeper than this are not compared by the LPO (the comparison recurses). */
const LPO_MAX_DEPTH = 400;

/**
 * Lexicographic path ordering (optional; `ordering: 'lpo'` in a strategy). s ≻ t iff some
 * argument of s is ⪰ t, or s's head is greater in the precedence and s ≻ every argument of t,
 * or the heads are equal, the arguments are lexicographically greater and s ≻ every argument of t.
 * The comparison recurses, memoized per top-level call (so it stays O(|s|·|t|)). Terms deeper than
 * LPO_MAX_DEPTH are reported incomparable: that only weakens the ordering restrictions (more
 * inferences, fewer simplifications), which is sound and keeps completeness.
 */
export class Lpo extends TermOrdering {
  private memo = new Map<number, Map<number, boolean>>();

  compare(s: number, t: number): Cmp {
    if (s === t) return EQ;
    const b = this.b;
    if (b.head[t]! < 0) return b.contains(s, t) ? GT : INC;
    if (b.head[s]! < 0) return b.contains(t, s) ? LT : INC;
    if (b.depth[s]! > LPO_MAX_DEPTH || b.depth[t]! > LPO_MAX_DEPTH) return INC;
    this.memo.clear();
    if (this.gt(s, t)) return GT;
    if (this.gt(t, s)) return LT;
    return INC;
  }

  /** s ≻ t (s ≠ t). */
  private gt(s: number, t: number): boolean {
    const b = this.b;
    const hs = b.head[s]!;
    if (hs < 0) return false;
    const ht = b.head[t]!;
    if (ht < 0) return b.contains(s, t);
    let row = this.memo.get(s);
    const known = row?.get(t);
    if (known !== undefined) return known;
    const r = this.gtUncached(s, t, hs, ht);
    if (!row) this.memo.set(s, (row = new Map()));
    row.set(t, r);
    return r;
  }

  private gtUncached(s: number, t: number, hs: number, ht: number): boolean {
    const b = this.b;
    const ns = b.symArity[hs]!;
    const as = b.argStart[s]!;
    for (let i = 0; i < ns; i++) {
      const si = b.args[as + i]!;
      if (si === t || this.gt(si, t)) return true;
    }
    const nt = b.symArity[ht]!;
    const at = b.argStart[t]!;
    let from = 0;
    if (hs === ht) {
      let k = 0;
      while (k < ns && b.args[as + k] === b.args[at + k]) k++;
      if (k === ns || !this.gt(b.args[as + k]!, b.args[at + k]!)) return false;
      from = k + 1; // earlier arguments of t are arguments of s, below s already
    } else if (b.prec[hs]! < b.prec[ht]!) return false;
    for (let j = from; j < nt; j++) if (!this.gt(s, b.args[at + j]!)) return false;
    return true;
  }
}
