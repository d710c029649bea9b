import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PROJECT_CORPORA } from '../../testing/corpora.js';
import type { Statement, Term } from '../logic/index.js';
import { mkApp, mkConst, mkEq, mkForall, mkVar, termEquals } from '../logic/index.js';
import { parseProblem } from '../logic/syntax/index.js';
import { checkProof } from '../check/index.js';
import type { Derivation, Theory } from './index.js';
import {
  GroundEvaluator,
  RuleSet,
  defaultFunctions,
  equationKey,
  equationText,
  explore,
  inductionProblems,
  lpoGreater,
  parseDeclarations,
  rewritingProver,
  rulesFor,
  theoryPrecedence,
} from './index.js';

const x = mkVar('x');
const y = mkVar('y');
const z = mkVar('z');
const zero = mkConst('zero');
const s = (t: Term): Term => mkApp('s', [t]);
const plus = (a: Term, b: Term): Term => mkApp('plus', [a, b]);
const times = (a: Term, b: Term): Term => mkApp('times', [a, b]);
const NAT = { name: 'nat', zero: 'zero', succ: 's' };

function peano(): Theory {
  const dir = join(PROJECT_CORPORA, 'peano');
  const p = parseProblem(readFileSync(join(dir, 'peano.p'), 'utf8'), { dialect: 'tptp', file: 'peano.p' });
  assert.ok(p.ok, p.ok ? '' : p.error.message);
  const d = parseDeclarations(readFileSync(join(dir, 'nat.ind'), 'utf8'));
  assert.ok(d.ok);
  return { name: 'peano', axioms: p.ok ? p.value.statements : [], nat: d.ok ? d.value.nat : NAT };
}

const prec = theoryPrecedence(NAT, [
  { name: 'plus', arity: 2 },
  { name: 'times', arity: 2 },
]);

test('definition order puts plus below times (times is defined with plus)', () => {
  assert.deepEqual(
    defaultFunctions(peano()).map((f) => f.name),
    ['plus', 'times'],
  );
});

test('LPO orients the Peano definitions left to right and leaves commutativity unoriented', () => {
  assert.ok(lpoGreater(prec, plus(x, s(y)), s(plus(x, y))));
  assert.ok(lpoGreater(prec, times(x, s(y)), plus(times(x, y), x)));
  assert.ok(lpoGreater(prec, plus(plus(x, y), z), plus(x, plus(y, z))));
  assert.ok(!lpoGreater(prec, plus(x, y), plus(y, x)));
  assert.ok(!lpoGreater(prec, plus(y, x), plus(x, y)));
  assert.equal(rulesFor(prec, 'c', plus(x, y), plus(y, x)).length, 2);
  assert.equal(rulesFor(prec, 'c', plus(x, y), plus(y, x))[0]!.oriented, false);
});

test('property: the LPO is irreflexive and total on ground terms', () => {
  const ground: fc.Arbitrary<Term> = fc.letrec<{ t: Term }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(zero, mkConst('a'), mkConst('b')),
      tie('t').map((a) => s(a)),
      fc.tuple(tie('t'), tie('t')).map(([a, b]) => plus(a, b)),
      fc.tuple(tie('t'), tie('t')).map(([a, b]) => times(a, b)),
    ),
  })).t;
  fc.assert(
    fc.property(ground, ground, (a, b) => {
      assert.ok(!lpoGreater(prec, a, a));
      if (!termEquals(a, b)) assert.ok(lpoGreater(prec, a, b) !== lpoGreater(prec, b, a));
    }),
    { numRuns: 300, seed: 7 },
  );
});

test('ordered rewriting with commutativity sorts sums; logged events rebuild the whole side', () => {
  const rs = new RuleSet(prec, rulesFor(prec, 'comm', plus(x, y), plus(y, x)));
  const a = mkConst('a');
  const b = mkConst('b');
  const n1 = rs.normalize(plus(b, a));
  const n2 = rs.normalize(plus(a, b));
  assert.ok(termEquals(n1.term, n2.term));
  const nested = rs.normalize(s(plus(b, a)));
  // b > a in the precedence (same rank, name order), so s(b + a) is rewritten to s(a + b).
  assert.equal(nested.events.length, 1);
  assert.ok(termEquals(nested.events[0]!.after, s(plus(a, b))));
  assert.ok(termEquals(nested.term, s(plus(a, b))));
  assert.equal(nested.term.kind === 'app' && nested.term.fn, 's');
});

test('ground evaluation by the axioms: 2 + 2 = 4, 2 * 3 = 6', () => {
  const axRules = [
    ...rulesFor(prec, 'a1', plus(x, zero), x),
    ...rulesFor(prec, 'a2', plus(x, s(y)), s(plus(x, y))),
    ...rulesFor(prec, 'a3', times(x, zero), zero),
    ...rulesFor(prec, 'a4', times(x, s(y)), plus(times(x, y), x)),
  ];
  const ev = new GroundEvaluator(axRules);
  const num = (k: number): Term => (k === 0 ? zero : s(num(k - 1)));
  const env = new Map<string, number>();
  assert.equal(ev.evaluate(plus(num(2), num(2)), env), ev.evaluate(num(4), env));
  assert.equal(ev.evaluate(times(num(2), num(3)), env), ev.evaluate(num(6), env));
  assert.notEqual(ev.evaluate(times(num(2), num(3)), env), ev.evaluate(num(5), env));
});

test('equation keys are invariant under renaming and symmetry', () => {
  assert.equal(equationKey(plus(x, y), plus(y, x)), equationKey(plus(y, z), plus(z, y)));
  assert.equal(equationKey(plus(x, zero), x), equationKey(y, plus(y, zero)));
  assert.notEqual(equationKey(plus(x, zero), x), equationKey(plus(zero, x), x));
});

test('declaration parser: valid file, and positioned errors', () => {
  const ok = parseDeclarations('% c\ninductive nat = zero | s(nat).\nexplore plus.\n');
  assert.ok(ok.ok && ok.value.nat.succ === 's' && ok.value.explore?.[0] === 'plus');
  const bad = parseDeclarations('inductive nat = zero | s(list).\n', 'x.ind');
  assert.ok(!bad.ok && bad.error.line === 1 && bad.error.file === 'x.ind' && /argument must be 'nat'/.test(bad.error.message));
  const noDot = parseDeclarations('inductive nat = zero | s(nat)\n');
  assert.ok(!noDot.ok && /'\.'/.test(noDot.error.message));
  assert.ok(!parseDeclarations('% nothing\n').ok);
});

test('induction on z proves associativity of + from the axioms; the checker accepts both cases', () => {
  const th = peano();
  const ip = inductionProblems(
    th.axioms,
    [],
    { left: plus(plus(x, y), z), right: plus(x, plus(y, z)) },
    'z',
    'zero',
    's',
    new Set(['plus', 'times']),
  );
  const prover = rewritingProver(prec);
  for (const pr of [ip.base, ip.step]) {
    const r = prover(pr, Date.now() + 5000);
    assert.equal(r.status, 'proved', pr.name);
    if (r.status !== 'proved') continue;
    const rep = checkProof(r.proof, { problem: pr });
    assert.ok(rep.ok, JSON.stringify(rep.failures));
    assert.ok(rep.checked > 0);
    // Only Skolemization is taken on trust.
    assert.ok(rep.trusted.every((t) => t.rule === 'skolemize'));
  }
  // Induction on x does not go through with the axioms alone (they recurse on the second argument).
  const ipx = inductionProblems(th.axioms, [], { left: plus(plus(x, y), z), right: plus(x, plus(y, z)) }, 'x', 'zero', 's', new Set());
  assert.equal(prover(ipx.step, Date.now() + 5000).status, 'failed');
});

test('the rewriting prover does not prove a false equation', () => {
  const th = peano();
  const problem = {
    name: 'false',
    statements: [
      ...th.axioms,
      { name: 'goal', role: 'conjecture', language: 'fof', formula: mkForall(['x'], mkEq(plus(x, s(zero)), x)) } as Statement,
    ],
  };
  assert.equal(rewritingProver(prec)(problem, Date.now() + 5000).status, 'failed');
});

let plusRun: Derivation | undefined;
function plusOnly(): Derivation {
  // The + part of the Peano exploration (the full run is a CLI figure in docs/genlogic.md).
  plusRun ??= explore(peano(), { onlySymbols: ['plus'], maxTermSize: 5, deadline: Date.now() + 60_000 });
  return plusRun;
}

test('explorer, + only: discovers and proves x+0=x, 0+x=x, s(x)+y=s(x+y), commutativity, associativity', () => {
  const d = plusOnly();
  assert.equal(d.stopped, 'done');
  const found = new Map(d.theorems.map((t) => [t.key, t]));
  const want = [
    [plus(x, zero), x],
    [plus(zero, x), x],
    [plus(s(x), y), s(plus(x, y))],
    [plus(x, y), plus(y, x)],
    [plus(plus(x, y), z), plus(x, plus(y, z))],
  ] as const;
  for (const [l, r] of want) assert.ok(found.has(equationKey(l, r)), `missing ${equationKey(l, r)}; have ${[...found.keys()].join(' | ')}`);
  // Induction was needed for the real theorems.
  assert.equal(found.get(equationKey(plus(x, y), plus(y, x)))!.method, 'induction');
  assert.equal(found.get(equationKey(plus(x, zero), x))!.method, 'direct');
  // The stats are consistent.
  const st = d.stats;
  assert.ok(st.generated > st.refuted && st.refuted > 0);
  assert.equal(st.proved, d.theorems.length);
  assert.equal(st.kept, d.theorems.filter((t) => t.kept).length);
  assert.equal(st.checkFailures, 0);
  assert.ok(st.kept < st.proved, 'compression dropped something');
});

test('explorer: every recorded case proof passes the checker again, with lemmas as earlier theorems', () => {
  const d = plusOnly();
  const order = new Map(d.theorems.map((t) => [t.key, t.order]));
  for (const t of d.theorems) {
    for (const c of t.cases) {
      const rep = checkProof(c.proof, { problem: c.problem });
      assert.ok(rep.ok, `${equationText(t.equation)} ${c.name}: ${JSON.stringify(rep.failures)}`);
      for (const key of Object.values(c.lemmas)) assert.ok(order.get(key)! < t.order, 'a lemma is proven before it is used');
    }
    assert.equal(t.cases.length, t.method === 'induction' ? 2 : 1);
    // The fast template key of the enumerator agrees with the key of the recorded equation.
    assert.equal(t.key, equationKey(t.equation.left, t.equation.right));
  }
});

test('explorer: cancellation stops early and says so; progress is reported', () => {
  let calls = 0;
  let progress = 0;
  const d = explore(peano(), {
    onlySymbols: ['plus'],
    maxTermSize: 5,
    shouldStop: () => ++calls > 40,
    onProgress: () => progress++,
  });
  assert.equal(d.stopped, 'cancelled');
  assert.ok(progress >= 1);
  assert.ok(d.stats.proved < plusOnly().stats.proved);
  const late = explore(peano(), { onlySymbols: ['plus'], maxTermSize: 5, deadline: Date.now() - 1 });
  assert.equal(late.stopped, 'deadline');
  assert.equal(late.stats.proved, 0);
});

test('explorer on another theory: double(x) = x + x is discovered and proved by induction', () => {
  const text = [
    'fof(plus_zero, axiom, ![X]: plus(X, zero) = X).',
    'fof(plus_succ, axiom, ![X, Y]: plus(X, s(Y)) = s(plus(X, Y))).',
    'fof(double_zero, axiom, double(zero) = zero).',
    'fof(double_succ, axiom, ![X]: double(s(X)) = s(s(double(X)))).',
  ].join('\n');
  const p = parseProblem(text, { dialect: 'tptp' });
  assert.ok(p.ok);
  if (!p.ok) return;
  const d = explore({ name: 'double', axioms: p.value.statements, nat: NAT }, { maxTermSize: 4 });
  const t = d.theorems.find((th) => th.key === equationKey(plus(x, x), mkApp('double', [x])));
  assert.ok(t, d.theorems.map((th) => th.key).join(' | '));
  assert.equal(t.method, 'induction');
  assert.ok(t.cases.every((c) => c.check.ok));
});

test('explorer counters, + only: every counter counts the filtered search space (the same as exploring plus alone)', () => {
  const th = peano();
  const plusOnly = [{ name: 'plus', arity: 2 }];
  // maxTheorems 0: enumeration and refutation only, no proofs.
  const bounds = { maxTermSize: 5, maxTheorems: 0, deadline: Date.now() + 60_000 };
  const filtered = explore(th, { ...bounds, onlySymbols: ['plus'] });
  const plusAlone = explore(th, { ...bounds, functions: plusOnly });
  const everything = explore(th, bounds);
  for (const k of ['terms', 'generated', 'refuted', 'duplicates', 'conjectures'] as const)
    assert.equal(filtered.stats[k], plusAlone.stats[k], `${k} with only: plus vs exploring plus alone`);
  assert.ok(filtered.stats.generated < everything.stats.generated, 'only: plus generates fewer pairs than + and × together');
  assert.ok(filtered.stats.terms < everything.stats.terms);
});
