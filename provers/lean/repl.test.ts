/**
 * The process bridge against real child processes (fixtures/fake-repl.mjs) that speak the REPL
 * wire protocol from recorded transcripts and emulate its failure modes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LeanRepl } from './repl.js';
import type { ReplRequest } from './protocol.js';
import { DOUBLE_HEADER, fakeInstall, processExists, TRANSCRIPTS, waitUntil } from './fixtures/fakes.js';

function recordedRequests(name: string): ReplRequest[] {
  return readFileSync(join(TRANSCRIPTS, name + '.in'), 'utf8')
    .split(/\n\s*\n/)
    .filter((b) => b.trim() !== '')
    .map((b) => JSON.parse(b) as ReplRequest);
}

async function replayAll(repl: LeanRepl, reqs: readonly ReplRequest[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const r of reqs) out.push((await repl.request(r)).outcome);
  return out;
}

test('transcript replay: every recorded request gets its decoded reply, handles per generation', async () => {
  const repl = new LeanRepl(fakeInstall('basic'));
  try {
    const outs = await replayAll(repl, recordedRequests('basic'));
    const kinds = outs.map((o) => (o as { kind: string }).kind);
    // two tactic failures come back as REPL `{message}` errors, everything else decodes
    assert.deepEqual(kinds, ['ok', 'ok', 'ok', 'leanError', 'ok', 'ok', 'ok', 'ok', 'leanError', 'ok', 'ok', 'ok']);
    const second = outs[1] as { kind: 'ok'; value: { type: string; env: number; sorries: { goal: string; proofState: number }[] } };
    assert.equal(second.value.type, 'command');
    assert.equal(second.value.env, 1);
    assert.deepEqual(second.value.sorries[0], {
      pos: { line: 2, column: 2 },
      endPos: { line: 2, column: 7 },
      goal: '⊢ double 2 = 4',
      proofState: 0,
    });
    const err = outs[3] as { kind: 'leanError'; messages: { data: string }[]; repl: boolean };
    assert.equal(err.repl, true);
    assert.match(err.messages[0]!.data, /unknown identifier 'foo'/);
    assert.equal(repl.generation, 1);
    assert.equal(repl.stats().requests, 12);
  } finally {
    await repl.close();
  }
});

test('framing: replies written in 1-3 byte chunks (split UTF-8 characters) decode identically', async () => {
  const reqs = recordedRequests('basic');
  const plain = new LeanRepl(fakeInstall('basic'));
  const chunky = new LeanRepl(fakeInstall('basic', '--chunky'));
  try {
    const [a, b] = await Promise.all([replayAll(plain, reqs), replayAll(chunky, reqs)]);
    assert.deepEqual(b, a);
    assert.ok(JSON.stringify(b).includes('⊢ q ∧ p'), 'multi-byte goal text survives chunking');
  } finally {
    await Promise.all([plain.close(), chunky.close()]);
  }
});

test('a REPL-level error for a handle it never issued ("Unknown environment.") is leanError', async () => {
  const repl = new LeanRepl(fakeInstall('basic'));
  try {
    const o = (await repl.request({ cmd: 'example : True := trivial', env: 42 })).outcome;
    assert.equal(o.kind, 'leanError');
    assert.match(JSON.stringify(o), /Unknown environment/);
  } finally {
    await repl.close();
  }
});

test('stall: timeout value, the process is killed, the next request restarts it and replays the header', async () => {
  const repl = new LeanRepl(fakeInstall('basic'), { header: DOUBLE_HEADER });
  try {
    const first = await repl.request({ cmd: 'theorem double_two : double 2 = 4 := by\n  sorry' }, { inHeaderEnv: true });
    assert.equal(first.outcome.kind, 'ok');
    const pid = repl.pid!;
    const t = await repl.request({ cmd: '#stall' }, { timeoutMs: 300 });
    assert.deepEqual(t.outcome, { kind: 'timeout', ms: 300 });
    assert.ok(await waitUntil(() => !processExists(pid)), 'stalled process was killed');
    // env 0 only exists in the new process if the header was replayed there
    const next = await repl.request({ cmd: 'example : double 2 = 5 := by decide' }, { inHeaderEnv: true });
    assert.equal(next.outcome.kind, 'ok');
    assert.equal(next.generation, 2);
    assert.notEqual(repl.pid, pid);
    assert.equal(repl.headerEnv, 0);
    assert.equal(repl.stats().timeouts, 1);
  } finally {
    await repl.close();
  }
});

test('death mid-request: crashed with exit code and stderr tail, then a working restart', async () => {
  const repl = new LeanRepl(fakeInstall('basic'), { header: DOUBLE_HEADER });
  try {
    const c = await repl.request({ cmd: '#die' });
    assert.equal(c.outcome.kind, 'crashed');
    if (c.outcome.kind !== 'crashed') return;
    assert.equal(c.outcome.code, 3);
    assert.equal(c.outcome.signal, null);
    assert.match(c.outcome.stderr, /dying on purpose/);
    const next = await repl.request({ cmd: 'theorem double_two : double 2 = 4 := by\n  sorry' }, { inHeaderEnv: true });
    assert.equal(next.outcome.kind, 'ok');
    assert.equal(repl.stats().crashes, 1);
  } finally {
    await repl.close();
  }
});

test('garbage output and wrongly shaped JSON are protocol errors; the process is replaced', async () => {
  const repl = new LeanRepl(fakeInstall('basic'));
  try {
    const g = await repl.request({ cmd: '#garbage' });
    assert.equal(g.outcome.kind, 'protocolError');
    assert.match(JSON.stringify(g.outcome), /not JSON/);
    const b = await repl.request({ cmd: '#badshape' });
    assert.equal(b.outcome.kind, 'protocolError');
    assert.equal(b.generation, 2);
    const ok = await repl.request({ cmd: DOUBLE_HEADER });
    assert.equal(ok.outcome.kind, 'ok');
    assert.equal(ok.generation, 3);
    assert.equal(repl.stats().protocolErrors, 2);
  } finally {
    await repl.close();
  }
});

test('memory limit: a child that allocates past ulimit -v is reported as crashed', async () => {
  const repl = new LeanRepl(fakeInstall('basic'), { memoryLimitMb: 1536, timeoutMs: 20_000 });
  try {
    const o = (await repl.request({ cmd: '#hog' })).outcome;
    assert.equal(o.kind, 'crashed', JSON.stringify(o).slice(0, 300));
    if (o.kind === 'crashed') {
      assert.ok(o.code !== 0 || o.signal !== null);
      assert.match(o.stderr, /allocation failed|out of memory|OOM/i, 'the failure is the address-space limit');
    }
    assert.equal((await repl.request({ cmd: DOUBLE_HEADER })).outcome.kind, 'ok');
  } finally {
    await repl.close();
  }
});

test('cancellation: in-flight (process killed), queued (never sent) and already-aborted requests', async () => {
  const repl = new LeanRepl(fakeInstall('basic'));
  try {
    const ac = new AbortController();
    const stalled = repl.request({ cmd: '#stall' }, { signal: ac.signal, timeoutMs: 10_000 });
    const queuedAc = new AbortController();
    const queued = repl.request({ cmd: DOUBLE_HEADER }, { signal: queuedAc.signal });
    assert.equal(repl.load, 2);
    await waitUntil(() => repl.pid !== undefined);
    const pid = repl.pid!;
    queuedAc.abort();
    setTimeout(() => ac.abort(), 50);
    assert.equal((await stalled).outcome.kind, 'cancelled');
    assert.equal((await queued).outcome.kind, 'cancelled');
    assert.ok(await waitUntil(() => !processExists(pid)));
    assert.equal((await repl.request({ cmd: DOUBLE_HEADER }, { signal: AbortSignal.abort() })).outcome.kind, 'cancelled');
    assert.equal((await repl.request({ cmd: DOUBLE_HEADER })).outcome.kind, 'ok');
    assert.equal(repl.stats().cancellations, 3);
  } finally {
    await repl.close();
  }
});

test('requests are answered in order when sent concurrently', async () => {
  const repl = new LeanRepl(fakeInstall('basic', '--chunky'));
  try {
    const [a, b, c] = await Promise.all([
      repl.request({ cmd: DOUBLE_HEADER }),
      repl.request({ cmd: 'theorem double_two : double 2 = 4 := by\n  sorry', env: 0 }),
      repl.request({ cmd: 'example : double 2 = 5 := by decide', env: 0 }),
    ]);
    assert.deepEqual(
      [a, b, c].map((r) => (r.outcome.kind === 'ok' && r.outcome.value.type === 'command' ? r.outcome.value.env : -1)),
      [0, 1, 2],
    );
  } finally {
    await repl.close();
  }
});

test('close: a child ignoring end-of-input and SIGTERM is SIGKILLed; the pending request is cancelled', async () => {
  const repl = new LeanRepl(fakeInstall('basic', '--ignore-term'), { killGraceMs: 150 });
  // One answered request first: the child is up and has installed its SIGTERM handler.
  assert.equal((await repl.request({ cmd: DOUBLE_HEADER })).outcome.kind, 'ok');
  const pending = repl.request({ cmd: '#stall' }, { timeoutMs: 10_000 });
  const pid = repl.pid!;
  const t0 = Date.now();
  await repl.close();
  assert.ok(Date.now() - t0 >= 250, 'waited through stdin-close and SIGTERM grace periods');
  assert.equal((await pending).outcome.kind, 'cancelled');
  assert.ok(await waitUntil(() => !processExists(pid)), 'process is gone');
  assert.equal((await repl.request({ cmd: DOUBLE_HEADER })).outcome.kind, 'cancelled', 'a closed bridge refuses work');
});

test('a missing executable is a crash value with the shell’s complaint; notInstalled needs no process', async () => {
  const missing = new LeanRepl({ kind: 'found', command: '/nonexistent/entail-test/repl', args: [], via: 'configured' });
  try {
    const o = (await missing.request({ cmd: 'x' })).outcome;
    assert.equal(o.kind, 'crashed');
    if (o.kind === 'crashed') {
      assert.equal(o.code, 127);
      assert.match(o.stderr, /not found|No such file/);
    }
  } finally {
    await missing.close();
  }
  const none = new LeanRepl({ kind: 'notInstalled', reason: 'no repl on PATH' });
  assert.deepEqual((await none.request({ cmd: 'x' })).outcome, { kind: 'notInstalled', reason: 'no repl on PATH' });
  await none.close();
});

test('header failures: a rejected header is leanError; aborting during header replay is cancelled', async () => {
  const rejected = new LeanRepl(fakeInstall('basic'), { header: 'import Mathlib' });
  try {
    const o = (await rejected.request({ cmd: DOUBLE_HEADER }, { inHeaderEnv: true })).outcome;
    assert.equal(o.kind, 'leanError');
    assert.match(JSON.stringify(o), /header command failed/);
  } finally {
    await rejected.close();
  }
  const stalling = new LeanRepl(fakeInstall('basic'), { header: '#stall' });
  try {
    const ac = new AbortController();
    const p = stalling.request({ cmd: DOUBLE_HEADER }, { signal: ac.signal });
    await waitUntil(() => stalling.pid !== undefined);
    ac.abort();
    assert.equal((await p).outcome.kind, 'cancelled');
  } finally {
    await stalling.close();
  }
});
