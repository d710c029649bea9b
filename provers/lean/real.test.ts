/**
 * Tests against a real Lean REPL. They run only where discovery finds one (repl on PATH, or
 * ENTAIL_LEAN_REPL / ENTAIL_LEAN_PROJECT); otherwise each reports itself as skipped, by name,
 * with the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverLean } from './discover.js';
import { LeanReplPool } from './pool.js';
import { checkSnippet, listSorries, replayTactics, runTactic } from './ops.js';
import { FIXTURES } from './fixtures/fakes.js';

const found = await discoverLean();
const skip = found.kind === 'found' ? false : `Lean not installed (${found.reason})`;
const opts = { timeoutMs: 120_000 };

test('lean: check a real snippet', { skip }, async () => {
  const pool = new LeanReplPool(found, { memoryLimitMb: 0 });
  try {
    const good = await checkSnippet(pool, 'theorem two : 1 + 1 = 2 := rfl', opts);
    assert.ok(good.kind === 'ok' && good.value.errors === 0, JSON.stringify(good));
    const bad = await checkSnippet(pool, 'theorem three : 1 + 1 = 3 := rfl', opts);
    assert.ok(bad.kind === 'ok' && bad.value.errors > 0 && bad.value.messages[0]!.pos.line === 1, JSON.stringify(bad));
  } finally {
    await pool.close();
  }
});

test('lean: sorries, tactics and a replayed script on a real REPL', { skip }, async () => {
  const pool = new LeanReplPool(found, { memoryLimitMb: 0 });
  try {
    const s = await listSorries(pool, 'theorem and_swap (p q : Prop) (h : p ∧ q) : q ∧ p := by\n  sorry', opts);
    assert.ok(s.kind === 'ok' && s.value.sorries.length === 1, JSON.stringify(s));
    if (s.kind !== 'ok') return;
    const fail = await runTactic(pool, s.value.sorries[0]!.proofState!, 'exact h.1', opts);
    assert.equal(fail.kind, 'leanError');
    const r = await replayTactics(
      pool,
      'theorem and_swap (p q : Prop) (h : p ∧ q) : q ∧ p',
      ['constructor', 'exact h.2', 'exact h.1'],
      opts,
    );
    assert.ok(r.kind === 'ok' && r.value.completed, JSON.stringify(r));
  } finally {
    await pool.close();
  }
});

test('lean: every golden FOL translation elaborates with exactly one sorry', { skip }, async () => {
  const pool = new LeanReplPool(found, { memoryLimitMb: 0 });
  try {
    const dir = join(FIXTURES, 'golden');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.lean'))) {
      const r = await checkSnippet(pool, readFileSync(join(dir, f), 'utf8'), opts);
      assert.ok(r.kind === 'ok' && r.value.errors === 0 && r.value.sorries.length === 1, `${f}: ${JSON.stringify(r)}`);
    }
    const dogs = await replayTactics(
      pool,
      readFileSync(join(dir, 'dogs.lean'), 'utf8').split(' := by')[0]!,
      ['apply h_p1', 'exact h_p2'],
      opts,
    );
    assert.ok(dogs.kind === 'ok' && dogs.value.completed, JSON.stringify(dogs));
  } finally {
    await pool.close();
  }
});
