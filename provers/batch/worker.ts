/**
 * Worker thread for the embedded prover. It loads the prover module named in
 * workerData (provers/run by default; a fake in tests) and answers one task at
 * a time. The parent terminates the whole thread when a task overruns its
 * limit, so a prover that never checks its deadline cannot hang the batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem } from '../logic/problem.js';
import type { ProverResult } from '../logic/proof.js';
import { runQueries } from './queries.js';
import { BATCH_PROVE_OPTIONS } from './prove-options.js';
import type { WorkerReply, WorkerTask } from './pool.js';

type ProveFn = (p: Problem, opts: { timeoutMs: number; countermodel: boolean }) => Promise<ProverResult>;

const data = workerData as { proverModule: string };
const mod = (await import(data.proverModule)) as { proveProblem?: ProveFn };
const prove = mod.proveProblem;

parentPort!.on('message', (task: WorkerTask) => {
  void handle(task).then((reply) => parentPort!.postMessage(reply));
});
// The parent starts a task's clock only after this, so thread start-up and module loading are not billed to the problem.
parentPort!.postMessage({ ready: true });

async function handle(task: WorkerTask): Promise<WorkerReply> {
  if (!prove) return { id: task.id, ok: false, message: `${data.proverModule} exports no proveProblem` };
  try {
    const q = await runQueries(task.problems, task.timeoutMs, (p, ms) => prove(p, { ...BATCH_PROVE_OPTIONS, timeoutMs: ms }));
    // Proofs are large: send back only the decisive one, and only when artifacts are wanted.
    const strip = (r: ProverResult): ProverResult => ({
      status: r.status,
      prover: r.prover,
      stats: r.stats,
      ...(r.message ? { message: r.message } : {}),
    });
    return {
      id: task.id,
      ok: true,
      outcome: {
        status: q.status,
        ...(q.message ? { message: q.message } : {}),
        ...(q.decisive ? { decisive: task.wantProof ? q.decisive : strip(q.decisive) } : {}),
        results: q.results.map(strip),
      },
    };
  } catch (e) {
    // The prover threw: a bug on its side, reported against this problem only.
    return { id: task.id, ok: false, message: `prover crashed: ${(e as Error).stack ?? String(e)}` };
  }
}
