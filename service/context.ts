/**
 * What every area of the service shares: its options, the engine loader, the job
 * table, settings, and the handler types. Each area (proving, nl, batch, explorer,
 * lean, sessions, settings) is a function from this context to its handlers;
 * createService composes them.
 */
import type { z } from 'zod';
import type { ApiMethod, ApiOutput, ApiResult, JobEvent } from '../api/contract.js';
import type { inputSchemas } from '../api/contract.js';
import type { LeanServiceOptions } from '../provers/lean/index.js';
import type { JobRunner } from './job-runner.js';
import type { WorkerLimits } from './workers.js';
import type { EngineLoader } from './engine.js';
import type { Jobs } from './jobs.js';
import type { Parser } from './parsing.js';
import type { SettingsStore } from './settings.js';

export interface ServiceOptions {
  /** Where settings and sessions are stored. */
  readonly dataDir: string;
  /** Receives job events (the transport forwards them to the UI). */
  readonly emit: (e: JobEvent) => void;
  /** Engine module loader (tests inject fakes; default: the real modules). */
  readonly engines?: EngineLoader;
  /** Progress event period. */
  readonly progressMs?: number;
  /** Extra folders sessionOpen may read from (Electron passes the folders the user picked in dialogs). */
  readonly allowedRoots?: readonly string[];
  /** Redis hosts batch queue runs may connect to besides loopback (`entail serve --queue-host`); see service/batch-queue.ts. */
  readonly queueHosts?: readonly string[];
  /** Lean discovery and pool (tests point it at a fake REPL or an empty PATH); default: ENTAIL_LEAN_REPL / ENTAIL_LEAN_PROJECT / PATH. */
  readonly lean?: LeanServiceOptions;
  /** Run explorations in worker threads (default: in the compiled build). */
  readonly exploreInWorker?: boolean;
  /**
   * Untrusted jobs (Prolog, HTML export): in worker threads with these heap and wall-clock limits (default: in the
   * compiled build with real engines), at most `concurrency` of them and of prove/batch jobs at once (default: cores).
   */
  readonly jobs?: { readonly inWorker?: boolean; readonly limits?: WorkerLimits; readonly concurrency?: number };
  /** Environment for executable paths and the OpenAI key (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export type Input<M extends ApiMethod> = z.output<(typeof inputSchemas)[M]>;
export type Handler<M extends ApiMethod> = (input: Input<M>) => Promise<ApiResult<ApiOutput<M>>>;
export type Handlers = { [M in ApiMethod]: Handler<M> };
/** One area's share of the API. */
export type AreaHandlers<M extends ApiMethod> = { [K in M]: Handler<K> };

/** A service-wide resource that must be released on shutdown. */
export interface Disposable {
  dispose(): void;
}

export interface ServiceContext {
  readonly opts: ServiceOptions;
  readonly load: EngineLoader;
  readonly parser: Parser;
  readonly jobs: Jobs;
  readonly settings: SettingsStore;
  /** Untrusted work in worker threads with limits, and the cap on concurrent jobs. */
  readonly runner: JobRunner;
  /** Folders batch runs and sessions may read (resolved). */
  readonly roots: readonly string[];
  /** Registers cleanup to run when the service is disposed. */
  onDispose(f: () => void): void;
}

export function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
