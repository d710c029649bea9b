/**
 * Untrusted work off the event loop: one generic runner that executes a job in a
 * fresh worker thread with its own heap limit (`resourceLimits`) and a wall-clock
 * limit (the worker is terminated, which stops even a tight synchronous loop), and
 * a limiter that caps how many such jobs run at once (the rest wait in FIFO order).
 *
 * A job is named by its kind (see job-worker.ts's table); the worker gets
 * `{ kind, input }` as workerData and posts one `{ ok, value | reason }` message.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

export interface WorkerLimits {
  /** V8 old-generation heap of the worker, in MB. */
  readonly heapMb: number;
  /** Wall-clock limit, after which the worker is terminated. */
  readonly timeoutMs: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = { heapMb: 512, timeoutMs: 60_000 };

export type WorkerOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** The job reported a failure of its own (a value, not a crash). */
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'memory'; readonly heapMb: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'crashed'; readonly reason: string };

/** What a worker posts back. */
export type WorkerReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

export function describeOutcome(o: WorkerOutcome<unknown>): string {
  switch (o.kind) {
    case 'ok':
      return 'ok';
    case 'failed':
      return o.reason;
    case 'timeout':
      return `stopped at the wall-clock limit (${o.timeoutMs} ms)`;
    case 'memory':
      return `stopped at the memory limit (${o.heapMb} MB heap)`;
    case 'cancelled':
      return 'cancelled';
    case 'crashed':
      return `worker crashed: ${o.reason}`;
  }
}

/** Run `{kind, input}` in a new worker from `script`; always resolves, never rejects. */
export function runInWorker<T>(
  script: URL,
  kind: string,
  input: unknown,
  limits: WorkerLimits,
  signal?: AbortSignal,
): Promise<WorkerOutcome<T>> {
  if (signal?.aborted) return Promise.resolve({ kind: 'cancelled' });
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker;
    try {
      worker = new Worker(script, {
        workerData: { kind, input },
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.max(8, Math.floor(limits.heapMb / 16)) },
        stdout: false,
        stderr: false,
      });
    } catch (e) {
      resolve({ kind: 'crashed', reason: (e as Error).message });
      return;
    }
    const done = (o: WorkerOutcome<T>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(o);
    };
    const onAbort = (): void => done({ kind: 'cancelled' });
    const timer = setTimeout(() => done({ kind: 'timeout', timeoutMs: limits.timeoutMs }), limits.timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerReply) => done(m.ok ? { kind: 'ok', value: m.value as T } : { kind: 'failed', reason: m.reason }));
    worker.on('error', (e: Error & { code?: string }) =>
      done(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', heapMb: limits.heapMb } : { kind: 'crashed', reason: e.message }),
    );
    worker.on('exit', (code) => done({ kind: 'crashed', reason: `exited with code ${code} before answering` }));
  });
}

export interface Limiter {
  /** Run `f` once a slot is free; resolves `{cancelled}` without running it if `signal` aborts while queued. */
  run<T>(f: () => Promise<T>, signal?: AbortSignal): Promise<{ readonly ran: true; readonly value: T } | { readonly ran: false }>;
  readonly active: number;
  readonly queued: number;
}

/** Default cap on concurrent jobs: the machine's cores (each job may take a core and a heap of its own). */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`limiter needs a positive integer, got ${max}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  // A finishing job hands its slot straight to the next waiter, so no newcomer can slip in between.
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run(f, signal) {
      if (signal?.aborted) return { ran: false };
      if (active >= max) {
        const admitted = await new Promise<boolean>((res) => {
          const go = (): void => {
            signal?.removeEventListener('abort', drop);
            res(true);
          };
          const drop = (): void => {
            const i = waiting.indexOf(go);
            if (i >= 0) waiting.splice(i, 1);
            res(false);
          };
          waiting.push(go);
          signal?.addEventListener('abort', drop, { once: true });
        });
        if (!admitted) return { ran: false };
      } else active++;
      try {
        return { ran: true, value: await f() };
      } finally {
        release();
      }
    },
  };
}
