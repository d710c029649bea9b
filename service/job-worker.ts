/**
 * Worker thread for one job of service/jobs.ts: reads `{kind, input}` from
 * workerData, runs it against the real engine modules and posts one WorkerReply.
 * Its heap and wall-clock limits are set by the parent (service/workers.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { moduleLoader } from './engine.js';
import { JOBS, isJobKind } from './worker-jobs.js';
import type { WorkerReply } from './workers.js';

const { kind, input } = workerData as { kind: unknown; input: unknown };
void (async () => {
  let reply: WorkerReply;
  try {
    if (!isJobKind(kind)) reply = { ok: false, reason: `unknown job kind ${String(kind)}` };
    else
      reply = {
        ok: true,
        value: await (JOBS[kind] as (l: ReturnType<typeof moduleLoader>, i: unknown) => Promise<unknown>)(moduleLoader(), input),
      };
  } catch (e) {
    reply = { ok: false, reason: `${String(kind)} crashed: ${(e as Error).message}` };
  }
  parentPort!.postMessage(reply);
})();
