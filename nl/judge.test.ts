import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Formula, ProverResult } from '../provers/logic/index.js';
import { parseFormula } from '../provers/logic/syntax/index.js';
import { evalFormula } from '../provers/models/index.js';
import { judge } from './judge.js';
import type { Engine } from './judge.js';
import { defaultEngine } from './engine.js';

function f(s: string): Formula {
  const r = parseFormula(s, 'nltk');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const premises = [f('all x. (Cat(x) -> Animal(x))'), f('Cat(Tom)'), f('-Animal(Rex)')];

test('True, False, Uncertain with the embedded prover', async () => {
  const t = await judge('t', premises, f('Animal(Tom)'), defaultEngine, { timeoutMs: 5000 });
  assert.equal(t.verdict, 'True');
  assert.ok(t.conclusion?.proof, 'a proof is kept');
  assert.equal((await judge('f', premises, f('Cat(Rex)'), defaultEngine, { timeoutMs: 5000 })).verdict, 'False');
  assert.equal((await judge('u', premises, f('Cat(Bob)'), defaultEngine, { timeoutMs: 5000 })).verdict, 'Uncertain');
});

test('an Uncertain is certified by models of both sides, each checked here', async () => {
  const goal = f('Cat(Bob)');
  const u = await judge('u', premises, goal, defaultEngine, { timeoutMs: 5000, certify: true });
  assert.equal(u.verdict, 'Uncertain');
  const a = u.countermodels?.againstConclusion;
  const b = u.countermodels?.againstNegation;
  assert.ok(a && b, u.countermodels?.note);
  // Independently evaluate: premises hold in both; the goal fails in one and holds in the other.
  for (const p of premises) {
    assert.deepEqual(evalFormula(a, p), { ok: true, value: true });
    assert.deepEqual(evalFormula(b, p), { ok: true, value: true });
  }
  assert.deepEqual(evalFormula(a, goal), { ok: true, value: false });
  assert.deepEqual(evalFormula(b, goal), { ok: true, value: true });
});

test('a prover that neither proves nor saturates makes the sample an Error (as LINC maps Prover9 limits)', async () => {
  const timeouts: Engine = {
    parse: defaultEngine.parse,
    prove: async () => ({ status: 'Timeout', prover: 'x', stats: { timeMs: 1 }, message: 'limit' }) satisfies ProverResult,
  };
  const r = await judge('x', premises, f('Cat(Bob)'), timeouts, { timeoutMs: 10 });
  assert.equal(r.verdict, 'Error');
  assert.match(r.reason!, /Timeout: limit/);
});

test('with check, proofs are re-verified by the independent checker; a rejected proof is an Error', async () => {
  const t = await judge('t', premises, f('Animal(Tom)'), defaultEngine, { timeoutMs: 5000, check: true });
  assert.equal(t.verdict, 'True');
  assert.equal((t.conclusion as { check?: { ok: boolean } }).check?.ok, true);
  const lying: Engine = {
    parse: defaultEngine.parse,
    prove: async () => ({
      status: 'Theorem',
      prover: 'x',
      stats: { timeMs: 1 },
      check: { ok: false, failures: [{ id: 's7', reason: 'does not follow' }] },
    }),
  };
  const r = await judge('x', premises, f('Cat(Bob)'), lying, { timeoutMs: 10, check: true });
  assert.equal(r.verdict, 'Error');
  assert.match(r.reason!, /proof check failed: s7: does not follow/);
});
