/**
 * The queue coordinator: a BatchExecutor that sends each problem, self-contained,
 * to a BullMQ queue and takes the workers' answers back. The engine around it
 * walks, journals and reports exactly as for a local run.
 *
 * Delivery is at least once (a stalled job is re-run elsewhere), so a job's
 * answer may arrive twice: the engine keeps the first per key. Answers come from
 * QueueEvents; a reconcile pass over the jobs still pending catches those that
 * finished before we listened (after the coordinator's own restart) or whose
 * event was missed, so `--resume` after a kill -9 converges.
 */
import { hostname } from 'node:os';
import { Queue, QueueEvents } from 'bullmq';
import type { IRedisClient } from 'bullmq';
import { failedResult, queryProblems, resultFromOutcome } from '../engine.js';
import type { BatchExecutor, ExecutorRun, ProblemRef } from '../types.js';
import { describeTarget, queueName, redisConnection } from './connection.js';
import type { RedisTarget } from './connection.js';
import { checkOutcome, JOB_VERSION, jobIdOf, MAX_JOB_BYTES, portable } from './jobs.js';
import type { JobPayload } from './jobs.js';

export interface QueueOptions {
  readonly target: RedisTarget;
  /** Run name: the queue is `entail-<name>`; workers serve the same name. */
  readonly name: string;
  /** Keep the queue's jobs (and their answers) from an earlier coordinator of this run. Without it the queue is emptied first. */
  readonly resume: boolean;
  /** How often jobs still pending are looked up directly (a missed event must not hang the run). */
  readonly reconcileMs?: number;
  /** Status lines for the user (workers seen, waiting for workers). */
  readonly onNote?: (message: string) => void;
}

const ADD_CHUNK = 100;
const LOOKUP_CHUNK = 200;

export function queueExecutor(q: QueueOptions): BatchExecutor {
  const name = queueName(q.name);
  return {
    describe: `queue ${describeTarget(q.target)} as '${q.name}'`,
    async run(todo, run) {
      if (!name) throw new Error(`bad run name '${q.name}' (letters, digits, . _ - only)`);
      await coordinate(name, todo, run, q);
    },
  };
}

async function payloadOf(
  ref: ProblemRef,
  run: ExecutorRun,
): Promise<{ ok: true; value: JobPayload } | { ok: false; status: 'InputError' | 'Skipped'; message: string }> {
  if (ref.format === 'lean')
    return {
      ok: false,
      status: 'Skipped',
      message: 'Lean files are checked by a local run (the Lean project is not sent to queue workers)',
    };
  const q = await queryProblems(ref, run.deps);
  if (!q.ok) return { ok: false, status: q.status === 'Skipped' ? 'Skipped' : 'InputError', message: q.message };
  const value: JobPayload = {
    v: JOB_VERSION,
    name: ref.name,
    format: ref.format,
    problems: portable(q.problems),
    settings: {
      provers: run.provers,
      timeoutMs: run.timeoutMs,
      compare: Boolean(run.opts.compare),
      ...(run.opts.memMb !== undefined ? { memMb: run.opts.memMb } : {}),
    },
  };
  if (JSON.stringify(value).length > MAX_JOB_BYTES)
    return {
      ok: false,
      status: 'InputError',
      message: `problem larger than ${MAX_JOB_BYTES} bytes once its includes are expanded: too large for the queue`,
    };
  return { ok: true, value };
}

async function coordinate(name: string, todo: readonly ProblemRef[], run: ExecutorRun, q: QueueOptions): Promise<void> {
  const conns: IRedisClient[] = [redisConnection(q.target), redisConnection(q.target)];
  // Failed connections retry forever inside BullMQ; the user sees one line, not a stack per retry.
  let lastError = '';
  for (const c of conns)
    c.on('error', (e: Error) => {
      if (e.message !== lastError) q.onNote?.(`redis ${describeTarget(q.target)}: ${(lastError = e.message)}`);
    });
  const queue = new Queue(name, {
    connection: conns[0]!,
    defaultJobOptions: { removeOnComplete: false, removeOnFail: false, attempts: 1 },
  });
  const events = new QueueEvents(name, { connection: conns[1]! });
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  /** Jobs not answered yet → the problems they answer (identical content at two paths is one job). */
  const pending = new Map<string, ProblemRef[]>();
  let wake: (() => void) | undefined;
  const settle = (jobId: string, answer: { outcome: unknown } | { failure: string }): void => {
    const refs = pending.get(jobId);
    if (!refs) return;
    if ('outcome' in answer) {
      const o = checkOutcome(answer.outcome);
      if (!o) return; // not our shape: leave pending, the reconcile pass reads the job itself
      pending.delete(jobId);
      for (const r of refs) run.deliver(resultFromOutcome(r, o));
    } else {
      pending.delete(jobId);
      for (const r of refs) run.deliver(failedResult(r, 'Error', `queue job failed: ${answer.failure.split('\n')[0]!.slice(0, 2000)}`));
    }
    if (pending.size === 0) wake?.();
  };
  const onAbort = (): void => wake?.();
  run.signal.addEventListener('abort', onAbort, { once: true });
  try {
    events.on('completed', ({ jobId, returnvalue }) => settle(jobId, { outcome: returnvalue }));
    events.on('failed', ({ jobId, failedReason }) => settle(jobId, { failure: failedReason || 'failed' }));
    await events.waitUntilReady();
    await queue.waitUntilReady();
    if (!q.resume) await queue.obliterate({ force: true });
    const workers = await queue.getWorkersCount();
    q.onNote?.(
      `${workers} worker${workers === 1 ? '' : 's'} connected to ${name}${workers === 0 ? ' (start some with `entail worker`)' : ''}`,
    );

    for (let i = 0; i < todo.length && !run.signal.aborted; i += ADD_CHUNK) {
      const chunk = todo.slice(i, i + ADD_CHUNK);
      const adds: { name: string; data: JobPayload; opts: { jobId: string } }[] = [];
      for (const ref of chunk) {
        if (run.isDone(ref.key)) continue;
        const p = await payloadOf(ref, run);
        if (!p.ok) {
          run.deliver(failedResult(ref, p.status, p.message));
          continue;
        }
        const jobId = jobIdOf(p.value);
        const same = pending.get(jobId);
        if (same) same.push(ref);
        else {
          pending.set(jobId, [ref]);
          adds.push({ name: 'prove', data: p.value, opts: { jobId } });
        }
      }
      // An existing id (resume, or another coordinator of this run) is left as it is: BullMQ ignores the add.
      if (adds.length > 0) await queue.addBulk(adds);
    }
    await reconcile(queue, pending, settle, run.signal);
    const every = q.reconcileMs ?? 15_000;
    let lastNote = Date.now();
    while (pending.size > 0 && !run.signal.aborted) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, every);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = undefined;
      if (pending.size === 0 || run.signal.aborted) break;
      await reconcile(queue, pending, settle, run.signal);
      if (Date.now() - lastNote > 60_000 && (await queue.getWorkersCount()) === 0) {
        lastNote = Date.now();
        q.onNote?.(`waiting: ${pending.size} jobs queued on ${name} and no worker connected (from ${hostname()})`);
      }
    }
  } finally {
    run.signal.removeEventListener('abort', onAbort);
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    for (const c of conns) c.disconnect();
  }
}

/** Look up the pending jobs directly: those finished are settled from what Redis holds. */
async function reconcile(
  queue: Queue,
  pending: Map<string, ProblemRef[]>,
  settle: (jobId: string, a: { outcome: unknown } | { failure: string }) => void,
  signal: AbortSignal,
): Promise<void> {
  const ids = [...pending.keys()];
  for (let i = 0; i < ids.length && !signal.aborted; i += LOOKUP_CHUNK) {
    const chunk = ids.slice(i, i + LOOKUP_CHUNK);
    const states = await Promise.all(chunk.map((id) => queue.getJobState(id)));
    await Promise.all(
      chunk.map(async (id, k) => {
        const st = states[k];
        if (st !== 'completed' && st !== 'failed') return;
        const job = await queue.getJob(id);
        if (!job) return;
        if (st === 'completed') settle(id, { outcome: job.returnvalue });
        else settle(id, { failure: job.failedReason || 'failed' });
      }),
    );
  }
}
