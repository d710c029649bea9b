/** Batch verification of folders from the workbench, as a job with a row event per problem. */
import { okResult, unavailable } from '../api/contract.js';
import type { BatchRow, BatchSummaryView, ProverId } from '../api/contract.js';
import type { AreaHandlers, ServiceContext } from './context.js';
import { confinePaths } from './roots.js';
import type { ProblemResult, ProverName } from '../provers/batch/index.js';
import { batchDeps } from './batch-records.js';

/** Workbench prover ids → provers/batch prover names. */
const BATCH_PROVERS: Partial<Record<ProverId, ProverName>> = {
  embedded: 'entail',
  eprover: 'e',
  vampire: 'vampire',
  prover9: 'prover9',
  z3: 'z3',
};

export function batchHandlers(ctx: ServiceContext): AreaHandlers<'batch'> {
  const { load, jobs } = ctx;
  return {
    async batch({ paths, prover, timeoutMs }) {
      const id = BATCH_PROVERS[prover];
      if (!id) return { kind: 'invalid', issues: [`batch runs use the embedded or an external prover, not ${prover}`] };
      const confined = await confinePaths(paths, ctx.roots, process.cwd());
      if (!confined.ok) return { kind: 'invalid', issues: [...confined.issues] };
      const b = await load('batch');
      if (!b.ok) return unavailable(b.reason);
      const job = jobs.start();
      const signal = job.controller.signal;
      const rows: BatchRow[] = [];
      const toRow = (r: ProblemResult): BatchRow => ({
        name: r.name,
        path: r.path,
        status: r.status,
        time_s: r.time_s,
        solved: r.solved,
        wrong: r.wrong,
        ...(r.expected !== undefined ? { expected: r.expected } : {}),
        ...(r.prover !== undefined ? { prover: r.prover } : {}),
        ...(r.error !== undefined ? { error: r.error } : {}),
      });
      void ctx.runner.limiter.run(async () => {
        try {
          // One problem at a time: the workbench shares the machine with the user's editor and other runs.
          // The CLI's record reader too: a dataset folder reads the same in the panel as in `entail verify`.
          const deps = await batchDeps(b.mod.defaultDeps);
          const report = await b.mod
            .runBatch({ paths: confined.paths, cwd: process.cwd(), provers: [id], jobs: 1, timeoutMs, signal, deps }, (e) => {
              if (e.type === 'start') jobs.progress(job, `0/${e.total} problems`);
              else if (e.type === 'result') {
                const row = toRow(e.result);
                rows.push(row);
                jobs.progress(job, `${e.done}/${e.total} problems`);
                ctx.opts.emit({ type: 'batchRow', jobId: job.id, row, done: e.done, total: e.total });
              }
            })
            .finally(() => deps.dispose?.());
          if (signal.aborted) return jobs.finish(job, { state: 'cancelled' });
          const summary: BatchSummaryView = {
            total: report.total,
            solved: report.solved,
            wrong: report.wrong,
            errors: report.errors,
            timeouts: report.timeouts,
            complete: report.complete,
          };
          jobs.finish(job, { state: 'batchDone', summary, rows: report.problems.map(toRow) });
        } catch (e) {
          jobs.finish(
            job,
            signal.aborted ? { state: 'cancelled' } : { state: 'failed', failure: `batch run failed: ${(e as Error).message}` },
          );
        }
      }, signal);
      return okResult({ jobId: job.id });
    },
  };
}
