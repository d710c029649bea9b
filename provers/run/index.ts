/**
 * proveProblem: the embedded prover behind one async call (see prove.ts).
 * Errors are values: a crash, an abort or a timeout becomes a ProverResult.
 */
import { Worker } from 'node:worker_threads';
import type { Problem } from '../logic/problem.js';
import { proveProblemSync } from './prove.js';
import type { ProveOptions, CheckedResult } from './prove.js';

export { proveClausified, proveProblemSync } from './prove.js';
export type { ProveOptions, CheckedResult } from './prove.js';

/** Extra time the worker gets beyond the limit before it is killed (it stops itself at the limit). */
const GRACE_MS = 2000;

export async function proveProblem(problem: Problem, opts: ProveOptions = {}): Promise<CheckedResult> {
  const t0 = Date.now();
  if (opts.signal?.aborted)
    return { status: 'GaveUp', prover: 'entail-sat', problem: problem.name, stats: { timeMs: 0 }, message: 'cancelled' };
  const { signal, inWorker, ...rest } = opts;
  if (!inWorker) {
    try {
      return proveProblemSync(problem, { ...rest, shouldStop: signal ? () => signal.aborted : undefined });
    } catch (e) {
      // A throw here is a bug in the prover; still report it as a value.
      return {
        status: 'Error',
        prover: 'entail-sat',
        problem: problem.name,
        stats: { timeMs: Date.now() - t0 },
        message: e instanceof Error ? e.message : String(e),
      };
    }
  }
  return new Promise<CheckedResult>((resolve) => {
    const here = import.meta.url;
    // From sources (tsx) the worker is a .ts file: bootstrap it through tsx's register API.
    const isTs = here.endsWith('.ts');
    const opts = { workerData: { problem, opts: rest }, resourceLimits: { maxOldGenerationSizeMb: 4096 } };
    const worker = isTs
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((api) => { api.register(); return import(${JSON.stringify(new URL('./worker.ts', here).href)}); });`,
          { ...opts, eval: true },
        )
      : new Worker(new URL('./worker.js', here), opts);
    let done = false;
    const finish = (r: CheckedResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(r);
    };
    const fail = (status: CheckedResult['status'], message: string): void =>
      finish({ status, prover: 'entail-sat', problem: problem.name, stats: { timeMs: Date.now() - t0 }, message });
    const onAbort = (): void => fail('GaveUp', 'cancelled');
    signal?.addEventListener('abort', onAbort);
    const limit = (rest.timeoutMs ?? 10_000) + GRACE_MS;
    const timer = setTimeout(() => fail('Timeout', 'worker killed at the time limit'), limit);
    worker.on('message', (m: { ok: true; result: CheckedResult } | { ok: false; message: string }) => {
      if (m.ok) finish(m.result);
      else fail('Error', m.message);
    });
    worker.on('error', (e) => fail('Error', e.message));
    worker.on('exit', (code) => fail('Error', `worker exited with code ${code}`));
  });
}
