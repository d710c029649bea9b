/**
 * The service's runner for untrusted jobs (service/jobs.ts): every job waits for
 * a slot of one shared limiter, then runs in a worker thread under heap and
 * wall-clock limits (compiled build), or in-process when workers cannot load the
 * code (tsx) or the engines are test fakes.
 */
import type { EngineLoader } from './engine.js';
import { JOBS } from './worker-jobs.js';
import type { JobInput, JobKind, JobOutput } from './worker-jobs.js';
import { createLimiter, runInWorker } from './workers.js';
import type { Limiter, WorkerLimits, WorkerOutcome } from './workers.js';

export interface JobRunner {
  /** `limits` overrides the runner's for this job (a job whose work grows with its input, e.g. K NL samples). */
  run<K extends JobKind>(
    kind: K,
    input: JobInput<K>,
    signal?: AbortSignal,
    limits?: Partial<WorkerLimits>,
  ): Promise<WorkerOutcome<JobOutput<K>>>;
  /** Shared with the service's other long jobs (prove, batch), so one cap covers them all. */
  readonly limiter: Limiter;
}

export interface JobRunnerOptions {
  readonly useWorker: boolean;
  readonly limits: WorkerLimits;
  readonly concurrency: number;
}

const SCRIPT = new URL('./job-worker.js', import.meta.url);

export function createJobRunner(load: EngineLoader, opts: JobRunnerOptions): JobRunner {
  const limiter = createLimiter(opts.concurrency);
  return {
    limiter,
    async run(kind, input, signal, limits) {
      const r = await limiter.run(async (): Promise<WorkerOutcome<JobOutput<typeof kind>>> => {
        if (opts.useWorker) return runInWorker<JobOutput<typeof kind>>(SCRIPT, kind, input, { ...opts.limits, ...limits }, signal);
        try {
          const job = JOBS[kind] as (l: EngineLoader, i: unknown, s?: AbortSignal) => Promise<JobOutput<typeof kind>>;
          return { kind: 'ok', value: await job(load, input, signal) };
        } catch (e) {
          return { kind: 'failed', reason: `${kind} crashed: ${(e as Error).message}` };
        }
      }, signal);
      return r.ran ? r.value : { kind: 'cancelled' };
    },
  };
}
