/**
 * A queue worker: takes jobs from `entail-<run>` and proves them in worker
 * threads (one per concurrent job), so the main thread stays free to renew job
 * locks however long a proof takes. Killed at any moment (kill -9 included), its
 * active jobs' locks expire and another worker's stalled check re-queues them.
 */
import { hostname } from 'node:os';
import { Worker } from 'bullmq';
import type { IRedisClient } from 'bullmq';
import { solveInline, WorkerSlot } from '../engine.js';
import type { SolvedOutcome } from '../engine.js';
import type { BatchDeps } from '../types.js';
import type { ExternalConfig } from '../../external/index.js';
import { describeTarget, queueName, redisConnection } from './connection.js';
import type { RedisTarget } from './connection.js';
import { checkPayload } from './jobs.js';
import { HEARTBEAT_MS, publishHeartbeat, removeHeartbeat } from './heartbeat.js';
import { RespClient } from './resp.js';

export interface QueueWorkerOptions {
  readonly target: RedisTarget;
  readonly name: string;
  readonly concurrency: number;
  readonly deps: BatchDeps;
  readonly external?: ExternalConfig;
  /** Module exporting `proveProblem` for the threads (default provers/run). */
  readonly proverModule: string;
  /** How long a job's lock lasts without renewal (BullMQ default 30 s); a dead worker's jobs are re-run after it. */
  readonly lockMs?: number;
  /** How often this worker looks for stalled jobs (BullMQ default 30 s). */
  readonly stalledMs?: number;
  /** Stop taking jobs; running ones finish first (a second stop is the caller's hard exit). */
  readonly signal: AbortSignal;
  /** How often the worker refreshes its heartbeat record (default 5 s); the record lives three beats. */
  readonly heartbeatMs?: number;
  readonly onEvent?: (e: QueueWorkerEvent) => void;
}

export type QueueWorkerEvent =
  | { readonly type: 'ready'; readonly queue: string; readonly target: string; readonly id: string }
  | {
      readonly type: 'done';
      readonly jobId: string;
      readonly name: string;
      readonly status: string;
      readonly time_s: number;
      readonly count: number;
    }
  | { readonly type: 'rejected'; readonly jobId: string; readonly message: string }
  | { readonly type: 'error'; readonly message: string };

/** Jobs a dead worker held may be stalled this often before they count as failed (a kill, then a second kill elsewhere). */
const MAX_STALLED = 3;

export async function runQueueWorker(o: QueueWorkerOptions): Promise<{ jobs: number }> {
  const name = queueName(o.name);
  if (!name) throw new Error(`bad run name '${o.name}' (letters, digits, . _ - only)`);
  const concurrency = Math.max(1, Math.floor(o.concurrency));
  const free: { slot: WorkerSlot; memMb: number | undefined }[] = Array.from({ length: concurrency }, () => ({
    slot: new WorkerSlot(o.proverModule),
    memMb: undefined,
  }));
  const all = [...free];
  // Jobs always run to their end: stopping waits for them rather than failing them.
  const never = new AbortController().signal;
  const id = `${hostname()}:${process.pid}:c${concurrency}`;
  let count = 0;
  const heartbeat = startHeartbeat(o, name, id, concurrency, () => count);
  const processor = async (job: { id?: string; data: unknown }): Promise<SolvedOutcome> => {
    const p = checkPayload(job.data);
    if (!p.ok) {
      o.onEvent?.({ type: 'rejected', jobId: job.id ?? '?', message: p.error });
      throw new Error(`rejected by ${id}: ${p.error}`);
    }
    const cell = free.pop();
    if (!cell) throw new Error('no free prover thread (concurrency bug)');
    try {
      const mem = p.value.settings.memMb;
      if (cell.memMb !== mem) {
        // The heap limit is a thread option: a job asking for another one gets a fresh thread.
        await cell.slot.close();
        cell.slot = new WorkerSlot(o.proverModule, mem);
        cell.memMb = mem;
      }
      const r = await solveInline(
        p.value,
        { ...p.value.settings, ...(o.external ? { external: o.external } : {}) },
        cell.slot,
        o.deps,
        never,
      );
      if (r === 'cancelled') throw new Error('cancelled');
      count++;
      heartbeat.beat();
      o.onEvent?.({ type: 'done', jobId: job.id ?? '?', name: p.value.name, status: r.status, time_s: r.time_s, count });
      return r;
    } finally {
      free.push(cell);
    }
  };
  const conn: IRedisClient = redisConnection(o.target);
  let lastError = '';
  conn.on('error', (e: Error) => {
    if (e.message !== lastError) o.onEvent?.({ type: 'error', message: (lastError = e.message) });
  });
  const worker = new Worker(name, processor, {
    connection: conn,
    concurrency,
    name: id,
    maxStalledCount: MAX_STALLED,
    ...(o.lockMs !== undefined ? { lockDuration: o.lockMs } : {}),
    ...(o.stalledMs !== undefined ? { stalledInterval: o.stalledMs } : {}),
  });
  worker.on('error', (e) => {
    if (e.message !== lastError) o.onEvent?.({ type: 'error', message: (lastError = e.message) });
  });
  try {
    await worker.waitUntilReady();
    heartbeat.beat();
    o.onEvent?.({ type: 'ready', queue: name, target: describeTarget(o.target), id });
    if (!o.signal.aborted) await new Promise<void>((resolve) => o.signal.addEventListener('abort', () => resolve(), { once: true }));
  } finally {
    await worker.close().catch(() => undefined);
    await heartbeat.stop();
    await Promise.all(all.map((c) => c.slot.close()));
    conn.disconnect();
  }
  return { jobs: count };
}

/**
 * The worker's heartbeat record (heartbeat.ts), on a connection of its own: refreshed every
 * `heartbeatMs` and after each job, removed on a clean stop. A failed beat is reported and retried at
 * the next one; it never stops the worker (jobs do not depend on being listed).
 */
function startHeartbeat(
  o: QueueWorkerOptions,
  queue: string,
  id: string,
  concurrency: number,
  jobs: () => number,
): { beat(): void; stop(): Promise<void> } {
  const every = o.heartbeatMs ?? HEARTBEAT_MS;
  const started = new Date().toISOString();
  const client = new RespClient(o.target);
  let inFlight: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const once = async (): Promise<void> => {
    try {
      if (!client.connected) await client.connect();
      const now = new Date().toISOString();
      await publishHeartbeat(
        client,
        queue,
        { id, host: hostname(), pid: process.pid, concurrency, jobs: jobs(), started, lastSeen: now },
        every * 3,
      );
    } catch (e) {
      o.onEvent?.({ type: 'error', message: `heartbeat: ${(e as Error).message}` });
    }
  };
  const beat = (): void => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = (async () => {
      do {
        again = false;
        await once();
      } while (again && !stopped);
      inFlight = undefined;
    })();
  };
  const timer = setInterval(beat, every);
  timer.unref();
  return {
    beat,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
      if (client.connected) await removeHeartbeat(client, queue, id).catch(() => undefined);
      client.close();
    },
  };
}
