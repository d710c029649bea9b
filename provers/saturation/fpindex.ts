/**
 * Term indexing: one interface, two implementations.
 *
 * `FingerprintIndex` (Schulz's fingerprint indexing) samples a term at a few fixed
 * positions (ε, 1, 2, 3, 1.1, 1.2, 2.1, 2.2) and stores entries in a trie keyed
 * by those samples. A query walks only the branches whose samples are compatible
 * with the query's for the requested relation (unifiable, generalization,
 * instance). It returns a superset of the real partners; the caller runs the
 * real unifier/matcher. `BruteIndex` returns everything and is the test oracle.
 *
 * Deletion is lazy: an entry whose `alive()` turns false is dropped the next time
 * its leaf is visited, so removal costs nothing in the hot loop.
 */
import type { TermBank } from './bank.js';

export type Mode = 'unify' | 'general' | 'instance';

export interface IndexEntry {
  readonly term: number;
  alive(): boolean;
}

export interface TermIndex<E extends IndexEntry> {
  insert(e: E): void;
  /** Calls `f` for candidate entries (a superset of the real partners of `query`). */
  retrieve(query: number, mode: Mode, f: (e: E) => void): void;
  /** Appends the same candidates, in the same order, to `out` (no callback: for the hottest queries). */
  collect(query: number, mode: Mode, out: E[]): void;
  size(): number;
}

const A = -1; // variable at the position
const B = -2; // below a variable (position may or may not exist in instances)
const N = -3; // position does not exist
const POSITIONS: readonly (readonly number[])[] = [[], [0], [1], [2], [0, 0], [0, 1], [1, 0], [1, 1]];

export function fingerprint(b: TermBank, t: number, out: number[]): void {
  // Assigning an array's length is a runtime call even when it does not change.
  if (out.length !== POSITIONS.length) out.length = POSITIONS.length;
  for (let i = 0; i < POSITIONS.length; i++) {
    const path = POSITIONS[i]!;
    let x = t;
    let f = 0;
    for (let k = 0; k < path.length; k++) {
      const h = b.head[x]!;
      if (h < 0) {
        f = B;
        break;
      }
      const p = path[k]!;
      if (p >= b.symArity[h]!) {
        f = N;
        break;
      }
      x = b.args[b.argStart[x]! + p]!;
    }
    if (f === 0) {
      const h = b.head[x]!;
      f = h < 0 ? A : h;
    }
    out[i] = f;
  }
}

/** Can a stored sample `s` be compatible with query sample `q` for this mode? */
function compatible(mode: Mode, q: number, s: number): boolean {
  if (s === B || q === B) return true;
  switch (mode) {
    case 'unify':
      if (q >= 0) return s === q || s === A;
      if (q === A) return s !== N;
      return s === N; // q === N
    case 'general': // stored more general than query
      if (q >= 0) return s === q || s === A;
      if (q === A) return s === A;
      return s === N;
    case 'instance': // stored is an instance of query
      if (q >= 0) return s === q;
      if (q === A) return s !== N;
      return s === N;
  }
}

interface Node<E> {
  kids: Map<number, Node<E>> | null;
  leaf: E[] | null;
}

export class FingerprintIndex<E extends IndexEntry> implements TermIndex<E> {
  private readonly root: Node<E> = { kids: new Map(), leaf: null };
  private n = 0;
  private readonly fp: number[] = [];
  private readonly qfp: number[] = [];

  constructor(private readonly b: TermBank) {}

  size(): number {
    return this.n;
  }

  insert(e: E): void {
    fingerprint(this.b, e.term, this.fp);
    let node = this.root;
    for (let i = 0; i < this.fp.length; i++) {
      const key = this.fp[i]!;
      let next = node.kids!.get(key);
      if (!next) {
        next = i === this.fp.length - 1 ? { kids: null, leaf: [] } : { kids: new Map(), leaf: null };
        node.kids!.set(key, next);
      }
      node = next;
    }
    node.leaf!.push(e);
    this.n++;
  }

  retrieve(query: number, mode: Mode, f: (e: E) => void): void {
    const q = this.qfp;
    fingerprint(this.b, query, q);
    // Copy: a callback may retrieve again (re-entrancy) and overwrite qfp.
    this.walk(this.root, 0, q.slice(), mode, f);
  }

  collect(query: number, mode: Mode, out: E[]): void {
    const q = this.qfp;
    fingerprint(this.b, query, q);
    // No callback runs during the walk, so the query fingerprint is not copied.
    this.walk(this.root, 0, q, mode, null, out);
  }

  /** Visit the compatible leaves: call f on each live entry, or (f null) append it to out. */
  private walk(node: Node<E>, level: number, q: readonly number[], mode: Mode, f: ((e: E) => void) | null, out?: E[]): void {
    if (node.leaf) {
      const leaf = node.leaf;
      let w = 0;
      for (let i = 0; i < leaf.length; i++) {
        const e = leaf[i]!;
        if (!e.alive()) {
          this.n--;
          continue;
        }
        leaf[w++] = e;
      }
      if (w !== leaf.length) leaf.length = w;
      if (f === null) {
        for (let i = 0; i < w; i++) out!.push(leaf[i]!);
        return;
      }
      for (let i = 0; i < w; i++) {
        const e = leaf[i]!;
        if (e.alive()) f(e);
      }
      return;
    }
    const kids = node.kids!;
    const qs = q[level]!;
    if (qs >= 0) {
      // Direct lookups instead of scanning all children.
      const k1 = kids.get(qs);
      if (k1) this.walk(k1, level + 1, q, mode, f, out);
      if (mode !== 'instance') {
        const ka = kids.get(A);
        if (ka) this.walk(ka, level + 1, q, mode, f, out);
      }
      const kb = kids.get(B);
      if (kb) this.walk(kb, level + 1, q, mode, f, out);
      return;
    }
    for (const [s, kid] of kids) if (compatible(mode, qs, s)) this.walk(kid, level + 1, q, mode, f, out);
  }
}

/** The oracle: every live entry is a candidate. */
export class BruteIndex<E extends IndexEntry> implements TermIndex<E> {
  private entries: E[] = [];
  insert(e: E): void {
    this.entries.push(e);
  }
  retrieve(_query: number, _mode: Mode, f: (e: E) => void): void {
    this.entries = this.entries.filter((e) => e.alive());
    for (const e of this.entries.slice()) f(e);
  }
  collect(_query: number, _mode: Mode, out: E[]): void {
    this.entries = this.entries.filter((e) => e.alive());
    for (const e of this.entries) out.push(e);
  }
  size(): number {
    return this.entries.length;
  }
}
