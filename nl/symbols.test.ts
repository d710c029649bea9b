import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkAtom, mkConst, mkVar, mkForall, mkImp } from '../provers/logic/index.js';
import { reconcile, proverFreeVariables, symbolTypeErrors } from './symbols.js';

test('reconciliation reports near-duplicate names and arity clashes without merging', () => {
  const s1 = [mkAtom('Eats', [mkConst('a'), mkConst('b')]), mkAtom('Dog', [mkConst('a')])];
  const s2 = [mkAtom('Eat', [mkConst('a'), mkConst('b')]), mkAtom('Dog', [mkConst('a'), mkConst('b')])];
  const r = reconcile([s1, s2]);
  assert.ok(r.some((c) => c.kind === 'near-duplicate' && c.symbols.includes('Eats/2') && c.symbols.includes('Eat/2')));
  assert.ok(r.some((c) => c.kind === 'arity' && c.symbols.join() === 'Dog/1,Dog/2'));
  assert.deepEqual(reconcile([s1, s1]), []);
});

test("Prover9's rule: unbound names starting with u–z are universally quantified variables", () => {
  const f = mkImp(mkAtom('Young', [mkConst('x')]), mkAtom('Likes', [mkConst('tom'), mkConst('yoga')]));
  assert.deepEqual(
    proverFreeVariables(f),
    mkForall(['x', 'yoga'], mkImp(mkAtom('Young', [mkVar('x')]), mkAtom('Likes', [mkConst('tom'), mkVar('yoga')]))),
  );
});

test('type errors: predicate vs individual, two arities', () => {
  assert.deepEqual(symbolTypeErrors([mkAtom('P', [mkConst('a')]), mkAtom('Q', [mkConst('a')])]), []);
  assert.equal(symbolTypeErrors([mkAtom('P', [mkConst('a')]), mkAtom('Q', [mkConst('P')])]).length, 1);
  assert.equal(symbolTypeErrors([mkAtom('P', [mkConst('a')]), mkAtom('P', [mkConst('a'), mkConst('a')])]).length, 1);
});
