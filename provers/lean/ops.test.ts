/** Operations and the pool, against the fake REPL replaying recorded transcripts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LeanReplPool } from './pool.js';
import { checkFile, checkSnippet, listSorries, MarkerSeverity, replayTactics, runTactic, sorryProof, toMonacoMarkers } from './ops.js';
import { problemToLean } from './translate.js';
import { DOUBLE_HEADER, fakeInstall, FIXTURES } from './fixtures/fakes.js';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { mkAtom, mkConst, mkForall, mkImp, mkVar } from '../logic/index.js';
import type { Problem } from '../logic/index.js';

const DOUBLE_TWO = 'theorem double_two : double 2 = 4 := by\n  sorry';

test('checkSnippet: Lean errors are data with positions; listSorries gives goals and handles', async () => {
  const pool = new LeanReplPool(fakeInstall('basic'), { header: DOUBLE_HEADER });
  try {
    const bad = await checkSnippet(pool, 'example : double 2 = 5 := by decide');
    assert.equal(bad.kind, 'ok');
    if (bad.kind !== 'ok') return;
    assert.equal(bad.value.errors, 1);
    assert.deepEqual(bad.value.messages[0]!.pos, { line: 1, column: 29 });
    assert.match(bad.value.messages[0]!.data, /decide failed/);

    const s = await listSorries(pool, DOUBLE_TWO);
    assert.equal(s.kind, 'ok');
    if (s.kind !== 'ok') return;
    assert.equal(s.value.sorries.length, 1);
    assert.equal(s.value.sorries[0]!.goal, '⊢ double 2 = 4');
    assert.deepEqual(s.value.sorries[0]!.proofState, { worker: 0, generation: 1, proofState: 0 });
  } finally {
    await pool.close();
  }
});

test('runTactic: a closing tactic solves the goal; a failing one is leanError; stale handles are refused', async () => {
  const pool = new LeanReplPool(fakeInstall('basic'), { header: DOUBLE_HEADER });
  try {
    const s = await listSorries(pool, DOUBLE_TWO);
    assert.ok(s.kind === 'ok');
    if (s.kind !== 'ok') return;
    const ps = s.value.sorries[0]!.proofState!;
    const fail = await runTactic(pool, ps, 'exact foo');
    assert.equal(fail.kind, 'leanError');
    const done = await runTactic(pool, ps, 'rfl');
    assert.equal(done.kind, 'ok');
    if (done.kind === 'ok') {
      assert.equal(done.value.solved, true);
      assert.equal(done.value.proofStatus, 'Completed');
      assert.deepEqual(done.value.goals, []);
    }
    // The process dies; its proof states die with it.
    const crash = await pool.request({ cmd: '#die' }, { home: ps });
    assert.equal(crash.outcome.kind, 'crashed');
    const stale = await runTactic(pool, ps, 'rfl');
    assert.equal(stale.kind, 'staleHandle');
    const again = await listSorries(pool, DOUBLE_TWO);
    assert.ok(again.kind === 'ok' && again.value.sorries[0]!.proofState!.generation === 2, 'new handles carry the new generation');
  } finally {
    await pool.close();
  }
});

test('replayTactics: goals after each step, and the first rejected tactic', async () => {
  const pool = new LeanReplPool(fakeInstall('basic'), { header: DOUBLE_HEADER });
  try {
    const stmt = 'theorem and_swap (p q : Prop) (h : p ∧ q) : q ∧ p';
    const r = await replayTactics(pool, stmt, ['obtain ⟨hp, hq⟩ := h', 'constructor', 'exact hp', 'exact hq']);
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    assert.equal(r.value.initialGoal, 'p q : Prop\nh : p ∧ q\n⊢ q ∧ p');
    assert.deepEqual(
      r.value.steps.map((s) => s.goals.length),
      [1, 2],
    );
    assert.equal(r.value.failed?.index, 2);
    assert.equal(r.value.failed?.tactic, 'exact hp');
    assert.match(r.value.failed!.messages[0]!.data, /type mismatch/);
    assert.equal(r.value.completed, false);
  } finally {
    await pool.close();
  }
});

test('FOL problem → Lean theorem → REPL: sorry goal, failed and successful tactic scripts', async () => {
  const x = mkVar('x');
  const problem: Problem = {
    name: 'dogs',
    statements: [
      { name: 'p1', role: 'axiom', language: 'fof', formula: mkForall(['x'], mkImp(mkAtom('Dog', [x]), mkAtom('Animal', [x]))) },
      { name: 'p2', role: 'axiom', language: 'fof', formula: mkAtom('Dog', [mkConst('fido')]) },
      { name: 'c', role: 'conjecture', language: 'fof', formula: mkAtom('Animal', [mkConst('fido')]) },
    ],
  };
  const tr = problemToLean(problem);
  const pool = new LeanReplPool(fakeInstall('fol', '--chunky'));
  try {
    const bad = await replayTactics(pool, tr.statement, ['exact h_p2']);
    assert.ok(bad.kind === 'ok' && bad.value.failed?.index === 0 && !bad.value.completed);
    if (bad.kind === 'ok') assert.match(bad.value.initialGoal, /⊢ Animal fido$/);
    const good = await replayTactics(pool, tr.statement, ['apply h_p1', 'exact h_p2']);
    assert.equal(good.kind, 'ok');
    if (good.kind !== 'ok') return;
    assert.equal(good.value.completed, true);
    assert.deepEqual(
      good.value.steps.map((s) => s.proofStatus),
      ['Incomplete: open goals remain', 'Completed'],
    );
    assert.match(good.value.steps[0]!.goals[0]!, /⊢ Dog fido$/);
  } finally {
    await pool.close();
  }
});

test('checkFile sends an absolute path; markers map Lean positions into the file', async () => {
  const pool = new LeanReplPool(fakeInstall('basic'));
  try {
    const file = join(FIXTURES, 'sample.lean');
    const r = await checkFile(pool, file);
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    assert.equal(r.value.errors, 1);
    assert.equal(r.value.warnings, 1);
    assert.equal(r.value.sorries[0]!.goal, 'α : Type\nxs : List α\n⊢ xs.reverse.reverse = xs');
    const markers = toMonacoMarkers(r.value.messages, readFileSync(file, 'utf8'));
    assert.deepEqual(markers[0], {
      startLineNumber: 2,
      startColumn: 18,
      endLineNumber: 2,
      endColumn: 22,
      severity: MarkerSeverity.Error,
      message: r.value.messages[0]!.data,
      source: 'lean',
    });
    assert.equal(markers[1]!.severity, MarkerSeverity.Warning);
  } finally {
    await pool.close();
  }
});

test('pool: requests spread over idle workers; a stalled worker does not block the other', async () => {
  const pool = new LeanReplPool(fakeInstall('basic'), { size: 2, header: DOUBLE_HEADER });
  try {
    const ac = new AbortController();
    let stallDone = false;
    const stall = pool.request({ cmd: '#stall' }, { signal: ac.signal }).finally(() => (stallDone = true));
    const quick = await checkSnippet(pool, 'example : double 2 = 5 := by decide');
    assert.equal(quick.kind, 'ok');
    assert.equal(stallDone, false, 'served by the second worker while the first still stalls');
    if (quick.kind === 'ok') assert.equal(quick.value.env!.worker, 1);
    ac.abort();
    const s = await stall;
    assert.equal(s.outcome.kind, 'cancelled');
    assert.equal(s.home.worker, 0);
  } finally {
    await pool.close();
  }
});

test('pool: handles are per process; affinity routes a tactic to the worker that owns the state', async () => {
  const pool = new LeanReplPool(fakeInstall('basic'), { size: 2, header: DOUBLE_HEADER });
  try {
    // Occupy worker 0 so the sorry lands on worker 1.
    const busy = pool.request({ cmd: '#stall' }, { timeoutMs: 500 });
    const s = await listSorries(pool, DOUBLE_TWO);
    assert.ok(s.kind === 'ok');
    if (s.kind !== 'ok') return;
    const ps = s.value.sorries[0]!.proofState!;
    assert.equal(ps.worker, 1);
    assert.equal((await busy).outcome.kind, 'timeout');
    const ok = await runTactic(pool, ps, 'rfl');
    assert.equal(ok.kind, 'ok');
    // Bring worker 0 back (least loaded, lowest index).
    const w0 = await checkSnippet(pool, 'example : double 2 = 5 := by decide');
    assert.ok(w0.kind === 'ok' && w0.value.env!.worker === 0);
    // The same number on the other process names nothing there.
    const other = await runTactic(pool, { worker: 0, generation: pool.stats()[0]!.generation, proofState: ps.proofState }, 'rfl');
    assert.equal(other.kind, 'leanError');
    assert.match(JSON.stringify(other), /Unknown proof state/);
    assert.equal((await runTactic(pool, { ...ps, worker: 7 }, 'rfl')).kind, 'staleHandle');
  } finally {
    await pool.close();
  }
});

test('every operation reports notInstalled without Lean', async () => {
  const pool = new LeanReplPool({ kind: 'notInstalled', reason: 'Lean not installed (test)' }, { size: 2 });
  try {
    assert.equal((await checkSnippet(pool, 'example : True := trivial')).kind, 'notInstalled');
    assert.equal((await checkFile(pool, 'x.lean')).kind, 'notInstalled');
    assert.equal((await listSorries(pool, 'x')).kind, 'notInstalled');
    assert.equal((await replayTactics(pool, 'theorem t : True', ['trivial'])).kind, 'notInstalled');
    assert.equal((await runTactic(pool, { worker: 0, generation: 0, proofState: 0 }, 'rfl')).kind, 'notInstalled');
  } finally {
    await pool.close();
  }
});

test('sorryProof appends a sorry proof once', () => {
  assert.equal(sorryProof('theorem t : True'), 'theorem t : True := by\n  sorry');
  assert.equal(sorryProof('theorem t : True :='), 'theorem t : True := by\n  sorry');
  assert.equal(sorryProof('theorem t : True := by sorry'), 'theorem t : True := by sorry');
});

test('Monaco markers: 0-based code-point columns become 1-based UTF-16 columns', () => {
  const src = 'example : 𝔸 = 𝔸 := bad\nlemma';
  // `bad` starts at code point 19 (each 𝔸 is one code point but two UTF-16 units)
  const m = toMonacoMarkers(
    [
      { pos: { line: 1, column: 19 }, endPos: { line: 1, column: 22 }, severity: 'error', data: 'unknown identifier' },
      { pos: { line: 2, column: 0 }, endPos: null, severity: 'info', data: 'note' },
      { pos: { line: 0, column: 0 }, endPos: null, severity: 'error', data: 'Lean error: whole input' },
    ],
    src,
  );
  assert.equal(src.slice(m[0]!.startColumn - 1, m[0]!.endColumn - 1), 'bad');
  assert.deepEqual([m[1]!.startLineNumber, m[1]!.startColumn, m[1]!.endColumn, m[1]!.severity], [2, 1, 2, MarkerSeverity.Info]);
  assert.deepEqual([m[2]!.startLineNumber, m[2]!.startColumn], [1, 1]);
  // without the text, columns are taken as is (+1)
  const n = toMonacoMarkers([{ pos: { line: 3, column: 4 }, endPos: { line: 4, column: 1 }, severity: 'warning', data: 'w' }]);
  assert.deepEqual(n[0], {
    startLineNumber: 3,
    startColumn: 5,
    endLineNumber: 4,
    endColumn: 2,
    severity: MarkerSeverity.Warning,
    message: 'w',
    source: 'lean',
  });
});
