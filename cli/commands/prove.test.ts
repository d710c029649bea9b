import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';
import type { CliIo } from '../io.js';
import { PROJECT_ROOT } from '../../testing/corpora.js';

function io(): CliIo & { text: () => string } {
  const out: string[] = [];
  return { out: (s) => out.push(s), err: (s) => out.push(s), isTty: false, cwd: PROJECT_ROOT, text: () => out.join('\n') };
}

test('entail prove CLI: status line, proof markers, exit codes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-prove-'));
  const f = join(dir, 'socrates.p');
  writeFileSync(f, `fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(c, conjecture, mortal(socrates)).\n`);
  const a = io();
  assert.equal(await main(['prove', f, '--proof', '--check', '--timeout', '5'], a), 0);
  assert.match(a.text(), /% SZS status Theorem for socrates/);
  assert.match(a.text(), /% SZS output start CNFRefutation for socrates[\s\S]*\$false[\s\S]*% SZS output end CNFRefutation/);
  assert.match(a.text(), /proof check: OK/);
  const j = io();
  assert.equal(await main(['prove', f, '--json'], j), 0);
  assert.equal((JSON.parse(j.text()) as { status: string }).status, 'Theorem');
  const bad = join(dir, 'bad.p');
  writeFileSync(bad, 'fof(a1, axiom, (p & ).\n');
  assert.equal(await main(['prove', bad], io()), 1);
  assert.equal(await main(['prove'], io()), 2);
  assert.equal(await main(['prove', f, '--timeout', 'x'], io()), 2);
});

test('entail prove --ordering lpo: every strategy runs under LPO, the proof checks; a bad value is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-prove-'));
  const f = join(dir, 'group.p');
  writeFileSync(
    f,
    `cnf(id, axiom, mult(X, e) = X).\ncnf(inv, axiom, mult(X, inv(X)) = e).\ncnf(assoc, axiom, mult(mult(X, Y), Z) = mult(X, mult(Y, Z))).\nfof(c, conjecture, mult(e, c) = c).\n`,
  );
  const a = io();
  assert.equal(await main(['prove', f, '--ordering', 'lpo', '--check', '--json', '--timeout', '20'], a), 0);
  const r = JSON.parse(a.text()) as { status: string; prover: string; check: { ok: boolean } };
  assert.equal(r.status, 'Theorem');
  assert.match(r.prover, /\+lpo$/);
  assert.equal(r.check.ok, true);
  assert.equal(await main(['prove', f, '--ordering', 'rpo'], io()), 2);
});
