/**
 * SInE-style axiom selection at the clause level (Hoder & Voronkov 2011): starting
 * from the symbols of the negated conjecture, repeatedly add the axiom clauses
 * triggered by a reached symbol, where a clause is triggered by its rarest symbols
 * (occurrence count within `tolerance` × the clause's rarest count). Dropping
 * axioms makes the run incomplete: the caller must not report saturation as a model.
 */
import type { Clause } from '../logic/clause.js';
import type { Term } from '../logic/term.js';
import type { InputClauseLike } from './saturate.js';

function symbolsOf(c: Clause): Set<string> {
  const out = new Set<string>();
  for (const l of c.literals) {
    if (l.pred !== '=') out.add(`p:${l.pred}`);
    const st: Term[] = [...l.args];
    while (st.length > 0) {
      const t = st.pop()!;
      if (t.kind === 'app') {
        out.add(`f:${t.fn}`);
        for (const a of t.args) st.push(a);
      }
    }
  }
  return out;
}

export function sineSelect(clauses: readonly InputClauseLike[], depth: number, tolerance = 1.2): InputClauseLike[] {
  const syms = clauses.map((c) => symbolsOf(c.clause));
  const occ = new Map<string, number>();
  for (const s of syms) for (const x of s) occ.set(x, (occ.get(x) ?? 0) + 1);
  const triggeredBy = new Map<string, number[]>();
  const selected = new Uint8Array(clauses.length);
  let frontier: string[] = [];
  const reached = new Set<string>();
  clauses.forEach((c, i) => {
    const s = syms[i]!;
    if (c.role === 'negated_conjecture') {
      selected[i] = 1;
      for (const x of s)
        if (!reached.has(x)) {
          reached.add(x);
          frontier.push(x);
        }
      return;
    }
    if (s.size === 0) {
      selected[i] = 1; // purely propositional-equality clauses (e.g. X = Y) are always kept
      return;
    }
    let min = Infinity;
    for (const x of s) min = Math.min(min, occ.get(x)!);
    for (const x of s)
      if (occ.get(x)! <= tolerance * min) {
        let a = triggeredBy.get(x);
        if (!a) triggeredBy.set(x, (a = []));
        a.push(i);
      }
  });
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const x of frontier)
      for (const i of triggeredBy.get(x) ?? []) {
        if (selected[i]) continue;
        selected[i] = 1;
        for (const y of syms[i]!)
          if (!reached.has(y)) {
            reached.add(y);
            next.push(y);
          }
      }
    frontier = next;
  }
  return clauses.filter((_, i) => selected[i] === 1);
}
