/**
 * The calculus state of one run (E's proof state, Zipperposition's Env): the term bank, the ordering, the one
 * unifier/matcher, the passive set, the active set as the indexes over it, clause numbering and statistics.
 * Control (which clause is given next, what is done with it) lives in saturate.ts; this module only answers
 * "what is there" and activates a clause (selects its literals and indexes it).
 */
import { TermBank, Subst } from './bank.js';
import { Kbo, Lpo } from './order.js';
import type { TermOrdering } from './order.js';
import { SClause, ACTIVE, DEAD } from './sclause.js';
import type { SLit } from './sclause.js';
import { FingerprintIndex, BruteIndex } from './fpindex.js';
import type { TermIndex, IndexEntry } from './fpindex.js';
import { MultiQueue } from './heuristics/queue.js';
import { select, maximalIn } from './heuristics/selection.js';
import type { Strategy } from './heuristics/strategy.js';

/** One indexed occurrence: the term, its clause, literal, side (0 = l, 1 = r) and preorder position in that side. */
export class Entry implements IndexEntry {
  constructor(
    readonly term: number,
    readonly c: SClause,
    readonly lit: number,
    readonly side: number,
    readonly pos: number,
  ) {}
  alive(): boolean {
    return this.c.state === ACTIVE;
  }
}

export interface RunStats {
  generated: number;
  processed: number;
  kept: number;
  active: number;
  rewrites: number;
  subsumed: number;
  backwardSubsumed: number;
}

export class ProofState {
  readonly bank = new TermBank();
  /** The simplification ordering (KBO unless the strategy asks for LPO). */
  readonly ord: TermOrdering;
  /** The one substitution: every unification and matching of the run binds and undoes here. */
  readonly sub = new Subst(this.bank);
  /** The passive set; only the given-clause loop pushes into it. */
  readonly passive: MultiQueue;
  readonly stats: RunStats = { generated: 0, processed: 0, kept: 0, active: 0, rewrites: 0, subsumed: 0, backwardSubsumed: 0 };
  /** Set once something was left out (an input or conclusion over MAX_VARS, SInE, an incomplete strategy): saturation then proves nothing. */
  incomplete = false;
  private nextId = 0;
  private stampCounter = 1;

  /** Eligible sides of positive literals of clauses without a selected literal: superposition "from". */
  readonly supFrom: TermIndex<Entry>;
  /** Non-variable subterms of eligible sides: superposition "into". */
  readonly supInto: TermIndex<Entry>;
  /** Sides of positive units that may rewrite (their other side has no new variables). */
  readonly demod: TermIndex<Entry>;
  /** Every non-variable subterm, once per clause: backward demodulation. */
  readonly allSub: TermIndex<Entry>;
  /** One literal key (the heaviest literal) per clause: forward subsumption. */
  readonly litOnePos: TermIndex<Entry>;
  readonly litOneNeg: TermIndex<Entry>;
  /** Every literal key: subsumption resolution and backward subsumption. */
  readonly litAllPos: TermIndex<Entry>;
  readonly litAllNeg: TermIndex<Entry>;
  /** Demodulator candidates of one `rewriteTop` query (reused: it runs for every subterm simplified). */
  readonly demodCandidates: Entry[] = [];

  constructor(
    readonly strategy: Strategy,
    bruteIndex: boolean,
  ) {
    this.ord = strategy.ordering === 'lpo' ? new Lpo(this.bank) : new Kbo(this.bank);
    this.ord.litCmp = strategy.litCmp ?? 'normal';
    this.passive = strategy.queues
      ? new MultiQueue(
          strategy.queues.map((q) => q.n),
          strategy.ratio,
        )
      : new MultiQueue([strategy.ratio], 1);
    const mk = (): TermIndex<Entry> => (bruteIndex ? new BruteIndex<Entry>() : new FingerprintIndex<Entry>(this.bank));
    this.supFrom = mk();
    this.supInto = mk();
    this.demod = mk();
    this.allSub = mk();
    this.litOnePos = mk();
    this.litOneNeg = mk();
    this.litAllPos = mk();
    this.litAllNeg = mk();
    if (strategy.sos || strategy.litCmp === 'tfo-eqmax') this.incomplete = true;
  }

  /** Clauses numbered so far (the id the next one gets). */
  get clauseCount(): number {
    return this.nextId;
  }

  newId(): number {
    return this.nextId++;
  }

  /** A fresh visit mark (see SClause.stamp). */
  freshStamp(): number {
    return this.stampCounter++;
  }

  /** Remove an active clause from the active set (its index entries die lazily). */
  retire(c: SClause): void {
    c.state = DEAD;
    this.stats.active--;
  }

  /** Make c active: select its literals, mark the eligible ones, and put it into every index. */
  activate(c: SClause): void {
    const b = this.bank;
    c.state = ACTIVE;
    this.stats.active++;
    const n = c.lits.length;
    const sel = select(b, this.ord, this.strategy.selection, c);
    const elig: boolean[] = new Array<boolean>(n).fill(false);
    if (sel >= 0) elig[sel] = true;
    else {
      for (let i = 0; i < n; i++) elig[i] = maximalIn(this.ord, c, i);
    }
    c.elig = elig;
    c.sel = sel;
    const st: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = c.lits[i]!;
      if (elig[i]) {
        const sides = x.oriented ? 1 : 2;
        for (let sd = 0; sd < sides; sd++) {
          const t = sd === 0 ? x.l : x.r;
          if (t === b.TRUE) continue;
          if (x.pos && sel < 0) this.supFrom.insert(new Entry(t, c, i, sd, 0));
          // preorder over the non-variable subterms, positions counted over all subterms
          st.push(t);
          let pos = 0;
          while (st.length > 0) {
            const u = st.pop()!;
            const h = b.head[u]!;
            if (h >= 0) {
              this.supInto.insert(new Entry(u, c, i, sd, pos));
              const s = b.argStart[u]!;
              for (let k = b.symArity[h]! - 1; k >= 0; k--) st.push(b.args[s + k]!);
            }
            pos++;
          }
        }
      }
      const keyIdx = x.pos ? this.litAllPos : this.litAllNeg;
      keyIdx.insert(new Entry(litKey(b, x, false), c, i, 0, 0));
    }
    if (n > 0) {
      const key = heaviestLit(b, c);
      const kx = c.lits[key]!;
      (kx.pos ? this.litOnePos : this.litOneNeg).insert(new Entry(litKey(b, kx, false), c, key, 0, 0));
    }
    // all subterms (for backward demodulation), deduplicated per clause
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const x = c.lits[i]!;
      for (let sd = 0; sd < 2; sd++) {
        const t = sd === 0 ? x.l : x.r;
        if (t === b.TRUE) continue;
        st.push(t);
        while (st.length > 0) {
          const u = st.pop()!;
          const h = b.head[u]!;
          if (h < 0) continue;
          if (!seen.has(u)) {
            seen.add(u);
            this.allSub.insert(new Entry(u, c, i, 0, 0));
          }
          const s = b.argStart[u]!;
          for (let k = b.symArity[h]! - 1; k >= 0; k--) st.push(b.args[s + k]!);
        }
      }
    }
    // unit equations become demodulators
    if (n === 1 && c.lits[0]!.pos) {
      const x = c.lits[0]!;
      if (x.r === b.TRUE || x.oriented || varsSubset(b, x.r, x.l)) this.demod.insert(new Entry(x.l, c, 0, 0, 0));
      if (x.r !== b.TRUE && !x.oriented && varsSubset(b, x.l, x.r)) this.demod.insert(new Entry(x.r, c, 0, 1, 0));
    }
  }
}

/** Literal key for the subsumption indexes: the atom, or `=(l, r)` (`=(r, l)` when swapped). */
export function litKey(b: TermBank, x: SLit, swap: boolean): number {
  if (x.r === b.TRUE) return x.l;
  return swap ? b.app(b.EQ_SYM, [x.r, x.l]) : b.app(b.EQ_SYM, [x.l, x.r]);
}

/** The index of c's largest literal (first on ties): the one that keys forward and backward subsumption. */
export function heaviestLit(b: TermBank, c: SClause): number {
  let key = 0;
  let best = -1;
  for (let i = 0; i < c.lits.length; i++) {
    const w = b.size[c.lits[i]!.l]! + b.size[c.lits[i]!.r]!;
    if (w > best) {
      best = w;
      key = i;
    }
  }
  return key;
}

/** vars(a) ⊆ vars(c) */
export function varsSubset(b: TermBank, a: number, c: number): boolean {
  if (b.nvo[a] === 0) return true;
  const inC = new Set<number>();
  const st = [c];
  while (st.length > 0) {
    const u = st.pop()!;
    if (b.nvo[u] === 0) continue;
    const h = b.head[u]!;
    if (h < 0) inC.add(u);
    else for (let k = 0; k < b.symArity[h]!; k++) st.push(b.arg(u, k));
  }
  st.push(a);
  while (st.length > 0) {
    const u = st.pop()!;
    if (b.nvo[u] === 0) continue;
    const h = b.head[u]!;
    if (h < 0) {
      if (!inC.has(u)) return false;
    } else for (let k = 0; k < b.symArity[h]!; k++) st.push(b.arg(u, k));
  }
  return true;
}

/**
 * The non-variable subterms of t in preorder, with their preorder positions (counted over all subterms, variables
 * included, as `SClause` positions are), written into the caller's reused buffers.
 */
export function nonVarSubterms(b: TermBank, t: number, terms: number[], positions: number[], stack: number[]): void {
  terms.length = 0;
  positions.length = 0;
  stack.length = 0;
  stack.push(t);
  let pos = 0;
  while (stack.length > 0) {
    const u = stack.pop()!;
    const h = b.head[u]!;
    if (h >= 0) {
      terms.push(u);
      positions.push(pos);
      const s = b.argStart[u]!;
      for (let k = b.symArity[h]! - 1; k >= 0; k--) stack.push(b.args[s + k]!);
    }
    pos++;
  }
}
