/**
 * A small CDCL SAT solver: two watched literals, 1-UIP clause learning,
 * activity-based branching with phase saving, and geometric restarts. Sized for
 * the grounded model-finding problems here (up to ~10^5 clauses), not for
 * industrial instances: branching scans activities linearly instead of a heap.
 *
 * Literals are encoded as 2*v (positive) and 2*v+1 (negative) for variables v ≥ 0.
 */

export type SatOutcome =
  { readonly status: 'sat'; readonly values: Uint8Array } | { readonly status: 'unsat' } | { readonly status: 'timeout' };

export const posLit = (v: number): number => v << 1;
export const negLit = (v: number): number => (v << 1) | 1;

const UNDEF = 2;

export class SatSolver {
  private readonly clauses: Int32Array[] = [];
  private watches: number[][] = [];
  private value = new Uint8Array(0); // per variable: 0 false, 1 true, 2 unassigned
  private level = new Int32Array(0);
  private reason = new Int32Array(0);
  private activity = new Float64Array(0);
  private phase = new Uint8Array(0);
  private trail: number[] = [];
  private trailLim: number[] = [];
  private qhead = 0;
  private inc = 1;
  private unsat = false;
  private nVars = 0;

  constructor(nVars: number) {
    this.grow(nVars);
  }

  private grow(n: number): void {
    if (n <= this.nVars) return;
    const value = new Uint8Array(n).fill(UNDEF);
    value.set(this.value);
    const level = new Int32Array(n);
    level.set(this.level);
    const reason = new Int32Array(n).fill(-1);
    reason.set(this.reason);
    const activity = new Float64Array(n);
    activity.set(this.activity);
    const phase = new Uint8Array(n);
    phase.set(this.phase);
    Object.assign(this, { value, level, reason, activity, phase });
    while (this.watches.length < 2 * n) this.watches.push([]);
    this.nVars = n;
  }

  private litValue(l: number): number {
    const v = this.value[l >> 1]!;
    return v === UNDEF ? UNDEF : v ^ (l & 1);
  }

  private enqueue(l: number, reason: number): void {
    const v = l >> 1;
    this.value[v] = (l & 1) ^ 1;
    this.level[v] = this.trailLim.length;
    this.reason[v] = reason;
    this.trail.push(l);
  }

  /** Add a clause before solving (duplicates and tautologies are cleaned here). Returns false once trivially unsat. */
  addClause(lits: readonly number[]): boolean {
    if (this.unsat) return false;
    const seen = new Set<number>();
    const out: number[] = [];
    for (const l of lits) {
      if (seen.has(l ^ 1)) return true; // tautology
      if (seen.has(l)) continue;
      const val = this.litValue(l);
      if (val === 1) return true; // already satisfied at level 0
      if (val === 0) continue;
      seen.add(l);
      out.push(l);
    }
    if (out.length === 0) {
      this.unsat = true;
      return false;
    }
    if (out.length === 1) {
      this.enqueue(out[0]!, -1);
      if (this.propagate() >= 0) this.unsat = true;
      return !this.unsat;
    }
    this.attach(Int32Array.from(out));
    return true;
  }

  private attach(c: Int32Array): number {
    const idx = this.clauses.length;
    this.clauses.push(c);
    this.watches[c[0]! ^ 1]!.push(idx);
    this.watches[c[1]! ^ 1]!.push(idx);
    return idx;
  }

  /** Unit propagation; returns the index of a conflicting clause or -1. */
  private propagate(): number {
    while (this.qhead < this.trail.length) {
      const p = this.trail[this.qhead++]!; // p became true: visit clauses watching ¬p
      const ws = this.watches[p]!;
      let i = 0;
      let j = 0;
      for (; i < ws.length; i++) {
        const ci = ws[i]!;
        const c = this.clauses[ci]!;
        const falseLit = p ^ 1;
        if (c[0] === falseLit) {
          c[0] = c[1]!;
          c[1] = falseLit;
        }
        if (this.litValue(c[0]!) === 1) {
          ws[j++] = ci;
          continue;
        }
        let moved = false;
        for (let k = 2; k < c.length; k++) {
          if (this.litValue(c[k]!) !== 0) {
            c[1] = c[k]!;
            c[k] = falseLit;
            this.watches[c[1] ^ 1]!.push(ci);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = ci;
        if (this.litValue(c[0]!) === 0) {
          for (i++; i < ws.length; i++) ws[j++] = ws[i]!;
          ws.length = j;
          this.qhead = this.trail.length;
          return ci;
        }
        this.enqueue(c[0]!, ci);
      }
      ws.length = j;
    }
    return -1;
  }

  private bump(v: number): void {
    this.activity[v]! += this.inc;
    if (this.activity[v]! > 1e100) {
      for (let i = 0; i < this.nVars; i++) this.activity[i]! *= 1e-100;
      this.inc *= 1e-100;
    }
  }

  /** First-UIP analysis: returns the learnt clause (asserting literal first) and the backjump level. */
  private analyze(conflict: number): { learnt: number[]; back: number } {
    const seen = new Uint8Array(this.nVars);
    const learnt: number[] = [0];
    let counter = 0;
    let p = -1;
    let idx = this.trail.length - 1;
    let ci = conflict;
    const cur = this.trailLim.length;
    do {
      const c = this.clauses[ci]!;
      for (let k = p === -1 ? 0 : 1; k < c.length; k++) {
        const q = c[k]!;
        const v = q >> 1;
        if (seen[v] || this.level[v] === 0) continue;
        seen[v] = 1;
        this.bump(v);
        if (this.level[v] === cur) counter++;
        else learnt.push(q);
      }
      while (!seen[this.trail[idx]! >> 1]) idx--;
      p = this.trail[idx]!;
      idx--;
      ci = this.reason[p >> 1]!;
      seen[p >> 1] = 0;
      counter--;
    } while (counter > 0);
    learnt[0] = p ^ 1;
    let back = 0;
    let maxI = 1;
    for (let k = 1; k < learnt.length; k++) {
      const lv = this.level[learnt[k]! >> 1]!;
      if (lv > back) {
        back = lv;
        maxI = k;
      }
    }
    if (learnt.length > 1) [learnt[1], learnt[maxI]] = [learnt[maxI]!, learnt[1]!];
    this.inc *= 1.05;
    return { learnt, back };
  }

  private cancelUntil(lvl: number): void {
    if (this.trailLim.length <= lvl) return;
    const stop = this.trailLim[lvl]!;
    for (let i = this.trail.length - 1; i >= stop; i--) {
      const v = this.trail[i]! >> 1;
      this.phase[v] = this.value[v]!;
      this.value[v] = UNDEF;
      this.reason[v] = -1;
    }
    this.trail.length = stop;
    this.trailLim.length = lvl;
    this.qhead = stop;
  }

  private pickBranch(): number {
    let best = -1;
    let bestAct = -1;
    for (let v = 0; v < this.nVars; v++) {
      if (this.value[v] === UNDEF && this.activity[v]! > bestAct) {
        best = v;
        bestAct = this.activity[v]!;
      }
    }
    return best;
  }

  /** Solve; `deadline` is a Date.now() value, checked every few hundred conflicts/decisions. */
  solve(deadline = Infinity): SatOutcome {
    if (this.unsat) return { status: 'unsat' };
    if (this.propagate() >= 0) return { status: 'unsat' };
    let conflicts = 0;
    let restartAt = 100;
    let ticks = 0;
    for (;;) {
      if ((++ticks & 255) === 0 && Date.now() > deadline) {
        this.cancelUntil(0);
        return { status: 'timeout' };
      }
      const confl = this.propagate();
      if (confl >= 0) {
        if (this.trailLim.length === 0) return { status: 'unsat' };
        conflicts++;
        const { learnt, back } = this.analyze(confl);
        this.cancelUntil(back);
        if (learnt.length === 1) this.enqueue(learnt[0]!, -1);
        else this.enqueue(learnt[0]!, this.attach(Int32Array.from(learnt)));
        continue;
      }
      if (conflicts >= restartAt) {
        restartAt = conflicts + Math.ceil(restartAt * 0.5) + 100;
        this.cancelUntil(0);
        continue;
      }
      const v = this.pickBranch();
      if (v < 0) {
        const values = new Uint8Array(this.nVars);
        for (let i = 0; i < this.nVars; i++) values[i] = this.value[i]!;
        this.cancelUntil(0);
        return { status: 'sat', values };
      }
      this.trailLim.push(this.trail.length);
      this.enqueue(this.phase[v] ? posLit(v) : negLit(v), -1);
    }
  }
}
