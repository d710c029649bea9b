/**
 * Run the embedded prover on a problem: clausify, try the strategy portfolio in
 * sequence within the time limit, optionally re-check the proof and look for a
 * finite countermodel. In-process by default (tiny per-call overhead for the NL
 * pipeline's thousands of small problems); `inWorker` isolates a run in a worker
 * thread that is terminated on timeout or abort.
 */
import type { Problem } from '../logic/problem.js';
import type { FiniteModel, ProverResult } from '../logic/proof.js';
import type { Clause } from '../logic/clause.js';
import type { SzsStatus } from '../logic/szs.js';
import { clausify, clausifyErrorStatus } from '../logic/cnf.js';
import { saturate, scheduleFor } from '../saturation/index.js';
import type { ClausifiedLike, Interlude, ScheduleEntry, Strategy } from '../saturation/index.js';
import { checkProof } from '../check/index.js';
import type { CheckReport } from '../check/index.js';
import { findModel } from '../models/index.js';

export interface ProveOptions {
  /** Wall-clock limit for the whole call (default 10 000 ms). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Run in a worker thread (killed at the limit or on abort). */
  readonly inWorker?: boolean;
  /** Re-verify the proof with the independent checker (provers/check). */
  readonly check?: boolean;
  /**
   * Also look for a finite (counter)model (provers/models): a slice once the prover has had its first one
   * (between two given clauses) and, when the prover ends early without a proof, the rest of the limit after
   * it. Never past the time limit.
   */
  readonly countermodel?: boolean;
  /** Largest domain size the model finder tries (default 6). */
  readonly maxModelSize?: number;
  /** Strategies to try in order, sharing the limit equally (default: the schedule for the problem's class). */
  readonly strategies?: readonly Strategy[];
  /** Term ordering for every strategy tried (default: each strategy's own, KBO). */
  readonly ordering?: 'kbo' | 'lpo';
  /** Clause cap per strategy (ResourceOut when hit). */
  readonly maxClauses?: number;
}

/** A ProverResult plus the checker's verdict when `check` was asked for. */
export interface CheckedResult extends ProverResult {
  readonly check?: CheckReport;
}

/**
 * The prover's first slice and then the model finder's: 3 % of the limit each, at most 1 s. Measured on
 * SYN-SAT (202 problems, finder alone, 5 s each, two at a time): 182 models found, 180 within 200 ms, the
 * slowest in 263 ms; so 3 % of a 10 s limit finds them all while a hard theorem loses 3 % of its time and a
 * theorem proved in the first 3 % loses none.
 */
const MODEL_SLICE_SHARE = 0.03;
const MODEL_SLICE_CAP_MS = 1000;
/** Ground clause instances the interlude's search may build for one size (the later search has findModel's default). */
const INTERLUDE_MAX_GROUND = 100_000;

/**
 * Prove an already clausified input in this thread. Synchronous; for callers that
 * build clauses themselves (NL pipeline, explorer).
 */
export function proveClausified(
  input: ClausifiedLike,
  opts: {
    timeoutMs?: number;
    shouldStop?: () => boolean;
    strategies?: readonly Strategy[];
    ordering?: 'kbo' | 'lpo';
    maxClauses?: number;
    /** Run once by whichever strategy is running when its time comes (see SaturateOptions.interlude). */
    interlude?: Interlude;
  } = {},
): ProverResult {
  const t0 = Date.now();
  const end = t0 + (opts.timeoutMs ?? 10_000);
  // Explicit strategies share the limit equally; otherwise the schedule for this input's class (portfolio.ts).
  const schedule: readonly ScheduleEntry[] = opts.strategies
    ? opts.strategies.map((strategy) => ({ strategy, share: 1 }))
    : scheduleFor(input);
  const ordering = opts.ordering;
  let pending = opts.interlude;
  const interlude: Interlude | undefined = pending && {
    at: pending.at,
    run: () => {
      const p = pending!;
      pending = undefined;
      return p.run();
    },
  };
  let last: ProverResult | undefined;
  let generated = 0;
  let processed = 0;
  for (let i = 0; i < schedule.length; i++) {
    const now = Date.now();
    if (now >= end) break;
    // Each entry gets its share of what is left, relative to the shares still to come: an entry that ends
    // early passes its time on in proportion, and the last one gets the rest.
    let rest = 0;
    for (let j = i; j < schedule.length; j++) rest += schedule[j]!.share;
    const { strategy, share } = schedule[i]!;
    const slice = i === schedule.length - 1 ? end - now : Math.max(1, Math.floor(((end - now) * share) / rest));
    const r = saturate(input, {
      deadline: now + slice,
      shouldStop: opts.shouldStop,
      maxClauses: opts.maxClauses,
      strategy: ordering ? { ...strategy, ordering } : strategy,
      interlude: pending ? interlude : undefined,
    });
    generated += r.stats.generated ?? 0;
    processed += r.stats.processed ?? 0;
    const decided =
      r.status === 'Theorem' ||
      r.status === 'Unsatisfiable' ||
      r.status === 'ContradictoryAxioms' ||
      r.status === 'CounterSatisfiable' ||
      r.status === 'Satisfiable';
    last = r;
    if (decided) return { ...r, stats: { ...r.stats, timeMs: Date.now() - t0, generated, processed } };
    if (r.message === 'stopped') break;
  }
  const timeMs = Date.now() - t0;
  if (!last) return { status: 'Timeout', prover: 'entail-sat', stats: { timeMs }, message: 'no time left' };
  // After a portfolio, "Timeout" is the honest summary when the wall clock ran out.
  const status: SzsStatus = last.message === 'stopped' ? 'GaveUp' : Date.now() >= end ? 'Timeout' : last.status;
  return { ...last, status, stats: { ...last.stats, timeMs, generated, processed } };
}

/** The in-thread implementation of proveProblem (also what the worker runs). */
export function proveProblemSync(
  problem: Problem,
  opts: Omit<ProveOptions, 'signal' | 'inWorker'> & { shouldStop?: () => boolean } = {},
): CheckedResult {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const end = t0 + timeoutMs;
  // Clausification counts against the limit: what it leaves is what the portfolio gets.
  const cl = clausify(problem, { deadline: end, shouldStop: opts.shouldStop });
  if (!cl.ok)
    return {
      status: clausifyErrorStatus(cl.error),
      prover: 'entail-sat',
      problem: problem.name,
      stats: { timeMs: Date.now() - t0 },
      message: cl.error.message,
    };
  const clauses: Clause[] = cl.value.clauses.map((c) => c.clause);
  const maxSize = opts.maxModelSize ?? 6;
  const modelResult = (m: FiniteModel): CheckedResult => {
    // findModel verifies the model against every clause (incl. the negated conjecture) before returning it.
    const status: SzsStatus = cl.value.hasConjecture ? 'CounterSatisfiable' : 'Satisfiable';
    return {
      status,
      prover: 'entail-sat',
      problem: problem.name,
      model: m,
      message: `finite model of size ${m.domainSize}`,
      stats: { timeMs: Date.now() - t0 },
    };
  };
  // Small models are found in milliseconds: once the prover has had its first slice (so quick proofs stay
  // quick), the model finder gets one, between two given clauses; a model found ends the prover's run.
  let modelFrom = 1;
  let found: FiniteModel | undefined;
  const slice = Math.min(MODEL_SLICE_CAP_MS, timeoutMs * MODEL_SLICE_SHARE);
  const interlude: Interlude | undefined = opts.countermodel
    ? {
        at: t0 + slice,
        run: () => {
          const m = findModel(clauses, {
            deadline: Date.now() + slice,
            maxSize,
            // Grounding is not interruptible: keep this slice's largest instance set small.
            maxGroundClauses: INTERLUDE_MAX_GROUND,
          });
          if (m.status === 'found') found = m.model;
          // 'none' (no model up to maxSize) would only repeat itself; after 'timeout' or 'gaveUp' (this
          // slice's grounding cap) the later search goes on from the first size not ruled out.
          else modelFrom = m.status === 'none' ? Infinity : m.stats.exhaustedUpTo + 1;
          return m.status === 'found';
        },
      }
    : undefined;
  let r: CheckedResult = proveClausified(cl.value, {
    timeoutMs: Math.max(1, end - Date.now()),
    shouldStop: opts.shouldStop,
    strategies: opts.strategies,
    ordering: opts.ordering,
    maxClauses: opts.maxClauses,
    interlude,
  });
  if (found) return modelResult(found);
  r = { ...r, problem: problem.name };
  if (opts.check && r.proof) {
    const rep = checkProof(r.proof);
    r = {
      ...r,
      check: rep,
      message: rep.ok ? r.message : `proof check failed: ${rep.failures.map((f) => `${f.id}: ${f.reason}`).join('; ')}`,
    };
  }
  const decided = r.status === 'Satisfiable' || r.status === 'CounterSatisfiable';
  // The prover may end early without an answer (an incomplete strategy saturated, or ResourceOut): the rest
  // of the limit goes to the model finder, from the first size not yet ruled out. A saturation already
  // decided the status; a model is then only something to show, so it gets at most one more slice.
  if (opts.countermodel && !r.proof && r.status !== 'Error' && modelFrom <= maxSize && Date.now() < end) {
    const deadline = decided ? Math.min(end, Date.now() + slice) : end;
    const m = findModel(clauses, { deadline, minSize: modelFrom, maxSize });
    if (m.status === 'found') r = decided ? { ...r, model: m.model } : modelResult(m.model);
  }
  return { ...r, stats: { ...r.stats, timeMs: Date.now() - t0 } };
}
