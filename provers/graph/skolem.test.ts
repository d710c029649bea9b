import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../testing/corpora.js';
import { clausify } from '../logic/cnf.js';
import { parseProblem } from '../logic/syntax/index.js';
import { proveProblemSync } from '../run/prove.js';
import { explainIntroduced, fromProof, fromTstp, introducedIn, introducedSymbols, symbolsIn } from './index.js';

const FIX = join(PROJECT_ROOT, 'provers', 'graph', 'fixtures');

function clausified(p: ReturnType<typeof problem>) {
  const r = clausify(p);
  assert.ok(r.ok, 'clausifies');
  return r.value;
}

function problem(text: string) {
  const p = parseProblem(text, { dialect: 'tptp', name: 'p' });
  assert.ok(p.ok, 'parses');
  return p.value;
}

test('symbolsIn: function and predicate symbols with arities; variables, quoted atoms and $-words are not symbols', () => {
  const s = symbolsIn("∀X2. ¬man(X2) ∨ father(sk1(X2), X2) ∨ p('big sk9', $true) ∨ q(f(a, g(b)), c)");
  assert.deepEqual(
    [...s].map(([k, v]) => `${k}/${v.arity}`),
    ['man/1', 'father/2', 'sk1/1', 'p/2', 'q/2', 'f/2', 'a/0', 'g/1', 'b/0', 'c/0'],
  );
  assert.equal(s.get('sk1')?.written, 'sk1(X2)');
});

test('a model problem: each Skolem symbol is named with the statement it came from, the conjecture’s as its refutation', () => {
  const p = problem(['fof(ax1, axiom, ?[Y]: p(Y)).', 'fof(ax2, axiom, ![X]: ?[Y]: r(X,Y)).', 'fof(c, conjecture, ![X]: p(X)).'].join('\n'));
  const cl = clausified(p);
  const g = fromProof({ steps: cl.steps, root: cl.steps.at(-1)!.id }, { keepUnused: true });
  const got = introducedSymbols(g);
  assert.deepEqual(
    got.map((s) => [s.symbol, s.arity, s.kind, s.statement]),
    cl.skolems.map((name, i) => [name, i === 1 ? 1 : 0, 'skolem', ['ax1', 'ax2', 'c'][i]]),
  );
  const [c1, f2, c3] = got.map(explainIntroduced);
  assert.match(c1!, /Skolem constant: it names an object that statement ax1 says exists/);
  assert.match(f2!, /^sk2\(X\d+\) is a Skolem function: for each X\d+, it names a witness of the ∃ in statement ax2/);
  assert.match(c3!, /from the negated conjecture: to refute statement c the prover assumes it false/);
});

test('an Entail proof: the Skolem function of the proof is found at its skolemize step and in the clauses that use it', () => {
  const p = problem(
    [
      'fof(ax1, axiom, ![X]: (man(X) => ?[Y]: father(Y,X))).',
      'fof(ax2, axiom, man(socrates)).',
      'fof(ax3, axiom, ![X,Y]: (father(X,Y) => male(X))).',
      'fof(c, conjecture, ?[Z]: male(Z)).',
    ].join('\n'),
  );
  const r = proveProblemSync(p, { timeoutMs: 5000 });
  assert.equal(r.status, 'Theorem');
  const g = fromProof(r.proof!);
  const got = introducedSymbols(g);
  assert.equal(got.length, 1);
  const sk = got[0]!;
  assert.equal(g.nodes.find((n) => n.id === sk.step)?.rule, 'skolemize');
  assert.equal(sk.statement, 'ax1');
  assert.equal(sk.arity, 1);
  const users = g.nodes.filter((n) => introducedIn(n.text, got).length > 0).map((n) => n.rule);
  assert.ok(users.includes('clausify'), 'the clause with sk1 mentions it');
  // Definitions are told apart from Skolem symbols.
  const deep = problem(`fof(d, axiom, ${Array.from({ length: 6 }, (_, i) => `(a${i} & b${i})`).join(' | ')}).`);
  const dcl = clausified(deep);
  assert.ok(dcl.definitions.length > 0, 'the clausifier renames here');
  const dg = fromProof({ steps: dcl.steps, root: dcl.steps.at(-1)!.id }, { keepUnused: true });
  const defs = introducedSymbols(dg).filter((s) => s.kind === 'definition');
  assert.deepEqual(defs.map((s) => s.symbol).sort(), [...dcl.definitions].sort());
  assert.match(explainIntroduced(defs[0]!), /definition symbol: it abbreviates a subformula of statement d/);
});

test('E’s TSTP: Skolem symbols behind unprinted nested steps are still explained, and the signature is not', () => {
  const g = fromTstp(readFileSync(join(FIX, 'SYN072+1.eprover.tstp'), 'utf8'), { title: 'SYN072+1' });
  assert.ok(g.ok);
  const got = introducedSymbols(g.value);
  assert.deepEqual(got.map((s) => `${s.symbol}:${s.statement}:${s.kind}`).sort(), [
    'esk1_0:pel49_1:skolem',
    'esk2_0:pel49_1:skolem',
    'esk3_0:pel49:skolem',
  ]);
  const nested = fromTstp(readFileSync(join(FIX, 'SYN075+1.eprover.tstp'), 'utf8'), { title: 'SYN075+1' });
  assert.ok(nested.ok);
  const fns = introducedSymbols(nested.value).filter((s) => s.arity > 0);
  assert.ok(fns.length >= 2 && fns.every((s) => s.kind === 'skolem' && s.statement === 'pel52'));
  assert.ok(!introducedSymbols(nested.value).some((s) => s.symbol === 'big_f' || s.symbol === 'intermediate'));
});
