import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clausify, clausifyErrorStatus } from './cnf.js';
import type { ClausifyOptions } from './cnf.js';
import type { Formula } from './formula.js';
import { mkAtom, mkAnd, mkOr, mkIff } from './formula.js';
import type { Problem } from './problem.js';

/** Test-level bound: a clausifier that ignores its limits fails these tests by running out of it. */
const BOUND = { timeout: 60_000 };

const axiom = (formula: Formula): Problem => ({ name: 'blowup', statements: [{ name: 'a', role: 'axiom', language: 'fof', formula }] });

/** p1 ↔ (p2 ↔ (… ↔ p0)): without renaming, its NNF doubles at every level. */
function iffChain(depth: number): Formula {
  let f: Formula = mkAtom('p0');
  for (let i = 1; i <= depth; i++) f = mkIff(mkAtom(`p${i}`), f);
  return f;
}

/** (a1 ∧ b1) ∨ … ∨ (an ∧ bn): without renaming, its CNF has 2^n clauses. */
function dnf(n: number): Formula {
  return mkOr(Array.from({ length: n }, (_, i) => mkAnd([mkAtom(`a${i}`), mkAtom(`b${i}`)])));
}

const unbounded: ClausifyOptions = { definitional: false, maxLiterals: Infinity };

test('clausify limits: an exponential NNF (nested ↔, depth 26) ends with a timeout at a 200 ms deadline', BOUND, () => {
  const r = clausify(axiom(iffChain(26)), { ...unbounded, deadline: Date.now() + 200 });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.kind, 'timeout');
  assert.match(r.error.message, /clausification ran out of time \(in nnf of a\)/);
  assert.equal(clausifyErrorStatus(r.error), 'Timeout');
});

test('clausify limits: an exponential distribution (30 disjoined conjunctions) ends with a timeout at a 200 ms deadline', BOUND, () => {
  const r = clausify(axiom(dnf(30)), { ...unbounded, deadline: Date.now() + 200 });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.kind, 'timeout');
  assert.match(r.error.message, /in cnf of a/);
});

test('clausify limits: the literal cap ends an exploding CNF with resourceOut, with or without a deadline', BOUND, () => {
  const capped = clausify(axiom(dnf(30)), { definitional: false, maxLiterals: 10_000 });
  assert.deepEqual(capped, {
    ok: false,
    error: { kind: 'resourceOut', message: 'clausification built more than 10000 literals (in cnf of a)' },
  });
  assert.equal(clausifyErrorStatus(capped.ok ? assert.fail() : capped.error), 'ResourceOut');
  // The default cap alone stops it long before the heap is exhausted.
  const byDefault = clausify(axiom(dnf(30)), { definitional: false });
  assert.equal(byDefault.ok ? 'ok' : byDefault.error.kind, 'resourceOut');
  // The same formula clausified definitionally is small and within every limit.
  const renamed = clausify(axiom(dnf(30)), { maxLiterals: 10_000, deadline: Date.now() + 30_000 });
  assert.ok(renamed.ok);
  assert.ok(renamed.value.clauses.length < 200);
});

test(
  'clausify limits: wherever the clock passes the deadline, the result is a timeout or the complete clause set, never a part',
  BOUND,
  () => {
    // 2^13 clauses of 13 literals: enough work for a few dozen checkpoints across the passes.
    const problem: Problem = {
      name: 'mid',
      statements: [
        { name: 'a', role: 'axiom', language: 'fof', formula: dnf(13) },
        { name: 'b', role: 'axiom', language: 'fof', formula: iffChain(8) },
        { name: 'c', role: 'conjecture', language: 'fof', formula: mkOr([mkAtom('a1'), mkAtom('p3')]) },
      ],
    };
    const full = clausify(problem, { definitional: false });
    assert.ok(full.ok);
    let timeouts = 0;
    let complete = 0;
    for (const k of [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 10_000]) {
      // A clock that reads 0 until its k-th reading, then 1: the deadline (0) passes at the k-th checkpoint.
      let reads = 0;
      const r = clausify(problem, { definitional: false, deadline: 0, now: () => (++reads >= k ? 1 : 0) });
      if (r.ok) {
        complete++;
        assert.deepEqual(r.value, full.value, `k=${k}: a clause set returned must be the whole one`);
      } else {
        timeouts++;
        assert.equal(r.error.kind, 'timeout', `k=${k}`);
        assert.equal(reads, k, `k=${k}: stopped at the first checkpoint past the deadline`);
      }
    }
    assert.ok(timeouts >= 5, `the deadline was seen in the passes (${timeouts} timeouts)`);
    assert.ok(complete >= 1, 'a deadline never reached leaves the result whole');
  },
);

test('clausify limits: a stop request ends clausification as "stopped" (GaveUp), checked with the deadline', BOUND, () => {
  let polls = 0;
  const r = clausify(axiom(dnf(30)), { ...unbounded, shouldStop: () => ++polls > 3 });
  assert.equal(r.ok ? 'ok' : r.error.kind, 'stopped');
  assert.equal(polls, 4);
  assert.equal(clausifyErrorStatus(r.ok ? assert.fail() : r.error), 'GaveUp');
});
