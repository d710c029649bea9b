/**
 * The job table: long-running work (proving, batch, exploration) runs as a job whose
 * state the UI polls or hears about through events. Requests that are not jobs but
 * can be cancelled (NL judging) register an AbortController by the client's id.
 */
import type { ApiResult, JobEvent, JobState } from '../api/contract.js';
import { okResult } from '../api/contract.js';
import type { AreaHandlers } from './context.js';

export interface Job {
  readonly id: string;
  readonly controller: AbortController;
  readonly startedAt: number;
  state: JobState;
  timer?: ReturnType<typeof setInterval>;
}

export interface Jobs {
  start(message?: string): Job;
  /** Ends a running job (a second call is ignored). */
  finish(job: Job, state: JobState): void;
  /** Sets a running job's progress message. */
  progress(job: Job, message: string): void;
  /** A cancellable request that is not a job (by the client's request id). */
  track(requestId: string | undefined, controller: AbortController): () => void;
  readonly handlers: AreaHandlers<'cancel' | 'job'>;
  dispose(): void;
}

/** Finished jobs kept for `job` polling; older ones are dropped. */
const KEEP_JOBS = 200;

export function createJobs(emit: (e: JobEvent) => void, progressMs = 500): Jobs {
  const jobs = new Map<string, Job>();
  const requests = new Map<string, AbortController>();
  let counter = 0;

  function finish(job: Job, state: JobState): void {
    if (job.state.state !== 'running') return;
    job.state = state;
    if (job.timer) clearInterval(job.timer);
    emit({ type: 'finished', jobId: job.id, state });
    if (jobs.size > KEEP_JOBS) {
      for (const [id, j] of jobs) {
        if (jobs.size <= KEEP_JOBS) break;
        if (j.state.state !== 'running') jobs.delete(id);
      }
    }
  }

  return {
    start(message = 'starting') {
      counter++;
      const id = `job-${Date.now().toString(36)}-${counter}`;
      const startedAt = Date.now();
      const job: Job = { id, controller: new AbortController(), startedAt, state: { state: 'running', startedAt, message } };
      jobs.set(id, job);
      job.timer = setInterval(() => {
        if (job.state.state === 'running')
          emit({ type: 'progress', jobId: id, elapsedMs: Date.now() - job.startedAt, message: job.state.message });
      }, progressMs);
      return job;
    },
    finish,
    progress(job, message) {
      if (job.state.state === 'running') job.state = { state: 'running', startedAt: job.startedAt, message };
    },
    track(requestId, controller) {
      if (!requestId) return () => {};
      requests.set(requestId, controller);
      return () => requests.delete(requestId);
    },
    handlers: {
      async cancel({ jobId }) {
        const req = requests.get(jobId);
        if (req) {
          req.abort();
          requests.delete(jobId);
          return okResult({ cancelled: true });
        }
        const job = jobs.get(jobId);
        if (!job || job.state.state !== 'running') return okResult({ cancelled: false });
        job.controller.abort();
        // Report cancellation now: stopping the worker is the engine's business, the UI must not wait on it.
        finish(job, { state: 'cancelled' });
        return okResult({ cancelled: true });
      },
      async job({ jobId }): Promise<ApiResult<JobState>> {
        const job = jobs.get(jobId);
        return job ? okResult(job.state) : { kind: 'invalid', issues: [`unknown job ${jobId}`] };
      },
    },
    dispose() {
      for (const c of requests.values()) c.abort();
      for (const job of jobs.values()) {
        if (job.state.state === 'running') {
          job.controller.abort();
          finish(job, { state: 'cancelled' });
        }
      }
    },
  };
}
