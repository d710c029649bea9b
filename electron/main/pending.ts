/**
 * Writes in flight when the window closes. The renderer's last change reaches the
 * main process as an IPC call that may still be running (or not yet have arrived)
 * when the last window goes; quitting then would lose it. The shell tracks every
 * write it dispatches and, on close, waits for them — a short grace for a write that
 * is still on its way, then until all settle, bounded so a stuck disk cannot keep
 * the app from quitting without the user being asked. Pure: timers are injected.
 */
import type { ApiMethod } from '../../api/contract.js';

export interface Clock {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
}

export type DrainOutcome = { readonly kind: 'settled' } | { readonly kind: 'timeout'; readonly pending: number };

export interface PendingWrites {
  /** Track one write; resolves or rejects as `p` does. */
  track<T>(p: Promise<T>): Promise<T>;
  readonly size: number;
  /** Wait `graceMs` for writes still arriving, then until none is in flight, at most `timeoutMs` in all. */
  drain(graceMs: number, timeoutMs: number): Promise<DrainOutcome>;
}

export function createPendingWrites(clock: Clock = globalThis): PendingWrites {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const settleOne = (): void => {
    inFlight--;
    if (inFlight === 0) {
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    }
  };
  return {
    track(p) {
      inFlight++;
      return p.finally(settleOne);
    },
    get size() {
      return inFlight;
    },
    drain(graceMs, timeoutMs) {
      return new Promise((resolve) => {
        let done = false;
        const finish = (o: DrainOutcome): void => {
          if (done) return;
          done = true;
          clock.clearTimeout(deadline);
          resolve(o);
        };
        const deadline = clock.setTimeout(() => finish({ kind: 'timeout', pending: inFlight }), timeoutMs);
        clock.setTimeout(() => {
          if (inFlight === 0) finish({ kind: 'settled' });
          else waiters.push(() => finish({ kind: 'settled' }));
        }, graceMs);
      });
    },
  };
}

/** API methods that write the user's work: their calls are tracked so a closing window waits for them. */
export const WRITE_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['sessionSave', 'settingsSet']);
