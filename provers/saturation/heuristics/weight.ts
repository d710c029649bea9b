/**
 * Clause weights for the passive queues (after E's che_ weight functions): plain symbol count, or
 * conjecture-relative symbol weights (Strategy.relWeight, relWeights, relLevels), memoized per bank term.
 */
import type { TermBank } from '../bank.js';
import type { SClause } from '../sclause.js';
import type { Strategy } from './strategy.js';

/** Relevance levels beyond this one weigh as this one (Strategy.relLevels). */
const LEVEL_CAP = 3;

export class Weigher {
  private readonly rw: readonly [number, number, number];

  constructor(
    private readonly bank: TermBank,
    private readonly strategy: Strategy,
  ) {
    this.rw = strategy.relWeights ?? [2, 1, 1];
  }

  /** The `rel` queue key of c: conjecture-relative (or plain) weight, scaled for positive literals, long clauses and goal clauses. */
  prio(c: SClause): number {
    let w: number;
    const pm = this.strategy.posMult ?? 1;
    const rel = this.strategy.relWeight === true && this.goalSyms.size > 0;
    if (!rel && pm === 1) w = c.weight;
    else {
      // per literal: conjecture-relative or plain size, positive literals scaled by posMult
      const b = this.bank;
      w = 0;
      for (const x of c.lits) {
        const r = x.r === b.TRUE ? 0 : rel ? this.relWeight(x.r) : b.size[x.r]!;
        const lw = (rel ? this.relWeight(x.l) : b.size[x.l]!) + r;
        w += x.pos ? pm * lw : lw;
      }
    }
    if (this.strategy.litPenalty && c.lits.length > 1) w += this.strategy.litPenalty * (c.lits.length - 1);
    if (c.goal) w *= this.strategy.goalFactor;
    return w;
  }

  /** Function and predicate symbols of the negated conjecture. */
  readonly goalSyms = new Set<number>();
  /** Symbol → relevance-level weight (Strategy.relLevels), or null. */
  private symLevelW: Map<number, number> | null = null;

  /** Adds the function and predicate symbols of c to `out` (and returns it). */
  addSymbols(c: SClause, out: Set<number>): Set<number> {
    const b = this.bank;
    for (const x of c.lits)
      for (const t of [x.l, x.r])
        b.someSubterm(t, (u) => {
          if (b.head[u]! >= 0 && u !== b.TRUE) out.add(b.head[u]!);
          return false;
        });
    return out;
  }

  /** Breadth-first relevance levels from the conjecture's symbols over the input clauses (Strategy.relLevels). */
  computeLevels(inputs: readonly SClause[]): void {
    const [other, , conj] = this.rw;
    const symsOf = inputs.map((c) => [...this.addSymbols(c, new Set<number>())]);
    const level = new Map<number, number>();
    for (const h of this.goalSyms) level.set(h, 0);
    let frontier = [...this.goalSyms];
    for (let k = 1; k <= LEVEL_CAP && frontier.length > 0; k++) {
      const inFrontier = new Set(frontier);
      const next: number[] = [];
      for (const syms of symsOf)
        if (syms.some((h) => inFrontier.has(h)))
          for (const h of syms)
            if (!level.has(h)) {
              level.set(h, k);
              next.push(h);
            }
      frontier = next;
    }
    this.symLevelW = new Map([...level].map(([h, k]) => [h, conj + k * (other - conj)]));
  }
  private rwMemo: Int32Array = new Int32Array(1024).fill(-1);

  /** Conjecture-relative weight (Strategy.relWeights; memoized per term; recursion bounded by depth). */
  relWeight(t: number): number {
    const b = this.bank;
    if (t < this.rwMemo.length && this.rwMemo[t]! >= 0) return this.rwMemo[t]!;
    const [other, vw, conj] = this.rw;
    if (b.depth[t]! > 200) return other * b.size[t]!;
    const h = b.head[t]!;
    let w =
      h < 0 ? vw : this.symLevelW ? (this.symLevelW.get(h) ?? conj + LEVEL_CAP * (other - conj)) : this.goalSyms.has(h) ? conj : other;
    for (let k = 0; h >= 0 && k < b.symArity[h]!; k++) w += this.relWeight(b.arg(t, k));
    if (t >= this.rwMemo.length) {
      const m = new Int32Array(Math.max(t + 1, this.rwMemo.length * 2)).fill(-1);
      m.set(this.rwMemo);
      this.rwMemo = m;
    }
    this.rwMemo[t] = w;
    return w;
  }
}
