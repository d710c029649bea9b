import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkApp, mkVar } from '../logic/term.js';
import type { Term } from '../logic/term.js';
import type { Literal } from '../logic/clause.js';
import { mkLit } from '../logic/clause.js';
import type { ProofTree } from './index.js';
import { runProlog, clausesToRules, rulesToProlog, treeToSteps } from './index.js';
import type { HornRule } from './index.js';

const ANCESTORS = `
parent(tom, bob).
parent(bob, ann).
parent(ann, joe).
anc(X, Y) :- parent(X, Y).
anc(X, Y) :- parent(X, Z), anc(Z, Y).
childless(X) :- anc(tom, X), \\+ parent(X, _).
loop(X) :- loop(X).
`;

const show = (t: Term): string => (t.kind === 'var' ? t.name : t.args.length === 0 ? t.fn : `${t.fn}(${t.args.map(show).join(',')})`);
const depth = (t: ProofTree): number => 1 + Math.max(0, ...t.children.map(depth));

test('ancestors: all answers in order, with real proof trees', async () => {
  const r = await runProlog(ANCESTORS, 'anc(tom, W).');
  assert.equal(r.status, 'ok');
  if (r.status !== 'ok') return;
  assert.equal(r.exhausted, true);
  assert.deepEqual(
    r.answers.map((a) => a.text.W),
    ['bob', 'ann', 'joe'],
  );
  // anc(tom, ann) uses the recursive clause: parent(tom,bob), anc(bob,ann) via clause 1, parent(bob,ann).
  const p = r.answers[1]!.proof!;
  assert.equal(show(p.goal), 'anc(tom,ann)');
  assert.equal(p.clause, 'anc/2#2');
  assert.deepEqual(
    p.children.map((c) => `${show(c.goal)}@${c.clause}`),
    ['parent(tom,bob)@parent/2#1', 'anc(bob,ann)@anc/2#1'],
  );
  assert.equal(p.children[1]!.children[0]!.clause, 'parent/2#2');
  assert.equal(depth(r.answers[2]!.proof!), 4);
  const { steps, root } = treeToSteps(p);
  assert.equal(steps.length, 4);
  assert.equal(steps[steps.length - 1]!.id, root);
  // Premises come before conclusions, as the proof DAG convention requires.
  const seen = new Set<string>();
  for (const s of steps) {
    for (const q of s.parents) assert.ok(seen.has(q.id));
    seen.add(s.id);
    assert.equal(s.rule, 'prolog');
  }
});

test('negation as failure shows up as a naf leaf; maxAnswers stops early', async () => {
  const r = await runProlog(ANCESTORS, 'childless(W).');
  assert.equal(r.status, 'ok');
  assert.deepEqual(
    r.answers.map((a) => a.text.W),
    ['joe'],
  );
  const kids = r.answers[0]!.proof!.children;
  assert.deepEqual(
    kids.map((k) => k.kind),
    ['clause', 'naf'],
  );
  const two = await runProlog(ANCESTORS, 'anc(X, Y).', { maxAnswers: 2 });
  assert.equal(two.status === 'ok' && !two.exhausted && two.answers.length === 2, true);
});

test('a looping program hits the step limit and comes back as a value', async () => {
  const r = await runProlog(ANCESTORS, 'loop(a).', { maxSteps: 20_000 });
  assert.equal(r.status, 'limit');
  assert.equal(r.steps, 20_000);
  // The budget is shared across answers: answers found before the limit are kept.
  const r2 = await runProlog('nat(0).\nnat(s(X)) :- nat(X).\n', 'nat(N).', { maxSteps: 3000, maxAnswers: 10_000 });
  assert.equal(r2.status, 'limit');
  assert.ok(r2.answers.length > 3);
  assert.equal(r2.answers[2]!.text.N, 's(s(0))');
});

test('syntax errors carry line and column; runtime errors are values', async () => {
  const r = await runProlog('p(a).\np(b).\nq(X :- p(X).\n', 'p(X).');
  assert.equal(r.status, 'error');
  if (r.status === 'error') assert.deepEqual([r.error.kind, r.error.in, r.error.line, r.error.col], ['syntax', 'program', 3, 5]);
  const q = await runProlog('p(a).', 'p(X');
  assert.equal(q.status === 'error' && q.error.kind === 'syntax' && q.error.in === 'query', true);
  const u = await runProlog('p(a).', 'nope(X).');
  assert.equal(u.status === 'error' && u.error.message, 'unknown procedure nope/1');
  const z = await runProlog('p(a).', 'X is 1/0.');
  assert.equal(z.status === 'error' && z.error.kind, 'runtime');
});

test('without proofs, answers are the same', async () => {
  const r = await runProlog(ANCESTORS, 'anc(bob, W).', { proofs: false });
  assert.equal(r.status, 'ok');
  assert.deepEqual(
    r.answers.map((a) => [a.text.W, a.proof]),
    [
      ['ann', undefined],
      ['joe', undefined],
    ],
  );
});

// ProofWriter_AttNoneg-OWA-D5-1041 from ../shared/corpora/proofwriter/dev.json, hand-translated.
const c = (n: string): Term => mkApp(n);
const X = mkVar('X');
const at = (p: string, t: Term, positive = true): Literal => mkLit(positive, p, [t]);
const fact = (p: string, who: string): HornRule => ({ head: at(p, c(who)), body: [] });
const rule = (name: string, head: string, ...body: string[]): HornRule => ({ head: at(head, X), body: body.map((b) => at(b, X)), name });
const PW: HornRule[] = [
  ...['cold', 'quiet', 'red', 'smart'].map((p) => fact(p, 'bob')),
  ...['kind', 'quiet', 'red', 'rough'].map((p) => fact(p, 'charlie')),
  ...['cold', 'kind', 'smart'].map((p) => fact(p, 'dave')),
  fact('quiet', 'fiona'),
  rule('r1', 'smart', 'quiet', 'cold'),
  rule('r2', 'round', 'red', 'cold'),
  rule('r3', 'red', 'kind', 'rough'),
  rule('r4', 'rough', 'quiet'),
  rule('r5', 'red', 'cold', 'smart'),
  rule('r6', 'cold', 'rough'),
  rule('r7', 'rough', 'red'),
  { head: at('quiet', c('dave')), body: [at('smart', c('dave')), at('kind', c('dave'))], name: 'r8' },
];

test('ProofWriter-style rule base: conversion, answers, and a depth-5 proof', async () => {
  const { text, clauseIds } = rulesToProlog(PW);
  assert.match(text, /^:- dynamic\(cold\/1\)\./m);
  assert.match(text, /^smart\(X\) :- quiet\(X\), cold\(X\)\.$/m);
  const names = new Map(PW.map((r, i) => [clauseIds[i]!, r.name ?? clauseIds[i]!]));
  const kind = await runProlog(text, 'kind(charlie).');
  assert.equal(kind.status === 'ok' && kind.answers.length, 1);
  // Fiona: quiet → rough (r4) → cold (r6) → smart (r1) → red (r5) → round (r2).
  const round = await runProlog(text, 'round(fiona).', { maxAnswers: 1 });
  assert.equal(round.status, 'ok');
  const tree = round.answers[0]!.proof!;
  assert.equal(depth(tree), 6); // round ← red ← smart ← cold ← rough ← quiet(fiona)
  const { steps } = treeToSteps(tree, { names });
  assert.deepEqual(steps[steps.length - 1]!.source, { name: 'r2' });
  assert.ok(steps.some((s) => s.source?.name === 'r8') === false);
  // A predicate the rules never mention fails (closed world) with unknownFails, instead of an existence error.
  const unknownPred = await runProlog(text, 'big(bob).', { unknownFails: true });
  assert.equal(unknownPred.status === 'ok' && unknownPred.answers.length, 0);
  assert.equal((await runProlog(text, 'big(bob).')).status, 'error');
  // The rule base is cyclic (rough ← red ← cold ∧ smart, cold ← rough), so SLD resolution
  // finds the same answer again and again and never terminates on round(fiona) after
  // its first answer: both come back bounded, as values.
  const all = await runProlog(text, 'round(W).', { maxAnswers: 5 });
  assert.equal(all.status === 'ok' && !all.exhausted, true);
  assert.deepEqual(
    all.answers.map((a) => a.text.W),
    ['bob', 'bob', 'bob', 'bob', 'bob'],
  );
  const again = await runProlog(text, 'round(fiona).', { maxSteps: 5000, proofs: false });
  assert.equal(again.status === 'limit' || (again.status === 'ok' && !again.exhausted), true);
});

test('clausesToRules: definite clauses, negative facts under closed world, non-Horn rejected', async () => {
  const Y = mkVar('Y');
  const cls = [
    { literals: [at('big', c('bob'))] },
    { literals: [at('kind', Y), at('big', Y, false)] },
    { literals: [at('red', c('bob'), false)] },
  ];
  assert.equal(clausesToRules(cls).ok, false);
  const r = clausesToRules(cls, { closedWorld: true });
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(r.value.dropped, [2]);
  // Closed-world negation in a body: kind if big and not red.
  const rules = [...r.value.rules, { head: at('nice', Y), body: [at('big', Y), at('red', Y, false)] }];
  const out = await runProlog(rulesToProlog(rules).text, 'nice(W).');
  assert.deepEqual(
    out.answers.map((a) => a.text.W),
    ['bob'],
  );
  assert.equal(clausesToRules([{ literals: [at('a', c('x')), at('b', c('x'))] }], { closedWorld: true }).ok, false);
  // Awkward names are quoted.
  assert.match(rulesToProlog([{ head: at('Is Big', c('Bob')), body: [] }]).text, /'Is Big'\('Bob'\)\./);
});
