/**
 * SInE-style axiom selection at the clause level (Hoder & Voronkov 2011): starting
 * from the symbols of the negated conjecture, repeatedly add the axiom clauses
 * triggered by a reached symbol, where a clause is triggered by its rarest symbols
 * (occurrence count within `tolerance` × the clause's rarest count). Dropping
 * axioms makes the run incomplete: the caller must not report saturation as a model.
 */
import type { Clause } from '../../logic/clause.js';
import type { Term } from '../../logic/term.js';
import type { Clausified, InputClause } from '../../logic/cnf.js';

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

export function sineSelect(clauses: readonly InputClause[], depth: number, tolerance = 1.2): InputClause[] {
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

/** SInE only pays off on large axiom sets. */
const SINE_MIN_CLAUSES = 60;

/**
 * The input clauses SInE at this depth keeps, or undefined when it would keep them all (or does not apply:
 * no depth, no conjecture, a small input). A strategy whose SInE keeps everything is its base strategy
 * again, so the runner skips it.
 */
export function sineSubset(input: Pick<Clausified, 'clauses' | 'hasConjecture'>, depth: number | undefined): InputClause[] | undefined {
  if (!depth || !input.hasConjecture || input.clauses.length <= SINE_MIN_CLAUSES) return undefined;
  const kept = sineSelect(input.clauses, depth);
  return kept.length < input.clauses.length ? kept : undefined;
}
