/**
 * Each simplification on its own, against an active set built by hand: it returns what it rewrote (a new
 * clause whose parents are the rules used) or what it deleted (the subsuming or subsumed clauses), leaves
 * clauses it cannot simplify as they are, and every step it records re-checks in provers/check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkProof } from '../../check/index.js';
import { buildProof } from '../proof.js';
import { showClause } from '../sclause.js';
import type { SClause } from '../sclause.js';
import type { ProofState } from '../state.js';
import { stateWith } from '../testutil.js';
import { demodulate, backwardDemodulationCandidates } from './demodulation.js';
import { forwardSubsumer, backwardSubsumed, subsumptionResolvent, subsumes } from './subsumption.js';
import { destructiveEqRes } from './equality.js';
import { forwardSimplify } from './forward.js';

function assertChecks(st: ProofState, c: SClause): void {
  const rep = checkProof(buildProof(st.bank, c, []), { requireRefutation: false });
  assert.ok(rep.ok, JSON.stringify(rep.failures));
  assert.ok(rep.checked >= 1);
}

test('demodulation returns the rewritten clause with every unit it used as a parent, and re-checks', () => {
  const { st, cs } = stateWith(['f(X) = X', 'g(a) = b', 'p(f(g(f(a))))', 'q(c)']);
  st.activate(cs[0]!);
  st.activate(cs[1]!);
  const c = demodulate(st, cs[2]!);
  assert.ok(c && c !== cs[2]);
  assert.equal(showClause(st.bank, c), 'p(b)');
  assert.equal(c.rule, 'demodulation');
  assert.deepEqual(c.parents, [cs[2], cs[0], cs[1], cs[0]]);
  assert.equal(st.stats.rewrites, 3);
  assertChecks(st, c);
  // nothing applies: the clause itself, no step
  assert.equal(demodulate(st, cs[3]!), cs[3]);
});

test('demodulation never rewrites the top of a positive equation to its other side, and deletes what becomes a tautology', () => {
  const { st, cs } = stateWith(['f(X) = X', 'f(a) = a', 'f(b) != b | q(b)']);
  st.activate(cs[0]!);
  // f(a) = a: rewriting the top f(a) by f(X) = X would need a ≻ a; so it stays (it is the unit itself, up to renaming)
  assert.equal(demodulate(st, cs[1]!), cs[1]);
  // f(b) != b becomes b != b, which cleaning drops
  const d = demodulate(st, cs[2]!);
  assert.equal(showClause(st.bank, d!), 'q(b)');
  assertChecks(st, d!);
  const { st: st2, cs: cs2 } = stateWith(['f(X) = X', 'p(f(a)) | ~p(a)']);
  st2.activate(cs2[0]!);
  assert.equal(demodulate(st2, cs2[1]!), null, 'p(a) | ~p(a) is a tautology');
});

test('backward demodulation finds the active clauses with an instance of the new unit, each once', () => {
  const { st, cs } = stateWith(['p(f(a)) | q(f(a))', 'r(b)', 'f(X) = X']);
  st.activate(cs[0]!);
  st.activate(cs[1]!);
  st.activate(cs[2]!);
  assert.deepEqual(backwardDemodulationCandidates(st, cs[2]!), [cs[0]]);
  assert.deepEqual(backwardDemodulationCandidates(st, cs[0]!), [], 'not a unit');
});

test('forward subsumption returns the subsuming active clause; backward subsumption the active clauses subsumed', () => {
  const { st, cs } = stateWith(['p(X) | q(Y)', 'p(a) | q(b) | r(c)', 'p(a) | r(c)', 'q(X) | p(X)']);
  st.activate(cs[1]!);
  st.activate(cs[2]!);
  assert.equal(forwardSubsumer(st, cs[0]!), null);
  assert.deepEqual(backwardSubsumed(st, cs[0]!), [cs[1]]);
  st.activate(cs[0]!);
  assert.equal(forwardSubsumer(st, cs[3]!), cs[0]);
  // multiset: p(X) | p(Y) does not subsume p(a)
  const { st: st2, cs: cs2 } = stateWith(['p(X) | p(Y)', 'p(a)']);
  assert.equal(subsumes(st2, cs2[0]!, cs2[1]!, -1), false);
});

test('subsumption resolution cuts the literal an active clause refutes, and the step re-checks', () => {
  const { st, cs } = stateWith(['p(X) | q(X)', '~p(a) | q(a) | r(b)', '~p(a) | r(b)']);
  st.activate(cs[0]!);
  const d = subsumptionResolvent(st, cs[1]!);
  assert.notEqual(d, cs[1]);
  assert.equal(showClause(st.bank, d), 'q(a) | r(b)');
  assert.equal(d.rule, 'subsumption_resolution');
  assert.deepEqual(d.parents, [cs[1], cs[0]]);
  assertChecks(st, d);
  assert.equal(subsumptionResolvent(st, cs[2]!), cs[2], 'q(a) is missing: no resolvent');
});

test('destructive equality resolution removes X != t with X not in t, and the step re-checks', () => {
  const { st, cs } = stateWith(['X != f(Y) | p(X, Y)', 'X != f(X) | p(X, X)']);
  const c = destructiveEqRes(st, cs[0]!);
  assert.equal(showClause(st.bank, c), 'p(f(X0),X0)');
  assert.equal(c.rule, 'equality_resolution');
  assertChecks(st, c);
  assert.equal(destructiveEqRes(st, cs[1]!), cs[1], 'occurs check');
});

test('forward simplification chains rewriting and literal cutting down to the empty clause', () => {
  const { st, cs } = stateWith(['f(X) = X', 'p(a)', '~p(f(a))']);
  st.activate(cs[0]!);
  st.activate(cs[1]!);
  const e = forwardSimplify(st, cs[2]!);
  assert.ok(e);
  assert.equal(e.lits.length, 0);
  const rep = checkProof(buildProof(st.bank, e, []));
  assert.ok(rep.ok, JSON.stringify(rep.failures));
});
