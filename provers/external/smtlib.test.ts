import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkAtom, mkForall, mkImp } from '../logic/formula.js';
import { mkConst, mkVar } from '../logic/term.js';
import type { Problem } from '../logic/problem.js';
import { problemToSmt2 } from './smtlib.js';
import { runExternal, which } from './index.js';

// One predicate name used at two arities, as LLM translations often produce.
const X = mkVar('X');
const a = mkConst('a');
const b = mkConst('b');
const overloaded: Problem = {
  name: 'two_arities',
  statements: [
    { name: 'a1', role: 'axiom', language: 'fof', formula: mkForall(['X'], mkImp(mkAtom('likes', [X]), mkAtom('likes', [X, b]))) },
    { name: 'a2', role: 'axiom', language: 'fof', formula: mkAtom('likes', [a]) },
    { name: 'g', role: 'conjecture', language: 'fof', formula: mkAtom('likes', [a, b]) },
  ],
};

test('a predicate used at two arities is declared once per arity', () => {
  const { text } = problemToSmt2(overloaded);
  assert.match(text, /\(declare-fun \|p\.likes\.1\| \(U\) Bool\)/);
  assert.match(text, /\(declare-fun \|p\.likes\.2\| \(U U\) Bool\)/);
  assert.equal(text.match(/declare-fun \|p\.likes\./g)?.length, 2);
});

test('z3 accepts the overloaded script and proves it', { skip: !which('z3') && 'z3 not installed' }, async () => {
  const r = await runExternal('z3', { kind: 'problem', problem: overloaded }, { timeoutMs: 5000 });
  assert.equal(r.status, 'Theorem', r.message);
});
