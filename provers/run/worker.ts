/** Worker-thread entry: runs proveProblemSync on the posted problem and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem } from '../logic/problem.js';
import { proveProblemSync } from './prove.js';
import type { ProveOptions } from './prove.js';

interface Job {
  readonly problem: Problem;
  readonly opts: Omit<ProveOptions, 'signal' | 'inWorker'>;
}

const job = workerData as Job;
try {
  parentPort!.postMessage({ ok: true, result: proveProblemSync(job.problem, job.opts) });
} catch (e) {
  parentPort!.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
