/**
 * Literal selection functions (see Selection in ./strategy.ts): which negative literal of a clause, if any,
 * is the only one inferences may use. Pure: they read the clause, the bank and the ordering.
 */
import type { TermBank } from '../bank.js';
import type { TermOrdering } from '../order.js';
import { GT } from '../order.js';
import type { SClause, SLit } from '../sclause.js';
import type { Selection } from './strategy.js';

/** The literal `sel` selects in c, or -1 for none (then the maximal literals are eligible). */
export function select(b: TermBank, ord: TermOrdering, sel: Selection, c: SClause): number {
  if (sel === 'none') return -1;
  if (sel === 'maxneg-nonunit' && c.lits.length < 2) return -1;
  if (sel === 'negonly') for (const x of c.lits) if (x.pos) return -1;
  if (sel === 'maxlcomplex') return selectMaxLComplex(b, ord, c);
  if (sel === 'uniqmax' && uniqueMaximal(ord, c)) return -1;
  if (sel === 'pdepth2') return selectPDepth2(b, c);
  if (sel === 'complex' || sel === 'complex-rrhorn' || sel === 'complex-uniqmax') {
    if (sel === 'complex-rrhorn' && rangeRestrictedHorn(b, c)) return -1;
    if (sel === 'complex-uniqmax' && uniqueMaxHorn(ord, c)) return -1;
    let best = -1;
    let bw = -Infinity;
    for (let i = 0; i < c.lits.length; i++) {
      const x = c.lits[i]!;
      if (x.pos) continue;
      let w: number;
      if (x.r !== b.TRUE && b.head[x.l]! < 0 && b.head[x.r]! < 0)
        w = 3e6; // x ≠ y
      else if (b.nvo[x.l] === 0 && b.nvo[x.r] === 0)
        w = 2e6 + b.size[x.l]! + b.size[x.r]!; // ground
      else w = x.r === b.TRUE ? b.size[x.l]! : Math.abs(b.size[x.l]! - b.size[x.r]!);
      if (w > bw) {
        bw = w;
        best = i;
      }
    }
    return best;
  }
  let best = -1;
  let bw = -1;
  for (let i = 0; i < c.lits.length; i++) {
    const x = c.lits[i]!;
    if (x.pos) continue;
    const w = b.size[x.l]! + b.size[x.r]!;
    if (w > bw) {
      bw = w;
      best = i;
    }
  }
  return best;
}

/** See Selection `pdepth2`. */
function selectPDepth2(b: TermBank, c: SClause): number {
  for (const x of c.lits) if (x.pos && b.depth[x.l]! <= 2 && b.depth[x.r]! <= 2) return -1;
  let best = -1;
  let bw = -1;
  for (let i = 0; i < c.lits.length; i++) {
    const x = c.lits[i]!;
    if (x.pos) continue;
    const lw = b.size[x.l]!;
    const rw = b.size[x.r]!;
    // Ground literals first (E: a ground negative literal if there is one), then by E's diff weight.
    const w = (b.nvo[x.l] === 0 && b.nvo[x.r] === 0 ? 1e9 : 0) + 100 * Math.abs(lw - rw) + lw + rw;
    if (w > bw) {
      bw = w;
      best = i;
    }
  }
  return best;
}

/** See Selection `maxlcomplex`: the least negative literal by (class, −side difference, positive uses of its predicate). */
function selectMaxLComplex(b: TermBank, ord: TermOrdering, c: SClause): number {
  const lits = c.lits;
  const n = lits.length;
  let best = -1;
  let bClass = 0;
  let bDiff = 0;
  let bFreq = 0;
  for (let i = 0; i < n; i++) {
    const x = lits[i]!;
    if (x.pos) continue;
    const max = maximalIn(ord, c, i);
    const pred = x.r === b.TRUE;
    const cls = max ? 0 : !pred && b.head[x.l]! < 0 && b.head[x.r]! < 0 ? 1 : b.nvo[x.l] === 0 && b.nvo[x.r] === 0 ? 2 : 3;
    const lw = b.size[x.l]!;
    const rw = b.size[x.r]!;
    const diff = 100 * Math.abs(lw - rw) + lw + rw;
    let freq = Infinity;
    if (pred) {
      freq = 0;
      const h = b.head[x.l]!;
      for (const y of lits) if (y.pos && y.r === b.TRUE && b.head[y.l] === h) freq++;
    }
    if (best < 0 || cls < bClass || (cls === bClass && (diff > bDiff || (diff === bDiff && freq < bFreq)))) {
      best = i;
      bClass = cls;
      bDiff = diff;
      bFreq = freq;
    }
  }
  return best;
}

/** No other literal of c is greater than literal i. */
export function maximalIn(ord: TermOrdering, c: SClause, i: number): boolean {
  const x = c.lits[i]!;
  for (let j = 0; j < c.lits.length; j++) {
    if (j === i) continue;
    const y = c.lits[j]!;
    if (ord.compareLits(y.pos, y.l, y.r, x.pos, x.l, x.r) === GT) return false;
  }
  return true;
}

/** Exactly one literal of c is maximal (no other literal is greater than it). */
function uniqueMaximal(ord: TermOrdering, c: SClause): boolean {
  let count = 0;
  for (let i = 0; i < c.lits.length; i++) if (maximalIn(ord, c, i) && ++count > 1) return false;
  return count === 1;
}

/** Horn, with the positive literal strictly greater than every negative literal. */
function uniqueMaxHorn(ord: TermOrdering, c: SClause): boolean {
  let p = -1;
  for (let i = 0; i < c.lits.length; i++)
    if (c.lits[i]!.pos) {
      if (p >= 0) return false;
      p = i;
    }
  if (p < 0) return false;
  const x = c.lits[p]!;
  for (let i = 0; i < c.lits.length; i++) {
    if (i === p) continue;
    const y = c.lits[i]!;
    if (ord.compareLits(x.pos, x.l, x.r, y.pos, y.l, y.r) !== GT) return false;
  }
  return true;
}

/** Horn, with every variable occurring in some negative literal. */
function rangeRestrictedHorn(b: TermBank, c: SClause): boolean {
  let posLit: SLit | null = null;
  for (const x of c.lits)
    if (x.pos) {
      if (posLit) return false;
      posLit = x;
    }
  if (!posLit) return false;
  if (b.nvo[posLit.l] === 0 && b.nvo[posLit.r] === 0) return true;
  const neg = new Set<number>();
  const collect = (t: number, into: Set<number> | null): boolean => {
    const st = [t];
    while (st.length > 0) {
      const u = st.pop()!;
      if (b.nvo[u] === 0) continue;
      const h = b.head[u]!;
      if (h < 0) {
        if (into) into.add(u);
        else if (!neg.has(u)) return false;
      } else for (let k = 0; k < b.symArity[h]!; k++) st.push(b.arg(u, k));
    }
    return true;
  };
  for (const x of c.lits)
    if (!x.pos) {
      collect(x.l, neg);
      collect(x.r, neg);
    }
  return collect(posLit.l, null) && collect(posLit.r, null);
}
