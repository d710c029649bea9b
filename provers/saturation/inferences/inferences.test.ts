/**
 * Each generating rule on its own: called directly on hand-built clauses (no loop), its conclusion is the
 * expected clause, carries the rule and both parents, and its proof record re-checks in provers/check; the
 * ordering restrictions refuse what the calculus forbids.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkProof } from '../../check/index.js';
import { buildProof } from '../proof.js';
import { showClause } from '../sclause.js';
import type { SClause } from '../sclause.js';
import type { ProofState } from '../state.js';
import { stateWith } from '../testutil.js';
import { superpose } from './superposition.js';
import { resolve } from './resolution.js';
import { equalityResolution } from './equality.js';
import { equalityFactor } from './factoring.js';

/** The conclusion's derivation re-checks step by step (it need not be a refutation). */
function assertChecks(st: ProofState, c: SClause): void {
  const rep = checkProof(buildProof(st.bank, c, []), { requireRefutation: false });
  assert.ok(rep.ok, JSON.stringify(rep.failures));
  assert.ok(rep.checked >= 1, 'the inference step itself was checked');
}

test('resolution: p(X) | q(X) against ~p(a) gives q(a), and the step re-checks', () => {
  const { st, cs } = stateWith(['p(X) | q(X)', '~p(a)']);
  const [F, I] = cs as [SClause, SClause];
  const c = resolve(st, F, 0, I, 0, 0, I.lits[0]!.l, 0);
  assert.ok(c);
  assert.equal(showClause(st.bank, c), 'q(a)');
  assert.equal(c.rule, 'resolution');
  assert.deepEqual(c.parents, [F, I]);
  assertChecks(st, c);
  // the unifier is undone: the same inference again gives the same clause
  const again = resolve(st, F, 0, I, 0, 0, I.lits[0]!.l, 0);
  assert.equal(showClause(st.bank, again!), 'q(a)');
});

test('resolution needs a negative partner atom: a positive one, a non-unifiable one or a subterm gives nothing', () => {
  const { st, cs } = stateWith(['p(X) | q(X)', 'p(a)', '~p(f(Y)) | ~q(Y)', '~q(b)']);
  const [F, P, N] = cs as [SClause, SClause, SClause];
  assert.equal(resolve(st, F, 0, P, 0, 0, P.lits[0]!.l, 0), null);
  assert.equal(resolve(st, F, 0, N, 0, 1, st.bank.arg(N.lits[0]!.l, 0), 0), null);
  const c = resolve(st, F, 0, N, 0, 0, N.lits[0]!.l, 0);
  assert.equal(showClause(st.bank, c!), 'q(f(X0)) | ~q(X0)');
  assertChecks(st, c!);
  assert.equal(resolve(st, F, 1, cs[3]!, 0, 0, cs[3]!.lits[0]!.l, 1)?.lits.length, 1);
});

test('superposition: f(X) = X into p(g(f(a))) at the position of f(a) gives p(g(a)), and the step re-checks', () => {
  const { st, cs } = stateWith(['f(X) = X', 'p(g(f(a)))']);
  const [F, I] = cs as [SClause, SClause];
  assert.equal(showClause(st.bank, F), 'f(X0) = X0');
  // preorder positions in p(g(f(a))): p(…) 0, g(…) 1, f(a) 2, a 3
  const u = st.bank.arg(st.bank.arg(I.lits[0]!.l, 0), 0);
  const c = superpose(st, F, 0, 0, I, 0, 0, 2, u, 0);
  assert.ok(c);
  assert.equal(showClause(st.bank, c), 'p(g(a))');
  assert.equal(c.rule, 'superposition');
  assertChecks(st, c);
});

test('superposition into a negative equation keeps the other literals of both parents, instantiated', () => {
  const { st, cs } = stateWith(['f(X) = X | q(X)', 'f(g(Y)) != b | r(Y)']);
  const [F, I] = cs as [SClause, SClause];
  const c = superpose(st, F, 0, 0, I, 0, 0, 0, I.lits[0]!.l, 1);
  assert.ok(c);
  assert.equal(c.lits.length, 3);
  assert.match(showClause(st.bank, c), /g\(X0\) != b/);
  assertChecks(st, c);
});

test('superposition never rewrites with the smaller side of an equation', () => {
  const { st, cs } = stateWith(['f(X) = X', 'p(b)']);
  const [F, I] = cs as [SClause, SClause];
  // from the side X of f(X) = X into b: σ(X) = b, and b ≺ f(b)
  assert.equal(superpose(st, F, 0, 1, I, 0, 0, 1, st.bank.arg(I.lits[0]!.l, 0), 0), null);
  // and terms that do not unify give nothing
  const { st: st2, cs: cs2 } = stateWith(['f(a) = c', 'p(f(b))']);
  const u = st2.bank.arg(cs2[1]!.lits[0]!.l, 0);
  assert.equal(superpose(st2, cs2[0]!, 0, 0, cs2[1]!, 0, 0, 1, u, 0), null);
});

test('equality resolution: f(X) != f(a) | p(X) gives p(a), and the step re-checks; a non-unifiable or predicate literal gives nothing', () => {
  const { st, cs } = stateWith(['f(X) != f(a) | p(X)', 'f(b) != g(Y) | p(Y)']);
  const c = equalityResolution(st, cs[0]!, 0);
  assert.ok(c);
  assert.equal(showClause(st.bank, c), 'p(a)');
  assert.equal(c.rule, 'equality_resolution');
  assertChecks(st, c);
  assert.equal(equalityResolution(st, cs[1]!, 0), null);
  assert.equal(equalityResolution(st, cs[0]!, 1), null);
});

test('factoring: p(X) | p(a) | q(X) gives p(a) | q(a) (positive factoring), and the step re-checks', () => {
  const { st, cs } = stateWith(['p(X) | p(a) | q(X)']);
  const c = equalityFactor(st, cs[0]!, 0, 0, 1, 0);
  assert.ok(c);
  assert.equal(c.rule, 'factoring');
  assert.equal(showClause(st.bank, c), 'p(a) | q(a)');
  assertChecks(st, c);
});

test('equality factoring: f(X) = a | f(Y) = b gives a != b | f(X) = b, and the step re-checks', () => {
  const { st, cs } = stateWith(['f(X) = a | f(Y) = b']);
  const g = cs[0]!;
  assert.ok(g.lits[0]!.oriented && g.lits[1]!.oriented);
  const c = equalityFactor(st, g, 0, 0, 1, 0);
  assert.ok(c);
  assert.equal(c.rule, 'equality_factoring');
  assert.equal(c.lits.length, 2);
  assert.equal(c.lits.filter((x) => !x.pos).length, 1);
  assertChecks(st, c);
  // from the smaller side a of f(X) = a nothing follows (σ(a) ≺ σ(f(X)))
  assert.equal(equalityFactor(st, g, 0, 1, 1, 0), null);
});

test('the checker behind these tests rejects a wrong conclusion (the soundness check can fail)', () => {
  const { st, cs } = stateWith(['p(X) | q(X)', '~p(a)']);
  const c = resolve(st, cs[0]!, 0, cs[1]!, 0, 0, cs[1]!.lits[0]!.l, 0)!;
  const proof = buildProof(st.bank, c, []);
  const last = proof.steps[proof.steps.length - 1]!;
  const wrong = {
    ...last,
    conclusion: {
      kind: 'clause' as const,
      clause: { literals: [{ positive: true, pred: 'q', args: [{ kind: 'app' as const, fn: 'b', args: [] }] }] },
    },
  };
  const rep = checkProof({ ...proof, steps: [...proof.steps.slice(0, -1), wrong] }, { requireRefutation: false });
  assert.equal(rep.ok, false);
});
