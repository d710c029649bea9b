/**
 * The engine service: implements the workbench API in Node on top of provers/ and
 * nl/. Used by both the Electron main process and the local HTTP server, so it
 * knows nothing about transports: `dispatch(method, rawInput)` validates the input
 * with the contract's zod schema and always resolves to an ApiResult (a throw
 * inside a handler is a bug, reported as an `error` value, never re-thrown).
 *
 * Each area of the API is its own module over a shared context; state lives in the
 * instance, never in module globals, so tests can run several services side by side.
 */
import { resolve } from 'node:path';
import type { ApiResult } from '../api/contract.js';
import { errorResult, isApiMethod, validateInput } from '../api/contract.js';
import type { Handlers, ServiceContext, ServiceOptions } from './context.js';
import { moduleLoader } from './engine.js';
import { createJobs } from './jobs.js';
import { createParser } from './parsing.js';
import { createSettings } from './settings.js';
import { provingHandlers } from './proving.js';
import { nlHandlers } from './nl.js';
import { batchHandlers } from './batch.js';
import { leanHandlers } from './lean.js';
import { explorerHandlers } from './explorer.js';
import { createSessionStore } from './sessions.js';
import { createJobRunner } from './job-runner.js';
import { DEFAULT_WORKER_LIMITS, defaultConcurrency } from './workers.js';
import type { ProverId } from '../api/contract.js';

export type { ServiceOptions } from './context.js';
export type { ProverId } from '../api/contract.js';

export interface EngineService {
  dispatch(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Cancel every running job (shutdown). */
  dispose(): void;
  readonly handlers: Handlers;
  /**
   * Set an external prover's executable (undefined clears it). Not part of the API: only trusted shells call it
   * (Electron's main process after a native file dialog), never anything a page can reach.
   */
  setExecutable(prover: ProverId, path: string | undefined): Promise<void>;
}

export function createService(opts: ServiceOptions): EngineService {
  const load = opts.engines ?? moduleLoader();
  const cleanups: (() => void)[] = [];
  const ctx: ServiceContext = {
    opts,
    load,
    parser: createParser(load),
    jobs: createJobs(opts.emit, opts.progressMs),
    settings: createSettings(opts.dataDir, opts.env ?? process.env),
    runner: createJobRunner(load, {
      useWorker: opts.jobs?.inWorker ?? (import.meta.url.endsWith('.js') && !opts.engines),
      limits: opts.jobs?.limits ?? DEFAULT_WORKER_LIMITS,
      concurrency: opts.jobs?.concurrency ?? defaultConcurrency(),
    }),
    roots: [resolve(opts.dataDir, 'sessions'), ...(opts.allowedRoots ?? []).map((r) => resolve(r))],
    onDispose: (f) => void cleanups.push(f),
  };
  const sessions = createSessionStore({ dir: resolve(opts.dataDir, 'sessions'), roots: opts.allowedRoots ?? [] });
  const handlers: Handlers = {
    ...provingHandlers(ctx),
    ...nlHandlers(ctx),
    ...batchHandlers(ctx),
    ...leanHandlers(ctx),
    ...explorerHandlers(ctx),
    sessionSave: (input) => sessions.save(input),
    sessionOpen: ({ path }) => sessions.open(path),
    sessionList: () => sessions.list(),
    ...ctx.jobs.handlers,
    ...ctx.settings.handlers,
  };
  return {
    handlers,
    setExecutable: (prover, path) => ctx.settings.setExecutable(prover, path),
    async dispatch(method, input) {
      if (!isApiMethod(method)) return { kind: 'invalid', issues: [`unknown method ${method}`] };
      const v = validateInput(method, input);
      if (!v.ok) return { kind: 'invalid', issues: v.issues };
      try {
        return await (handlers[method] as (i: unknown) => Promise<ApiResult<unknown>>)(v.value);
      } catch (e) {
        // A bug in a handler or an engine module: report it, keep the service alive.
        return errorResult(`${method} failed: ${(e as Error).message ?? String(e)}`);
      }
    },
    dispose() {
      ctx.parser.dispose();
      for (const f of cleanups.splice(0)) f();
      ctx.jobs.dispose();
    },
  };
}
