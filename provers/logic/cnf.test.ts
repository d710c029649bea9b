import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clausify, clausifyFormulas } from './cnf.js';
import type { Formula } from './formula.js';
import { mkAtom, mkNot, mkAnd, mkOr, mkIff, mkImp, mkForall, mkExists, mkEq } from './formula.js';
import { mkVar, mkConst } from './term.js';
import type { Clause } from './clause.js';
import type { Problem } from './problem.js';
import type { ClausifyOptions, Clausified } from './cnf.js';

/** The clause set, failing the test on a clausify error. */
function clausesOf(fs: readonly Formula[], opts?: ClausifyOptions): Clause[] {
  const r = clausifyFormulas(fs, opts);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}
function clausifiedOf(p: Problem, opts?: ClausifyOptions): Clausified {
  const r = clausify(p, opts);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

const P = (name: string): Formula => mkAtom(name);

function evalF(f: Formula, v: ReadonlyMap<string, boolean>): boolean {
  switch (f.kind) {
    case 'atom':
      return v.get(f.pred) ?? false;
    case 'true':
      return true;
    case 'false':
      return false;
    case 'not':
      return !evalF(f.arg, v);
    case 'and':
      return f.args.every((a) => evalF(a, v));
    case 'or':
      return f.args.some((a) => evalF(a, v));
    case 'imp':
      return !evalF(f.left, v) || evalF(f.right, v);
    case 'iff':
      return evalF(f.left, v) === evalF(f.right, v);
    case 'xor':
      return evalF(f.left, v) !== evalF(f.right, v);
    default:
      throw new Error('propositional only');
  }
}

function atomsOf(cs: readonly Clause[], out: Set<string>): Set<string> {
  for (const c of cs) for (const l of c.literals) out.add(l.pred);
  return out;
}

function satisfiable(names: readonly string[], pred: (v: Map<string, boolean>) => boolean): boolean {
  const n = names.length;
  for (let m = 0; m < 1 << n; m++) {
    const v = new Map<string, boolean>();
    names.forEach((x, i) => v.set(x, ((m >> i) & 1) === 1));
    if (pred(v)) return true;
  }
  return false;
}

const clausesHold = (cs: readonly Clause[], v: ReadonlyMap<string, boolean>): boolean =>
  cs.every((c) => c.literals.some((l) => (v.get(l.pred) ?? false) === l.positive));

const propFormula: fc.Arbitrary<Formula> = fc.letrec<{ f: Formula }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('p', 'q', 'r', 's').map(P),
    fc.constantFrom<Formula>({ kind: 'true' }, { kind: 'false' }),
    tie('f').map(mkNot),
    fc.array(tie('f'), { minLength: 2, maxLength: 3 }).map((a) => mkAnd(a)),
    fc.array(tie('f'), { minLength: 2, maxLength: 3 }).map((a) => mkOr(a)),
    fc.tuple(tie('f'), tie('f')).map(([a, b]) => mkImp(a, b)),
    fc.tuple(tie('f'), tie('f')).map(([a, b]) => mkIff(a, b)),
    fc.tuple(tie('f'), tie('f')).map(([a, b]): Formula => ({ kind: 'xor', left: a, right: b })),
  ),
})).f;

test('cnf: equisatisfiable with its input on random propositional formulas (truth tables)', () => {
  fc.assert(
    fc.property(propFormula, (f) => {
      const cs = clausesOf([f], { renameThreshold: 2 });
      const names = [...atomsOf(cs, new Set(['p', 'q', 'r', 's']))];
      assert.ok(names.length <= 16, 'too many definitions for a truth table');
      const satF = satisfiable(['p', 'q', 'r', 's'], (v) => evalF(f, v));
      const satC = satisfiable(names, (v) => clausesHold(cs, v));
      assert.equal(satC, satF);
    }),
    { seed: 20261126, numRuns: 400 },
  );
});

test('cnf: without definitions the clauses are equivalent to the input', () => {
  fc.assert(
    fc.property(propFormula, (f) => {
      const cs = clausesOf([f], { definitional: false });
      for (let m = 0; m < 16; m++) {
        const v = new Map<string, boolean>([
          ['p', (m & 1) === 1],
          ['q', (m & 2) === 2],
          ['r', (m & 4) === 4],
          ['s', (m & 8) === 8],
        ]);
        assert.equal(clausesHold(cs, v), evalF(f, v));
      }
    }),
    { seed: 7, numRuns: 300 },
  );
});

test('cnf: definitional models extend to models of the input (renamings are conservative)', () => {
  // Any model of the clauses, restricted to the original atoms, satisfies the input formula.
  fc.assert(
    fc.property(propFormula, (f) => {
      const cs = clausesOf([f], { renameThreshold: 2 });
      const names = [...atomsOf(cs, new Set(['p', 'q', 'r', 's']))];
      satisfiable(names, (v) => {
        if (clausesHold(cs, v)) assert.ok(evalF(f, v), 'clause model is not a model of the input');
        return false;
      });
    }),
    { seed: 99, numRuns: 150 },
  );
});

test('cnf: nested equivalence chains stay linear', () => {
  let f: Formula = P('a0');
  for (let i = 1; i <= 40; i++) f = mkIff(f, P(`a${i}`));
  const cs = clausesOf([f]);
  assert.ok(cs.length < 40 * 8, `got ${cs.length} clauses`);
});

test('cnf: Skolem functions take only the universals they depend on (miniscoping)', () => {
  const x = mkVar('x');
  const y = mkVar('y');
  const z = mkVar('z');
  // ∀x ∀z. (Q(z) ∨ ∃y P(x, y)): the Skolem term for y depends on x only.
  const f = mkForall(['x', 'z'], mkOr([mkAtom('Q', [z]), mkExists(['y'], mkAtom('P', [x, y]))]));
  const res = clausifiedOf({ name: 't', statements: [{ name: 'a', role: 'axiom', language: 'fof', formula: f }] });
  assert.equal(res.clauses.length, 1);
  const lits = res.clauses[0]!.clause.literals;
  const p = lits.find((l) => l.pred === 'P')!;
  const sk = p.args[1]!;
  assert.equal(sk.kind, 'app');
  assert.equal(sk.kind === 'app' ? sk.args.length : -1, 1);
  assert.deepEqual(res.skolems, ['sk1']);
  const rules = res.steps.map((s) => s.rule);
  assert.deepEqual(rules, ['input', 'skolemize', 'clausify']);
});

test('cnf: conjectures are negated once, with provenance, and roles are kept', () => {
  const a = mkConst('a');
  const problem: Problem = {
    name: 'p',
    file: 'p.p',
    statements: [
      { name: 'ax', role: 'axiom', language: 'fof', formula: mkForall(['X'], mkImp(mkAtom('p', [mkVar('X')]), mkAtom('q', [mkVar('X')]))) },
      { name: 'fact', role: 'axiom', language: 'fof', formula: mkAtom('p', [a]) },
      { name: 'goal', role: 'conjecture', language: 'fof', formula: mkAtom('q', [a]) },
    ],
  };
  const res = clausifiedOf(problem);
  assert.ok(res.hasConjecture);
  const neg = res.clauses.filter((c) => c.role === 'negated_conjecture');
  assert.equal(neg.length, 1);
  assert.deepEqual(neg[0]!.clause.literals, [{ positive: false, pred: 'q', args: [a] }]);
  const negStep = res.steps.find((s) => s.rule === 'negated_conjecture')!;
  assert.equal(negStep.parents.length, 1);
  const input = res.steps.find((s) => s.id === negStep.parents[0]!.id)!;
  assert.equal(input.source?.name, 'goal');
  assert.equal(input.source?.file, 'p.p');
  // every clause id is a clausify step whose ancestry reaches an input step
  const byId = new Map(res.steps.map((s) => [s.id, s]));
  for (const c of res.clauses) {
    let s = byId.get(c.id)!;
    assert.equal(s.rule, 'clausify');
    while (s.parents.length > 0) s = byId.get(s.parents[0]!.id)!;
    assert.equal(s.rule, 'input');
  }
});

test('cnf: equality literals, t != t dropped, false gives the empty clause', () => {
  const a = mkConst('a');
  const cs = clausesOf([mkOr([mkNot(mkEq(a, a)), mkAtom('p')]), { kind: 'false' }]);
  assert.deepEqual(
    cs.map((c) => c.literals.map((l) => `${l.positive ? '' : '-'}${l.pred}`)),
    [['p'], []],
  );
  const cs2 = clausesOf([mkForall(['x'], mkEq(mkVar('x'), a))]);
  assert.equal(cs2[0]!.literals[0]!.pred, '=');
});

test('cnf: fresh symbols never collide with the problem’s own', () => {
  const f = mkAnd([mkAtom('sk1'), mkExists(['y'], mkAtom('def1', [mkVar('y')]))]);
  const res = clausifiedOf({ name: 't', statements: [{ name: 'a', role: 'axiom', language: 'fof', formula: f }] });
  assert.ok(!res.skolems.includes('sk1'));
  assert.ok(res.skolems.length === 1);
});

test('cnf: wide conjunctions and disjunctions do not recurse per argument', () => {
  const wide = mkAnd(Array.from({ length: 50000 }, (_, i) => mkAtom(`p${i}`)));
  assert.equal(clausesOf([wide]).length, 50000);
});
