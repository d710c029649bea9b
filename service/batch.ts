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
import { checkQueueRequest, normalizeHost, scrubSecrets } from './batch-queue.js';
import type { CheckedQueue } from './batch-queue.js';

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
export function batchInfo(cores: number, roots: readonly string[], queueHosts: readonly string[] = []): BatchInfo {
  return { cores, defaultJobs: Math.min(2, cores), roots, queueHosts };
}

/** How long the service waits for a queue's Redis to answer a check (PING, the worker list) before refusing. */
const REDIS_CHECK_MS = 3_000;

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

/** A row whose message passed through `scrub` (a worker's error text is the queue's, not ours). */
function scrubRow(r: BatchRow, scrub: (s: string) => string): BatchRow {
  return r.error === undefined ? r : { ...r, error: scrub(r.error) };
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
): AreaHandlers<'batch' | 'batchInfo' | 'batchWorkers' | 'batchReport' | 'batchOpen'> {
  const { load, jobs } = ctx;
  const queueHosts = (ctx.opts.queueHosts ?? []).flatMap((h) => normalizeHost(h) ?? []);
  const info = batchInfo(
    cores,
    (ctx.opts.allowedRoots ?? []).map((r) => resolve(r)),
    queueHosts,
  );
  const checkQueue = async (
    q: { url: string; name: string },
    mod: Parameters<typeof checkQueueRequest>[2],
  ): Promise<{ ok: true; value: CheckedQueue } | { ok: false; issue: string }> => checkQueueRequest(q, queueHosts, mod);
  const reports = new Map<string, BatchReport>();
  const keep = (jobId: string, r: BatchReport): void => {
    reports.set(jobId, r);
    for (const old of reports.keys()) if (reports.size > KEPT_REPORTS) reports.delete(old);
  };
  ctx.onDispose(() => reports.clear());
  return {
    batchInfo: () => Promise.resolve(okResult(info)),
    async batchWorkers({ queue }) {
      const b = await load('batch');
      if (!b.ok) return unavailable(b.reason);
      const q = await checkQueue(queue, b.mod);
      if (!q.ok) return { kind: 'invalid', issues: [q.issue] };
      const name = b.mod.queueName(q.value.name)!;
      const r = await b.mod.queueWorkers(q.value.target, name, REDIS_CHECK_MS);
      return r.ok ? okResult(r.value) : { kind: 'invalid', issues: [scrubSecrets(r.error, q.value.target)] };
    },
    async batch({ paths, prover, timeoutMs, jobs: wanted, queue }) {
      const id = BATCH_PROVERS[prover];
      if (!id) return { kind: 'invalid', issues: [`batch runs use the embedded or an external prover, not ${prover}`] };
      const parallel = wanted ?? info.defaultJobs;
      // A queue run proves on the workers: the jobs setting (this machine's cores) does not apply.
      if (!queue && parallel > cores) return { kind: 'invalid', issues: [`jobs: at most ${cores} (the engine's cores), not ${parallel}`] };
      const b = await load('batch');
      if (!b.ok) return unavailable(b.reason);
      let q: CheckedQueue | undefined;
      if (queue) {
        const checked = await checkQueue(queue, b.mod);
        if (!checked.ok) return { kind: 'invalid', issues: [checked.issue] };
        q = checked.value;
      }
      const confined = await confinePaths(paths, ctx.roots, process.cwd());
      if (!confined.ok) return { kind: 'invalid', issues: [...confined.issues] };
      if (q) {
        // Before a job exists: a wrong address or password is a refusal now, not a run retrying forever.
        const ping = await b.mod.pingRedis(q.target, REDIS_CHECK_MS);
        if (!ping.ok) return { kind: 'invalid', issues: [scrubSecrets(ping.error, q.target)] };
      }
      const scrub = (text: string): string => (q ? scrubSecrets(text, q.target) : text);
      const job = jobs.start();
      const signal = job.controller.signal;
      void ctx.runner.limiter.run(async () => {
        try {
          // The CLI's record reader too: a dataset folder reads the same in the panel as in `entail verify`.
          const deps = await batchDeps(b.mod.defaultDeps);
          const report = await b.mod
            .runBatch(
              {
                paths: confined.paths,
                cwd: process.cwd(),
                provers: [id],
                jobs: parallel,
                timeoutMs,
                signal,
                deps,
                // The coordinator of `entail verify --queue`: same engine, same rows, answers from the workers.
                ...(q
                  ? {
                      executor: b.mod.queueExecutor({
                        target: q.target,
                        name: q.name,
                        resume: false,
                        onNote: (message) => jobs.progress(job, scrub(message)),
                      }),
                    }
                  : {}),
              },
              (e) => {
                if (e.type === 'start') jobs.progress(job, `0/${e.total} problems${q ? ` on ${q.shown} as '${q.name}'` : ''}`);
                else if (e.type === 'result') {
                  jobs.progress(job, `${e.done}/${e.total} problems`);
                  ctx.opts.emit({ type: 'batchRow', jobId: job.id, row: scrubRow(toRow(e.result), scrub), done: e.done, total: e.total });
                }
              },
            )
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
          jobs.finish(job, { state: 'batchDone', summary, rows: report.problems.map((r) => scrubRow(toRow(r), scrub)) });
        } catch (e) {
          jobs.finish(
            job,
            signal.aborted ? { state: 'cancelled' } : { state: 'failed', failure: scrub(`batch run failed: ${(e as Error).message}`) },
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
