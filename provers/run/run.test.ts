import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProblem } from '../logic/syntax/index.js';
import type { Problem } from '../logic/problem.js';
import { proveProblem, proveProblemSync } from './index.js';
import { DEFAULT_STRATEGY } from '../saturation/index.js';

function tptp(text: string): Problem {
  const p = parseProblem(text, { dialect: 'tptp', name: 'test' });
  assert.ok(p.ok, JSON.stringify(!p.ok && p.error));
  return p.value;
}

const THM = tptp(`
fof(a1, axiom, ![X]: (man(X) => mortal(X))).
fof(a2, axiom, man(socrates)).
fof(c, conjecture, mortal(socrates)).`);

const CSA = tptp(`
fof(a1, axiom, ![X]: (man(X) => mortal(X))).
fof(a2, axiom, man(socrates)).
fof(c, conjecture, mortal(zeus)).`);

const HARD = tptp(`
cnf(a, axiom, mult(mult(X,Y),Z) = mult(X,mult(Y,Z))).
cnf(b, axiom, mult(X,inv(X)) = e).
cnf(c, axiom, mult(X,e) = X).
fof(g, conjecture, ![X,Y]: mult(X,Y) = mult(Y,X)).`);

test('proveProblem: theorem with a checked proof, countersatisfiable without', async () => {
  const r = await proveProblem(THM, { timeoutMs: 5000, check: true });
  assert.equal(r.status, 'Theorem');
  assert.ok(r.check?.ok, JSON.stringify(r.check?.failures));
  const c = await proveProblem(CSA, { timeoutMs: 5000 });
  assert.equal(c.status, 'CounterSatisfiable');
});

test('proveProblem: countermodel certifies a non-theorem the prover cannot saturate', async () => {
  const r = proveProblemSync(HARD, { timeoutMs: 500, countermodel: true });
  // non-commutative models of these axioms exist (size 6: S3); whatever is found must be a real model
  assert.ok(r.status === 'CounterSatisfiable' || r.status === 'Timeout' || r.status === 'GaveUp', r.status);
  if (r.status === 'CounterSatisfiable') assert.ok(r.model && r.model.domainSize > 1);
});

test('proveProblem in a worker thread, and cancellation', async () => {
  const r = await proveProblem(THM, { timeoutMs: 5000, inWorker: true });
  assert.equal(r.status, 'Theorem');
  assert.ok(r.proof && r.proof.steps.length > 0);
  const ac = new AbortController();
  const p = proveProblem(HARD, { timeoutMs: 20000, inWorker: true, signal: ac.signal });
  setTimeout(() => ac.abort(), 300);
  const x = await p;
  assert.equal(x.status, 'GaveUp');
  assert.equal(x.message, 'cancelled');
  // In-process runs are synchronous: a signal aborted before the call (or from another thread) is honoured.
  const ac2 = new AbortController();
  ac2.abort();
  const y = await proveProblem(HARD, { timeoutMs: 20000, signal: ac2.signal });
  assert.equal(y.status, 'GaveUp');
});

test('proveProblem: timeout ends the run with Timeout', async () => {
  const r = await proveProblem(HARD, { timeoutMs: 300, strategies: [DEFAULT_STRATEGY] });
  assert.equal(r.status, 'Timeout');
  // with the whole portfolio the run may also end early: the set-of-support entry saturates, which proves nothing
  const p = await proveProblem(HARD, { timeoutMs: 300 });
  assert.ok(p.status === 'Timeout' || p.status === 'GaveUp', p.status);
});

// The prover cannot saturate this (less(X,s(s(X))), less(X,s(s(s(X)))), ...), but a one-element model, where
// s(z) = z and less holds, refutes the conjecture.
const LOOP = tptp(`
fof(a1, axiom, ![X]: less(X, s(X))).
fof(a2, axiom, ![X,Y,Z]: ((less(X,Y) & less(Y,Z)) => less(X,Z))).
fof(c, conjecture, ~less(z,z)).`);

test("proveProblem: the model finder gets a slice inside the limit, after the prover's first one", () => {
  const r = proveProblemSync(LOOP, { timeoutMs: 3000, countermodel: true });
  assert.equal(r.status, 'CounterSatisfiable');
  assert.equal(r.model?.domainSize, 1);
  // Without the model finder the prover does not decide it.
  const alone = proveProblemSync(LOOP, { timeoutMs: 300 });
  assert.ok(alone.status === 'Timeout' || alone.status === 'GaveUp', alone.status);
  // A theorem is still proved with the finder on; the conjecture's negation rules out every model.
  const t = proveProblemSync(THM, { timeoutMs: 3000, countermodel: true, check: true });
  assert.equal(t.status, 'Theorem');
  assert.ok(t.check?.ok);
});

test('proveProblem: a saturation decides the status; the model finder adds a model to show', () => {
  // The prover saturates CSA (CounterSatisfiable) at once, before the finder's slice is due.
  const r = proveProblemSync(CSA, { timeoutMs: 3000, countermodel: true });
  assert.equal(r.status, 'CounterSatisfiable');
  assert.ok(r.model, 'a model to show');
  assert.equal(proveProblemSync(CSA, { timeoutMs: 3000 }).model, undefined);
});

test('proveProblem: maxModelSize bounds the model search', () => {
  // Non-commutative models of HARD's axioms need 6 elements (S3): with sizes up to 2 none exists, so the run times out.
  const r = proveProblemSync(HARD, { timeoutMs: 400, countermodel: true, maxModelSize: 2 });
  assert.notEqual(r.status, 'CounterSatisfiable');
  assert.equal(r.model, undefined);
});
