/**
 * The given-clause loop (DISCOUNT style: only active clauses are used for
 * simplification; passive clauses are simplified when picked).
 *
 * Calculus: superposition (which with the `p(s) = $$true` encoding also performs
 * ordered resolution), equality resolution, equality factoring (which also
 * performs positive factoring), with literal selection. Simplification:
 * demodulation by unit equations (forward and backward), subsumption resolution,
 * forward and backward subsumption, tautology and duplicate/trivial literal
 * deletion. All retrieval goes through fingerprint indexes.
 *
 * Synchronous and pure: no I/O; the caller passes a deadline / shouldStop.
 */
import type { Literal } from '../logic/clause.js';
import type { InputClause } from '../logic/cnf.js';
import type { ProverResult, Rule } from '../logic/proof.js';
import type { Clausified } from '../logic/cnf.js';
import type { SzsStatus } from '../logic/szs.js';
import { TermBank, Subst, PRED, MAX_VARS } from './bank.js';
import { Kbo, Lpo, GT, LT, EQ } from './order.js';
import type { TermOrdering } from './order.js';
import { SClause, showClause, mkLit, cleanLits, litsWeight, litsVarBound, PASSIVE, ACTIVE, DEAD } from './sclause.js';
import type { SLit } from './sclause.js';
import { FingerprintIndex, BruteIndex } from './fpindex.js';
import type { TermIndex, IndexEntry } from './fpindex.js';
import { MultiQueue } from './heuristics/queue.js';
import { select, maximalIn } from './heuristics/selection.js';
import { Weigher } from './heuristics/weight.js';
import { DEFAULT_STRATEGY } from './heuristics/strategy.js';
import type { QueueSpec, Strategy } from './heuristics/strategy.js';
export { DEFAULT_STRATEGY } from './heuristics/strategy.js';
export type { QueueSpec, Selection, Strategy } from './heuristics/strategy.js';
import { buildProof } from './proof.js';
import { sineSubset } from './preprocess/sine.js';

/** What a run reads of the clausifier's output (provers/logic/cnf.ts): the clauses, their derivation steps, whether there is a conjecture. */
export type ClausifiedLike = Pick<Clausified, 'clauses' | 'steps' | 'hasConjecture'>;

export interface SaturateOptions {
  /** Absolute deadline (Date.now() milliseconds). */
  readonly deadline?: number;
  readonly shouldStop?: () => boolean;
  /** Cap on clauses created (kept ones); exceeding it ends the run with ResourceOut. */
  readonly maxClauses?: number;
  readonly strategy?: Partial<Strategy>;
  /** Use the brute-force index everywhere (testing oracle; slow). */
  readonly bruteIndex?: boolean;
  /** Called with each given clause (debugging / verbose CLI); off by default so no strings are built. */
  readonly trace?: (line: string) => void;
  /**
   * Something else to do once, between two given clauses, when the clock passes `at` (the runner's model
   * search); `run` returning true ends this run as 'stopped'. Not reached if the run ends first.
   */
  readonly interlude?: Interlude;
}

export interface Interlude {
  readonly at: number;
  run(): boolean;
}

class Entry implements IndexEntry {
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

interface Rewrite {
  readonly c: SClause;
  readonly sub: Int32Array;
}

const MAX_REWRITE_DEPTH = 400;
/** Backtracking steps allowed per subsumption test. */
const SUBSUMPTION_BUDGET = 2000;
/** Memory guard: beyond this many clauses a run ends with ResourceOut (≈ a few GB of heap). */
const DEFAULT_MAX_CLAUSES = 4_000_000;
/** Unfold a definition only when its body is at most this many symbols bigger than the defined term (E: 20). */
const UNFOLD_LIMIT = 20;
/** Definition unfolding scans the whole input per definition: skip it on huge inputs. */
const UNFOLD_MAX_CLAUSES = 20000;
type Outcome = { kind: 'proof'; empty: SClause } | { kind: 'saturated' } | { kind: 'timeout' } | { kind: 'stopped' } | { kind: 'resource' };

export class Saturation {
  readonly bank = new TermBank();
  /** The simplification ordering (KBO unless the strategy asks for LPO). */
  readonly ord: TermOrdering;
  readonly sub = new Subst(this.bank);
  readonly strategy: Strategy;
  private nextId = 0;
  private readonly queue: MultiQueue;
  private readonly weigher: Weigher;
  private readonly queueKeys: readonly QueueSpec['key'][];
  private readonly keyBuf: number[];
  private incomplete = false;
  /** True while the input clauses are put into the passive set (see Strategy.preferInitial). */
  private addingInputs = false;
  private empty: SClause | null = null;
  private stampCounter = 1;
  /** Set when the deadline or shouldStop fired inside inference generation. */
  private outOfTime = false;
  stats = { generated: 0, processed: 0, kept: 0, active: 0, rewrites: 0, subsumed: 0, backwardSubsumed: 0 };

  private readonly supFrom: TermIndex<Entry>;
  private readonly supInto: TermIndex<Entry>;
  private readonly demod: TermIndex<Entry>;
  private readonly allSub: TermIndex<Entry>;
  private readonly litOnePos: TermIndex<Entry>;
  private readonly litOneNeg: TermIndex<Entry>;
  private readonly litAllPos: TermIndex<Entry>;
  private readonly litAllNeg: TermIndex<Entry>;

  constructor(
    private readonly input: ClausifiedLike,
    private readonly opts: SaturateOptions = {},
  ) {
    this.strategy = { ...DEFAULT_STRATEGY, ...(opts.strategy ?? {}) };
    this.ord = this.strategy.ordering === 'lpo' ? new Lpo(this.bank) : new Kbo(this.bank);
    this.ord.litCmp = this.strategy.litCmp ?? 'normal';
    const qs = this.strategy.queues ?? [{ key: 'rel', n: this.strategy.ratio }];
    this.queue = this.strategy.queues
      ? new MultiQueue(
          qs.map((q) => q.n),
          this.strategy.ratio,
        )
      : new MultiQueue([this.strategy.ratio], 1);
    this.queueKeys = qs.map((q) => q.key);
    this.keyBuf = new Array<number>(qs.length).fill(0);
    this.weigher = new Weigher(this.bank, this.strategy);
    const mk = (): TermIndex<Entry> => (opts.bruteIndex ? new BruteIndex<Entry>() : new FingerprintIndex<Entry>(this.bank));
    this.supFrom = mk();
    this.supInto = mk();
    this.demod = mk();
    this.allSub = mk();
    this.litOnePos = mk();
    this.litOneNeg = mk();
    this.litAllPos = mk();
    this.litAllNeg = mk();
    if (this.strategy.sos || this.strategy.litCmp === 'tfo-eqmax') this.incomplete = true;
  }

  // ------------------------------------------------------------------ input

  private convertInput(ic: InputClause): SClause | null {
    const b = this.bank;
    const vars = new Map<string, number>();
    const lits: SLit[] = [];
    let trivial = false;
    let tautology = false;
    for (const L of ic.clause.literals) {
      if (L.pred === '=' && L.args.length === 2) {
        const l = b.fromTerm(L.args[0]!, vars);
        const r = b.fromTerm(L.args[1]!, vars);
        lits.push(mkLit(this.ord, L.positive, l, r, b.TRUE));
        continue;
      }
      if ((L.pred === '$true' || L.pred === '$false') && L.args.length === 0) {
        if ((L.pred === '$true') === L.positive) tautology = true;
        else trivial = true;
        continue;
      }
      const args = L.args.map((a) => b.fromTerm(a, vars));
      lits.push({ pos: L.positive, l: b.app(b.sym(L.pred, args.length, PRED), args), r: b.TRUE, oriented: true });
    }
    if (tautology) return null;
    if (vars.size > MAX_VARS) {
      this.incomplete = true;
      return null;
    }
    const names = [...vars.keys()];
    const goal = ic.role === 'negated_conjecture';
    const c = this.newClause(lits, 'input', [], [], goal, { stepId: ic.id, varNames: names });
    if (!trivial) return c;
    // `$false` literals were dropped: record that as its own step from the input clause.
    const idSub = new Int32Array(names.length);
    for (let v = 0; v < names.length; v++) idSub[v] = b.mkVar(v);
    return this.newClause(lits, 'trivial_literal_removal', [c], [idSub], goal);
  }

  private newClause(
    lits: readonly SLit[],
    rule: Rule | 'input',
    parents: readonly SClause[],
    substs: readonly (Int32Array | null)[],
    goal: boolean,
    input?: { stepId: string; varNames: readonly string[] },
  ): SClause {
    const b = this.bank;
    const nv = input ? input.varNames.length : litsVarBound(b, lits);
    return new SClause(this.nextId++, lits, litsWeight(b, lits), nv, rule, parents, substs, goal, input);
  }

  // ------------------------------------------------------------------ main loop

  run(): ProverResult {
    const t0 = Date.now();
    const outcome = this.loop();
    return this.result(outcome, Date.now() - t0);
  }

  private loop(): Outcome {
    const { deadline, shouldStop } = this.opts;
    const maxClauses = this.opts.maxClauses ?? DEFAULT_MAX_CLAUSES;
    // precedence from symbol frequencies in the input
    const inputs: SClause[] = [];
    let given = this.input.clauses;
    const kept = sineSubset(this.input, this.strategy.sine);
    if (kept) {
      this.incomplete = true;
      given = kept;
    }
    for (const ic of given) {
      const c = this.convertInput(ic);
      if (c) inputs.push(c);
    }
    this.setPrecedence(inputs);
    for (const c of inputs) if (c.goal) this.weigher.addSymbols(c, this.weigher.goalSyms);
    if (this.strategy.relLevels === true && this.weigher.goalSyms.size > 0) this.weigher.computeLevels(inputs);
    // Orientation was computed before the precedence was fixed; re-orient (same literals, same step).
    let prepared = inputs.map((c0) => this.reorient(c0));
    if (this.strategy.unfoldDefinitions === true) prepared = this.unfoldDefinitions(prepared);
    this.addingInputs = true;
    for (const c of prepared) {
      const cl = this.cleaned(c);
      if (!cl) continue;
      if (cl.lits.length === 0) return { kind: 'proof', empty: cl };
      if (this.strategy.sos && !cl.goal) {
        const s = this.forwardSimplify(cl);
        if (!s) continue;
        if (s.lits.length === 0) return { kind: 'proof', empty: s };
        this.activate(s);
      } else this.addPassive(cl);
    }
    this.addingInputs = false;
    let interlude = this.opts.interlude;
    for (;;) {
      const now = Date.now();
      if (deadline !== undefined && now > deadline) return { kind: 'timeout' };
      if (interlude && now >= interlude.at) {
        const stop = interlude.run();
        interlude = undefined;
        if (stop) return { kind: 'stopped' };
      }
      if (shouldStop && shouldStop()) return { kind: 'stopped' };
      if (this.nextId > maxClauses) return { kind: 'resource' };
      const given0 = this.queue.pop();
      if (!given0) return { kind: 'saturated' };
      given0.state = DEAD;
      this.stats.processed++;
      const g = this.forwardSimplify(given0);
      if (!g) continue;
      if (g.lits.length === 0) return { kind: 'proof', empty: g };
      if (this.forwardSubsumed(g)) {
        this.stats.subsumed++;
        continue;
      }
      // g is kept: activate, then use it to simplify the active set, then infer.
      if (this.opts.trace)
        this.opts.trace(
          `given c${g.id} (${g.rule}${g.parents.length ? ' ' + g.parents.map((q) => 'c' + q.id).join(',') : ''}, prio ${this.weigher.prio(g)}): ${showClause(this.bank, g)}`,
        );
      this.activate(g);
      this.backwardSimplify(g);
      if (this.empty) return { kind: 'proof', empty: this.empty };
      this.generate(g);
      if (this.empty) return { kind: 'proof', empty: this.empty };
      if (this.outOfTime) return shouldStop && shouldStop() ? { kind: 'stopped' } : { kind: 'timeout' };
    }
  }

  private setPrecedence(cs: readonly SClause[]): void {
    const b = this.bank;
    const freq = new Map<number, number>();
    for (const c of cs)
      for (const x of c.lits)
        for (const t of [x.l, x.r])
          b.someSubterm(t, (u) => {
            const h = b.head[u]!;
            if (h >= 0) freq.set(h, (freq.get(h) ?? 0) + 1);
            return false;
          });
    this.ord.setPrecedence(freq, {
      predWeights: this.strategy.predWeights === true,
      byArity: this.strategy.precedence !== 'invfreq',
      funWeights: this.strategy.funWeights ?? 'one',
    });
  }

  /**
   * Equational definitions among the input: a positive unit `f(X1,…,Xn) = t` with distinct variables, f not
   * in t, vars(t) ⊆ {X̄}, and t at most UNFOLD_LIMIT symbols bigger. Each is applied to every other clause
   * (recorded as demodulation steps, so the checker sees the definition as a parent) and then dropped: a model
   * of the rest extends to f by the definition, so saturation answers stay correct. One at a time, so a
   * later definition sees the earlier ones unfolded (and a cycle stops being a definition).
   */
  private unfoldDefinitions(cs: SClause[]): SClause[] {
    const b = this.bank;
    if (cs.length > UNFOLD_MAX_CLAUSES) return cs;
    const done = new Set<number>();
    for (;;) {
      let def: { c: SClause; f: number; lhs: number; rhs: number } | null = null;
      for (const c of cs) {
        // Only axioms define: a negated-conjecture unit `sk = t` names a witness the search should keep.
        if (c.goal || c.lits.length !== 1 || !c.lits[0]!.pos || c.lits[0]!.r === b.TRUE) continue;
        const x = c.lits[0]!;
        for (const [lhs, rhs] of [
          [x.l, x.r],
          [x.r, x.l],
        ] as const) {
          const f = b.head[lhs]!;
          // Functions only: unfolding a constant c = t just trades one name for a bigger term.
          if (f < 0 || b.symArity[f] === 0 || done.has(f) || !this.isDefinition(lhs, rhs)) continue;
          if (b.size[rhs]! - b.size[lhs]! > UNFOLD_LIMIT) continue;
          def = { c, f, lhs, rhs };
          break;
        }
        if (def) break;
      }
      if (!def) return cs;
      done.add(def.f);
      const d = def;
      const out: SClause[] = [];
      let ok = true;
      for (const c of cs) {
        if (c === d.c) continue;
        const u = this.unfoldIn(c, d.c, d.f, d.lhs, d.rhs);
        if (u === undefined) {
          ok = false; // a term too deep to rewrite safely: keep everything as it was
          break;
        }
        if (u !== null) out.push(u);
      }
      if (ok) cs = out;
    }
  }

  /** lhs = f(distinct variables), f does not occur in rhs, and rhs has no other variables. */
  private isDefinition(lhs: number, rhs: number): boolean {
    const b = this.bank;
    const f = b.head[lhs]!;
    const n = b.symArity[f]!;
    const vars = new Set<number>();
    for (let k = 0; k < n; k++) {
      const a = b.arg(lhs, k);
      if (b.head[a]! >= 0 || vars.has(a)) return false;
      vars.add(a);
    }
    return !b.someSubterm(rhs, (t) => (b.head[t]! < 0 ? !vars.has(t) : b.head[t] === f));
  }

  /** c with every f-term replaced by the definition's body; c itself if none; null for a tautology; undefined when too deep. */
  private unfoldIn(c: SClause, d: SClause, f: number, lhs: number, rhs: number): SClause | null | undefined {
    const b = this.bank;
    const rewrites: Rewrite[] = [];
    let changed = false;
    let tooDeep = false;
    const go = (t: number): number => {
      if (b.depth[t]! > MAX_REWRITE_DEPTH) {
        if (b.someSubterm(t, (u) => b.head[u] === f)) tooDeep = true;
        return t;
      }
      const h = b.head[t]!;
      if (h < 0) return t;
      const n = b.symArity[h]!;
      let args: number[] | null = null;
      for (let k = 0; k < n; k++) {
        const a = b.arg(t, k);
        const a2 = go(a);
        if (a2 !== a && !args) {
          args = [];
          for (let j = 0; j < k; j++) args.push(b.arg(t, j));
        }
        if (args) args.push(a2);
      }
      if (args) t = b.app(h, args);
      if (h !== f) return t;
      const s = this.sub;
      const mark = s.mLen;
      s.match(lhs, t);
      const r = s.instMatch(rhs);
      const sub = new Int32Array(d.nv);
      for (let v = 0; v < d.nv; v++) {
        const m = s.mB[v]!;
        sub[v] = m < 0 ? b.mkVar(v) : m;
      }
      s.undoMatch(mark);
      rewrites.push({ c: d, sub });
      changed = true;
      return r;
    };
    const lits = c.lits.map((x) => {
      const l = go(x.l);
      const r = x.r === b.TRUE ? x.r : go(x.r);
      return l === x.l && r === x.r ? x : mkLit(this.ord, x.pos, l, r, b.TRUE);
    });
    if (tooDeep) return undefined;
    if (!changed) return c;
    return this.demodulationStep(c, lits, rewrites);
  }

  private reorient(c: SClause): SClause {
    const b = this.bank;
    const lits = c.lits.map((x) => mkLit(this.ord, x.pos, x.l, x.r, b.TRUE));
    return new SClause(c.id, lits, c.weight, c.nv, c.rule, c.parents, c.substs, c.goal, c.input);
  }

  private addPassive(c: SClause): void {
    c.state = PASSIVE;
    this.stats.kept++;
    // One key per heap, written into a reused buffer (this runs for every kept clause).
    const keys = this.keyBuf;
    let rel = -1;
    for (let i = 0; i < this.queueKeys.length; i++) {
      const k = this.queueKeys[i]!;
      if (k === 'weight') keys[i] = c.weight;
      else if (k === 'horn') keys[i] = hornDistance(c) * HORN_STEP + c.weight;
      else {
        if (rel < 0) rel = this.weigher.prio(c);
        keys[i] = k === 'sos' && !c.goal ? rel + 1e9 : rel;
      }
      if (this.strategy.preferInitial && this.addingInputs) keys[i]! -= INITIAL_FIRST;
    }
    this.queue.push(c, keys);
  }

  /** Identity substitution array for a clause (used when a step keeps the parent's variables). */
  private identity(c: SClause): Int32Array {
    const a = new Int32Array(c.nv);
    for (let v = 0; v < c.nv; v++) a[v] = this.bank.mkVar(v);
    return a;
  }

  /** Remove trivial/duplicate literals (a new step) or return null for tautologies. */
  private cleaned(c: SClause): SClause | null {
    const r = cleanLits(c.lits);
    if (r === null) return null;
    if (r === 'same') return c;
    const trivialOnly = r.length + countTrivial(c.lits) === c.lits.length;
    return this.newClause(r, trivialOnly ? 'trivial_literal_removal' : 'duplicate_literal_removal', [c], [this.identity(c)], c.goal);
  }

  // ------------------------------------------------------------------ simplification

  /** Demodulate, clean and subsumption-resolve; null when the clause became a tautology. */
  private forwardSimplify(c0: SClause): SClause | null {
    let c: SClause | null = c0;
    for (;;) {
      c = this.destructiveEqRes(c);
      c = this.demodulate(c);
      if (!c) return null;
      if (c.lits.length === 0) return c;
      const d = this.subsumptionResolve(c);
      if (d === c) return c;
      c = d;
      if (c.lits.length === 0) return c;
    }
  }

  /**
   * Destructive equality resolution: `C ∨ x≠t` with x not in t is equivalent to `C[x:=t]`, so it
   * replaces the clause (recorded as an ordinary equality_resolution step). Without it a clause like
   * `x≠y ∨ ¬p(y) ∨ x=z` keeps the maximal `x=z` and superposes from a variable into everything.
   */
  private destructiveEqRes(c: SClause): SClause {
    const b = this.bank;
    const s = this.sub;
    for (;;) {
      let i = -1;
      for (let k = 0; k < c.lits.length && i < 0; k++) {
        const x = c.lits[k]!;
        if (!x.pos && x.r !== b.TRUE && (b.head[x.l]! < 0 || b.head[x.r]! < 0)) i = k;
      }
      if (i < 0) return c;
      const x = c.lits[i]!;
      const mark = s.trailLen;
      if (!s.unify(x.l, 0, x.r, 0)) return c; // occurs check: x occurs in t
      s.resetRename();
      const lits: SLit[] = [];
      this.instOthers(c, i, 0, lits);
      const sub = this.parentSubst(c, 0);
      s.undo(mark);
      const cl = cleanLits(lits);
      // A tautology after the substitution: keep the clause as it was (the loop deletes tautologies elsewhere).
      if (cl === null) return c;
      c = this.newClause(cl === 'same' ? lits : cl, 'equality_resolution', [c], [sub], c.goal);
    }
  }

  /** Rewrite c to normal form w.r.t. the active unit equations; returns c itself when nothing applied. */
  private demodulate(c: SClause): SClause | null {
    if (this.demod.size() === 0) return c;
    const rewrites: Rewrite[] = [];
    const b = this.bank;
    let changed = false;
    const lits: SLit[] = [];
    for (const x of c.lits) {
      let l = x.l;
      let r = x.r;
      if (x.pos) {
        // Top positions of a positive literal: only rewrite with an instance smaller than the literal.
        l = this.normalize(l, r, rewrites);
        r = r === b.TRUE ? r : this.normalize(r, l, rewrites);
      } else {
        l = this.normalize(l, -1, rewrites);
        r = r === b.TRUE ? r : this.normalize(r, -1, rewrites);
      }
      if (l !== x.l || r !== x.r) {
        changed = true;
        lits.push(mkLit(this.ord, x.pos, l, r, b.TRUE));
      } else lits.push(x);
    }
    if (!changed) return c;
    this.stats.rewrites += rewrites.length;
    return this.demodulationStep(c, lits, rewrites);
  }

  /** The clause c rewritten to `lits` by `rewrites`, as one demodulation step; null for a tautology. */
  private demodulationStep(c: SClause, lits: SLit[], rewrites: readonly Rewrite[]): SClause | null {
    const parents: SClause[] = [c];
    const substs: Int32Array[] = [this.identity(c)];
    for (const rw of rewrites) {
      parents.push(rw.c);
      substs.push(rw.sub);
    }
    const cl = cleanLits(lits);
    if (cl === null) return null;
    const out = cl === 'same' ? lits : cl;
    return this.newClause(out, 'demodulation', parents, substs, c.goal || rewrites.some((rw) => rw.c.goal));
  }

  /** Innermost normalization, appending each step to `rewrites`; `guard` ≥ 0: at the top, only rewrite to something smaller than `guard`. */
  private normalize(t: number, guard: number, rewrites: Rewrite[]): number {
    const b = this.bank;
    if (b.depth[t]! > MAX_REWRITE_DEPTH) return t; // simplification is optional: skipping it is safe
    for (;;) {
      const h = b.head[t]!;
      if (h < 0) return t;
      const n = b.symArity[h]!;
      if (n > 0) {
        let args: number[] | null = null;
        for (let k = 0; k < n; k++) {
          const a = b.arg(t, k);
          const a2 = this.normalize(a, -1, rewrites);
          if (a2 !== a && !args) {
            args = [];
            for (let j = 0; j < k; j++) args.push(b.arg(t, j));
          }
          if (args) args.push(a2);
        }
        if (args) t = b.app(h, args);
      }
      const r = this.rewriteTop(t, guard, rewrites);
      if (r < 0) return t;
      t = r;
      if (guard >= 0) guard = -1; // after one guarded step the literal is already smaller
    }
  }

  /** One rewrite step at the top of t by an active unit equation, appended to `rewrites`; -1 when none applies. */
  private rewriteTop(t: number, guard: number, rewrites: Rewrite[]): number {
    const b = this.bank;
    const s = this.sub;
    let result = -1;
    this.demod.retrieve(t, 'general', (e) => {
      if (result >= 0) return;
      const mark = s.mLen;
      if (!s.match(e.term, t)) return;
      const c = e.c;
      const x = c.lits[0]!;
      const rhs = e.side === 0 ? x.r : x.l;
      const rs = s.instMatch(rhs);
      let ok = x.oriented && e.side === 0 ? true : this.ord.compare(t, rs) === GT;
      if (ok && guard >= 0 && this.ord.compare(guard, rs) !== GT) ok = false;
      if (ok) {
        const sub = new Int32Array(c.nv);
        for (let v = 0; v < c.nv; v++) {
          const m = s.mB[v]!;
          sub[v] = m < 0 ? b.mkVar(v) : m;
        }
        rewrites.push({ c, sub });
        result = rs;
      }
      s.undoMatch(mark);
    });
    return result;
  }

  /** Literal key for the subsumption indexes: the atom, or `=(l, r)`. */
  private litKey(x: SLit, swap: boolean): number {
    const b = this.bank;
    if (x.r === b.TRUE) return x.l;
    return swap ? b.app(b.EQ_SYM, [x.r, x.l]) : b.app(b.EQ_SYM, [x.l, x.r]);
  }

  /** Does C subsume D (multiset, with D's literal `flip` read with the opposite sign)? Leaves the matcher bound on success. */
  private subsumes(C: SClause, D: SClause, flip: number): boolean {
    if (C.lits.length > D.lits.length) return false;
    if (C === D) return false;
    const used = new Uint8Array(D.lits.length);
    const s = this.sub;
    // Multiset subsumption is NP-complete: bound the backtracking. Giving up only means
    // "not subsumed", which is always safe (a redundant clause is kept).
    let budget = SUBSUMPTION_BUDGET;
    const go = (i: number): boolean => {
      if (i === C.lits.length) return true;
      if (--budget < 0) return false;
      const x = C.lits[i]!;
      for (let j = 0; j < D.lits.length; j++) {
        if (used[j]) continue;
        const y = D.lits[j]!;
        const ypos = j === flip ? !y.pos : y.pos;
        if (ypos !== x.pos) continue;
        const mark = s.mLen;
        if (s.match(x.l, y.l)) {
          if (s.match(x.r, y.r)) {
            used[j] = 1;
            if (go(i + 1)) return true;
            used[j] = 0;
          }
          s.undoMatch(mark);
        }
        if (x.r !== this.bank.TRUE && s.match(x.l, y.r)) {
          if (s.match(x.r, y.l)) {
            used[j] = 1;
            if (go(i + 1)) return true;
            used[j] = 0;
          }
          s.undoMatch(mark);
        }
      }
      return false;
    };
    return go(0);
  }

  private forwardSubsumed(d: SClause): boolean {
    const stamp = this.stampCounter++;
    const s = this.sub;
    let found = false;
    for (const x of d.lits) {
      const idx = x.pos ? this.litOnePos : this.litOneNeg;
      for (let sw = 0; sw < (x.r === this.bank.TRUE ? 1 : 2) && !found; sw++) {
        idx.retrieve(this.litKey(x, sw === 1), 'general', (e) => {
          if (found || e.c.stamp === stamp) return;
          e.c.stamp = stamp;
          const mark = s.mLen;
          if (this.subsumes(e.c, d, -1)) found = true;
          s.undoMatch(mark);
        });
      }
      if (found) return true;
    }
    return false;
  }

  /** One round of subsumption resolution over d's literals (repeats until none applies). */
  private subsumptionResolve(d: SClause): SClause {
    const s = this.sub;
    for (let i = 0; i < d.lits.length; i++) {
      const x = d.lits[i]!;
      const idx = x.pos ? this.litAllNeg : this.litAllPos;
      let hit: SClause | null = null;
      let hitSub: Int32Array | null = null;
      const stamp = this.stampCounter++;
      for (let sw = 0; sw < (x.r === this.bank.TRUE ? 1 : 2) && !hit; sw++) {
        idx.retrieve(this.litKey(x, sw === 1), 'general', (e) => {
          if (hit || e.c.stamp === stamp) return;
          e.c.stamp = stamp;
          const mark = s.mLen;
          if (this.subsumes(e.c, d, i)) {
            hit = e.c;
            hitSub = new Int32Array(e.c.nv);
            for (let v = 0; v < e.c.nv; v++) {
              const m = s.mB[v]!;
              hitSub[v] = m < 0 ? this.bank.mkVar(v) : m;
            }
          }
          s.undoMatch(mark);
        });
      }
      if (hit) {
        const h = hit as SClause;
        const lits = d.lits.filter((_, j) => j !== i);
        return this.newClause(lits, 'subsumption_resolution', [d, h], [this.identity(d), hitSub!], d.goal || h.goal);
      }
    }
    return d;
  }

  private backwardSimplify(g: SClause): void {
    const b = this.bank;
    const s = this.sub;
    // backward subsumption
    let key = 0;
    let best = -1;
    for (let i = 0; i < g.lits.length; i++) {
      const w = b.size[g.lits[i]!.l]! + b.size[g.lits[i]!.r]!;
      if (w > best) {
        best = w;
        key = i;
      }
    }
    const x = g.lits[key]!;
    const idx = x.pos ? this.litAllPos : this.litAllNeg;
    const victims: SClause[] = [];
    const stamp = this.stampCounter++;
    for (let sw = 0; sw < (x.r === b.TRUE ? 1 : 2); sw++) {
      idx.retrieve(this.litKey(x, sw === 1), 'instance', (e) => {
        if (e.c === g || e.c.stamp === stamp) return;
        e.c.stamp = stamp;
        const mark = s.mLen;
        if (this.subsumes(g, e.c, -1)) victims.push(e.c);
        s.undoMatch(mark);
      });
    }
    for (const v of victims) {
      v.state = DEAD;
      this.stats.backwardSubsumed++;
      this.stats.active--;
    }
    // backward demodulation: g is a unit equation (or unit predicate) now in the demod index
    if (g.lits.length !== 1 || !g.lits[0]!.pos) return;
    const y = g.lits[0]!;
    const cands: SClause[] = [];
    const st2 = this.stampCounter++;
    const sides = y.r === b.TRUE || y.oriented ? [y.l] : [y.l, y.r];
    for (const lhs of sides) {
      this.allSub.retrieve(lhs, 'instance', (e) => {
        if (e.c === g || e.c.stamp === st2) return;
        const mark = s.mLen;
        if (s.match(lhs, e.term)) {
          e.c.stamp = st2;
          cands.push(e.c);
        }
        s.undoMatch(mark);
      });
    }
    for (const c of cands) {
      if (c.state !== ACTIVE) continue;
      const d = this.demodulate(c);
      if (d === c) continue;
      c.state = DEAD;
      this.stats.active--;
      if (!d) continue;
      if (d.lits.length === 0) {
        this.empty = d;
        return;
      }
      this.addPassive(d);
    }
  }

  // ------------------------------------------------------------------ activation and indexing

  private activate(c: SClause): void {
    const b = this.bank;
    c.state = ACTIVE;
    this.stats.active++;
    const n = c.lits.length;
    const sel = select(this.bank, this.ord, this.strategy.selection, c);
    const elig: boolean[] = new Array<boolean>(n).fill(false);
    if (sel >= 0) elig[sel] = true;
    else {
      for (let i = 0; i < n; i++) elig[i] = maximalIn(this.ord, c, i);
    }
    c.elig = elig;
    c.sel = sel;
    for (let i = 0; i < n; i++) {
      const x = c.lits[i]!;
      if (elig[i]) {
        const sides = x.oriented ? 1 : 2;
        for (let sd = 0; sd < sides; sd++) {
          const t = sd === 0 ? x.l : x.r;
          if (t === b.TRUE) continue;
          if (x.pos && sel < 0) this.supFrom.insert(new Entry(t, c, i, sd, 0));
          this.forSubterms(t, (u, pos) => this.supInto.insert(new Entry(u, c, i, sd, pos)));
        }
      }
      const keyIdx = x.pos ? this.litAllPos : this.litAllNeg;
      keyIdx.insert(new Entry(this.litKey(x, false), c, i, 0, 0));
    }
    // one literal (the heaviest) keys forward subsumption
    let key = 0;
    let best = -1;
    for (let i = 0; i < n; i++) {
      const w = b.size[c.lits[i]!.l]! + b.size[c.lits[i]!.r]!;
      if (w > best) {
        best = w;
        key = i;
      }
    }
    if (n > 0) {
      const kx = c.lits[key]!;
      (kx.pos ? this.litOnePos : this.litOneNeg).insert(new Entry(this.litKey(kx, false), c, key, 0, 0));
    }
    // all subterms (for backward demodulation), deduplicated per clause
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const x = c.lits[i]!;
      for (const t of [x.l, x.r]) {
        if (t === b.TRUE) continue;
        this.forSubterms(t, (u) => {
          if (seen.has(u)) return;
          seen.add(u);
          this.allSub.insert(new Entry(u, c, i, 0, 0));
        });
      }
    }
    // unit equations become demodulators
    if (n === 1 && c.lits[0]!.pos) {
      const x = c.lits[0]!;
      if (x.r === b.TRUE || x.oriented || varsSubset(b, x.r, x.l)) this.demod.insert(new Entry(x.l, c, 0, 0, 0));
      if (x.r !== b.TRUE && !x.oriented && varsSubset(b, x.l, x.r)) this.demod.insert(new Entry(x.r, c, 0, 1, 0));
    }
  }

  /** Non-variable subterms in preorder with their preorder positions. */
  private forSubterms(t: number, f: (u: number, pos: number) => void): void {
    const b = this.bank;
    const st = [t];
    let pos = 0;
    while (st.length > 0) {
      const u = st.pop()!;
      const h = b.head[u]!;
      if (h >= 0) {
        f(u, pos);
        const s = b.argStart[u]!;
        for (let k = b.symArity[h]! - 1; k >= 0; k--) st.push(b.args[s + k]!);
      }
      pos++;
    }
  }

  // ------------------------------------------------------------------ generating inferences

  private generate(g: SClause): void {
    const b = this.bank;
    const elig = g.elig!;
    const hasSel = g.sel >= 0;
    for (let i = 0; i < g.lits.length && !this.empty && !this.outOfTime; i++) {
      if (!elig[i]) continue;
      const x = g.lits[i]!;
      if (!x.pos) this.equalityResolution(g, i);
      else if (!hasSel) this.equalityFactoring(g, i);
      const sides = x.oriented ? 1 : 2;
      for (let sd = 0; sd < sides && !this.empty && !this.outOfTime; sd++) {
        const s = sd === 0 ? x.l : x.r;
        if (s === b.TRUE) continue;
        // g as the "from" clause
        if (x.pos && !hasSel) {
          this.supInto.retrieve(s, 'unify', (e) => {
            if (this.empty || this.outOfTime) return;
            this.superpose(g, i, sd, e.c, e.lit, e.side, e.pos, e.term, 0);
          });
        }
        // g as the "into" clause
        this.forSubterms(s, (u, pos) => {
          this.supFrom.retrieve(u, 'unify', (e) => {
            if (this.empty || this.outOfTime || e.c === g) return;
            this.superpose(e.c, e.lit, e.side, g, i, sd, pos, u, 1);
          });
        });
      }
    }
  }

  /**
   * Superposition from literal fi (side fsd) of F into the subterm u at position pos
   * of side isd of literal ii of I. `gScope` says which of F/I is in scope 0 (the given clause).
   */
  private superpose(
    F: SClause,
    fi: number,
    fsd: number,
    I: SClause,
    ii: number,
    isd: number,
    pos: number,
    u: number,
    gScope: number,
  ): void {
    const b = this.bank;
    const s = this.sub;
    const fx = F.lits[fi]!;
    const ix = I.lits[ii]!;
    const fl = fsd === 0 ? fx.l : fx.r;
    const fr = fsd === 0 ? fx.r : fx.l;
    const isBool = b.bool[fl] === 1;
    if (isBool && (ix.pos || pos !== 0)) return; // resolution needs a negative partner; p=T into p=T is a tautology
    const fS = gScope === 0 ? 0 : 1; // F's scope
    const iS = 1 - fS;
    const mark = s.trailLen;
    if (!s.unify(fl, fS, u, iS)) return;
    s.resetRename();
    const flS = s.inst(fl, fS);
    const frS = s.inst(fr, fS);
    if (!fx.oriented || fsd === 1) {
      const c = this.ord.compare(flS, frS);
      if (c === LT || c === EQ) {
        s.undo(mark);
        return;
      }
    }
    const iT = isd === 0 ? ix.l : ix.r;
    const iO = isd === 0 ? ix.r : ix.l;
    const iTS = s.inst(iT, iS);
    const iOS = s.inst(iO, iS);
    if (!ix.oriented || isd === 1) {
      const c = this.ord.compare(iTS, iOS);
      if (c === LT) {
        s.undo(mark);
        return;
      }
    }
    // simultaneous: every σ(u) in the into-clause becomes σ(r), not only the one at `pos`
    const simul = this.strategy.simulParamod === true && !isBool;
    const newSide = simul ? b.replaceAll(iTS, flS, frS) : pos === 0 ? frS : b.replaceAtPath(iTS, b.pathAt(iT, pos), frS);
    const lits: SLit[] = [mkLit(this.ord, ix.pos, newSide, simul ? b.replaceAll(iOS, flS, frS) : iOS, b.TRUE)];
    this.instOthers(F, fi, fS, lits);
    this.instOthers(I, ii, iS, lits, simul ? flS : -1, frS);
    this.conclude(lits, isBool ? 'resolution' : 'superposition', F, fS, I, iS, mark);
  }

  private parentSubst(c: SClause, scope: number): Int32Array {
    const a = new Int32Array(c.nv);
    for (let v = 0; v < c.nv; v++) a[v] = this.sub.inst(this.bank.mkVar(v), scope);
    return a;
  }

  private equalityResolution(g: SClause, i: number): void {
    const b = this.bank;
    const s = this.sub;
    const x = g.lits[i]!;
    if (x.r === b.TRUE) return;
    const mark = s.trailLen;
    if (!s.unify(x.l, 0, x.r, 0)) return;
    s.resetRename();
    const lits: SLit[] = [];
    this.instOthers(g, i, 0, lits);
    this.conclude(lits, 'equality_resolution', g, 0, null, 1, mark);
  }

  /**
   * Push c's literals except the one at `skip`, instantiated under the current unifier in `scope`; with
   * `from` ≥ 0, every occurrence of the term `from` in them is replaced by `to` (simultaneous superposition).
   */
  private instOthers(c: SClause, skip: number, scope: number, out: SLit[], from = -1, to = -1): void {
    const s = this.sub;
    const b = this.bank;
    for (let k = 0; k < c.lits.length; k++) {
      if (k === skip) continue;
      const y = c.lits[k]!;
      let l = s.inst(y.l, scope);
      let r = s.inst(y.r, scope);
      if (from >= 0) {
        l = b.replaceAll(l, from, to);
        r = b.replaceAll(r, from, to);
      }
      out.push(mkLit(this.ord, y.pos, l, r, b.TRUE));
    }
  }

  private equalityFactoring(g: SClause, i: number): void {
    const b = this.bank;
    const s = this.sub;
    const x = g.lits[i]!;
    const sides = x.oriented ? 1 : 2;
    for (let sd = 0; sd < sides; sd++) {
      const sT = sd === 0 ? x.l : x.r;
      const tT = sd === 0 ? x.r : x.l;
      for (let j = 0; j < g.lits.length; j++) {
        if (j === i) continue;
        const y = g.lits[j]!;
        if (!y.pos) continue;
        for (let sd2 = 0; sd2 < (y.r === b.TRUE ? 1 : 2); sd2++) {
          const s2 = sd2 === 0 ? y.l : y.r;
          const t2 = sd2 === 0 ? y.r : y.l;
          const mark = s.trailLen;
          if (!s.unify(sT, 0, s2, 0)) continue;
          s.resetRename();
          const sS = s.inst(sT, 0);
          const tS = s.inst(tT, 0);
          const c = this.ord.compare(sS, tS);
          if (c === LT || c === EQ) {
            s.undo(mark);
            continue;
          }
          const lits: SLit[] = [
            mkLit(this.ord, false, tS, s.inst(t2, 0), b.TRUE),
            mkLit(this.ord, true, s.inst(s2, 0), s.inst(t2, 0), b.TRUE),
          ];
          for (let k = 0; k < g.lits.length; k++) {
            if (k === i || k === j) continue;
            const z = g.lits[k]!;
            lits.push(mkLit(this.ord, z.pos, s.inst(z.l, 0), s.inst(z.r, 0), b.TRUE));
          }
          this.conclude(lits, tT === b.TRUE && t2 === b.TRUE ? 'factoring' : 'equality_factoring', g, 0, null, 1, mark);
        }
      }
    }
  }

  /**
   * Finish an inference while the unifier is still bound: clean the conclusion, record each
   * parent's substitution (only for clauses that are kept), undo the bindings, store the clause.
   */
  private conclude(lits: SLit[], rule: Rule, A: SClause, sa: number, B: SClause | null, sb: number, mark: number): void {
    this.stats.generated++;
    const cl = cleanLits(lits);
    if (cl === null) {
      this.sub.undo(mark);
      return;
    }
    const out = cl === 'same' ? lits : cl;
    const parents = B ? [A, B] : [A];
    const substs = B ? [this.parentSubst(A, sa), this.parentSubst(B, sb)] : [this.parentSubst(A, sa)];
    this.sub.undo(mark);
    this.emit(out, rule, parents, substs, A.goal || (B !== null && B.goal));
  }

  private emit(out: SLit[], rule: Rule, parents: SClause[], substs: Int32Array[], goal: boolean): void {
    // One given clause can have very many partners: look at the clock inside generation too.
    if ((this.stats.generated & 1023) === 0) {
      const { deadline, shouldStop } = this.opts;
      if ((deadline !== undefined && Date.now() > deadline) || (shouldStop && shouldStop())) this.outOfTime = true;
    }
    if (litsVarBound(this.bank, out) > MAX_VARS) {
      this.incomplete = true;
      return;
    }
    let c: SClause | null = this.newClause(out, rule, parents, substs, goal);
    if (out.length > 0 && this.strategy.simplifyNew === true) {
      // conclude has already undone this inference's unifier, so DER and rewriting start from an empty trail.
      c = this.demodulate(this.destructiveEqRes(c));
      if (!c) return;
    }
    if (c.lits.length === 0) {
      this.empty = c;
      return;
    }
    this.addPassive(c);
  }

  // ------------------------------------------------------------------ result

  private result(o: Outcome, timeMs: number): ProverResult {
    const stats = {
      timeMs,
      generated: this.stats.generated,
      processed: this.stats.processed,
      kept: this.stats.kept,
      rewrites: this.stats.rewrites,
    };
    const prover = `entail-sat/${this.strategy.name}${this.strategy.ordering === 'lpo' ? '+lpo' : ''}`;
    const hasConj = this.input.hasConjecture;
    if (o.kind === 'proof') {
      const proof = buildProof(this.bank, o.empty, this.input.steps);
      const usesGoal = o.empty.goal;
      const status: SzsStatus = hasConj ? (usesGoal ? 'Theorem' : 'ContradictoryAxioms') : 'Unsatisfiable';
      return { status, prover, proof, stats };
    }
    if (o.kind === 'saturated') {
      if (this.incomplete) return { status: 'GaveUp', prover, stats, message: 'saturated under an incomplete strategy' };
      return { status: hasConj ? 'CounterSatisfiable' : 'Satisfiable', prover, stats, message: 'saturated' };
    }
    if (o.kind === 'timeout') return { status: 'Timeout', prover, stats, message: 'deadline reached' };
    if (o.kind === 'stopped') return { status: 'GaveUp', prover, stats, message: 'stopped' };
    return { status: 'ResourceOut', prover, stats, message: `clause limit ${this.opts.maxClauses ?? DEFAULT_MAX_CLAUSES} reached` };
  }
}

/** Positive literals beyond the first: 0 for Horn clauses. */
function hornDistance(c: SClause): number {
  let n = 0;
  for (const x of c.lits) if (x.pos) n++;
  return n > 1 ? n - 1 : 0;
}
/** Subtracted from input clauses' keys under preferInitial: below any derived clause's key. */
const INITIAL_FIRST = 1e12;
/** Larger than any clause weight we keep, so Horn distance sorts first. */
const HORN_STEP = 1e7;

function countTrivial(lits: readonly SLit[]): number {
  let n = 0;
  for (const x of lits) if (!x.pos && x.l === x.r) n++;
  return n;
}

/** vars(a) ⊆ vars(b) */
function varsSubset(b: TermBank, a: number, c: number): boolean {
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

/** Saturate a clausified problem (see module comment). Synchronous; never throws for valid input. */
export function saturate(input: ClausifiedLike, opts: SaturateOptions = {}): ProverResult {
  return new Saturation(input, opts).run();
}

export type { Literal };
