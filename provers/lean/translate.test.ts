/**
 * FOL → Lean translation: golden outputs (fixtures/golden/*.lean; regenerate only with
 * ENTAIL_UPDATE_GOLDEN=1) and invariants of the name handling.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leanIdent, problemToLean } from './translate.js';
import { FIXTURES } from './fixtures/fakes.js';
import type { Formula, Problem, Role, Term } from '../logic/index.js';
import {
  FALSE,
  TRUE,
  mkAnd,
  mkApp,
  mkAtom,
  mkBin,
  mkConst,
  mkEq,
  mkExists,
  mkForall,
  mkIff,
  mkImp,
  mkNot,
  mkOr,
  mkVar,
} from '../logic/index.js';

const UPDATE = process.env.ENTAIL_UPDATE_GOLDEN === '1';

function st(name: string, role: Role, formula: Formula, language: 'fof' | 'cnf' = 'fof'): Problem['statements'][number] {
  return { name, role, language, formula };
}
const v = mkVar;
const c = mkConst;
const P = (name: string, ...args: Term[]): Formula => mkAtom(name, args);

const PROBLEMS: Record<string, Problem> = {
  dogs: {
    name: 'dogs',
    statements: [
      st('p1', 'axiom', mkForall(['x'], mkImp(P('Dog', v('x')), P('Animal', v('x'))))),
      st('p2', 'axiom', P('Dog', c('fido'))),
      st('c', 'conjecture', P('Animal', c('fido'))),
    ],
  },
  tricky_names: {
    name: 'tricky',
    statements: [
      // keywords, core names, non-ASCII, punctuation, numerals and TPTP distinct objects as symbols
      st('fun', 'axiom', mkForall(['x'], mkImp(P('fun', v('x')), P('And', v('x'))))),
      st('is-red #1', 'axiom', P('is-red', mkApp('Café', [c('2')]))),
      st('is-red #1', 'axiom', mkNot(mkEq(c('"abc"'), c('x')))),
      // one name at two arities, and as predicate and function at once
      st('arity', 'axiom', mkForall(['y'], mkIff(P('p', v('y')), P('p', v('y'), mkApp('p', [v('y')]))))),
      // a bound x next to a constant x; a variable named like a core constant
      st('shadow', 'hypothesis', mkForall(['x'], mkExists(['True', 'x'], mkEq(v('x'), v('True'))))),
      st('goal', 'conjecture', mkOr([P('And', c('x')), P('U')])),
    ],
  },
  connectives: {
    name: 'connectives',
    statements: [
      st('xor', 'axiom', mkBin('xor', P('a'), mkAnd([P('b'), P('c')]))),
      st(
        'nested',
        'axiom',
        mkForall(
          ['X', 'Y'],
          mkImp(
            mkAnd([P('r', v('X'), v('Y')), mkNot(mkForall(['Z'], P('r', v('Y'), v('Z'))))]),
            mkExists(['Z'], mkOr([mkEq(mkApp('f', [mkApp('f', [v('X')])]), v('Z')), FALSE])),
          ),
        ),
      ),
      // a cnf clause: free variables are closed universally
      st('clause', 'axiom', mkOr([mkNot(P('r', v('A'), v('B'))), P('r', v('B'), v('A'))]), 'cnf'),
      st('neg', 'axiom', mkNot(mkNot(mkAnd([mkAnd([P('a'), P('b')]), TRUE])))),
      st('c1', 'conjecture', mkIff(P('a'), mkBin('xor', mkEq(c('k'), c('k')), P('b')))),
      st('c2', 'conjecture', mkForall(['X'], P('r', v('X'), v('X')))),
    ],
  },
  distinct_objects: {
    name: 'distinct',
    statements: [
      st('a1', 'axiom', mkEq(mkApp('colour', [c('sky')]), c('"blue"'))),
      st('c', 'conjecture', mkNot(mkEq(mkApp('colour', [c('sky')]), c('"red"')))),
    ],
  },
  refutation: {
    name: 'refutation',
    statements: [st('a1', 'axiom', mkForall(['X'], P('q', v('X'))), 'fof'), st('nc', 'negated_conjecture', mkNot(P('q', c('a'))), 'cnf')],
  },
};

for (const [name, problem] of Object.entries(PROBLEMS)) {
  test(`FOL→Lean golden: ${name}`, () => {
    const file = join(FIXTURES, 'golden', `${name}.lean`);
    const got = problemToLean(problem).code;
    if (UPDATE || !existsSync(file)) {
      assert.ok(UPDATE, `golden file ${file} is missing: run with ENTAIL_UPDATE_GOLDEN=1 to create it`);
      writeFileSync(file, got);
    }
    assert.equal(got, readFileSync(file, 'utf8'));
  });
}

test('FOL→Lean: the statement is the code up to the proof; balanced brackets; deterministic', () => {
  for (const problem of Object.values(PROBLEMS)) {
    const t = problemToLean(problem);
    assert.equal(t.code, `${t.statement} := by\n  sorry\n`);
    assert.deepEqual(problemToLean(problem), t);
    for (const [open, close] of ['()', '«»'])
      assert.equal(t.code.split(open!).length, t.code.split(close!).length, `${problem.name}: ${open}${close}`);
    assert.ok(t.statement.startsWith('theorem entail_goal {U : Type} [Nonempty U]'));
  }
});

test('FOL→Lean names: distinct symbols get distinct identifiers, none captures a core name', () => {
  const t = problemToLean(PROBLEMS.tricky_names!);
  const leanNames = t.symbols.map((s) => s.lean);
  assert.equal(new Set(leanNames).size, leanNames.length);
  const byName = (kind: string, name: string, arity: number): string =>
    t.symbols.find((s) => s.kind === kind && s.name === name && s.arity === arity)!.lean;
  assert.equal(byName('predicate', 'fun', 1), '«fun»');
  assert.equal(byName('predicate', 'And', 1), 'And_');
  assert.equal(byName('predicate', 'U', 0), 'U_');
  assert.equal(byName('predicate', 'is-red', 1), '«is-red»');
  assert.equal(byName('function', 'Café', 1), '«Café»');
  assert.equal(byName('function', '"abc"', 0), '«"abc"»');
  assert.notEqual(byName('predicate', 'p', 1), byName('predicate', 'p', 2));
  assert.notEqual(byName('predicate', 'p', 1), byName('function', 'p', 1));
  // hypothesis names are unique plain identifiers
  const hyps = t.hypotheses.map((h) => h.lean);
  assert.equal(new Set(hyps).size, hyps.length);
  for (const h of hyps) assert.match(h, /^h_[A-Za-z0-9_]+$/);
  // the bound x is renamed away from the constant x (and an inner x still shadows the outer one)
  assert.match(t.code, /\(h_fun : ∀ x_1 : U, «fun» x_1 → And_ x_1\)/);
  assert.match(t.code, /∀ x_1 : U, ∃ True_ x_1 : U, x_1 = True_/);
  assert.match(t.code, /\(h_is_red__1_1 : ¬\(«"abc"» = x\)\)/);
});

test('leanIdent: bare when legal, «quoted» otherwise, mapped when even quoting is impossible', () => {
  assert.equal(leanIdent('Dog'), 'Dog');
  assert.equal(leanIdent("x'"), "x'");
  assert.equal(leanIdent('by'), '«by»');
  assert.equal(leanIdent('a.b'), '«a.b»');
  assert.equal(leanIdent('λ'), '«λ»');
  assert.equal(leanIdent('_'), '«_»');
  assert.equal(leanIdent('a»b'), 'a_b');
  assert.equal(leanIdent(''), 'x_');
});
