/**
 * The prover's term bank: hash-consed terms with integer ids.
 *
 * Why: equality of terms becomes an id comparison, weight/groundness/depth are
 * computed once when a term is built, and a clause is a handful of integers.
 * Terms live in parallel typed arrays (no object per term) so the hot loop does
 * not allocate for lookups.
 *
 * Variables are shared terms `X0, X1, ...` (head = -(index+1)); every clause
 * numbers its own variables from 0. Two clauses taking part in one inference are
 * told apart by a *scope* (0 or 1), never by renaming: a binding slot is
 * `scope * STRIDE + varIndex`.
 *
 * Predicates are encoded as equations with the special constant `$$true`:
 * `p(s)` is `p(s) = $$true`. Predicate-headed terms (and `$$true`) are of the
 * boolean sort, so a variable is never bound to one (the unifier refuses).
 */
import type { Term } from '../logic/term.js';

export const STRIDE = 1 << 14;
/** A clause may use at most this many variables (larger ones are dropped, which makes the run incomplete). */
export const MAX_VARS = STRIDE;

/** Symbol kinds (plain numbers rather than an enum so the emitted code stays trivial). */
export type SymKind = 0 | 1;
export const FN: SymKind = 0;
export const PRED: SymKind = 1;

export class TermBank {
  // symbols
  readonly symName: string[] = [];
  readonly symArity: number[] = [];
  readonly symKind: SymKind[] = [];
  private readonly symIds = new Map<string, number>();
  /** KBO precedence per symbol (higher = bigger); set by the ordering. */
  prec: Int32Array = new Int32Array(64);

  // terms (parallel arrays indexed by term id)
  head: Int32Array;
  argStart: Int32Array;
  /** Symbol count (KBO weight with all weights 1). */
  size: Int32Array;
  /** Number of variable occurrences (0 = ground). */
  nvo: Int32Array;
  /** 1 + largest variable index occurring (0 for ground terms). */
  vbound: Int32Array;
  depth: Int32Array;
  /** 1 for boolean-sorted terms (predicate atoms, $$true). */
  bool: Uint8Array;
  args: Int32Array;
  private argTop = 0;
  count = 0;

  /**
   * Open addressing, two ints per slot: the term id (-1 = empty) and its hash, so a probe compares hashes inside
   * the table and reads a term's arrays only on a likely hit, and growing never hashes a term again.
   */
  private table: Int32Array;
  private tableMask: number;
  /** replaceAtPath's argument buffer (appN copies what it keeps, so one buffer serves every call). */
  private pathBuf = new Int32Array(16);

  readonly TRUE: number;
  readonly EQ_SYM: number;
  private readonly varTerms: number[] = [];

  constructor() {
    const n = 1024;
    this.head = new Int32Array(n);
    this.argStart = new Int32Array(n);
    this.size = new Int32Array(n);
    this.nvo = new Int32Array(n);
    this.vbound = new Int32Array(n);
    this.depth = new Int32Array(n);
    this.bool = new Uint8Array(n);
    this.args = new Int32Array(4096);
    this.table = new Int32Array(2 * 4096).fill(-1);
    this.tableMask = 4095;
    this.TRUE = this.app(this.sym('$$true', 0, PRED), []);
    // '=' is only used to key literals in the subsumption index (a boolean-sorted pseudo atom).
    this.EQ_SYM = this.sym('=', 2, PRED);
  }

  sym(name: string, arity: number, kind: SymKind): number {
    const key = `${kind}/${arity}/${name}`;
    let id = this.symIds.get(key);
    if (id === undefined) {
      id = this.symName.length;
      this.symName.push(name);
      this.symArity.push(arity);
      this.symKind.push(kind);
      this.symIds.set(key, id);
      if (id >= this.prec.length) {
        const p = new Int32Array(this.prec.length * 2);
        p.set(this.prec);
        this.prec = p;
      }
      this.prec[id] = id;
    }
    return id;
  }

  isVar(t: number): boolean {
    return this.head[t]! < 0;
  }
  varIndex(t: number): number {
    return -this.head[t]! - 1;
  }
  arity(t: number): number {
    const h = this.head[t]!;
    return h < 0 ? 0 : this.symArity[h]!;
  }
  arg(t: number, i: number): number {
    return this.args[this.argStart[t]! + i]!;
  }

  mkVar(v: number): number {
    let t = this.varTerms[v];
    if (t !== undefined) return t;
    while (this.varTerms.length <= v) {
      const i = this.varTerms.length;
      const id = this.alloc(-(i + 1), 0);
      this.size[id] = 1;
      this.nvo[id] = 1;
      this.vbound[id] = i + 1;
      this.depth[id] = 1;
      this.bool[id] = 0;
      this.varTerms.push(id);
    }
    t = this.varTerms[v]!;
    return t;
  }

  private alloc(head: number, arity: number): number {
    if (this.count >= this.head.length) this.growTerms();
    const id = this.count++;
    this.head[id] = head;
    while (this.argTop + arity > this.args.length) {
      const a = new Int32Array(this.args.length * 2);
      a.set(this.args);
      this.args = a;
    }
    this.argStart[id] = this.argTop;
    this.argTop += arity;
    return id;
  }

  private growTerms(): void {
    const n = this.head.length * 2;
    const g32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.head = g32(this.head);
    this.argStart = g32(this.argStart);
    this.size = g32(this.size);
    this.nvo = g32(this.nvo);
    this.vbound = g32(this.vbound);
    this.depth = g32(this.depth);
    const b = new Uint8Array(n);
    b.set(this.bool);
    this.bool = b;
  }

  private hashOf(f: number, a: ArrayLike<number>, off: number, n: number): number {
    let h = Math.imul(f + 1, 0x9e3779b1);
    for (let i = 0; i < n; i++) h = Math.imul(h ^ a[off + i]!, 0x85ebca6b) + 0x27d4eb2f;
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** Hash-consed application `f(a[off..off+n))`. */
  appN(f: number, a: ArrayLike<number>, off: number, n: number): number {
    const h = this.hashOf(f, a, off, n) | 0;
    const table = this.table;
    let i = h & this.tableMask;
    for (;;) {
      const t = table[2 * i]!;
      if (t < 0) break;
      if (table[2 * i + 1] === h && this.head[t] === f) {
        const s = this.argStart[t]!;
        let same = true;
        for (let k = 0; k < n; k++)
          if (this.args[s + k] !== a[off + k]) {
            same = false;
            break;
          }
        if (same) return t;
      }
      i = (i + 1) & this.tableMask;
    }
    const id = this.alloc(f, n);
    const s = this.argStart[id]!;
    let size = 1;
    let nvo = 0;
    let vb = 0;
    let d = 0;
    for (let k = 0; k < n; k++) {
      const x = a[off + k]!;
      this.args[s + k] = x;
      size += this.size[x]!;
      nvo += this.nvo[x]!;
      if (this.vbound[x]! > vb) vb = this.vbound[x]!;
      if (this.depth[x]! > d) d = this.depth[x]!;
    }
    // Saturate rather than overflow: sizes only steer heuristics and KBO weights; 2^30 symbols never fit in memory anyway.
    this.size[id] = size > 0x3fffffff ? 0x3fffffff : size;
    this.nvo[id] = nvo > 0x3fffffff ? 0x3fffffff : nvo;
    this.vbound[id] = vb;
    this.depth[id] = d + 1;
    this.bool[id] = this.symKind[f] === PRED ? 1 : 0;
    table[2 * i] = id;
    table[2 * i + 1] = h;
    if (this.count * 2 > this.tableMask) this.rehash();
    return id;
  }

  app(f: number, a: readonly number[]): number {
    return this.appN(f, a, 0, a.length);
  }

  private rehash(): void {
    const old = this.table;
    const size = (this.tableMask + 1) * 2;
    const table = new Int32Array(2 * size).fill(-1);
    const mask = size - 1;
    for (let j = 0; j < old.length; j += 2) {
      const t = old[j]!;
      if (t < 0) continue;
      const h = old[j + 1]!;
      let i = h & mask;
      while (table[2 * i]! >= 0) i = (i + 1) & mask;
      table[2 * i] = t;
      table[2 * i + 1] = h;
    }
    this.table = table;
    this.tableMask = mask;
  }

  /** Does `sub` occur in `t`? Iterative. */
  contains(t: number, sub: number): boolean {
    if (t === sub) return true;
    if (this.size[t]! <= this.size[sub]!) return false;
    const stack = [t];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x === sub) return true;
      if (this.size[x]! <= this.size[sub]!) continue;
      const h = this.head[x]!;
      if (h < 0) continue;
      const s = this.argStart[x]!;
      for (let k = this.symArity[h]! - 1; k >= 0; k--) stack.push(this.args[s + k]!);
    }
    return false;
  }

  /** `t` with every occurrence of `from` replaced by `to` (terms are shared, so occurrence is identity). Iterative. */
  replaceAll(t: number, from: number, to: number): number {
    if (!this.contains(t, from)) return t;
    // Post-order rebuild of the spine that contains `from`; subterms without it are reused as they are.
    const done = new Map<number, number>();
    const stack = [t];
    const buf: number[] = [];
    while (stack.length > 0) {
      const x = stack[stack.length - 1]!;
      if (done.has(x)) {
        stack.pop();
        continue;
      }
      if (x === from) {
        done.set(x, to);
        stack.pop();
        continue;
      }
      const h = this.head[x]!;
      if (h < 0 || this.size[x]! <= this.size[from]!) {
        done.set(x, x);
        stack.pop();
        continue;
      }
      const s = this.argStart[x]!;
      const n = this.symArity[h]!;
      let ready = true;
      for (let k = 0; k < n; k++) {
        const a = this.args[s + k]!;
        if (!done.has(a)) {
          if (ready) ready = false;
          stack.push(a);
        }
      }
      if (!ready) continue;
      stack.pop();
      buf.length = n;
      let changed = false;
      for (let k = 0; k < n; k++) {
        const a = this.args[s + k]!;
        buf[k] = done.get(a)!;
        if (buf[k] !== a) changed = true;
      }
      done.set(x, changed ? this.appN(h, buf, 0, n) : x);
    }
    return done.get(t)!;
  }

  /** Does `pred` hold for some subterm of t (t itself included; variables too)? Iterative; stops at the first hit. */
  someSubterm(t: number, pred: (u: number) => boolean): boolean {
    const stack = [t];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (pred(x)) return true;
      const h = this.head[x]!;
      if (h < 0) continue;
      const s = this.argStart[x]!;
      for (let k = this.symArity[h]! - 1; k >= 0; k--) stack.push(this.args[s + k]!);
    }
    return false;
  }

  /** Subterm at a preorder index (0 = the term itself). */
  subtermAt(t: number, pos: number): number {
    while (pos > 0) {
      pos--;
      const s = this.argStart[t]!;
      const n = this.symArity[this.head[t]!]!;
      for (let k = 0; k < n; k++) {
        const a = this.args[s + k]!;
        const z = this.size[a]!;
        if (pos < z) {
          t = a;
          break;
        }
        pos -= z;
      }
    }
    return t;
  }

  /**
   * The argument-index path of the subterm at preorder index `pos`. Paths (unlike
   * preorder indices) stay valid in instances of `t`, since they only pass through
   * non-variable positions.
   */
  pathAt(t: number, pos: number): number[] {
    const path: number[] = [];
    while (pos > 0) {
      pos--;
      const s = this.argStart[t]!;
      const n = this.symArity[this.head[t]!]!;
      for (let k = 0; k < n; k++) {
        const a = this.args[s + k]!;
        const z = this.size[a]!;
        if (pos < z) {
          path.push(k);
          t = a;
          break;
        }
        pos -= z;
      }
    }
    return path;
  }

  /** `t` with the subterm at `path` replaced by `r`. Iterative (deep terms are fine). */
  replaceAtPath(t: number, path: readonly number[], r: number): number {
    const nodes: number[] = [];
    for (const k of path) {
      nodes.push(t);
      t = this.args[this.argStart[t]! + k]!;
    }
    let cur = r;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const p = nodes[i]!;
      const n = this.symArity[this.head[p]!]!;
      const s = this.argStart[p]!;
      if (n > this.pathBuf.length) this.pathBuf = new Int32Array(2 * n);
      const buf = this.pathBuf;
      for (let k = 0; k < n; k++) buf[k] = this.args[s + k]!;
      buf[path[i]!] = cur;
      cur = this.appN(this.head[p]!, buf, 0, n);
    }
    return cur;
  }

  /** Build a term from the logic core's representation; `vars` maps names to indices (extended as needed). */
  fromTerm(t: Term, vars: Map<string, number>): number {
    // Iterative post-order so 10,000-deep inputs do not overflow the stack.
    const work: Array<{ t: Term; i: number }> = [{ t, i: 0 }];
    const out: number[] = [];
    while (work.length > 0) {
      const fr = work[work.length - 1]!;
      const x = fr.t;
      if (x.kind === 'var') {
        let v = vars.get(x.name);
        if (v === undefined) {
          v = vars.size;
          vars.set(x.name, v);
        }
        out.push(this.mkVar(v));
        work.pop();
        continue;
      }
      if (fr.i < x.args.length) {
        work.push({ t: x.args[fr.i++]!, i: 0 });
        continue;
      }
      const n = x.args.length;
      const id = this.appN(this.sym(x.fn, n, FN), out, out.length - n, n);
      out.length -= n;
      out.push(id);
      work.pop();
    }
    return out[0]!;
  }

  /** Back to the logic core's representation; variable i is named by `name(i)`. Iterative. */
  toTerm(t: number, name: (v: number) => string): Term {
    const work: Array<{ t: number; i: number }> = [{ t, i: 0 }];
    const out: Term[] = [];
    while (work.length > 0) {
      const fr = work[work.length - 1]!;
      const h = this.head[fr.t]!;
      if (h < 0) {
        out.push({ kind: 'var', name: name(-h - 1) });
        work.pop();
        continue;
      }
      const n = this.symArity[h]!;
      if (fr.i < n) {
        work.push({ t: this.args[this.argStart[fr.t]! + fr.i++]!, i: 0 });
        continue;
      }
      const args = out.splice(out.length - n, n);
      out.push({ kind: 'app', fn: this.symName[h]!, args });
      work.pop();
    }
    return out[0]!;
  }

  /** Debug/log printing (not used in the hot loop). */
  show(t: number): string {
    const x = this.toTerm(t, (v) => `X${v}`);
    const pr = (u: Term): string => (u.kind === 'var' ? u.name : u.args.length === 0 ? u.fn : `${u.fn}(${u.args.map(pr).join(',')})`);
    return this.depth[t]! > 200 ? `<term of depth ${this.depth[t]}>` : pr(x);
  }
}

/**
 * Bindings for unification (two scopes) and one-sided matching, each with a trail
 * so callers can backtrack to a mark. One instance per prover run, reused.
 */
export class Subst {
  private readonly bT: Int32Array;
  private readonly bS: Int32Array;
  private trail: Int32Array;
  trailLen = 0;
  // matching bindings (pattern variable index → target term)
  readonly mB: Int32Array;
  private mTrail: Int32Array;
  mLen = 0;
  // renaming for instantiation (slot → output variable index)
  private readonly ren: Int32Array;
  private renTrail: Int32Array;
  private renLen = 0;
  nextVar = 0;
  // scratch stacks
  private st: Int32Array = new Int32Array(256);
  private rs: Int32Array = new Int32Array(256);
  /** match's pair stack: match runs to completion without callbacks, so one buffer serves every call. */
  private ms: Int32Array = new Int32Array(256);
  derefT = 0;
  derefS = 0;

  constructor(private readonly bank: TermBank) {
    this.bT = new Int32Array(2 * STRIDE).fill(-1);
    this.bS = new Int32Array(2 * STRIDE);
    this.trail = new Int32Array(256);
    this.mB = new Int32Array(STRIDE).fill(-1);
    this.mTrail = new Int32Array(256);
    this.ren = new Int32Array(2 * STRIDE).fill(-1);
    this.renTrail = new Int32Array(256);
  }

  private pushTrail(slot: number): void {
    if (this.trailLen >= this.trail.length) {
      const t = new Int32Array(this.trail.length * 2);
      t.set(this.trail);
      this.trail = t;
    }
    this.trail[this.trailLen++] = slot;
  }

  undo(mark: number): void {
    while (this.trailLen > mark) this.bT[this.trail[--this.trailLen]!] = -1;
  }

  /** Follow variable bindings; result in derefT/derefS. */
  deref(t: number, s: number): void {
    const b = this.bank;
    while (b.head[t]! < 0) {
      const slot = s * STRIDE + (-b.head[t]! - 1);
      const u = this.bT[slot]!;
      if (u < 0) break;
      t = u;
      s = this.bS[slot]!;
    }
    this.derefT = t;
    this.derefS = s;
  }

  private growSt(): void {
    const a = new Int32Array(this.st.length * 2);
    a.set(this.st);
    this.st = a;
  }

  private occurs(slot: number, t: number, s: number): boolean {
    const b = this.bank;
    let sp = 0;
    const base = sp;
    this.st[sp++] = t;
    this.st[sp++] = s;
    while (sp > base) {
      const ss = this.st[--sp]!;
      const tt = this.st[--sp]!;
      if (b.nvo[tt] === 0) continue;
      this.deref(tt, ss);
      const x = this.derefT;
      const xs = this.derefS;
      const h = b.head[x]!;
      if (h < 0) {
        if (xs * STRIDE + (-h - 1) === slot) return true;
        continue;
      }
      const st0 = b.argStart[x]!;
      const n = b.symArity[h]!;
      while (sp + 2 * n + 2 > this.st.length) this.growSt();
      for (let k = 0; k < n; k++) {
        this.st[sp++] = b.args[st0 + k]!;
        this.st[sp++] = xs;
      }
    }
    return false;
  }

  private bind(slot: number, t: number, s: number): void {
    this.bT[slot] = t;
    this.bS[slot] = s;
    this.pushTrail(slot);
  }

  /** Unify (a in scope sa) with (b in scope sb); on failure the bindings are unchanged. */
  unify(a: number, sa: number, c: number, sc: number): boolean {
    const b = this.bank;
    const mark = this.trailLen;
    // The stack is private to this call: occurs() uses its own region above sp.
    const stack: number[] = [a, sa, c, sc];
    while (stack.length > 0) {
      const s2 = stack.pop()!;
      const t2 = stack.pop()!;
      const s1 = stack.pop()!;
      const t1 = stack.pop()!;
      this.deref(t1, s1);
      const x = this.derefT;
      const xs = this.derefS;
      this.deref(t2, s2);
      const y = this.derefT;
      const ys = this.derefS;
      if (x === y && (xs === ys || b.nvo[x] === 0)) continue;
      const hx = b.head[x]!;
      const hy = b.head[y]!;
      if (hx < 0) {
        const slot = xs * STRIDE + (-hx - 1);
        if (hy >= 0 && (b.bool[y] === 1 || this.occurs(slot, y, ys))) {
          this.undo(mark);
          return false;
        }
        this.bind(slot, y, ys);
        continue;
      }
      if (hy < 0) {
        const slot = ys * STRIDE + (-hy - 1);
        if (b.bool[x] === 1 || this.occurs(slot, x, xs)) {
          this.undo(mark);
          return false;
        }
        this.bind(slot, x, xs);
        continue;
      }
      if (hx !== hy) {
        this.undo(mark);
        return false;
      }
      const n = b.symArity[hx]!;
      const ax = b.argStart[x]!;
      const ay = b.argStart[y]!;
      for (let k = n - 1; k >= 0; k--) stack.push(b.args[ax + k]!, xs, b.args[ay + k]!, ys);
    }
    return true;
  }

  // ---- instantiation with renaming into a fresh (normalized) variable space ----

  resetRename(): void {
    while (this.renLen > 0) this.ren[this.renTrail[--this.renLen]!] = -1;
    this.nextVar = 0;
  }

  private renameSlot(slot: number): number {
    let v = this.ren[slot]!;
    if (v < 0) {
      v = this.nextVar++;
      this.ren[slot] = v;
      if (this.renLen >= this.renTrail.length) {
        const t = new Int32Array(this.renTrail.length * 2);
        t.set(this.renTrail);
        this.renTrail = t;
      }
      this.renTrail[this.renLen++] = slot;
    }
    return this.bank.mkVar(v);
  }

  /** The term (t, scope s) under the current bindings, unbound variables renamed to fresh output variables. */
  inst(t: number, s: number): number {
    const b = this.bank;
    if (b.nvo[t] === 0) return t;
    // frames: term, scope, next arg index (-1 = not yet dereferenced)
    let fp = 0;
    let rp = 0;
    if (this.st.length < 3) this.growSt();
    this.st[fp++] = t;
    this.st[fp++] = s;
    this.st[fp++] = -1;
    while (fp > 0) {
      const i = this.st[fp - 1]!;
      let x = this.st[fp - 3]!;
      let xs = this.st[fp - 2]!;
      if (i < 0) {
        this.deref(x, xs);
        x = this.derefT;
        xs = this.derefS;
        const h = b.head[x]!;
        let done = -1;
        if (b.nvo[x] === 0) done = x;
        else if (h < 0) done = this.renameSlot(xs * STRIDE + (-h - 1));
        if (done >= 0) {
          fp -= 3;
          if (rp >= this.rs.length) this.growRs();
          this.rs[rp++] = done;
          continue;
        }
        this.st[fp - 3] = x;
        this.st[fp - 2] = xs;
        this.st[fp - 1] = 0;
        continue;
      }
      const h = b.head[x]!;
      const n = b.symArity[h]!;
      if (i < n) {
        this.st[fp - 1] = i + 1;
        while (fp + 3 > this.st.length) this.growSt();
        this.st[fp++] = b.args[b.argStart[x]! + i]!;
        this.st[fp++] = xs;
        this.st[fp++] = -1;
        continue;
      }
      const id = b.appN(h, this.rs, rp - n, n);
      rp -= n;
      this.rs[rp++] = id;
      fp -= 3;
    }
    return this.rs[0]!;
  }

  private growRs(): void {
    const a = new Int32Array(this.rs.length * 2);
    a.set(this.rs);
    this.rs = a;
  }

  // ---- one-sided matching: pattern variables bound to target terms (targets are never instantiated) ----

  undoMatch(mark: number): void {
    while (this.mLen > mark) this.mB[this.mTrail[--this.mLen]!] = -1;
  }

  /** Extend the current matcher so that pattern p becomes t; on failure the matcher is unchanged. */
  match(p: number, t: number): boolean {
    const b = this.bank;
    const mark = this.mLen;
    let stack = this.ms;
    stack[0] = p;
    stack[1] = t;
    let sp = 2;
    while (sp > 0) {
      const y = stack[--sp]!;
      const x = stack[--sp]!;
      const hx = b.head[x]!;
      if (hx < 0) {
        const v = -hx - 1;
        const cur = this.mB[v]!;
        if (cur < 0) {
          if (b.bool[y] === 1) {
            this.undoMatch(mark);
            return false;
          }
          this.mB[v] = y;
          if (this.mLen >= this.mTrail.length) {
            const tr = new Int32Array(this.mTrail.length * 2);
            tr.set(this.mTrail);
            this.mTrail = tr;
          }
          this.mTrail[this.mLen++] = v;
        } else if (cur !== y) {
          this.undoMatch(mark);
          return false;
        }
        continue;
      }
      if (b.nvo[x] === 0) {
        if (x !== y) {
          this.undoMatch(mark);
          return false;
        }
        continue;
      }
      if (b.head[y] !== hx) {
        this.undoMatch(mark);
        return false;
      }
      const n = b.symArity[hx]!;
      const ax = b.argStart[x]!;
      const ay = b.argStart[y]!;
      if (sp + 2 * n > stack.length) {
        const g = new Int32Array(Math.max(2 * stack.length, sp + 2 * n));
        g.set(stack);
        this.ms = stack = g;
      }
      for (let k = 0; k < n; k++) {
        stack[sp++] = b.args[ax + k]!;
        stack[sp++] = b.args[ay + k]!;
      }
    }
    return true;
  }

  /** The pattern p under the current matcher (all its variables must be bound, or they stay as they are). */
  instMatch(p: number): number {
    const b = this.bank;
    if (b.nvo[p] === 0) return p;
    const work: Array<{ t: number; i: number }> = [{ t: p, i: 0 }];
    const out: number[] = [];
    while (work.length > 0) {
      const fr = work[work.length - 1]!;
      const h = b.head[fr.t]!;
      if (h < 0) {
        const m = this.mB[-h - 1]!;
        out.push(m < 0 ? fr.t : m);
        work.pop();
        continue;
      }
      if (b.nvo[fr.t] === 0) {
        out.push(fr.t);
        work.pop();
        continue;
      }
      const n = b.symArity[h]!;
      if (fr.i < n) {
        work.push({ t: b.args[b.argStart[fr.t]! + fr.i++]!, i: 0 });
        continue;
      }
      const id = b.appN(h, out, out.length - n, n);
      out.length -= n;
      out.push(id);
      work.pop();
    }
    return out[0]!;
  }
}
