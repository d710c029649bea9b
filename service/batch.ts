/** Batch verification of folders from the workbench, as a job with a row event per problem. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { okResult, unavailable } from '../api/contract.js';
import type { BatchInfo, BatchReportFormat, BatchRow, BatchSummaryView, ProverId } from '../api/contract.js';
import type { AreaHandlers, ServiceContext } from './context.js';
import { confinePaths } from './roots.js';
import type { BatchReport, ProblemResult, ProverName } from '../provers/batch/index.js';
import { batchDeps } from './batch-records.js';
import { readConfinedFile } from './batch-open.js';

/** Workbench prover ids → provers/batch prover names. */
const BATCH_PROVERS: Partial<Record<ProverId, ProverName>> = {
  embedded: 'entail',
  eprover: 'e',
  vampire: 'vampire',
  prover9: 'prover9',
  z3: 'z3',
};

/** Finished reports kept for download, per service: the newest few (a report holds every row of its run). */
const KEPT_REPORTS = 8;

/** Two problems at once by default: parallel, yet leaving the user's editor a core on a small machine. */
export function batchInfo(cores: number, roots: readonly string[]): BatchInfo {
  return { cores, defaultJobs: Math.min(2, cores), roots };
}

export function toRow(r: ProblemResult): BatchRow {
  return {
    name: r.name,
    path: r.path,
    status: r.status,
    time_s: r.time_s,
    solved: r.solved,
    wrong: r.wrong,
    ...(r.index !== undefined ? { index: r.index } : {}),
    ...(r.expected !== undefined ? { expected: r.expected } : {}),
    ...(r.prover !== undefined ? { prover: r.prover } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
  };
}

const REPORT_FILES: Record<BatchReportFormat, { readonly ext: string; readonly type: string }> = {
  json: { ext: 'json', type: 'application/json' },
  csv: { ext: 'csv', type: 'text/csv' },
  junit: { ext: 'junit.xml', type: 'application/xml' },
  html: { ext: 'html', type: 'text/html' },
};

export function batchHandlers(
  ctx: ServiceContext,
  cores: number = Math.max(1, availableParallelism()),
): AreaHandlers<'batch' | 'batchInfo' | 'batchReport' | 'batchOpen'> {
  const { load, jobs } = ctx;
  const info = batchInfo(
    cores,
    (ctx.opts.allowedRoots ?? []).map((r) => resolve(r)),
  );
  const reports = new Map<string, BatchReport>();
  const keep = (jobId: string, r: BatchReport): void => {
    reports.set(jobId, r);
    for (const old of reports.keys()) if (reports.size > KEPT_REPORTS) reports.delete(old);
  };
  ctx.onDispose(() => reports.clear());
  return {
    batchInfo: () => Promise.resolve(okResult(info)),
    async batch({ paths, prover, timeoutMs, jobs: wanted }) {
      const id = BATCH_PROVERS[prover];
      if (!id) return { kind: 'invalid', issues: [`batch runs use the embedded or an external prover, not ${prover}`] };
      const parallel = wanted ?? info.defaultJobs;
      if (parallel > cores) return { kind: 'invalid', issues: [`jobs: at most ${cores} (the engine's cores), not ${parallel}`] };
      const confined = await confinePaths(paths, ctx.roots, process.cwd());
      if (!confined.ok) return { kind: 'invalid', issues: [...confined.issues] };
      const b = await load('batch');
      if (!b.ok) return unavailable(b.reason);
      const job = jobs.start();
      const signal = job.controller.signal;
      void ctx.runner.limiter.run(async () => {
        try {
          // The CLI's record reader too: a dataset folder reads the same in the panel as in `entail verify`.
          const deps = await batchDeps(b.mod.defaultDeps);
          const report = await b.mod
            .runBatch({ paths: confined.paths, cwd: process.cwd(), provers: [id], jobs: parallel, timeoutMs, signal, deps }, (e) => {
              if (e.type === 'start') jobs.progress(job, `0/${e.total} problems`);
              else if (e.type === 'result') {
                jobs.progress(job, `${e.done}/${e.total} problems`);
                ctx.opts.emit({ type: 'batchRow', jobId: job.id, row: toRow(e.result), done: e.done, total: e.total });
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
          keep(job.id, report);
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
    async batchReport({ jobId, format }) {
      const report = reports.get(jobId);
      if (!report)
        return { kind: 'invalid', issues: [`no finished batch report for ${jobId} (reports of the last ${KEPT_REPORTS} runs are kept)`] };
      const b = await load('batch');
      if (!b.ok) return unavailable(b.reason);
      const write = { json: b.mod.toJson, csv: b.mod.toCsv, junit: b.mod.toJunit, html: (r: BatchReport) => b.mod.toHtml(r) }[format];
      const { ext, type } = REPORT_FILES[format];
      return okResult({ name: `entail-batch-${jobId.replace(/^job-/, '')}.${ext}`, type, text: write(report) });
    },
    async batchOpen({ path }) {
      const f = await readConfinedFile(path, ctx.roots, process.cwd());
      return f.ok ? okResult({ name: f.name, path: f.path, text: f.text }) : { kind: 'invalid', issues: [f.issue] };
    },
  };
}
