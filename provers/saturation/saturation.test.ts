import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TermBank, Subst, FN, PRED } from './bank.js';
import { Kbo, Lpo, GT, LT, EQ } from './order.js';
import { FingerprintIndex, BruteIndex } from './fpindex.js';
import type { IndexEntry, Mode } from './fpindex.js';
import { saturate, isComplete } from './saturate.js';
import { sineSubset } from './preprocess/sine.js';
import type { Strategy } from './saturate.js';
import { PORTFOLIO, scheduleFor, LARGE_PROBLEM } from './portfolio.js';
import { MultiQueue } from './heuristics/queue.js';
import { SClause, PASSIVE, DEAD } from './sclause.js';
import { clausesInput, tptpInput } from './testutil.js';
import { proofToTptp } from './tstp.js';
import { checkProof } from '../check/index.js';
import { clausify } from '../logic/cnf.js';
import { parseProblem } from '../logic/syntax/index.js';
import { contradicts } from '../logic/szs.js';
import type { SzsStatus } from '../logic/szs.js';
import type { ProverResult } from '../logic/proof.js';
import type { Term } from '../logic/term.js';
import { SHARED_CORPORA } from '../../testing/corpora.js';
import { seededRandom as rng } from '../../testing/random.js';

// ---------------------------------------------------------------- random terms

const SIG: Array<[string, number]> = [
  ['a', 0],
  ['b', 0],
  ['f', 1],
  ['g', 2],
  ['h', 3],
];

function randTerm(b: TermBank, r: () => number, depth: number, nvars: number): number {
  if (depth <= 0 || r() < 0.3) {
    if (nvars > 0 && r() < 0.5) return b.mkVar(Math.floor(r() * nvars));
    return b.app(b.sym(r() < 0.5 ? 'a' : 'b', 0, FN), []);
  }
  const [name, ar] = SIG[2 + Math.floor(r() * 3)]!;
  const args: number[] = [];
  for (let i = 0; i < ar; i++) args.push(randTerm(b, r, depth - 1, nvars));
  return b.app(b.sym(name, ar, FN), args);
}

const seedArb = fc.integer({ min: 1, max: 2 ** 30 });

test('unifier equalizes both sides (two scopes)', () => {
  const b = new TermBank();
  const s = new Subst(b);
  let unified = 0;
  fc.assert(
    fc.property(seedArb, (seed) => {
      const r = rng(seed);
      const x = randTerm(b, r, 3, 3);
      const y = randTerm(b, r, 3, 3);
      const mark = s.trailLen;
      if (s.unify(x, 0, y, 1)) {
        unified++;
        s.resetRename();
        const ix = s.inst(x, 0);
        const iy = s.inst(y, 1);
        s.undo(mark);
        return ix === iy;
      }
      return s.trailLen === mark;
    }),
    { seed: 7, numRuns: 3000 },
  );
  assert.ok(unified > 100, `too few unifiable samples (${unified})`);
});

test('unifier refuses occurs-check violations and sort mixing', () => {
  const b = new TermBank();
  const s = new Subst(b);
  const f = b.sym('f', 1, FN);
  const x = b.mkVar(0);
  assert.equal(s.unify(x, 0, b.app(f, [x]), 0), false);
  assert.equal(s.unify(x, 0, b.app(f, [x]), 1), true); // different scopes: different variables
  s.undo(0);
  const p = b.app(b.sym('p', 0, 1), []);
  assert.equal(s.unify(x, 0, p, 1), false, 'a variable is never bound to a predicate atom');
});

test('matching: instMatch(p) equals the target', () => {
  const b = new TermBank();
  const s = new Subst(b);
  let matched = 0;
  fc.assert(
    fc.property(seedArb, (seed) => {
      const r = rng(seed);
      const p = randTerm(b, r, 2, 2);
      const t = randTerm(b, r, 4, 2);
      const mark = s.mLen;
      if (s.match(p, t)) {
        matched++;
        const i = s.instMatch(p);
        s.undoMatch(mark);
        return i === t;
      }
      return s.mLen === mark;
    }),
    { seed: 11, numRuns: 3000 },
  );
  assert.ok(matched > 50, `too few matches (${matched})`);
});

/** KBO with E's invfreqrank symbol weights: h rarest (weight 4), then g, f, and the constants most frequent. */
function weightedKbo(b: TermBank): Kbo {
  const k = new Kbo(b);
  const freq = new Map<number, number>();
  for (const [name, ar] of SIG) freq.set(b.sym(name, ar, FN), { a: 9, b: 9, f: 5, g: 3, h: 1 }[name]!);
  k.setPrecedence(freq, { funWeights: 'invfreqrank' });
  return k;
}

for (const [name, mk] of [
  ['KBO', (b: TermBank) => new Kbo(b)],
  ['KBO with invfreqrank weights', weightedKbo],
  ['LPO', (b: TermBank) => new Lpo(b)],
] as const)
  test(`${name}: irreflexive, antisymmetric, transitive, total on ground terms, stable under substitution, subterm property`, () => {
    const b = new TermBank();
    const kbo = mk(b);
    const s = new Subst(b);
    let gts = 0;
    fc.assert(
      fc.property(seedArb, (seed) => {
        const r = rng(seed);
        const x = randTerm(b, r, 3, 2);
        const y = randTerm(b, r, 3, 2);
        const z = randTerm(b, r, 3, 2);
        if (kbo.compare(x, x) !== EQ) return false;
        // a term is greater than each of its proper subterms
        if (b.head[x]! >= 0 && b.symArity[b.head[x]!]! > 0 && kbo.compare(x, b.arg(x, 0)) !== GT) return false;
        const c = kbo.compare(x, y);
        const d = kbo.compare(y, x);
        if (c === GT && d !== LT) return false;
        if (c === LT && d !== GT) return false;
        if (c === GT && kbo.compare(y, z) === GT && kbo.compare(x, z) !== GT) return false;
        if (b.nvo[x] === 0 && b.nvo[y] === 0 && x !== y && c !== GT && c !== LT) return false;
        if (c === GT) {
          gts++;
          // ground instance: bind X0, X1 (scope 0) to random ground terms
          const mark = s.trailLen;
          for (let v = 0; v < 2; v++) s.unify(b.mkVar(v), 0, randTerm(b, r, 2, 0), 1);
          s.resetRename();
          const xs = s.inst(x, 0);
          const ys = s.inst(y, 0);
          s.undo(mark);
          if (kbo.compare(xs, ys) !== GT) return false;
        }
        return true;
      }),
      { seed: 3, numRuns: 4000 },
    );
    assert.ok(gts > 200);
  });

test('LPO and KBO orient differently where precedence beats size: g(x) vs f(f(x)) with g > f', () => {
  const b = new TermBank();
  const f = b.sym('f', 1, FN);
  const g = b.sym('g', 1, FN);
  b.prec[f] = 1;
  b.prec[g] = 2;
  const x = b.mkVar(0);
  const ffx = b.app(f, [b.app(f, [x])]);
  const gx = b.app(g, [x]);
  assert.equal(new Lpo(b).compare(gx, ffx), GT);
  assert.equal(new Kbo(b).compare(gx, ffx), LT);
});

test('invfreqrank weights let a rare symbol outweigh a bigger term of frequent ones: f(x) vs g(g(x))', () => {
  const b = new TermBank();
  const f = b.sym('f', 1, FN);
  const g = b.sym('g', 1, FN);
  const x = b.mkVar(0);
  const fx = b.app(f, [x]);
  const ggx = b.app(g, [b.app(g, [x])]);
  const freq = new Map([
    [f, 1],
    [g, 8],
  ]);
  const uniform = new Kbo(b);
  uniform.setPrecedence(freq);
  assert.equal(uniform.compare(fx, ggx), LT);
  const weighted = new Kbo(b);
  weighted.setPrecedence(freq, { funWeights: 'invfreqrank' });
  assert.equal(weighted.weight(fx), 3); // f weighs 2 (the rarer frequency), x 1
  assert.equal(weighted.compare(fx, ggx), GT);
});

test('TFO literal comparison: predicates decide first, equations sit below (eqmin) or above (eqmax) predicate literals', () => {
  const b = new TermBank();
  const a = b.app(b.sym('a', 0, FN), []);
  const f = b.sym('f', 1, FN);
  const p = b.sym('p', 1, PRED);
  const q = b.sym('q', 1, PRED);
  const fffa = b.app(f, [b.app(f, [b.app(f, [a])])]);
  const pa = b.app(p, [a]);
  const qfffa = b.app(q, [fffa]);
  const pfffa = b.app(p, [fffa]);
  const T = b.TRUE;
  const o = new Kbo(b);
  // p is rarer than q, so p has the higher precedence
  o.setPrecedence(
    new Map([
      [p, 1],
      [q, 5],
      [f, 3],
    ]),
  );
  // the multiset extension: the heavier atom wins whatever its predicate
  assert.equal(o.compareLits(true, pa, T, false, qfffa, T), LT);
  o.litCmp = 'tfo-eqmin';
  assert.equal(o.compareLits(true, pa, T, false, qfffa, T), GT);
  assert.equal(o.compareLits(false, qfffa, T, true, pa, T), LT);
  // the same predicate: the multiset extension decides
  assert.equal(o.compareLits(true, pa, T, true, pfffa, T), LT);
  assert.equal(o.compareLits(false, pa, T, true, pa, T), GT);
  // an equation is below every predicate literal, however big its sides
  assert.equal(o.compareLits(true, fffa, a, true, pa, T), LT);
  assert.equal(o.compareLits(false, pa, T, false, fffa, a), GT);
  // two equations: the multiset extension
  assert.equal(o.compareLits(true, fffa, a, true, a, a), GT);
  o.litCmp = 'tfo-eqmax';
  assert.equal(o.compareLits(true, fffa, a, true, pa, T), GT);
  assert.equal(o.compareLits(true, pa, T, false, qfffa, T), GT);
});

test('unfoldDefinitions replaces a defined function by its body and drops the definition, soundly', () => {
  const def = 'sd(X, Y) = u(d(X, Y), d(Y, X))';
  const ax = [def, 'u(X, Y) = u(Y, X)'];
  const goal = ['u(a, sd(a, b)) != u(a, u(d(b, a), d(a, b)))'];
  for (const unfoldDefinitions of [true, false]) {
    const lines: string[] = [];
    const r = saturate(clausesInput(ax, goal), { ...T(), strategy: { unfoldDefinitions }, trace: (l) => lines.push(l) });
    assert.equal(r.status, 'Theorem');
    assertChecked(r);
    // unfolded: sd never reaches the search; otherwise the definition itself is a given clause
    assert.equal(
      lines.some((l) => l.includes('sd(')),
      !unfoldDefinitions,
      lines.join('\n'),
    );
  }
  // the goal's own equations and constants are never taken as definitions; saturation still means a countermodel
  const cs = saturate(clausesInput(['f(X) = g(X, X)', 'p(f(a))'], ['~p(g(b, b))']), { ...T(), strategy: { unfoldDefinitions: true } });
  assert.equal(cs.status, 'CounterSatisfiable');
  // a constant's equation is not unfolded: c stays in the search
  const seen: string[] = [];
  const kept = saturate(clausesInput(['c = g(a, a)', 'p(c)'], ['~p(g(a, a))']), {
    ...T(),
    strategy: { unfoldDefinitions: true },
    trace: (l) => seen.push(l.slice(l.indexOf('): ') + 3)),
  });
  assert.equal(kept.status, 'Theorem');
  assertChecked(kept);
  assert.ok(
    seen.some((l) => /(^|[ (,])c($|[ ),])/.test(l)),
    seen.join('\n'),
  );
});

test('the prover under LPO: proofs re-check and saturation still means CounterSatisfiable', () => {
  const strategy = { ordering: 'lpo' as const };
  const ax = ['mult(X, e) = X', 'mult(X, inv(X)) = e', 'mult(mult(X, Y), Z) = mult(X, mult(Y, Z))'];
  const r = saturate(clausesInput(ax, ['mult(e, c) != c']), { ...T(20000), strategy });
  assert.equal(r.status, 'Theorem');
  assertChecked(r);
  const eq = saturate(clausesInput(['a = b', 'f(a) = c', 'p(f(b))'], ['~p(c)']), { ...T(), strategy });
  assert.equal(eq.status, 'Theorem');
  assertChecked(eq);
  const cs = saturate(clausesInput(['f(f(X)) = X', 'p(a)'], ['~p(f(a))']), { ...T(), strategy });
  assert.equal(cs.status, 'CounterSatisfiable');
});

// ---------------------------------------------------------------- index vs oracle

class E implements IndexEntry {
  constructor(
    readonly term: number,
    readonly id: number,
    public live = true,
  ) {}
  alive(): boolean {
    return this.live;
  }
}

for (const seed of [1, 2, 3, 42, 1234]) {
  test(`fingerprint index agrees with the brute-force oracle (seed ${seed})`, () => {
    const b = new TermBank();
    const s = new Subst(b);
    const r = rng(seed);
    const fp = new FingerprintIndex<E>(b);
    const br = new BruteIndex<E>();
    const entries: E[] = [];
    for (let i = 0; i < 400; i++) {
      const e = new E(randTerm(b, r, 3, 3), i);
      entries.push(e);
      fp.insert(e);
      br.insert(e);
    }
    for (let i = 0; i < 60; i++) entries[Math.floor(r() * entries.length)]!.live = false;
    const real = (mode: Mode, q: number, e: E): boolean => {
      if (mode === 'unify') {
        const m = s.trailLen;
        const ok = s.unify(q, 0, e.term, 1);
        s.undo(m);
        return ok;
      }
      const m = s.mLen;
      const ok = mode === 'general' ? s.match(e.term, q) : s.match(q, e.term);
      s.undoMatch(m);
      return ok;
    };
    let hits = 0;
    for (let i = 0; i < 150; i++) {
      const q = randTerm(b, r, 3, 3);
      for (const mode of ['unify', 'general', 'instance'] as const) {
        const a: number[] = [];
        const o: number[] = [];
        fp.retrieve(q, mode, (e) => {
          if (real(mode, q, e)) a.push(e.id);
        });
        br.retrieve(q, mode, (e) => {
          if (real(mode, q, e)) o.push(e.id);
        });
        a.sort((x, y) => x - y);
        o.sort((x, y) => x - y);
        assert.deepEqual(a, o, `mode ${mode}, query ${b.show(q)}`);
        // collect hands out the very candidates retrieve calls back with, in the same order
        for (const idx of [fp, br]) {
          const called: number[] = [];
          idx.retrieve(q, mode, (e) => called.push(e.id));
          const collected: E[] = [];
          idx.collect(q, mode, collected);
          assert.deepEqual(
            collected.map((e) => e.id),
            called,
            `collect, mode ${mode}`,
          );
        }
        hits += o.length;
      }
    }
    assert.ok(hits > 100, 'the oracle comparison must exercise real partners');
  });
}

// ---------------------------------------------------------------- small problems

function assertChecked(r: ProverResult): void {
  assert.ok(r.proof, 'a refutation carries a proof');
  const rep = checkProof(r.proof);
  assert.ok(rep.ok, `proof check failed: ${JSON.stringify(rep.failures)}\n${proofToTptp(r.proof)}`);
  assert.ok(rep.checked > 0);
  const root = r.proof.steps.find((s) => s.id === r.proof!.root)!;
  assert.equal(root.conclusion.kind === 'clause' && root.conclusion.clause.literals.length, 0);
}

const T = (ms = 5000): { deadline: number } => ({ deadline: Date.now() + ms });

test('propositional and first-order resolution', () => {
  const r = saturate(clausesInput(['p(a)', '~p(X) | q(X)', '~q(X) | r(f(X))'], ['~r(f(a))']), T());
  assert.equal(r.status, 'Theorem');
  assertChecked(r);
  const s = saturate(clausesInput(['p(a)', '~p(X) | q(X)'], ['~q(b)']), T());
  assert.equal(s.status, 'CounterSatisfiable');
  const u = saturate(clausesInput(['p | q', '~p | q', 'p | ~q', '~p | ~q']), T());
  assert.equal(u.status, 'Unsatisfiable');
  assertChecked(u);
  const sat = saturate(clausesInput(['p | q', '~p | q', 'p | ~q']), T());
  assert.equal(sat.status, 'Satisfiable');
});

test('contradictory axioms are reported as such', () => {
  const r = saturate(clausesInput(['p(a)', '~p(X)'], ['~q(a)']), T());
  assert.equal(r.status, 'ContradictoryAxioms');
  assertChecked(r);
});

test('factoring is needed: p(X) | p(Y) with ~p(X) | ~p(Y)', () => {
  const r = saturate(clausesInput(['p(X) | p(Y)', '~p(X) | ~p(Y)']), T());
  assert.equal(r.status, 'Unsatisfiable');
  assertChecked(r);
});

test('group theory: right identity and right inverse give a left identity', () => {
  const ax = ['mult(X, e) = X', 'mult(X, inv(X)) = e', 'mult(mult(X, Y), Z) = mult(X, mult(Y, Z))'];
  const r = saturate(clausesInput(ax, ['mult(e, c) != c']), T(20000));
  assert.equal(r.status, 'Theorem');
  assertChecked(r);
  const l = saturate(clausesInput(ax, ['mult(inv(c), c) != e']), T(20000));
  assert.equal(l.status, 'Theorem');
  assertChecked(l);
});

test('equality: congruence, equality factoring and a satisfiable equational set', () => {
  const r = saturate(clausesInput(['a = b', 'f(a) = c', 'p(f(b))'], ['~p(c)']), T());
  assert.equal(r.status, 'Theorem');
  assertChecked(r);
  const ef = saturate(clausesInput(['X = a | X = b', 'c != a', 'c != b']), T());
  assert.equal(ef.status, 'Unsatisfiable');
  assertChecked(ef);
  const sat = saturate(clausesInput(['f(f(X)) = X', 'p(a)'], ['~p(f(f(f(f(a)))))']), T());
  assert.equal(sat.status, 'Theorem');
  assertChecked(sat);
  const cs = saturate(clausesInput(['f(f(X)) = X', 'p(a)'], ['~p(f(a))']), T());
  assert.equal(cs.status, 'CounterSatisfiable');
});

test('set of support is incomplete: saturation there gives GaveUp, never CounterSatisfiable', () => {
  const r = saturate(clausesInput(['p(a)', '~p(X) | q(X)'], ['~q(b)']), { ...T(), strategy: { sos: true, name: 'sos' } });
  assert.equal(r.status, 'GaveUp');
});

test('tfo-eqmax is incomplete (GaveUp on saturation); tfo-eqmin is complete (CounterSatisfiable)', () => {
  const input = () => clausesInput(['p(a)', '~p(X) | q(X)', 'f(a) = b'], ['~q(b)']);
  const max = saturate(input(), { ...T(), strategy: { litCmp: 'tfo-eqmax', name: 'tfomax' } });
  assert.equal(max.status, 'GaveUp');
  const min = saturate(input(), { ...T(), strategy: { litCmp: 'tfo-eqmin', name: 'tfomin' } });
  assert.equal(min.status, 'CounterSatisfiable');
});

test('limits: deadline, shouldStop and clause cap end the run with the right status', () => {
  const hard = ['mult(mult(X, Y), Z) = mult(X, mult(Y, Z))', 'mult(X, inv(X)) = e', 'mult(X, e) = X', 'p(X) | p(mult(X, X))'];
  assert.equal(saturate(clausesInput(hard, ['mult(a, b) != mult(b, a)']), { deadline: Date.now() + 200 }).status, 'Timeout');
  let n = 0;
  assert.equal(saturate(clausesInput(hard, ['mult(a, b) != mult(b, a)']), { shouldStop: () => ++n > 50 }).status, 'GaveUp');
  assert.equal(saturate(clausesInput(hard, ['mult(a, b) != mult(b, a)']), { maxClauses: 300 }).status, 'ResourceOut');
});

test('brute-force indexes give the same answers as fingerprint indexes', () => {
  const probs: Array<[string[], string[]]> = [
    [['mult(X, e) = X', 'mult(X, inv(X)) = e', 'mult(mult(X, Y), Z) = mult(X, mult(Y, Z))'], ['mult(e, c) != c']],
    [['p(X) | p(Y)', '~p(X) | ~p(Y)'], []],
    [['p(a)', '~p(X) | q(X)'], ['~q(b)']],
  ];
  for (const [ax, g] of probs) {
    const a = saturate(clausesInput(ax, g), T(20000));
    const o = saturate(clausesInput(ax, g), { ...T(20000), bruteIndex: true });
    assert.equal(a.status, o.status);
  }
});

test('a 10,000-deep term does not overflow the stack', () => {
  let t: Term = { kind: 'app', fn: 'a', args: [] };
  for (let i = 0; i < 10000; i++) t = { kind: 'app', fn: 'f', args: [t] };
  let v: Term = { kind: 'var', name: 'X' };
  for (let i = 0; i < 5000; i++) v = { kind: 'app', fn: 'f', args: [v] };
  const input = {
    clauses: [
      { id: 'a', role: 'axiom' as const, source: 'a', clause: { literals: [{ positive: true, pred: 'p', args: [t] }] } },
      { id: 'g', role: 'negated_conjecture' as const, source: 'g', clause: { literals: [{ positive: false, pred: 'p', args: [v] }] } },
    ],
    steps: [],
    hasConjecture: true,
  };
  const r = saturate(input, T(20000));
  assert.equal(r.status, 'Theorem');
  assert.ok(r.proof);
  assert.ok(proofToTptp(r.proof).length > 10000);
  const b = new TermBank();
  const kbo = new Kbo(b);
  const vars = new Map<string, number>();
  const x = b.fromTerm(t, vars);
  const y = b.fromTerm(v, vars);
  // the ground term lacks X, so neither is greater; against a shallower ground term it is greater
  assert.equal(kbo.compare(x, y), 3);
  const z = b.replaceAtPath(x, new Array<number>(5000).fill(0), b.app(b.sym('a', 0, FN), []));
  assert.equal(kbo.compare(x, z), GT);
  assert.equal(kbo.compare(z, x), LT);
  assert.equal(b.depth[x], 10001);
  // replaceAll: every f(a) (one occurrence, 10,000 deep) becomes a; rewriting a by f(a) nests one level deeper
  const a = b.app(b.sym('a', 0, FN), []);
  const fa = b.app(b.sym('f', 1, FN), [a]);
  assert.equal(b.depth[b.replaceAll(x, fa, a)], 10000);
  assert.equal(b.depth[b.replaceAll(x, a, fa)], 10002);
  assert.equal(b.replaceAll(x, y, a), x);
});

// ---------------------------------------------------------------- real problems (soundness subset)

const SYN = join(SHARED_CORPORA, 'tptp', 'SYN-FOF');
test('SYN-FOF subset: no wrong answers and every proof re-checks', { skip: !existsSync(SYN) }, () => {
  const files = readdirSync(SYN)
    .filter((f) => f.endsWith('.p'))
    .sort();
  // every 12th problem: a spread over the set, ~30 problems, a few seconds in total
  const picked = files.filter((_, i) => i % 12 === 0);
  let decided = 0;
  let sawCounterSat = false;
  for (const f of picked) {
    const text = readFileSync(join(SYN, f), 'utf8');
    const expected = /% Status\s*:\s*(\w+)/.exec(text)?.[1] as SzsStatus;
    const p = parseProblem(text, { dialect: 'tptp', file: f });
    assert.ok(p.ok, f);
    const cl = clausify(p.value);
    assert.ok(cl.ok);
    const r = saturate(cl.value, T(300));
    assert.ok(!contradicts(expected, r.status), `${f}: expected ${expected}, got ${r.status}`);
    if (r.status !== 'Timeout' && r.status !== 'GaveUp') decided++;
    if (r.status === 'CounterSatisfiable') sawCounterSat = true;
    if (r.proof) {
      const rep = checkProof(r.proof);
      // the clausifier's own steps are checked too; only our inference steps must never fail here
      const ours = rep.failures.filter(
        (x) => !['input', 'negated_conjecture', 'nnf', 'skolemize', 'definition', 'clausify'].includes(x.rule),
      );
      assert.deepEqual(ours, [], `${f}: ${JSON.stringify(ours)}`);
    }
  }
  assert.ok(decided >= picked.length * 0.6, `decided only ${decided}/${picked.length}`);
  assert.ok(sawCounterSat, 'the subset includes a CounterSatisfiable problem that we detect');
});

// ---------------------------------------------------------------- selection, queues, destructive ER

test('MultiQueue visits its heaps in the weighted round robin, with FIFO picks, and drains completely', () => {
  const mk = (id: number): SClause => {
    const c = new SClause(id, [], 0, 0, 'input', [], [], false);
    c.state = PASSIVE;
    return c;
  };
  const q = new MultiQueue([2, 1], 1);
  // heap 0 prefers high ids, heap 1 prefers low ids (keys are minimized), FIFO gives insertion order
  for (let i = 0; i < 8; i++) q.push(mk(i), [100 - i, i]);
  const order: number[] = [];
  for (;;) {
    const c = q.pop();
    if (!c) break;
    c.state = DEAD;
    order.push(c.id);
  }
  // round = [heap0, heap0, heap1, fifo]: 7, 6, 0, then FIFO's oldest alive (1), then 5, 4, 2, 3
  assert.deepEqual(order, [7, 6, 0, 1, 5, 4, 2, 3]);
});

test('every literal selection and a multi-queue heuristic stay sound and complete on small problems', () => {
  const selections = [
    'none',
    'maxneg',
    'maxneg-nonunit',
    'negonly',
    'complex',
    'complex-rrhorn',
    'complex-uniqmax',
    'maxlcomplex',
    'uniqmax',
    'pdepth2',
  ] as const;
  for (const selection of selections)
    for (const queues of [
      undefined,
      [
        { key: 'sos' as const, n: 4 },
        { key: 'rel' as const, n: 3 },
        { key: 'weight' as const, n: 1 },
        { key: 'horn' as const, n: 2 },
      ],
    ]) {
      // the second variant also switches on every optional search-control knob
      const knobs = queues
        ? {
            preferInitial: true,
            simplifyNew: true,
            relWeights: [10, 10, 1] as const,
            posMult: 1.5,
            simulParamod: true,
            litCmp: 'tfo-eqmin' as const,
          }
        : {};
      const strategy = { name: `t-${selection}`, selection, queues, ratio: queues ? 1 : 5, ...knobs };
      const th = saturate(clausesInput(['p(a)', '~p(X) | q(X)', '~q(X) | r(f(X))'], ['~r(f(a))']), { ...T(), strategy });
      assert.equal(th.status, 'Theorem', selection);
      assertChecked(th);
      const eq = saturate(clausesInput(['X = a | X = b', 'c != a', 'c != b']), { ...T(), strategy });
      assert.equal(eq.status, 'Unsatisfiable', selection);
      assertChecked(eq);
      // complete strategies: saturation means a countermodel exists
      const cs = saturate(clausesInput(['p(a)', '~p(X) | q(X)'], ['~q(b)']), { ...T(), strategy });
      assert.equal(cs.status, 'CounterSatisfiable', selection);
    }
});

test('complex-uniqmax leaves definitions unselected so a goal unfolds them backwards', () => {
  // equal_set(A,B) <= subset(A,B) & subset(B,A): the positive literal is the unique maximum (rarer symbol)
  const ax = [
    'equal_set(A, B) | ~subset(A, B) | ~subset(B, A)',
    'subset(A, B) | member(sk(A, B), A)',
    'subset(A, B) | ~member(sk(A, B), B)',
    '~member(X, empty)',
    'member(X, inter(A, B)) | ~member(X, A) | ~member(X, B)',
    '~member(X, inter(A, B)) | member(X, A)',
    '~member(X, inter(A, B)) | member(X, B)',
  ];
  const r = saturate(clausesInput(ax, ['~equal_set(inter(empty, c), empty)']), { ...T(), strategy: { selection: 'complex-uniqmax' } });
  assert.equal(r.status, 'Theorem');
  assertChecked(r);
  // unfolding the goal through the definition's positive literal yields this clause; under max-weight
  // negative selection that literal is never eligible, so the clause cannot be derived there
  const unfolded = /inference\(resolution, \[status\(thm\)\], \[(a0, g0|g0, a0)\]\)/;
  assert.match(proofToTptp(r.proof!), unfolded);
  const m = saturate(clausesInput(ax, ['~equal_set(inter(empty, c), empty)']), { ...T(), strategy: { selection: 'maxneg' } });
  assert.equal(m.status, 'Theorem');
  assert.doesNotMatch(proofToTptp(m.proof!), unfolded);
});

test('destructive equality resolution: x != t literals are eliminated and the step re-checks', () => {
  // q(X) | X != f(Y) | r(Y): DER gives q(f(Y)) | r(Y) instead of keeping a superposition-from-variable clause
  const r = saturate(clausesInput(['q(X) | X != f(Y) | r(Y)', '~r(a)'], ['~q(f(a))']), T());
  assert.equal(r.status, 'Theorem');
  assertChecked(r);
  assert.ok(r.proof!.steps.some((s) => s.rule === 'equality_resolution'));
});

/** The given clauses of a saturating run, in order, as printed by the trace hook. */
function givenOrder(axioms: readonly string[], strategy: Partial<Strategy>): string[] {
  const lines: string[] = [];
  const r = saturate(clausesInput(axioms), { ...T(), strategy, trace: (l) => lines.push(l.replace(/^given c\d+ \(/, '(')) });
  assert.equal(r.status, 'Satisfiable');
  return lines;
}
const firstIndex = (lines: readonly string[], re: RegExp): number => lines.findIndex((l) => re.test(l));

test('simplifyNew weighs a new clause after rewriting: p(f(f(f(f(a))))) becomes p(a) and overtakes s(c, c)', () => {
  // the heavy term is made by the inference (an input clause would be rewritten when given anyway);
  // maxneg selection makes sure both resolutions happen in this satisfiable set
  // preferInitial: both derived clauses wait in the passive set when the choice is made
  const ax = ['f(f(f(f(a)))) = a', 'q(a)', '~q(X) | p(f(f(f(f(X)))))', 't(c)', '~t(X) | s(X, X)'];
  const base = { relWeight: false, ratio: 100, selection: 'maxneg' as const, preferInitial: true };
  const on = givenOrder(ax, { ...base, simplifyNew: true });
  const off = givenOrder(ax, { ...base, simplifyNew: false });
  // p(a) arrives either way (forward simplification of the given clause); only the order differs
  assert.ok(firstIndex(on, /: p\(a\)$/) < firstIndex(on, /: s\(c,c\)$/), on.join('\n'));
  assert.ok(firstIndex(off, /: p\(a\)$/) > firstIndex(off, /: s\(c,c\)$/), off.join('\n'));
});

test('simulParamod replaces every occurrence of the rewritten instance, and its proofs re-check', () => {
  const shown = (strategy: Partial<Strategy>) =>
    givenOrder(['f(a) = b | q', 'p(f(a), f(a))'], strategy).map((l) => l.slice(l.indexOf('): ') + 3));
  const plain = shown({});
  // one position at a time: two half-rewritten clauses (and p(b,b) only from a second superposition)
  assert.ok(plain.includes('p(b,f(a)) | q') && plain.includes('p(f(a),b) | q'), plain.join('\n'));
  const simul = shown({ simulParamod: true });
  assert.ok(simul.includes('p(b,b) | q'), simul.join('\n'));
  assert.ok(!simul.some((l) => l.includes('p(b,f(a))') || l.includes('p(f(a),b)')), simul.join('\n'));
  const r = saturate(clausesInput(['f(a) = b | q', 'p(f(a), f(a))', '~q'], ['~p(b, b)']), { ...T(), strategy: { simulParamod: true } });
  assert.equal(r.status, 'Theorem');
  assertChecked(r);
});

test('maxlcomplex selects a maximal negative literal before a ground smaller one (complex does the reverse)', () => {
  // ~p(X, f(X)) is the first clause's maximal literal; ~q(a) is ground but smaller. Only the selected literal
  // resolves, so which resolvent is derived shows which literal was selected.
  const derived = (selection: 'maxlcomplex' | 'complex') =>
    givenOrder(['~q(a) | ~p(X, f(X))', 'q(a) | s', 'p(b, f(b)) | t'], { selection }).join('\n');
  const viaMax = derived('maxlcomplex');
  assert.match(viaMax, /~ ?q\(a\) \| t|t \| ~ ?q\(a\)/, viaMax);
  assert.doesNotMatch(viaMax, /~ ?p\(\w+,f\(\w+\)\) \| s|s \| ~ ?p/, viaMax);
  const viaComplex = derived('complex');
  assert.match(viaComplex, /~ ?p\(\w+,f\(\w+\)\) \| s|s \| ~ ?p/, viaComplex);
  assert.doesNotMatch(viaComplex, /~ ?q\(a\) \| t|t \| ~ ?q\(a\)/, viaComplex);
});

test('uniqmax leaves a clause with one maximal literal unselected (maxneg selects its negative literal)', () => {
  // p(f(X)) is the first clause's only maximal literal. Unselected, it resolves with ~p(f(b)); with ~q(X)
  // selected, only q(c) can resolve with it.
  const derived = (selection: 'uniqmax' | 'maxneg') =>
    givenOrder(['p(f(X)) | ~q(X)', '~p(f(b)) | t', 'q(c) | s'], { selection }).join('\n');
  const viaUniq = derived('uniqmax');
  assert.match(viaUniq, /~ ?q\(b\) \| t|t \| ~ ?q\(b\)/, viaUniq);
  assert.doesNotMatch(viaUniq, /p\(f\(c\)\) \| s|s \| p\(f\(c\)\)/, viaUniq);
  const viaNeg = derived('maxneg');
  assert.match(viaNeg, /p\(f\(c\)\) \| s|s \| p\(f\(c\)\)/, viaNeg);
  assert.doesNotMatch(viaNeg, /~ ?q\(b\) \| t|t \| ~ ?q\(b\)/, viaNeg);
});

test('pdepth2 selects nothing beside a flat positive literal, and a negative literal beside a deep one', () => {
  const derived = (clause: string) => givenOrder([clause, '~p(b, b) | t', '~p(f(b)) | t', 'q(c) | s'], { selection: 'pdepth2' }).join('\n');
  // p(X, X) has depth 2: no selection, so the maximal p(X, X) resolves with ~p(b, b) and ~q(X) waits
  const flat = derived('p(X, X) | ~q(X)');
  assert.match(flat, /~ ?q\(b\) \| t|t \| ~ ?q\(b\)/, flat);
  assert.doesNotMatch(flat, /p\(c, ?c\) \| s|s \| p\(c, ?c\)/, flat);
  // p(f(X)) has depth 3: ~q(X) is selected, so only q(c) resolves with the clause
  const deep = derived('p(f(X)) | ~q(X)');
  assert.match(deep, /p\(f\(c\)\) \| s|s \| p\(f\(c\)\)/, deep);
  assert.doesNotMatch(deep, /~ ?q\(b\) \| t|t \| ~ ?q\(b\)/, deep);
});

test('relLevels weighs a symbol by its distance from the conjecture: q(e) (level 1) before s(d) (unrelated)', () => {
  // Goal ~p(a): p, a are level 0; q shares a clause with p (level 1), e shares one with q (level 2); s and d
  // are unreachable. In/out of the conjecture alone, q(e) and s(d) weigh the same.
  const order = (relLevels: boolean): string[] => {
    const lines: string[] = [];
    const input = clausesInput(['s(d)', 'q(e)', 'p(X) | ~q(X) | ~t(X)'], ['~p(a)']);
    const strategy = { relWeight: true, ratio: 100, selection: 'maxneg' as const, goalFactor: 1, relLevels };
    saturate(input, { ...T(), strategy, trace: (l) => lines.push(l.replace(/^given c\d+ \(/, '(')) });
    return lines;
  };
  const on = order(true);
  assert.ok(firstIndex(on, /: q\(e\)$/) < firstIndex(on, /: s\(d\)$/), on.join('\n'));
  const off = order(false);
  assert.ok(firstIndex(off, /: q\(e\)$/) > firstIndex(off, /: s\(d\)$/), off.join('\n'));
});

test('an interlude runs once between given clauses when its time comes; true stops the run', () => {
  // A satisfiable set the prover cannot saturate: p(a), p(X) -> p(f(X)).
  const endless = clausesInput(['p(a)', '~p(X) | p(f(X))']);
  let calls = 0;
  const withInterlude = (ms: number, answer: boolean) =>
    saturate(endless, {
      deadline: Date.now() + ms,
      strategy: { selection: 'maxneg' },
      interlude: { at: 0, run: () => (calls++, answer) },
    });
  const stopped = withInterlude(5000, true);
  assert.equal(calls, 1);
  assert.equal(stopped.status, 'GaveUp');
  assert.equal(stopped.message, 'stopped');
  // Returning false lets the run go on to its own end; the interlude is not called again.
  calls = 0;
  const goesOn = withInterlude(200, false);
  assert.equal(calls, 1);
  assert.equal(goesOn.status, 'Timeout');
  // A run that ends before the interlude's time never calls it.
  calls = 0;
  const quick = saturate(clausesInput(['p(a)'], ['~p(a)']), { ...T(), interlude: { at: Date.now() + 60_000, run: () => (calls++, true) } });
  assert.equal(quick.status, 'Theorem');
  assert.equal(calls, 0);
});

test('preferInitial processes every input clause before any derived one', () => {
  const ax = ['h(f(f(f(a))), f(f(f(b))))', 'p(a)', '~p(X) | q(X)'];
  const base = { relWeight: false, ratio: 100, selection: 'maxneg' as const };
  const on = givenOrder(ax, { ...base, preferInitial: true });
  const off = givenOrder(ax, { ...base });
  const lastInput = (ls: string[]): number => ls.map((l) => l.startsWith('(input')).lastIndexOf(true);
  assert.ok(lastInput(on) < firstIndex(on, /: q\(a\)$/), on.join('\n'));
  assert.ok(lastInput(off) > firstIndex(off, /: q\(a\)$/), off.join('\n'));
});

test("the horn queue takes Horn clauses first, whatever their weight (E's ByHornDist)", () => {
  const ax = ['r(f(f(f(f(a)))), f(f(f(f(b)))))', 'u(a) | v(a)'];
  const order = givenOrder(ax, { relWeight: false, queues: [{ key: 'horn', n: 1 }], ratio: 0 });
  assert.ok(firstIndex(order, /: r\(/) < firstIndex(order, /: u\(a\)/), order.join('\n'));
  const byWeight = givenOrder(ax, { relWeight: false, ratio: 100 });
  assert.ok(firstIndex(byWeight, /: r\(/) > firstIndex(byWeight, /: u\(a\)/), byWeight.join('\n'));
});

const SETDIR = join(SHARED_CORPORA, 'tptp', 'SET');
test('SET subset under every portfolio strategy: no wrong answers and every proof re-checks', { skip: !existsSync(SETDIR) }, () => {
  const files = readdirSync(SETDIR)
    .filter((f) => f.endsWith('.p'))
    .sort()
    .filter((_, i) => i % 40 === 0);
  let proved = 0;
  for (const strategy of PORTFOLIO)
    for (const f of files) {
      const text = readFileSync(join(SETDIR, f), 'utf8');
      const expected = /% Status\s*:\s*(\w+)/.exec(text)?.[1] as SzsStatus;
      const p = parseProblem(text, { dialect: 'tptp', file: f });
      assert.ok(p.ok, f);
      const cl = clausify(p.value);
      assert.ok(cl.ok);
      const r = saturate(cl.value, { ...T(250), strategy });
      assert.ok(!contradicts(expected, r.status), `${strategy.name} ${f}: expected ${expected}, got ${r.status}`);
      if (r.proof) {
        proved++;
        const rep = checkProof(r.proof);
        const ours = rep.failures.filter(
          (x) => !['input', 'negated_conjecture', 'nnf', 'skolemize', 'definition', 'clausify'].includes(x.rule),
        );
        assert.deepEqual(ours, [], `${strategy.name} ${f}: ${JSON.stringify(ours)}`);
      }
    }
  assert.ok(proved > 0, 'some SET problem is proved in the subset');
});

/** TPTP lines, parsed and clausified (for the SInE and schedule tests). */
/** A conjecture and the two axioms that prove it. */
const RELEVANT = ['fof(a1, axiom, q(a)).', 'fof(a2, axiom, ![X]: (q(X) => p(X))).', 'fof(c, conjecture, p(a)).'];

test('sineSubset keeps the axioms reachable from the conjecture, and nothing when it would keep everything', () => {
  const noise = Array.from({ length: 70 }, (_, i) => `fof(n${i}, axiom, r${i}(c${i})).`);
  const big = tptpInput([...RELEVANT, ...noise]);
  const kept = sineSubset(big, 2);
  assert.ok(kept, 'SInE drops the unrelated axioms');
  assert.deepEqual(
    kept
      .map((c) =>
        c.clause.literals
          .map((l) => l.pred)
          .sort()
          .join(','),
      )
      .sort(),
    ['p', 'p,q', 'q'],
  );
  // the same problem small enough for the whole set: SInE does not apply
  assert.equal(sineSubset(tptpInput(RELEVANT), 2), undefined);
  // every axiom connected to the conjecture: SInE would keep them all, so it reports nothing to drop
  const chain = Array.from({ length: 70 }, (_, i) => `fof(h${i}, axiom, ![X]: (s${i + 1}(X) => s${i}(X))).`);
  assert.equal(sineSubset(tptpInput(['fof(c, conjecture, s0(a)).', 'fof(b, axiom, s70(a)).', ...chain]), 80), undefined);
  assert.equal(sineSubset(big, undefined), undefined);
});

test('scheduleFor: small problems start complete; large ones start with SInE unless it would keep every clause; no set of support without a conjecture', () => {
  const names = (s: ReturnType<typeof scheduleFor>) => s.map((e) => e.strategy.name);
  const small = scheduleFor(tptpInput(RELEVANT));
  assert.ok(isComplete(small[0]!.strategy), 'a small problem starts with a complete strategy');
  assert.ok(!small.some((e) => e.strategy.sine), 'no SInE where it would keep every clause');
  // with unrelated axioms SInE drops some, so a small problem keeps the whole schedule
  const padded = scheduleFor(tptpInput([...RELEVANT, ...Array.from({ length: 70 }, (_, i) => `fof(n${i}, axiom, r${i}(c${i})).`)]));
  assert.ok(padded.some((e) => e.strategy.sine) && isComplete(padded[0]!.strategy));
  assert.ok(Math.abs(padded.reduce((a, e) => a + e.share, 0) - 1) < 1e-9, 'shares add up to the whole limit');
  for (const e of small) assert.ok(PORTFOLIO.includes(e.strategy), `${e.strategy.name} is a named strategy`);
  const noise = Array.from({ length: LARGE_PROBLEM + 10 }, (_, i) => `fof(n${i}, axiom, r${i}(c${i})).`);
  assert.equal(names(scheduleFor(tptpInput([...RELEVANT, ...noise])))[0], 'sine');
  // as large, but every axiom uses only the conjecture's symbols: SInE would be the default strategy again
  const term = (i: number): string => (i <= 1 ? 'a' : `${i % 2 ? 'f' : 'g'}(${term(i >> 1)})`);
  const same = Array.from({ length: LARGE_PROBLEM + 10 }, (_, i) => `fof(h${i}, axiom, s(${term(i + 2)})).`);
  const connected = scheduleFor(tptpInput(['fof(c, conjecture, s(f(g(a)))).', ...same]));
  assert.ok(connected.length > 1 && !connected.some((e) => e.strategy.sine));
  // no conjecture: SInE has nothing to start from
  assert.ok(!scheduleFor(tptpInput(noise)).some((e) => e.strategy.sine));
  // no conjecture: set of support has nothing to start from either
  assert.ok(
    small.some((e) => e.strategy.sos),
    'the small schedule has a set-of-support entry',
  );
  assert.ok(!scheduleFor(tptpInput(noise.slice(0, 20))).some((e) => e.strategy.sos));
});

test('scheduleFor: a small equational problem gets its own complete schedule, led by levels10 and maxl', () => {
  const eq = tptpInput(['fof(a, axiom, ![X]: f(f(X)) = X).', 'fof(b, axiom, ![X]: g(X) = f(X)).', 'fof(c, conjecture, g(g(a)) = a).']);
  const sched = scheduleFor(eq);
  assert.deepEqual(
    sched.slice(0, 2).map((e) => e.strategy.name),
    ['levels10', 'maxl'],
  );
  assert.notDeepEqual(
    sched.map((e) => e.strategy.name),
    scheduleFor(tptpInput(RELEVANT)).map((e) => e.strategy.name),
    'not the small schedule',
  );
  assert.ok(Math.abs(sched.reduce((a, e) => a + e.share, 0) - 1) < 1e-9, 'shares add up to the whole limit');
  for (const e of sched) {
    assert.ok(PORTFOLIO.includes(e.strategy), `${e.strategy.name} is a named strategy`);
    assert.ok(isComplete(e.strategy), `${e.strategy.name} is complete`);
  }
  const r = saturate(eq, { strategy: PORTFOLIO.find((s) => s.name === 'maxl') });
  assert.equal(r.status, 'Theorem');
  assert.ok(r.proof && checkProof(r.proof).ok, 'the maxl proof passes the checker');
});
