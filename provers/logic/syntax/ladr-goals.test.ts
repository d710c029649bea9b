import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProblem } from './index.js';

test('ladr: several goals are one disjunctive conjecture, as Prover9 reads them', () => {
  const text = 'formulas(assumptions).\n  p(a).\nend_of_list.\nformulas(goals).\n  q(a).\n  p(a).\nend_of_list.\n';
  const r = parseProblem(text, { dialect: 'ladr', file: 'g.in' });
  assert.ok(r.ok);
  const conj = r.value.statements.filter((s) => s.role === 'conjecture');
  assert.equal(conj.length, 1);
  assert.equal(conj[0]!.formula.kind, 'or');
  const single = parseProblem('formulas(goals).\n  q(a).\nend_of_list.\n', { dialect: 'ladr' });
  assert.ok(single.ok);
  assert.equal(single.value.statements[0]!.formula.kind, 'atom');
});
