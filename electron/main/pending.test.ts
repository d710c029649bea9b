import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPendingWrites } from './pending.js';
import type { Clock } from './pending.js';

/** A hand-driven clock: `advance(ms)` fires every timer due by then, in order. */
function manualClock(): Clock & { advance(ms: number): Promise<void> } {
  let now = 0;
  let timers: { at: number; f: () => void; id: number }[] = [];
  let next = 0;
  return {
    setTimeout(f, ms) {
      const id = ++next;
      timers.push({ at: now + ms, f, id });
      return id;
    },
    clearTimeout(id) {
      timers = timers.filter((t) => t.id !== id);
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > until) break;
        timers.shift();
        now = t.at;
        t.f();
        await new Promise((r) => setImmediate(r));
      }
      now = until;
    },
  };
}

function deferred(): { p: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const p = new Promise<void>((r) => (resolve = r));
  return { p, resolve };
}

test('drain waits for a save that arrives during the grace and for its end', async () => {
  const clock = manualClock();
  const w = createPendingWrites(clock);
  let outcome: string | undefined;
  void w.drain(200, 5000).then((o) => (outcome = o.kind));
  await clock.advance(50);
  // The renderer's last change arrives after the close began.
  const save = deferred();
  void w.track(save.p);
  await clock.advance(1000);
  assert.equal(outcome, undefined, 'still waiting: the save is in flight');
  save.resolve();
  await new Promise((r) => setImmediate(r));
  assert.equal(outcome, 'settled');
  assert.equal(w.size, 0);
});

test('drain with nothing in flight settles after the grace; a stuck write times out with its count', async () => {
  const clock = manualClock();
  const w = createPendingWrites(clock);
  let first: string | undefined;
  void w.drain(200, 5000).then((o) => (first = o.kind));
  await clock.advance(199);
  assert.equal(first, undefined);
  await clock.advance(1);
  assert.equal(first, 'settled');

  void w.track(new Promise(() => {}));
  let second: unknown;
  void w.drain(200, 5000).then((o) => (second = o));
  await clock.advance(4999);
  assert.equal(second, undefined);
  await clock.advance(1);
  assert.deepEqual(second, { kind: 'timeout', pending: 1 });
});

test('a failed write still counts as settled (the failure is the renderer’s to show)', async () => {
  const clock = manualClock();
  const w = createPendingWrites(clock);
  const failing = w.track(Promise.reject(new Error('disk full')));
  await assert.rejects(failing, /disk full/);
  assert.equal(w.size, 0);
});
