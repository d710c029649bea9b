import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Term } from '../logic/term.js';
import { mkApp, mkVar } from '../logic/term.js';
import type { Clause, Literal } from '../logic/clause.js';
import { mkLit } from '../logic/clause.js';
import type { FiniteModel } from '../logic/proof.js';
import { mkAtom, mkExists, mkForall, mkImp, mkNot } from '../logic/formula.js';
import { findModel, formatModel, evalClause, evalFormula } from './index.js';
import { SatSolver, posLit, negLit } from './sat.js';

const v = (n: string): Term => mkVar(n);
const c = (n: string, ...args: Term[]): Term => mkApp(n, args);
const P = (pred: string, ...args: Term[]): Literal => mkLit(true, pred, args);
const N = (pred: string, ...args: Term[]): Literal => mkLit(false, pred, args);
const EQ = (a: Term, b: Term): Literal => mkLit(true, '=', [a, b]);
const NE = (a: Term, b: Term): Literal => mkLit(false, '=', [a, b]);
const cl = (...ls: Literal[]): Clause => ({ literals: ls });

function assertModel(clauses: Clause[], model: FiniteModel): void {
  for (const x of clauses) assert.deepEqual(evalClause(model, x), { ok: true, value: true });
}

test('SAT solver: small satisfiable and unsatisfiable instances', () => {
  const s = new SatSolver(3);
  s.addClause([posLit(0), posLit(1)]);
  s.addClause([negLit(0), posLit(2)]);
  s.addClause([negLit(1), posLit(2)]);
  s.addClause([negLit(2), negLit(0)]);
  const r = s.solve();
  assert.equal(r.status, 'sat');
  if (r.status === 'sat') assert.deepEqual([...r.values], [0, 1, 1]);
  // Pigeonhole 4 pigeons into 3 holes: unsat, needs real search and learning.
  const h = 3;
  const p = 4;
  const pig = new SatSolver(p * h);
  for (let i = 0; i < p; i++) pig.addClause(Array.from({ length: h }, (_, j) => posLit(i * h + j)));
  for (let j = 0; j < h; j++)
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) pig.addClause([negLit(a * h + j), negLit(b * h + j)]);
  assert.equal(pig.solve().status, 'unsat');
});

test('finds a countermodel: p(a), p(X) -> q(X), but not r(a)', () => {
  const clauses = [cl(P('p', c('a'))), cl(N('p', v('X')), P('q', v('X'))), cl(N('r', c('a')))];
  const r = findModel(clauses);
  assert.equal(r.status, 'found');
  if (r.status !== 'found') return;
  assert.equal(r.model.domainSize, 1);
  assertModel(clauses, r.model);
  assert.match(formatModel(r.model), /p\/1: \{e0\}/);
});

test('unsatisfiable sets give none, with the size bound', () => {
  const clauses = [cl(P('p', c('a'))), cl(N('p', v('X')), P('q', v('X'))), cl(N('q', c('a')))];
  const r = findModel(clauses, { maxSize: 4 });
  assert.equal(r.status, 'none');
  assert.equal(r.stats.exhaustedUpTo, 4);
  assert.equal(findModel([cl()]).status, 'none');
});

test('equality and functions: a != b forces size 2; injective non-surjective f has no finite model', () => {
  const two = [cl(NE(c('a'), c('b'))), cl(EQ(v('X'), c('a')), EQ(v('X'), c('b')))];
  const r = findModel(two);
  assert.equal(r.status, 'found');
  if (r.status === 'found') {
    assert.equal(r.model.domainSize, 2);
    assertModel(two, r.model);
  }
  // f injective and a not in range of f: only infinite models exist.
  const inf = [cl(NE(c('f', v('X')), c('f', v('Y'))), EQ(v('X'), v('Y'))), cl(NE(c('f', v('X')), c('a')))];
  assert.equal(findModel(inf, { maxSize: 5 }).status, 'none');
  // Group of order 4 where every element is its own inverse (Klein four-group).
  const e = c('e');
  const m = (x: Term, y: Term): Term => c('m', x, y);
  const group = [
    cl(EQ(m(e, v('X')), v('X'))),
    cl(EQ(m(v('X'), v('X')), e)),
    cl(EQ(m(m(v('X'), v('Y')), v('Z')), m(v('X'), m(v('Y'), v('Z'))))),
    cl(NE(c('a'), e)),
    cl(NE(c('b'), e)),
    cl(NE(c('a'), c('b'))),
  ];
  const g = findModel(group);
  assert.equal(g.status, 'found');
  if (g.status === 'found') {
    assert.equal(g.model.domainSize, 4);
    assertModel(group, g.model);
    assert.match(formatModel(g.model), /function m\/2/);
  }
});

test('evalFormula: quantifiers and errors as values', () => {
  const model: FiniteModel = {
    domainSize: 2,
    functions: { a: { arity: 0, table: [1] } },
    predicates: { p: { arity: 1, table: [false, true] } },
  };
  const px = mkAtom('p', [v('X')]);
  assert.deepEqual(evalFormula(model, mkExists(['X'], px)), { ok: true, value: true });
  assert.deepEqual(evalFormula(model, mkForall(['X'], px)), { ok: true, value: false });
  assert.deepEqual(evalFormula(model, mkImp(mkAtom('p', [c('a')]), mkNot(mkForall(['X'], px)))), { ok: true, value: true });
  assert.equal(evalFormula(model, mkAtom('q', [c('a')])).ok, false);
});

test('timeouts are values', () => {
  const inf = [cl(NE(c('f', v('X')), c('f', v('Y'))), EQ(v('X'), v('Y'))), cl(NE(c('f', v('X')), c('a')))];
  const r = findModel(inf, { maxSize: 50, deadline: Date.now() - 1 });
  assert.equal(r.status, 'timeout');
});

// Random small clause sets over p/1, q/2, r/0, constants a, b and unary f.
const termArb: fc.Arbitrary<Term> = fc.oneof(
  fc.constantFrom(v('X'), v('Y'), c('a'), c('b')),
  fc.constantFrom(v('X'), c('a')).map((t) => c('f', t)),
);
const litArb: fc.Arbitrary<Literal> = fc.oneof(
  fc.tuple(fc.boolean(), termArb).map(([s, t]) => mkLit(s, 'p', [t])),
  fc.tuple(fc.boolean(), termArb, termArb).map(([s, t, u]) => mkLit(s, 'q', [t, u])),
  fc.boolean().map((s) => mkLit(s, 'r', [])),
  fc.tuple(fc.boolean(), termArb, termArb).map(([s, t, u]) => mkLit(s, '=', [t, u])),
);
const clausesArb = fc.array(
  fc.array(litArb, { minLength: 1, maxLength: 3 }).map((ls) => cl(...ls)),
  { minLength: 1, maxLength: 6 },
);

/** Brute force over every interpretation of size n of the full test signature. */
function bruteForce(clauses: Clause[], n: number): boolean {
  const counts = [1, 1, n, n, n * n, 1]; // a, b, f table, p table, q table, r
  const ranges = [n, n, n, 2, 2, 2];
  const cells: number[] = [];
  counts.forEach((k, i) => {
    for (let j = 0; j < k; j++) cells.push(ranges[i]!);
  });
  const asg = new Array<number>(cells.length).fill(0);
  for (;;) {
    let i = 0;
    const take = (k: number): number[] => asg.slice(i, (i += k));
    const [a] = take(1);
    const [b] = take(1);
    const f = take(n);
    const p = take(n).map((x) => x === 1);
    const q = take(n * n).map((x) => x === 1);
    const [r] = take(1);
    const model: FiniteModel = {
      domainSize: n,
      functions: { a: { arity: 0, table: [a!] }, b: { arity: 0, table: [b!] }, f: { arity: 1, table: f } },
      predicates: { p: { arity: 1, table: p }, q: { arity: 2, table: q }, r: { arity: 0, table: [r === 1] } },
    };
    if (clauses.every((x) => (evalClause(model, x) as { value: boolean }).value)) return true;
    let k = 0;
    while (k < cells.length && ++asg[k]! === cells[k]) asg[k++] = 0;
    if (k === cells.length) return false;
  }
}

test('property: returned models satisfy the clauses; brute force at size ≤ 2 agrees', () => {
  fc.assert(
    fc.property(clausesArb, (clauses) => {
      const r = findModel(clauses, { maxSize: 2 });
      if (r.status === 'found') {
        assertModel(clauses, r.model);
        return true;
      }
      assert.equal(r.status, 'none');
      assert.equal(bruteForce(clauses, 1), false);
      assert.equal(bruteForce(clauses, 2), false);
      return true;
    }),
    { numRuns: 150, seed: 42 },
  );
});

test('a name used as predicate and constant is fine; one name with two arities is reported', () => {
  const both = [cl(P('p', c('p'))), cl(N('p', c('q')))];
  const r = findModel(both);
  assert.equal(r.status, 'found');
  if (r.status === 'found') assertModel(both, r.model);
  assert.equal(findModel([cl(P('p', c('a'))), cl(P('p', c('a'), c('b')))]).status, 'gaveUp');
});
