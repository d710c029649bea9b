import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LeanService } from './service.js';
import { FAKE_REPL, TRANSCRIPTS } from './fixtures/fakes.js';
import { mkAtom, mkConst } from '../logic/index.js';

test('LeanService: discovers once, starts the pool lazily, serves operations, refuses work after close', async () => {
  const svc = new LeanService({
    config: { repl: FAKE_REPL, env: { ...process.env, FAKE_REPL_TRANSCRIPT: join(TRANSCRIPTS, 'basic') }, skipVersion: true },
    pool: { header: 'def double (n : Nat) : Nat := n + n' },
  });
  const d = await svc.info();
  assert.ok(d.kind === 'found' && d.via === 'configured');
  assert.equal(await svc.info(), d);
  const s = await svc.sorries('theorem double_two : double 2 = 4 := by\n  sorry');
  assert.ok(s.kind === 'ok' && s.value.sorries.length === 1);
  if (s.kind !== 'ok') return;
  const t = await svc.tactic(s.value.sorries[0]!.proofState!, 'rfl');
  assert.ok(t.kind === 'ok' && t.value.solved);
  const tr = svc.exportProblem({
    name: 'p',
    statements: [{ name: 'c', role: 'conjecture', language: 'fof', formula: mkAtom('P', [mkConst('a')]) }],
  });
  assert.match(tr.code, /\(P : U → Prop\) \(a : U\) :\n {4}P a := by/);
  await svc.close();
  assert.equal((await svc.check('example : True := trivial')).kind, 'cancelled');
});

test('LeanService without Lean: every operation is notInstalled', async () => {
  const svc = new LeanService({ config: { env: { PATH: '/nonexistent', HOME: '/nonexistent' } } });
  try {
    const d = await svc.info();
    assert.equal(d.kind, 'notInstalled');
    assert.equal((await svc.check('example : True := trivial')).kind, 'notInstalled');
    assert.equal((await svc.replay('theorem t : True', ['trivial'])).kind, 'notInstalled');
  } finally {
    await svc.close();
  }
});
