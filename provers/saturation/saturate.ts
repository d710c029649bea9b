/**
 * The given-clause loop (DISCOUNT style: only active clauses are used for simplification; passive clauses are
 * simplified when picked), and nothing else: the calculus state is state.ts, clause building derive.ts, the
 * generating rules inferences/, the simplifications simplify/, clause choice heuristics/, input preprocessing
 * preprocess/. Each inference and simplification returns its result; only this loop puts clauses into the
 * passive set or the active set, and only it decides when the run ends.
 *
 * Calculus: superposition (which with the `p(s) = $$true` encoding also performs ordered resolution), equality
 * resolution, equality factoring (which also performs positive factoring), with literal selection.
 * Simplification: demodulation by unit equations (forward and backward), subsumption resolution, forward and
 * backward subsumption, destructive equality resolution, tautology and duplicate/trivial literal deletion.
 *
 * Synchronous and pure: no I/O; the caller passes a deadline / shouldStop.
 */
import type { Literal } from '../logic/clause.js';
import type { Clausified } from '../logic/cnf.js';
import type { ProverResult } from '../logic/proof.js';
import type { Limits } from '../logic/limits.js';
import type { SzsStatus } from '../logic/szs.js';
import { showClause, PASSIVE, ACTIVE, DEAD } from './sclause.js';
import type { SClause } from './sclause.js';
import { Weigher } from './heuristics/weight.js';
import { DEFAULT_STRATEGY } from './heuristics/strategy.js';
import type { QueueSpec, Strategy } from './heuristics/strategy.js';
import { setPrecedence } from './heuristics/precedence.js';
import { buildProof } from './proof.js';
import { sineSubset } from './preprocess/sine.js';
import { unfoldDefinitions } from './preprocess/unfold.js';
import { ProofState, nonVarSubterms } from './state.js';
import type { Entry } from './state.js';
import { inputClause, reoriented, cleaned } from './derive.js';
import { superpose } from './inferences/superposition.js';
import { resolve } from './inferences/resolution.js';
import { equalityResolution } from './inferences/equality.js';
import { equalityFactor } from './inferences/factoring.js';
import { forwardSimplify } from './simplify/forward.js';
import { destructiveEqRes } from './simplify/equality.js';
import { demodulate, backwardDemodulationCandidates } from './simplify/demodulation.js';
import { forwardSubsumer, backwardSubsumed } from './simplify/subsumption.js';
export { DEFAULT_STRATEGY, isComplete } from './heuristics/strategy.js';
export type { QueueSpec, Selection, Strategy } from './heuristics/strategy.js';

/** What a run reads of the clausifier's output (provers/logic/cnf.ts): the clauses, their derivation steps, whether there is a conjecture. */
export type ClausifiedLike = Pick<Clausified, 'clauses' | 'steps' | 'hasConjecture'>;

export interface SaturateOptions extends Limits {
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

/** Memory guard: beyond this many clauses a run ends with ResourceOut (≈ a few GB of heap). */
const DEFAULT_MAX_CLAUSES = 4_000_000;
/** Subtracted from input clauses' keys under preferInitial: below any derived clause's key. */
const INITIAL_FIRST = 1e12;
/** Larger than any clause weight we keep, so Horn distance sorts first. */
const HORN_STEP = 1e7;

type Outcome = { kind: 'proof'; empty: SClause } | { kind: 'saturated' } | { kind: 'timeout' } | { kind: 'stopped' } | { kind: 'resource' };

export class Saturation {
  readonly st: ProofState;
  readonly strategy: Strategy;
  private readonly weigher: Weigher;
  private readonly queueKeys: readonly QueueSpec['key'][];
  private readonly keyBuf: number[];
  /** True while the input clauses are put into the passive set (see Strategy.preferInitial). */
  private addingInputs = false;
  /** The empty clause, once derived during backward simplification or generation. */
  private empty: SClause | null = null;
  /** Set when the deadline or shouldStop fired inside inference generation. */
  private outOfTime = false;
  /** Conclusions handled in this run: the clock is read every 1024 of them. */
  private handled = 0;

  // The given clause's current literal, side and subterm while its partners are retrieved: the retrieval
  // callbacks below are made once per run, not once per subterm.
  private gGiven: SClause | null = null;
  private gLit = 0;
  private gSide = 0;
  private gPos = 0;
  private gTerm = 0;
  private readonly subTerms: number[] = [];
  private readonly subPos: number[] = [];
  private readonly subStack: number[] = [];

  constructor(
    private readonly input: ClausifiedLike,
    private readonly opts: SaturateOptions = {},
  ) {
    this.strategy = { ...DEFAULT_STRATEGY, ...(opts.strategy ?? {}) };
    this.st = new ProofState(this.strategy, opts.bruteIndex === true);
    const qs = this.strategy.queues ?? [{ key: 'rel', n: this.strategy.ratio }];
    this.queueKeys = qs.map((q) => q.key);
    this.keyBuf = new Array<number>(qs.length).fill(0);
    this.weigher = new Weigher(this.st.bank, this.strategy);
  }

  get stats(): ProofState['stats'] {
    return this.st.stats;
  }

  run(): ProverResult {
    const t0 = Date.now();
    const outcome = this.loop();
    return this.result(outcome, Date.now() - t0);
  }

  private loop(): Outcome {
    const st = this.st;
    const { deadline, shouldStop } = this.opts;
    const maxClauses = this.opts.maxClauses ?? DEFAULT_MAX_CLAUSES;
    const first = this.inputs();
    if (first) return first;
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
      if (st.clauseCount > maxClauses) return { kind: 'resource' };
      const given0 = st.passive.pop();
      if (!given0) return { kind: 'saturated' };
      given0.state = DEAD;
      st.stats.processed++;
      const g = forwardSimplify(st, given0);
      if (!g) continue;
      if (g.lits.length === 0) return { kind: 'proof', empty: g };
      if (forwardSubsumer(st, g)) {
        st.stats.subsumed++;
        continue;
      }
      // g is kept: activate, then use it to simplify the active set, then infer.
      if (this.opts.trace)
        this.opts.trace(
          `given c${g.id} (${g.rule}${g.parents.length ? ' ' + g.parents.map((q) => 'c' + q.id).join(',') : ''}, prio ${this.weigher.prio(g)}): ${showClause(st.bank, g)}`,
        );
      st.activate(g);
      this.backwardSimplify(g);
      if (this.empty) return { kind: 'proof', empty: this.empty };
      this.generate(g);
      if (this.empty) return { kind: 'proof', empty: this.empty };
      if (this.outOfTime) return shouldStop && shouldStop() ? { kind: 'stopped' } : { kind: 'timeout' };
    }
  }

  /** Preprocess the input and put it into the passive set (the active set under set of support); a proof when one is already empty. */
  private inputs(): Outcome | null {
    const st = this.st;
    const inputs: SClause[] = [];
    let given = this.input.clauses;
    const kept = sineSubset(this.input, this.strategy.sine);
    if (kept) {
      st.incomplete = true;
      given = kept;
    }
    for (const ic of given) {
      const c = inputClause(st, ic);
      if (c) inputs.push(c);
    }
    setPrecedence(st, inputs);
    for (const c of inputs) if (c.goal) this.weigher.addSymbols(c, this.weigher.goalSyms);
    if (this.strategy.relLevels === true && this.weigher.goalSyms.size > 0) this.weigher.computeLevels(inputs);
    // Orientation was computed before the precedence was fixed; re-orient (same literals, same step).
    let prepared = inputs.map((c0) => reoriented(st, c0));
    if (this.strategy.unfoldDefinitions === true) prepared = unfoldDefinitions(st, prepared);
    this.addingInputs = true;
    try {
      for (const c of prepared) {
        const cl = cleaned(st, c);
        if (!cl) continue;
        if (cl.lits.length === 0) return { kind: 'proof', empty: cl };
        if (this.strategy.sos && !cl.goal) {
          const s = forwardSimplify(st, cl);
          if (!s) continue;
          if (s.lits.length === 0) return { kind: 'proof', empty: s };
          st.activate(s);
        } else this.addPassive(cl);
      }
    } finally {
      this.addingInputs = false;
    }
    return null;
  }

  private addPassive(c: SClause): void {
    c.state = PASSIVE;
    this.st.stats.kept++;
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
    this.st.passive.push(c, keys);
  }

  /** Backward subsumption and demodulation of the active set by the new active clause g. */
  private backwardSimplify(g: SClause): void {
    const st = this.st;
    for (const v of backwardSubsumed(st, g)) {
      st.retire(v);
      st.stats.backwardSubsumed++;
    }
    for (const c of backwardDemodulationCandidates(st, g)) {
      if (c.state !== ACTIVE) continue;
      const d = demodulate(st, c);
      if (d === c) continue;
      st.retire(c);
      if (!d) continue;
      if (d.lits.length === 0) {
        this.empty = d;
        return;
      }
      this.addPassive(d);
    }
  }

  // ------------------------------------------------------------------ generating inferences

  /** Every inference between g and the active set (g included), each conclusion handled as it comes. */
  private generate(g: SClause): void {
    const st = this.st;
    const b = st.bank;
    const elig = g.elig!;
    const hasSel = g.sel >= 0;
    this.gGiven = g;
    for (let i = 0; i < g.lits.length && !this.empty && !this.outOfTime; i++) {
      if (!elig[i]) continue;
      const x = g.lits[i]!;
      if (!x.pos) this.handle(equalityResolution(st, g, i));
      else if (!hasSel) this.factor(g, i);
      const sides = x.oriented ? 1 : 2;
      this.gLit = i;
      for (let sd = 0; sd < sides && !this.empty && !this.outOfTime; sd++) {
        const s = sd === 0 ? x.l : x.r;
        if (s === b.TRUE) continue;
        this.gSide = sd;
        // g as the "from" clause
        if (x.pos && !hasSel) st.supInto.retrieve(s, 'unify', this.fromGiven);
        // g as the "into" clause
        const terms = this.subTerms;
        const positions = this.subPos;
        nonVarSubterms(b, s, terms, positions, this.subStack);
        for (let k = 0; k < terms.length; k++) {
          this.gTerm = terms[k]!;
          this.gPos = positions[k]!;
          st.supFrom.retrieve(this.gTerm, 'unify', this.intoGiven);
        }
      }
    }
    this.gGiven = null;
  }

  /** Equality factoring of g's positive literal i with each other positive literal, both sides. */
  private factor(g: SClause, i: number): void {
    const b = this.st.bank;
    const x = g.lits[i]!;
    const sides = x.oriented ? 1 : 2;
    for (let sd = 0; sd < sides; sd++)
      for (let j = 0; j < g.lits.length; j++) {
        if (j === i) continue;
        const y = g.lits[j]!;
        if (!y.pos) continue;
        for (let sd2 = 0; sd2 < (y.r === b.TRUE ? 1 : 2); sd2++) this.handle(equalityFactor(this.st, g, i, sd, j, sd2));
      }
  }

  /** Partner e of the given clause's current side as the "from" literal. */
  private readonly fromGiven = (e: Entry): void => {
    if (this.empty || this.outOfTime) return;
    this.handle(this.paramodulate(this.gGiven!, this.gLit, this.gSide, e.c, e.lit, e.side, e.pos, e.term, 0));
  };

  /** Partner e, a "from" literal, into the given clause's current subterm. */
  private readonly intoGiven = (e: Entry): void => {
    const g = this.gGiven!;
    if (this.empty || this.outOfTime || e.c === g) return;
    this.handle(this.paramodulate(e.c, e.lit, e.side, g, this.gLit, this.gSide, this.gPos, this.gTerm, 1));
  };

  /** Superposition, or resolution when the "from" side is a predicate atom. */
  private paramodulate(
    F: SClause,
    fi: number,
    fsd: number,
    I: SClause,
    ii: number,
    isd: number,
    pos: number,
    u: number,
    gScope: number,
  ): SClause | null {
    const fx = F.lits[fi]!;
    if (this.st.bank.bool[fsd === 0 ? fx.l : fx.r] === 1) return resolve(this.st, F, fi, I, ii, pos, u, gScope);
    return superpose(this.st, F, fi, fsd, I, ii, isd, pos, u, gScope);
  }

  /** A conclusion of an inference: simplified when the strategy says so, then the proof or a passive clause. */
  private handle(c0: SClause | null): void {
    // One given clause can have very many partners: look at the clock inside generation too.
    if ((++this.handled & 1023) === 0) {
      const { deadline, shouldStop } = this.opts;
      if ((deadline !== undefined && Date.now() > deadline) || (shouldStop && shouldStop())) this.outOfTime = true;
    }
    let c = c0;
    if (!c) return;
    if (c.lits.length > 0 && this.strategy.simplifyNew === true) {
      c = demodulate(this.st, destructiveEqRes(this.st, c));
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
    const st = this.st;
    const stats = {
      timeMs,
      generated: st.stats.generated,
      processed: st.stats.processed,
      kept: st.stats.kept,
      rewrites: st.stats.rewrites,
    };
    const prover = `entail-sat/${this.strategy.name}${this.strategy.ordering === 'lpo' ? '+lpo' : ''}`;
    const hasConj = this.input.hasConjecture;
    if (o.kind === 'proof') {
      const proof = buildProof(st.bank, o.empty, this.input.steps);
      const usesGoal = o.empty.goal;
      const status: SzsStatus = hasConj ? (usesGoal ? 'Theorem' : 'ContradictoryAxioms') : 'Unsatisfiable';
      return { status, prover, proof, stats };
    }
    if (o.kind === 'saturated') {
      if (st.incomplete) return { status: 'GaveUp', prover, stats, message: 'saturated under an incomplete strategy' };
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

/** Saturate a clausified problem (see module comment). Synchronous; never throws for valid input. */
export function saturate(input: ClausifiedLike, opts: SaturateOptions = {}): ProverResult {
  return new Saturation(input, opts).run();
}

export type { Literal };
