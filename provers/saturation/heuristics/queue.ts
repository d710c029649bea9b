/**
 * Passive clause queues: priority heaps and a FIFO, interleaved by `MultiQueue` in a
 * fixed weighted round robin (the default strategy: one weight heap, 5 weight picks per
 * age pick). All use lazy deletion: a clause that left the passive set (simplified away,
 * or picked from another queue) is skipped.
 */
import type { SClause } from '../sclause.js';
import { PASSIVE } from '../sclause.js';

export interface ClauseQueue {
  push(c: SClause, prio: number): void;
  /** Next passive clause, or undefined when empty. */
  pop(): SClause | undefined;
}

export class WeightHeap implements ClauseQueue {
  private readonly cs: SClause[] = [];
  private readonly ps: number[] = [];

  push(c: SClause, prio: number): void {
    const cs = this.cs;
    const ps = this.ps;
    let i = cs.length;
    cs.push(c);
    ps.push(prio);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ps[p]! < prio || (ps[p] === prio && cs[p]!.id < c.id)) break;
      cs[i] = cs[p]!;
      ps[i] = ps[p]!;
      i = p;
    }
    cs[i] = c;
    ps[i] = prio;
  }

  private popTop(): SClause | undefined {
    const cs = this.cs;
    const ps = this.ps;
    if (cs.length === 0) return undefined;
    const top = cs[0]!;
    const lastC = cs.pop()!;
    const lastP = ps.pop()!;
    const n = cs.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let m = 2 * i + 1;
        if (m >= n) break;
        const r = m + 1;
        if (r < n && (ps[r]! < ps[m]! || (ps[r] === ps[m] && cs[r]!.id < cs[m]!.id))) m = r;
        if (ps[m]! > lastP || (ps[m] === lastP && cs[m]!.id > lastC.id)) break;
        cs[i] = cs[m]!;
        ps[i] = ps[m]!;
        i = m;
      }
      cs[i] = lastC;
      ps[i] = lastP;
    }
    return top;
  }

  pop(): SClause | undefined {
    for (;;) {
      const c = this.popTop();
      if (c === undefined || c.state === PASSIVE) return c;
    }
  }
}

export class AgeQueue implements ClauseQueue {
  private cs: SClause[] = [];
  private head = 0;
  push(c: SClause): void {
    this.cs.push(c);
  }
  pop(): SClause | undefined {
    while (this.head < this.cs.length) {
      const c = this.cs[this.head++]!;
      if (this.head > 4096 && this.head * 2 > this.cs.length) {
        this.cs = this.cs.slice(this.head);
        this.head = 0;
      }
      if (c.state === PASSIVE) return c;
    }
    return undefined;
  }
}

/**
 * E-style clause selection: several priority heaps (each clause is in all of them,
 * each with its own key) plus a FIFO, visited in a fixed weighted round robin.
 * `keys[i]` is the clause's key for heap i; the schedule says how many picks each
 * heap gets per round, with `age` picks from the FIFO. Keeps the search complete
 * (the FIFO alone guarantees every clause is eventually picked).
 */
export class MultiQueue {
  private readonly heaps: WeightHeap[];
  private readonly byAge = new AgeQueue();
  /** Flattened round: heap index per pick, -1 = FIFO. */
  private readonly round: number[];
  private tick = 0;
  constructor(picks: readonly number[], age: number) {
    this.heaps = picks.map(() => new WeightHeap());
    this.round = [];
    picks.forEach((n, i) => {
      for (let k = 0; k < n; k++) this.round.push(i);
    });
    for (let k = 0; k < age; k++) this.round.push(-1);
    if (this.round.length === 0) this.round.push(-1);
  }
  push(c: SClause, keys: readonly number[]): void {
    for (let i = 0; i < this.heaps.length; i++) this.heaps[i]!.push(c, keys[i]!);
    this.byAge.push(c);
  }
  pop(): SClause | undefined {
    const which = this.round[this.tick++ % this.round.length]!;
    const c = which < 0 ? this.byAge.pop() : this.heaps[which]!.pop();
    if (c !== undefined) return c;
    // The chosen queue is empty: then every queue is (they hold the same clauses).
    return this.byAge.pop();
  }
}
