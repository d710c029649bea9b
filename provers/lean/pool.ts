/**
 * N REPL processes with queueing and handle affinity.
 *
 * Env and proof-state numbers are per process (each REPL numbers its own states from 0), so
 * every handle the pool hands out records the worker and process generation it came from, and a
 * request that uses a handle is routed to that worker. Requests without handles go to the least
 * loaded worker. After a restart each worker replays the header command before serving requests;
 * handles from before the restart come back as `staleHandle`, never as someone else's state.
 */
import type { Discovery } from './discover.js';
import type { LeanOutcome } from './outcome.js';
import type { ReplRequest, ReplResponse } from './protocol.js';
import type { ReplOptions, ReplStats } from './repl.js';
import { LeanRepl } from './repl.js';

export interface PoolOptions extends ReplOptions {
  /** Number of REPL processes (default 1). Each Lean process with Mathlib needs several GiB. */
  readonly size?: number;
}

/** Where a handle lives: which worker, and which process generation of it. */
export interface HandleHome {
  readonly worker: number;
  readonly generation: number;
}
export interface EnvHandle extends HandleHome {
  readonly env: number;
}
export interface ProofStateHandle extends HandleHome {
  readonly proofState: number;
}

export interface PoolRequestOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Run on the worker (and generation) that owns the handles the request names. */
  readonly home?: HandleHome;
  /** Commands without `env` run on the header's environment (default true when a header is set). */
  readonly inHeaderEnv?: boolean;
}

export interface PoolReply {
  readonly outcome: LeanOutcome<ReplResponse>;
  readonly home: HandleHome;
}

export class LeanReplPool {
  private readonly workers: LeanRepl[];

  constructor(
    readonly install: Discovery,
    private readonly opts: PoolOptions = {},
  ) {
    const n = Math.max(1, Math.floor(opts.size ?? 1));
    this.workers = Array.from({ length: n }, () => new LeanRepl(install, opts));
  }

  get size(): number {
    return this.workers.length;
  }

  async request(req: ReplRequest, opts: PoolRequestOptions = {}): Promise<PoolReply> {
    let index: number;
    if (opts.home !== undefined) {
      index = opts.home.worker;
      if (!Number.isInteger(index) || index < 0 || index >= this.workers.length) {
        return { outcome: { kind: 'staleHandle', detail: `no worker ${index} in a pool of ${this.workers.length}` }, home: opts.home };
      }
    } else index = this.pickWorker();
    const w = this.workers[index]!;
    const r = await w.request(req, {
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.signal !== undefined ? { signal: opts.signal } : {}),
      ...(opts.home !== undefined ? { generation: opts.home.generation } : {}),
      inHeaderEnv: opts.inHeaderEnv ?? true,
    });
    return { outcome: r.outcome, home: { worker: index, generation: r.generation } };
  }

  /** Least loaded worker; ties go to the lowest index (warm processes get reused first). */
  private pickWorker(): number {
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.workers[i]!.load < this.workers[best]!.load) best = i;
    return best;
  }

  stats(): ReplStats[] {
    return this.workers.map((w) => w.stats());
  }

  /** Process ids of the live workers (for diagnostics and tests). */
  pids(): (number | undefined)[] {
    return this.workers.map((w) => w.pid);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
