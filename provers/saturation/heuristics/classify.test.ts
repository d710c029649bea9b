import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tptpInput as input } from '../testutil.js';
import { classOf, problemClass, problemFeatures, EQUATIONAL_SHARE, LARGE_PROBLEM } from './classify.js';

test('problemFeatures counts the clauses and the equality share over the input clauses', () => {
  const f = problemFeatures(input(['cnf(a, axiom, f(X) = X).', 'cnf(b, axiom, p(X) | q(X)).', 'cnf(c, negated_conjecture, ~p(a)).']));
  assert.equal(f.clauses, 3);
  assert.equal(f.equalityShare, 1 / 4);
  assert.equal(f.hasConjecture, false, 'a cnf negated_conjecture is not a conjecture statement');
  assert.equal(problemFeatures(input(['fof(a, axiom, ![X]: (q(X) => p(X))).', 'fof(c, conjecture, p(a)).'])).hasConjecture, true);
  assert.equal(problemFeatures(input([])).equalityShare, 0, 'no literals, no division by zero');
});

test('classOf: large needs a conjecture and more than LARGE_PROBLEM clauses; equational needs an equality share above EQUATIONAL_SHARE', () => {
  const base = { clauses: 10, hasConjecture: true, equalityShare: 0 };
  assert.equal(classOf(base), 'small');
  assert.equal(classOf({ ...base, equalityShare: EQUATIONAL_SHARE }), 'small', 'the bound itself is not equational');
  assert.equal(classOf({ ...base, equalityShare: EQUATIONAL_SHARE + 0.01 }), 'equational');
  assert.equal(classOf({ ...base, clauses: LARGE_PROBLEM + 1, equalityShare: 0.9 }), 'large', 'size decides before equality');
  assert.equal(
    classOf({ ...base, clauses: LARGE_PROBLEM + 1, hasConjecture: false }),
    'small',
    'no conjecture: nothing for SInE to start from',
  );
  assert.equal(problemClass(input(['fof(a, axiom, ![X]: f(f(X)) = X).', 'fof(c, conjecture, f(f(f(a))) = f(a)).'])), 'equational');
});
