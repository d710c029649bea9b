/**
 * `entail worker --queue redis://…`: prove the jobs an `entail verify --queue`
 * coordinator sends. Runs on any machine that reaches Redis; needs no shared
 * file system (jobs are self-contained). The first SIGINT/SIGTERM stops taking
 * jobs and lets the running ones finish; a second exits at once (those jobs'
 * locks expire and another worker re-runs them).
 */
import { availableParallelism } from 'node:os';
import { EXIT_INPUT, EXIT_OK } from '../io.js';
import { defineCommand, positiveNumber } from '../args.js';
import { defaultDeps } from '../../provers/batch/engine.js';
import { queueTarget, queueName } from '../../provers/batch/queue/connection.js';
import { runQueueWorker } from '../../provers/batch/queue/worker.js';
import type { ExternalConfig, ExternalProverId } from '../../provers/external/index.js';
import type { BatchDeps } from '../../provers/batch/types.js';
import type { Command } from '../io.js';

function defaultProverModule(): string {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? '../../provers/run/index.ts' : '../../provers/run/index.js', here).href;
}

export interface WorkerHooks {
  /** Engine dependencies (tests inject fakes); default the real modules. */
  readonly deps?: BatchDeps;
  /** Module exporting `proveProblem` for the threads; default provers/run. */
  readonly proverModule?: string;
}

export const makeWorkerCommand = (hooks: WorkerHooks = {}): Command =>
  defineCommand(
    {
      name: 'worker',
      summary: 'prove jobs from an `entail verify --queue` coordinator (BullMQ on Redis)',
      synopsis: '',
      description: `Takes jobs from the run's queue on Redis and proves each in a worker thread, with the
portfolio and limits the coordinator chose. Start as many as you like, on as many machines.`,
      options: {
        queue: {
          type: 'string',
          arg: 'URL',
          help: 'Redis to connect to: redis://[user:password@]HOST:PORT[/DB], or env:VAR to read it from the environment (required)',
        },
        name: { type: 'string', arg: 'RUN', help: "run name, as given to the coordinator's --name (default 'default')" },
        concurrency: { type: 'string', short: 'c', arg: 'N', help: 'jobs at once, one thread each (default: cores − 1)' },
        'lock-ms': {
          type: 'string',
          arg: 'MS',
          help: "how long a job's lock lasts unrenewed: a killed worker's jobs run again after it (default 30000)",
        },
        'stalled-ms': { type: 'string', arg: 'MS', help: 'how often to look for jobs of dead workers (default 30000)' },
        'heartbeat-ms': {
          type: 'string',
          arg: 'MS',
          help: "how often to refresh this worker's heartbeat record, which lists it in the workbench (default 5000; the record lives 3 beats)",
        },
        'e-path': { type: 'string', arg: 'P', help: 'E prover binary' },
        'vampire-path': { type: 'string', arg: 'P', help: 'Vampire binary' },
        'prover9-path': { type: 'string', arg: 'P', help: 'Prover9 binary' },
        'z3-path': { type: 'string', arg: 'P', help: 'z3 binary' },
        quiet: { type: 'boolean', short: 'q', help: 'no line per job' },
      },
      minPositionals: 0,
      maxPositionals: 0,
      footer: 'Exit status: 0 after a clean stop, 1 when Redis cannot be used, 2 on usage errors, 130 on a second signal.',
    },
    async ({ values, io, usageError }) => {
      if (!values.queue) return usageError('--queue is required');
      const target = queueTarget(values.queue);
      if (!target.ok) return usageError(`--queue: ${target.error}`);
      const name = values.name ?? 'default';
      if (!queueName(name)) return usageError('--name needs a run name (letters, digits, . _ -; at most 100)');
      const concurrency = positiveNumber('concurrency', values.concurrency, Math.max(1, availableParallelism() - 1), true);
      if (typeof concurrency === 'string') return usageError(concurrency);
      const lockMs = values['lock-ms'] === undefined ? undefined : positiveNumber('lock-ms', values['lock-ms'], 30_000, true);
      const stalledMs = values['stalled-ms'] === undefined ? undefined : positiveNumber('stalled-ms', values['stalled-ms'], 30_000, true);
      const heartbeatMs =
        values['heartbeat-ms'] === undefined ? undefined : positiveNumber('heartbeat-ms', values['heartbeat-ms'], 5_000, true);
      if (typeof heartbeatMs === 'string') return usageError(heartbeatMs);
      if (typeof lockMs === 'string') return usageError(lockMs);
      if (typeof stalledMs === 'string') return usageError(stalledMs);
      const paths: Partial<Record<ExternalProverId, string>> = {};
      for (const id of ['e', 'vampire', 'prover9', 'z3'] as const) {
        const v = values[`${id}-path`];
        if (v) paths[id] = v;
      }
      const external: ExternalConfig = { paths };
      const ac = new AbortController();
      let signals = 0;
      const onSignal = (): void => {
        signals++;
        if (signals === 1) {
          io.err('stopping: finishing the running jobs (signal again to exit now)…');
          ac.abort();
        } else process.exit(130);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const r = await runQueueWorker({
          target: target.value,
          name,
          concurrency,
          deps: hooks.deps ?? (await defaultDeps()),
          external,
          proverModule: hooks.proverModule ?? defaultProverModule(),
          ...(lockMs !== undefined ? { lockMs } : {}),
          ...(stalledMs !== undefined ? { stalledMs } : {}),
          ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
          signal: ac.signal,
          onEvent: (e) => {
            if (e.type === 'ready') io.err(`worker ${e.id} serving ${e.queue} on ${e.target} (${concurrency} at once)`);
            else if (e.type === 'done' && !values.quiet) io.out(`[${e.count}] ${e.name}: ${e.status} (${e.time_s.toFixed(2)} s)`);
            else if (e.type === 'rejected') io.err(`rejected job ${e.jobId}: ${e.message}`);
            else if (e.type === 'error') io.err(`redis: ${e.message}`);
          },
        });
        io.err(`worker stopped after ${r.jobs} jobs`);
        return EXIT_OK;
      } catch (e) {
        io.err(`entail worker: ${(e as Error).message}`);
        return EXIT_INPUT;
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
      }
    },
  );

export const command = makeWorkerCommand();
