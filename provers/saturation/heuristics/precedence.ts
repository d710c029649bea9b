/** The symbol precedence of a run, fixed once from the symbol frequencies of its input clauses. */
import type { SClause } from '../sclause.js';
import type { ProofState } from '../state.js';

export function setPrecedence(st: ProofState, cs: readonly SClause[]): void {
  const b = st.bank;
  const freq = new Map<number, number>();
  const count = (u: number): boolean => {
    const h = b.head[u]!;
    if (h >= 0) freq.set(h, (freq.get(h) ?? 0) + 1);
    return false;
  };
  for (const c of cs)
    for (const x of c.lits) {
      b.someSubterm(x.l, count);
      b.someSubterm(x.r, count);
    }
  st.ord.setPrecedence(freq, {
    predWeights: st.strategy.predWeights === true,
    byArity: st.strategy.precedence !== 'invfreq',
    funWeights: st.strategy.funWeights ?? 'one',
  });
}
