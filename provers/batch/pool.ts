/**
 * Worker-thread slots for the embedded prover: one long-lived worker per batch
 * job, replaced when it had to be terminated. A task that overruns its limit
 * (plus a grace period for the prover's own deadline check) gets the thread
 * terminated: that is the hard kill for in-process proving.
 */
import { Worker } from 'node:worker_threads';
import type { Problem } from '../logic/problem.js';
import type { QueryOutcome } from './queries.js';

export interface WorkerTask {
  readonly id: number;
  readonly problems: readonly Problem[];
  readonly timeoutMs: number;
  readonly wantProof: boolean;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly outcome: QueryOutcome }
  | { readonly id: number; readonly ok: false; readonly message: string };

export type SlotOutcome =
  | { readonly kind: 'done'; readonly outcome: QueryOutcome; readonly ms: number }
  | { readonly kind: 'killed'; readonly reason: 'timeout' | 'aborted'; readonly ms: number }
  | { readonly kind: 'crashed'; readonly message: string; readonly outOfMemory: boolean };

/** Grace after the limit before the thread is terminated: the prover should have stopped by itself. */
export function graceMs(timeoutMs: number): number {
  return Math.min(5000, Math.max(500, Math.floor(timeoutMs / 4)));
}

const SELF = import.meta.url;

function spawnWorker(proverModule: string, memMb: number | undefined): Worker {
  const resourceLimits = memMb !== undefined ? { maxOldGenerationSizeMb: memMb } : undefined;
  const workerData = { proverModule };
  if (SELF.endsWith('.ts')) {
    // Running from sources under tsx: workers do not inherit its loader, so register it first.
    const target = new URL('./worker.ts', SELF).href;
    // Resolved here (not in the worker) so it does not depend on the process's cwd.
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(code, { eval: true, workerData, ...(resourceLimits ? { resourceLimits } : {}) });
  }
  return new Worker(new URL('./worker.js', SELF), { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
}

/** Resolves when the worker has loaded the prover module (it posts `{ready: true}`), or with the failure. */
function whenReady(w: Worker): Promise<{ ok: true } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const done = (r: { ok: true } | { ok: false; message: string }): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      resolve(r);
    };
    const onMessage = (m: { ready?: boolean }): void => {
      if (m && m.ready) done({ ok: true });
    };
    const onError = (e: Error): void => done({ ok: false, message: `worker failed to start: ${e.message}` });
    const onExit = (code: number): void => done({ ok: false, message: `worker exited during start-up (code ${code})` });
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
  });
}

export class WorkerSlot {
  private worker: { readonly w: Worker; readonly ready: ReturnType<typeof whenReady> } | undefined;
  private nextId = 1;

  constructor(
    private readonly proverModule: string,
    private readonly memMb?: number,
  ) {}

  async run(problems: readonly Problem[], timeoutMs: number, wantProof: boolean, signal?: AbortSignal): Promise<SlotOutcome> {
    if (!this.worker) {
      const w = spawnWorker(this.proverModule, this.memMb);
      this.worker = { w, ready: whenReady(w) };
    }
    const slot = this.worker;
    const ready = await slot.ready;
    if (!ready.ok) {
      if (this.worker === slot) this.worker = undefined;
      void slot.w.terminate();
      return { kind: 'crashed', message: ready.message, outOfMemory: false };
    }
    const w = slot.w;
    if (signal?.aborted) return { kind: 'killed', reason: 'aborted', ms: 0 };
    const id = this.nextId++;
    const start = Date.now();
    return new Promise<SlotOutcome>((resolve) => {
      let settled = false;
      const finish = (o: SlotOutcome, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          if (this.worker === slot) this.worker = undefined;
          void w.terminate();
        }
        resolve(o);
      };
      const onMessage = (m: WorkerReply): void => {
        if (m.id !== id) return;
        if (m.ok) finish({ kind: 'done', outcome: m.outcome, ms: Date.now() - start }, false);
        else finish({ kind: 'crashed', message: m.message, outOfMemory: false }, false);
      };
      const onError = (e: Error): void => {
        const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(
          { kind: 'crashed', message: oom ? 'out of memory (worker heap limit)' : `worker crashed: ${e.message}`, outOfMemory: oom },
          true,
        );
      };
      const onExit = (code: number): void =>
        finish({ kind: 'crashed', message: `worker exited with code ${code}`, outOfMemory: false }, true);
      const onAbort = (): void => finish({ kind: 'killed', reason: 'aborted', ms: Date.now() - start }, true);
      const timer = setTimeout(
        () => finish({ kind: 'killed', reason: 'timeout', ms: Date.now() - start }, true),
        timeoutMs + graceMs(timeoutMs),
      );
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      if (!settled) w.postMessage({ id, problems, timeoutMs, wantProof } satisfies WorkerTask);
    });
  }

  async close(): Promise<void> {
    const slot = this.worker;
    this.worker = undefined;
    if (slot) await slot.w.terminate();
  }
}
