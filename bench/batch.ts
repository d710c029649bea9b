/**
 * Batch benchmark (not a test): 1,000 ProofWriter problems through `runBatch`
 * with 2 jobs, each record = context ⊢ question and its negation → True/False/
 * Uncertain vs the dataset answer. Target: < 30 s on this 2-core machine.
 *
 *   npm run bench:batch                      # embedded prover, 1000 problems, 2 jobs
 *   npm run bench:batch -- --prover e --n 200 --jobs 2 --timeout 10
 *   npm run bench:batch -- --source folio    # FOLIO gold FOL instead (204 records)
 *   npm run bench:batch -- --queue           # local vs BullMQ queue (1 and 2 workers) on 200 problems
 *
 * With --queue, a private redis-server is started on a free loopback port (or
 * --redis URL is used), the same problems run locally (1 and 2 jobs) and through
 * the queue (1 and 2 in-process workers, one job at a time each), and the queue's
 * overhead per job is measured on the 1-worker run from BullMQ's own timestamps:
 * the worker's time on the job beyond proving it, plus its wait between jobs.
 *
 * ProofWriter records come from ../shared/corpora/proofwriter/{dev,train}.json
 * (dev's 600, then train) through nl/'s controlled-English parser; they are
 * written to one temp Logic-LM JSON file so the run is one dataset file.
 */
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { Queue } from 'bullmq';
import { runBatch, defaultDeps } from '../provers/batch/engine.js';
import { queueExecutor } from '../provers/batch/queue/coordinator.js';
import { runQueueWorker } from '../provers/batch/queue/worker.js';
import { parseRedisUrl, queueName, redisConnection } from '../provers/batch/queue/connection.js';
import type { RedisTarget } from '../provers/batch/queue/connection.js';
import type { ProverName } from '../provers/batch/types.js';
import { readRecords } from '../service/batch-records.js';
import { SHARED_CORPORA } from '../testing/corpora.js';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}

const queueMode = process.argv.includes('--queue');
const n = Number(arg('n', queueMode ? '200' : '1000'));
const jobs = Number(arg('jobs', '2'));
const timeoutS = Number(arg('timeout', '10'));
const provers = arg('prover', 'entail').split(',') as ProverName[];
const source = arg('source', 'proofwriter');

const dir = mkdtempSync(join(tmpdir(), 'entail-bench-batch-'));
let input: string;
if (source === 'folio') input = join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl');
else {
  const dev = JSON.parse(readFileSync(join(SHARED_CORPORA, 'proofwriter', 'dev.json'), 'utf8')) as unknown[];
  const train = JSON.parse(readFileSync(join(SHARED_CORPORA, 'proofwriter', 'train.json'), 'utf8')) as unknown[];
  input = join(dir, `proofwriter-${n}.json`);
  writeFileSync(input, JSON.stringify([...dev, ...train].slice(0, n)));
}

const deps = { ...(await defaultDeps()), readRecords };
if (queueMode) {
  await queueBench();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const t0 = Date.now();
let last = 0;
const rep = await runBatch(
  { paths: [input], cwd: dir, provers, jobs, timeoutMs: timeoutS * 1000, deps, journal: join(dir, 'journal.jsonl') },
  (e) => {
    if (e.type === 'result' && (e.done - last >= 100 || e.done === e.total)) {
      last = e.done;
      process.stderr.write(`  ${e.done}/${e.total} after ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
  },
);
const wall = (Date.now() - t0) / 1000;
const labelled = rep.problems.filter((p) => p.expected !== undefined);
const correct = labelled.filter((p) => p.status === p.expected).length;
console.log(
  JSON.stringify(
    {
      source,
      problems: rep.total,
      provers,
      jobs,
      timeout_s: timeoutS,
      wall_s: Number(wall.toFixed(2)),
      per_problem_ms: Number(((wall * 1000) / Math.max(1, rep.total)).toFixed(1)),
      solved: rep.solved,
      correct,
      wrong: rep.wrong,
      errors: rep.errors,
      timeouts: rep.timeouts,
      by_status: rep.by_status,
    },
    null,
    2,
  ),
);
for (const p of rep.problems.filter((x) => x.wrong || x.status === 'Error').slice(0, 10))
  console.log(`  ${p.wrong ? 'WRONG' : p.status}: ${p.name} expected ${p.expected} got ${p.status} ${p.error ?? ''}`);
rmSync(dir, { recursive: true, force: true });
process.exitCode = rep.wrong > 0 ? 1 : 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((r) => {
      const c = connect({ host: '127.0.0.1', port }, () => {
        c.destroy();
        r(true);
      });
      c.once('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not start');
}

function median(xs: readonly number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  return a.length === 0 ? NaN : a.length % 2 ? a[(a.length - 1) / 2]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
}

async function queueBench(): Promise<void> {
  const PROVER_MODULE = new URL(import.meta.url.endsWith('.ts') ? '../provers/run/index.ts' : '../provers/run/index.js', import.meta.url)
    .href;
  const given = arg('redis', '');
  let target: RedisTarget;
  let redis: ReturnType<typeof spawn> | undefined;
  if (given) {
    const t = parseRedisUrl(given);
    if (!t.ok) throw new Error(t.error);
    target = t.value;
  } else {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(port);
    target = { host: '127.0.0.1', port, db: 0 };
  }
  const base = { paths: [input], cwd: dir, provers, timeoutMs: timeoutS * 1000, deps };
  const rows: Record<string, unknown>[] = [];
  try {
    for (const j of [1, 2]) {
      const t = Date.now();
      const r = await runBatch({ ...base, jobs: j, journal: join(dir, `local-${j}.jsonl`) });
      const wall = (Date.now() - t) / 1000;
      rows.push({
        mode: 'local',
        parallel: j,
        problems: r.total,
        solved: r.solved,
        wall_s: Number(wall.toFixed(2)),
        per_s: Number((r.total / wall).toFixed(1)),
      });
    }
    let overheadMs = NaN;
    for (const w of [1, 2]) {
      const run = `bench-${w}`;
      const stop = new AbortController();
      const workers = Array.from({ length: w }, () =>
        runQueueWorker({ target, name: run, concurrency: 1, deps, proverModule: PROVER_MODULE, signal: stop.signal }),
      );
      const t = Date.now();
      const r = await runBatch({
        ...base,
        journal: join(dir, `queue-${w}.jsonl`),
        executor: queueExecutor({ target, name: run, resume: false, reconcileMs: 1000 }),
      });
      const wall = (Date.now() - t) / 1000;
      rows.push({
        mode: 'queue',
        parallel: w,
        problems: r.total,
        solved: r.solved,
        wall_s: Number(wall.toFixed(2)),
        per_s: Number((r.total / wall).toFixed(1)),
      });
      if (w === 1) {
        const conn = redisConnection(target);
        const q = new Queue(queueName(run)!, { connection: conn });
        const jobs = (await q.getJobs(['completed'], 0, -1))
          .filter((x) => x.processedOn && x.finishedOn)
          .sort((a, b) => a.processedOn! - b.processedOn!);
        const per: number[] = [];
        for (let i = 0; i < jobs.length; i++) {
          const jb = jobs[i]!;
          const proveMs = ((jb.returnvalue as { time_s?: number } | undefined)?.time_s ?? 0) * 1000;
          const inJob = jb.finishedOn! - jb.processedOn! - proveMs;
          const gap = i > 0 ? jb.processedOn! - jobs[i - 1]!.finishedOn! : 0;
          per.push(Math.max(0, inJob) + Math.max(0, gap));
        }
        overheadMs = median(per);
        await q.close();
        conn.disconnect();
      }
      stop.abort();
      await Promise.all(workers);
    }
    console.log(
      JSON.stringify(
        { source, problems: n, provers, timeout_s: timeoutS, runs: rows, queue_overhead_median_ms: Number(overheadMs.toFixed(2)) },
        null,
        2,
      ),
    );
  } finally {
    redis?.kill('SIGKILL');
  }
}
