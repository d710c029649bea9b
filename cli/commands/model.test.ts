import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../io.js';
import { command as model } from './model.js';
import { command as prolog } from './prolog.js';

function capture(cwd: string): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), isTty: false, cwd }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'entail-model-'));
writeFileSync(
  join(dir, 'mortal.p'),
  `fof(a1, axiom, ![X]: (man(X) => mortal(X))).
fof(a2, axiom, man(socrates)).
fof(c, conjecture, mortal(zeus)).
`,
);
writeFileSync(
  join(dir, 'valid.p'),
  `fof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(c, conjecture, mortal(socrates)).\n`,
);
writeFileSync(
  join(dir, 'anc.pl'),
  'parent(tom, bob).\nparent(bob, ann).\nanc(X, Y) :- parent(X, Y).\nanc(X, Y) :- parent(X, Z), anc(Z, Y).\nloop :- loop.\n',
);
writeFileSync(join(dir, 'bad.pl'), 'p(a).\nq(X :- p(X).\n');

test('entail model: countermodel as tables, checked against the original statements', async () => {
  const c = capture(dir);
  assert.equal(await model.run(['mortal.p'], c.io), 0);
  const text = c.out.join('\n');
  assert.match(text, /SZS status CounterSatisfiable/);
  assert.match(text, /size 2/);
  assert.match(text, /c \(conjecture\): false ok/);
  const j = capture(dir);
  assert.equal(await model.run(['mortal.p', '--json'], j.io), 0);
  const parsed = JSON.parse(j.out.join('')) as { szs: string; model: { domainSize: number }; checks: { ok: boolean }[] };
  assert.equal(parsed.szs, 'CounterSatisfiable');
  assert.ok(parsed.checks.every((x) => x.ok));
});

test('entail model: a theorem has no countermodel; usage errors exit 2', async () => {
  const c = capture(dir);
  assert.equal(await model.run(['valid.p', '--max-size', '3'], c.io), 1);
  assert.match(c.out.join('\n'), /no model of size ≤ 3/);
  assert.equal(await model.run(['valid.p', '--max-size', 'x'], capture(dir).io), 2);
  assert.equal(await model.run(['missing.p'], capture(dir).io), 1);
});

test('entail prolog: answers with proof trees, step limit, syntax error position', async () => {
  const c = capture(dir);
  assert.equal(await prolog.run(['anc.pl', '--query', 'anc(tom, W).'], c.io), 0);
  const text = c.out.join('\n');
  assert.match(text, /answer 2: W = ann/);
  assert.match(text, /anc\(bob, ann\) {3}\[anc\/2#1\]/);
  const l = capture(dir);
  assert.equal(await prolog.run(['anc.pl', '--query', 'loop', '--max-steps', '1000'], l.io), 1);
  assert.match(l.err.join('\n'), /step limit of 1000 exceeded/);
  const b = capture(dir);
  assert.equal(await prolog.run(['bad.pl', '--query', 'p(X).'], b.io), 1);
  assert.match(b.err.join('\n'), /bad\.pl:2:5: syntax error/);
  assert.equal(await prolog.run(['anc.pl'], capture(dir).io), 2);
  const j = capture(dir);
  assert.equal(await prolog.run(['anc.pl', '--query', 'anc(tom, ann).', '--json'], j.io), 0);
  const parsed = JSON.parse(j.out.join('')) as { answers: { steps: { rule: string }[] }[] };
  assert.equal(parsed.answers[0]!.steps.length, 4);
});

test('entail model: each symbol clausification introduced is explained with the statement it came from', async () => {
  writeFileSync(
    join(dir, 'witness.p'),
    'fof(ax1, axiom, ?[Y]: p(Y)).\nfof(ax2, axiom, ![X]: ?[Y]: r(X,Y)).\nfof(c, conjecture, ![X]: p(X)).\n',
  );
  const c = capture(dir);
  assert.equal(await model.run(['witness.p'], c.io), 0);
  const text = c.out.join('\n');
  assert.match(text, /^% introduced by clausification: sk1, sk2, sk3$/m);
  assert.match(text, /^% {3}sk1 is a Skolem constant: it names an object that statement ax1 says exists/m);
  assert.match(text, /^% {3}sk2\(X\d+\) is a Skolem function: for each X\d+, it names a witness of the ∃ in statement ax2/m);
  assert.match(text, /^% {3}sk3 is a Skolem constant from the negated conjecture: to refute statement c/m);
});
