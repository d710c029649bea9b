import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dialect, Problem } from '../problem.js';
import type { Formula } from '../formula.js';
import { formulaEquals, mkAtom, mkNot, mkEq, mkForall, mkImp } from '../formula.js';
import { mkConst, mkVar, mkApp } from '../term.js';
import { mkLit } from '../clause.js';
import type { Result } from '../source.js';
import type { IncludeResolver } from './index.js';
import { parseFormula, parseProblem, printFormula, printProblem, printClause, printTerm, detectDialect, MAX_DEPTH } from './index.js';

function varsOf(g: Formula): readonly string[] {
  return g.kind === 'forall' || g.kind === 'exists' ? g.vars : assert.fail(`not a quantifier: ${g.kind}`);
}
function argsOf(g: Formula): readonly Formula[] {
  return g.kind === 'and' || g.kind === 'or' ? g.args : assert.fail(`not and/or: ${g.kind}`);
}
function f(text: string, d: Dialect): Formula {
  const r = parseFormula(text, d);
  if (!r.ok) assert.fail(`${d}: ${text.slice(0, 80)}: ${r.error.message}\n${r.error.excerpt}`);
  return r.value;
}
function p(text: string, opts: Parameters<typeof parseProblem>[1] = {}): Problem {
  const r = parseProblem(text, opts);
  if (!r.ok) assert.fail(`${r.error.message}\n${r.error.excerpt}`);
  return r.value;
}
function fails(r: Result<unknown>, line: number, col: number, message: RegExp): void {
  assert.equal(r.ok, false, 'expected a parse error');
  if (r.ok) return;
  assert.equal(`${r.error.line}:${r.error.col}`, `${line}:${col}`, r.error.message);
  assert.match(r.error.message, message);
  assert.match(r.error.excerpt, /\^$/);
}
const a = mkAtom('a');
const b = mkAtom('b');
const c = mkAtom('c');

test('TPTP: connectives, quantifiers, terms', () => {
  const g = f('! [X, Y] : (p(X) => ? [Z] : q(Y, Z, \'a b\', "d o", 12, -1.5e3))', 'tptp');
  assert.equal(g.kind, 'forall');
  assert.deepEqual(varsOf(g), ['X', 'Y']);
  assert.ok(formulaEquals(f('a <= b', 'tptp'), mkImp(b, a)));
  assert.ok(formulaEquals(f('a ~| b', 'tptp'), mkNot({ kind: 'or', args: [a, b] })));
  assert.ok(formulaEquals(f('a ~& b', 'tptp'), mkNot({ kind: 'and', args: [a, b] })));
  assert.equal(f('a <~> b', 'tptp').kind, 'xor');
  assert.equal(f('a <=> b', 'tptp').kind, 'iff');
  assert.ok(formulaEquals(f('X != f(a)', 'tptp'), mkNot(mkEq(mkVar('X'), mkApp('f', [mkConst('a')])))));
  assert.deepEqual(f('$true & $false', 'tptp'), { kind: 'and', args: [{ kind: 'true' }, { kind: 'false' }] });
  // 'abc' and abc are the same symbol; distinct objects keep their quotes.
  assert.ok(formulaEquals(f("'p'('a')", 'tptp'), mkAtom('p', [mkConst('a')])));
  assert.ok(formulaEquals(f('p("a")', 'tptp'), mkAtom('p', [mkConst('"a"')])));
});

test('n-ary chains are one node; parenthesized groups stay nested', () => {
  const g = f('a & b & c', 'tptp');
  assert.equal(g.kind, 'and');
  assert.equal(argsOf(g).length, 3);
  const h = f('(a & b) & c', 'tptp');
  assert.equal(argsOf(h).length, 2);
  assert.equal(argsOf(h)[0]!.kind, 'and');
  assert.equal(printFormula(h, 'tptp'), '(a & b) & c');
  assert.equal(printFormula(g, 'entail'), 'a ∧ b ∧ c');
});

test('TPTP errors say what was expected, with position', () => {
  fails(parseFormula('(a & b', 'tptp'), 1, 7, /expected '\)' or a connective but found end of input/);
  fails(parseFormula('a & b | c', 'tptp'), 1, 7, /cannot mix '&' \(at column 3\) and '\|' without parentheses/);
  fails(parseFormula('a => b => c', 'tptp'), 1, 8, /'=>' is not associative/);
  fails(parseFormula('p(a b)', 'tptp'), 1, 5, /expected ',' or '\)' but found 'b'/);
  fails(parseFormula('! [x] : p(x)', 'tptp'), 1, 4, /expected a variable \(upper-case word\)/);
  fails(parseFormula('X', 'tptp'), 1, 1, /expected '=' or '!=' after variable 'X'/);
  fails(parseFormula('p & #', 'tptp'), 1, 5, /unexpected character '#'/);
  fails(
    parseProblem('fof(a, axiom, p).\nfof(b, axiom, p & ).\n', { dialect: 'tptp', file: 'x.p' }),
    2,
    19,
    /expected a formula but found '\)'/,
  );
  const r = parseProblem('fof(a, axiom, p', { dialect: 'tptp', file: 'dir/x.p' });
  assert.ok(!r.ok && r.error.file === 'dir/x.p');
});

test('TPTP problems: roles, annotations, comments, header fields, tff', () => {
  const text = [
    '%------',
    '% File     : SYN999+1 : TPTP v9.0.0.',
    '% Status   : CounterSatisfiable',
    '% Rating   : 0.33 v7.5.0, 0.50 v7.0.0',
    '/* a block',
    '   comment */',
    "fof(ax_1, axiom, p(a), file('x.ax', [a(b), c]), [useful]).",
    'tff(t, type, sort: $tType).',
    'tff(f_type, type, f: ( $i * sort ) > $o ).',
    "thf(g_type, type, g: $i > ($i > $o), [a ']' in a quote]).",
    'cnf(c1, negated_conjecture, ~p(X) | q(X)).',
    "fof('goal one', conjecture, q(a)). % trailing",
    'fof(h, hypothesis, r).',
    'fof(odd, fi_predicates, r).',
  ].join('\n');
  const pr = p(text, { file: '/tmp/whatever.p' });
  assert.equal(pr.name, 'SYN999+1');
  assert.equal(pr.expected, 'CounterSatisfiable');
  assert.equal(pr.rating, 0.33);
  assert.equal(pr.dialect, 'tptp');
  assert.deepEqual(
    pr.statements.map((s) => [s.name, s.role, s.language]),
    [
      ['ax_1', 'axiom', 'fof'],
      ['c1', 'negated_conjecture', 'cnf'],
      ['goal one', 'conjecture', 'fof'],
      ['h', 'hypothesis', 'fof'],
      ['odd', 'unknown', 'fof'],
    ],
  );
  assert.equal(pr.statements[0]!.annotation, "file('x.ax', [a(b), c]), [useful]");
  assert.deepEqual(pr.statements[1]!.pos, { file: '/tmp/whatever.p', line: 11, col: 1 });
  assert.equal(p('fof(a, axiom, p).', { file: 'dir/NAME.p' }).name, 'NAME');
  fails(parseProblem('tff(x, axiom, ![X: $i] : p(X)).', { dialect: 'tptp' }), 1, 1, /tff formulas are not supported/);
});

test('TPTP include: resolver, selection, cycles, missing files', () => {
  const files: Record<string, string> = {
    '/lib/A.ax': "fof(a1, axiom, p(a)).\nfof(a2, axiom, q(a)).\ninclude('B.ax').\n",
    '/lib/B.ax': 'fof(b1, axiom, r(a)).\n',
    '/lib/C.ax': "include('D.ax').\n",
    '/lib/D.ax': "include('C.ax').\n",
    '/lib/E.ax': 'fof(e1, axiom, r(a) & ).\n',
  };
  const resolve: IncludeResolver = (path) => {
    const file = '/lib/' + path;
    return Object.prototype.hasOwnProperty.call(files, file)
      ? { ok: true, value: { text: files[file]!, file } }
      : { ok: false, error: 'no such file' };
  };
  const all = p("include('A.ax').\nfof(g, conjecture, p(a)).", { dialect: 'tptp', includes: resolve, file: '/lib/main.p' });
  assert.deepEqual(
    all.statements.map((s) => s.name),
    ['a1', 'a2', 'b1', 'g'],
  );
  assert.equal(all.statements[2]!.pos?.file, '/lib/B.ax');
  const sel = p("include('A.ax', [a2]).", { dialect: 'tptp', includes: resolve });
  assert.deepEqual(
    sel.statements.map((s) => s.name),
    ['a2'],
  );
  fails(
    parseProblem("include('A.ax', [zz]).", { dialect: 'tptp', includes: resolve }),
    1,
    18,
    /selects 'zz' but that file has no such formula/,
  );
  // The cycle closes inside D.ax, an included file: positioned there, with no excerpt of it.
  const cyc = parseProblem("include('C.ax').", { dialect: 'tptp', includes: resolve, file: '/lib/main.p' });
  assert.ok(!cyc.ok);
  if (!cyc.ok) {
    assert.deepEqual([cyc.error.file, cyc.error.line, cyc.error.col, cyc.error.excerpt], ['/lib/D.ax', 1, 9, '']);
    assert.match(cyc.error.message, /include cycle: .*C\.ax → \/lib\/D\.ax → \/lib\/C\.ax/);
  }
  fails(parseProblem("\ninclude('nope.ax').", { dialect: 'tptp', includes: resolve }), 2, 9, /cannot include 'nope.ax': no such file/);
  fails(parseProblem("include('A.ax').", { dialect: 'tptp' }), 1, 1, /needs an include resolver/);
  // An error inside an included file is reported in that file.
  const r = parseProblem("include('E.ax').", { dialect: 'tptp', includes: resolve });
  assert.ok(!r.ok && r.error.file === '/lib/E.ax' && r.error.line === 1 && r.error.col === 23);
});

test('LADR: lists, goals, u–z variables, labels, directives', () => {
  const text = [
    '% a comment',
    'set(auto).',
    'assign(max_seconds, 10).',
    'formulas(assumptions).',
    'all x (man(x) -> mortal(x)) # label(mortality).',
    'man(socrates).',
    'p(x) | -q(y, b) | x != b.',
    'end_of_list.',
    'clauses(sos).',
    '-p(u) | r(u, c).',
    'end_of_list.',
    'formulas(goals).',
    'exists x mortal(x).',
    'end_of_list.',
  ].join('\n');
  const pr = p(text);
  assert.equal(pr.dialect, 'ladr');
  assert.deepEqual(
    pr.statements.map((s) => [s.name, s.role, s.language]),
    [
      ['mortality', 'axiom', 'fof'],
      ['assumptions_2', 'axiom', 'fof'],
      ['assumptions_3', 'axiom', 'fof'],
      ['sos_1', 'axiom', 'cnf'],
      ['goals_1', 'conjecture', 'fof'],
    ],
  );
  // Free u–z names are variables (closed in formulas lists, free in clauses lists); others are constants.
  assert.deepEqual(varsOf(pr.statements[2]!.formula), ['x', 'y']);
  assert.equal(pr.statements[3]!.formula.kind, 'or');
  assert.deepEqual(pr.comments, ['ignored directive: set(auto).', 'ignored directive: assign(max_seconds, 10).']);
  assert.ok(formulaEquals(f('a & b | c', 'ladr'), { kind: 'or', args: [{ kind: 'and', args: [a, b] }, c] }));
  assert.ok(formulaEquals(f('a <- b', 'ladr'), mkImp(b, a)));
  fails(parseProblem('formulas(assumptions).\np(a)\n', { dialect: 'ladr' }), 3, 1, /expected '\.' ending the formula/);
  fails(parseProblem('formulas(assumptions).\np(a).\n', { dialect: 'ladr' }), 3, 1, /expected 'end_of_list\.'/);
  fails(parseFormula('a -> b -> c', 'ladr'), 1, 8, /'->' is not associative/);
  // set(prolog_style_variables) switches free variables to upper-case names.
  const pv = p('set(prolog_style_variables).\nformulas(sos).\np(X) | q(x).\nend_of_list.\n', { dialect: 'ladr' });
  assert.deepEqual(varsOf(pv.statements[0]!.formula), ['X']);
  assert.deepEqual(pv.comments, []);
});

test('NLTK as LINC writes it', () => {
  const g = f('all x. (Dog(x) -> Animal(x))', 'nltk');
  assert.ok(formulaEquals(g, mkForall(['x'], mkImp(mkAtom('Dog', [mkVar('x')]), mkAtom('Animal', [mkVar('x')])))));
  const h = f('exists x y. (Rank(x, Beijing) & -Q(y, 8pm, "Walden", People\'sRepublic))', 'nltk');
  assert.deepEqual(varsOf(h), ['x', 'y']);
  assert.ok(
    formulaEquals(f('-Teach(Jerry) & -Manager(Jerry)', 'nltk'), {
      kind: 'and',
      args: [mkNot(mkAtom('Teach', [mkConst('Jerry')])), mkNot(mkAtom('Manager', [mkConst('Jerry')]))],
    }),
  );
  assert.ok(formulaEquals(f('all x. all y. (x != y)', 'nltk'), mkForall(['x'], mkForall(['y'], mkNot(mkEq(mkVar('x'), mkVar('y')))))));
  assert.ok(formulaEquals(f('\t- InTop10List(Zelda)', 'nltk'), mkNot(mkAtom('InTop10List', [mkConst('Zelda')]))));
  // & binds tighter than | than -> than <->.
  assert.ok(
    formulaEquals(f('a & b | c -> a <-> b', 'nltk'), {
      kind: 'iff',
      left: mkImp({ kind: 'or', args: [{ kind: 'and', args: [a, b] }, c] }, a),
      right: b,
    }),
  );
  fails(parseFormula('a -> b -> c', 'nltk'), 1, 8, /'->' is not associative.*NLTK groups/);
  fails(parseFormula('Reads(Harry, "Walden" by Henry)', 'nltk'), 1, 23, /expected ',' or '\)' but found 'by'/);
  fails(parseFormula('all x. P(x) -> Q(x)', 'nltk'), 1, 18, /'x' is used outside the scope of its quantifier \(column 1\)/);
  fails(parseFormula('Equal(Rent(OliveGarden), 2000$)', 'nltk'), 1, 30, /expected a word after '\$'/);
  // The caret line keeps the source's tabs so it lines up.
  const tab = parseFormula('\tP(a) Q', 'nltk');
  assert.ok(!tab.ok && tab.error.excerpt === '\tP(a) Q\n\t     ^' && tab.error.col === 7);
});

test('NLTK and FOLIO problem files: one formula per line, last is the conjecture', () => {
  const pr = p(
    'TEXT:\tAll dogs are animals.\nFOL:\tall x. (Dog(x) -> Animal(x))\nTEXT:\tRex is a dog.\nFOL:\tDog(Rex)\n\nFOL:\tAnimal(Rex)\n',
  );
  assert.equal(pr.dialect, 'nltk');
  assert.deepEqual(
    pr.statements.map((s) => [s.name, s.role, s.annotation]),
    [
      ['p1', 'axiom', 'All dogs are animals.'],
      ['p2', 'axiom', 'Rex is a dog.'],
      ['goal', 'conjecture', undefined],
    ],
  );
  fails(
    parseProblem('FOL:\tDog(Rex)\nFOL:\tDog(Rex) Cat\n', { dialect: 'nltk' }),
    2,
    15,
    /expected a connective or the end of the formula but found 'Cat'/,
  );
  // Columns in messages refer to the file line, not to the formula after 'FOL:'.
  fails(parseProblem('FOL:\tall x. P(x) -> Q(x)\n', { dialect: 'nltk' }), 1, 23, /quantifier \(column 6\)/);
  // Logic-LM's sectioned format with ::: comments.
  const lm = p(
    'Predicates:\nDog(x) ::: x is a dog.\nPremises:\n∀x (Dog(x) → Animal(x)) ::: Dogs are animals.\nDog(rex) ::: Rex is a dog.\nConclusion:\nAnimal(rex) ::: Rex is an animal.\n',
    { dialect: 'folio' },
  );
  assert.deepEqual(
    lm.statements.map((s) => [s.name, s.role, s.annotation]),
    [
      ['p1', 'axiom', 'Dogs are animals.'],
      ['p2', 'axiom', 'Rex is a dog.'],
      ['goal', 'conjecture', 'Rex is an animal.'],
    ],
  );
});

test('FOLIO: precedence, quantifier scope and the leniencies the data needs', () => {
  // ¬ tightest, then ∧, ∨, ⊕, →, ↔.
  assert.ok(formulaEquals(f('¬A ∧ B ∨ C ⊕ D → E', 'folio'), f('((((¬A) ∧ B) ∨ C) ⊕ D) → E', 'folio')));
  assert.ok(formulaEquals(f('a → b → c', 'folio'), mkImp(a, mkImp(b, c))));
  assert.ok(formulaEquals(f('(A ∧ B) ∨ ¬C ∧ ¬D', 'folio'), f('(A ∧ B) ∨ (¬C ∧ ¬D)', 'folio')));
  // Adjacent quantifiers, no space, odd spacing, ⟷, apostrophes and decimals in names.
  assert.ok(formulaEquals(f('∀x∃y (P(x) → Q(y))', 'folio'), f('∀x ∃y (P(x) → Q(y))', 'folio')));
  assert.ok(formulaEquals(f(' ∀x  (Mammal (x)→  Animal (x)) ', 'folio'), f('∀x (Mammal(x) → Animal(x))', 'folio')));
  assert.equal(f('A(x1) ⟷ B(x1)', 'folio').kind, 'iff');
  assert.ok(formulaEquals(f('Companies’Stocks(kO)', 'folio'), mkAtom('Companies’Stocks', [mkConst('kO')])));
  assert.ok(formulaEquals(f('Library(l-2021)', 'folio'), mkAtom('Library', [mkConst('l-2021')])));
  assert.ok(formulaEquals(f('ValuedAt(yale, y42.3billion)', 'folio'), mkAtom('ValuedAt', [mkConst('yale'), mkConst('y42.3billion')])));
  // Quantifier scope: a parenthesized group right after the variable, else everything to the right.
  assert.ok(formulaEquals(f('∀x Dog(x) → Animal(x)', 'folio'), f('∀x (Dog(x) → Animal(x))', 'folio')));
  assert.ok(formulaEquals(f('∀x (Dog(x)) ∧ a', 'folio'), { kind: 'and', args: [f('∀x Dog(x)', 'folio'), a] }));
  assert.ok(formulaEquals(f('∀x ∃y (R(x, y)) ∧ a', 'folio'), f('∀x ((∃y R(x, y)) ∧ a)', 'folio')));
  fails(parseFormula('∀x (Dog(x)) → Animal(x)', 'folio'), 1, 22, /'x' is used outside the scope of its quantifier \(column 1\)/);
  const nested = { kind: 'iff', left: f('∃x ∀y (P(x) ↔ P(y))', 'folio'), right: a } as const;
  assert.equal(printFormula(nested, 'folio'), '(∃x ∀y (P(x) ↔ P(y))) ↔ a');
  assert.equal(printFormula(nested, 'entail'), '(∃x. ∀y. (P(x) ↔ P(y))) ↔ a');
  assert.equal(printFormula({ kind: 'and', args: [f('∀x (P(x) ∨ a)', 'folio'), a] }, 'folio'), '∀x (P(x) ∨ a) ∧ a');
  // Lower-case free names are constants; quantified names are variables.
  assert.ok(formulaEquals(f('∀x Love(x, jane)', 'folio'), mkForall(['x'], mkAtom('Love', [mkVar('x'), mkConst('jane')]))));
  fails(parseFormula('(A(b) ∧ B(b)) ∨ ¬A(b) ∧ ¬B(b))', 'folio'), 1, 30, /expected a connective or the end of the formula but found '\)'/);
  fails(parseFormula('∀x ∀y (M(x), N(x, y) → G(y))', 'folio'), 1, 12, /expected '\)' or a connective but found ','/);
});

test('Entail syntax: statements, comments, ASCII alternatives', () => {
  const pr = p(
    "% problem demo\n% status Theorem\naxiom a1: ∀x. (P(x) → Q(x)).\n// comment\nhypothesis: forall x y. (R(x, y) -> R(y, x)).\nconjecture 'the goal': Q(a) ∧ ¬R(a, b) | a ≠ b.\n",
  );
  assert.equal(pr.dialect, 'entail');
  assert.equal(pr.name, 'demo');
  assert.equal(pr.expected, 'Theorem');
  assert.deepEqual(
    pr.statements.map((s) => [s.name, s.role]),
    [
      ['a1', 'axiom'],
      ['hypothesis_1', 'hypothesis'],
      ['the goal', 'conjecture'],
    ],
  );
  assert.ok(formulaEquals(f('a & b -> c <-> a <~> b', 'entail'), f('((a ∧ b) → c) ↔ (a ⊕ b)', 'entail')));
  // Spellings of one connective chain together.
  assert.equal(argsOf(f('a ∧ b & c', 'entail')).length, 3);
  fails(parseProblem('axiom a1: P(a)\naxiom a2: P(b).', { dialect: 'entail' }), 2, 1, /expected '\.' ending the statement/);
  fails(parseProblem('lemma\n', { dialect: 'entail' }), 2, 1, /expected a statement name or ':'/);
  fails(parseProblem('axoim a: P.', { dialect: 'entail' }), 1, 1, /expected a statement such as 'axiom name: formula\.'/);
});

test('deep input gives a positioned error, never a stack overflow', () => {
  const n = 100_000;
  for (const d of ['tptp', 'ladr', 'nltk', 'folio', 'entail'] as const) {
    const neg = d === 'tptp' ? '~' : d === 'ladr' || d === 'nltk' ? '-' : '¬';
    fails(parseFormula('('.repeat(n) + 'p' + ')'.repeat(n), d), 1, MAX_DEPTH + 1, new RegExp(`nesting deeper than ${MAX_DEPTH}`));
    fails(parseFormula(neg.repeat(n) + 'p', d), 1, MAX_DEPTH + 1, /nesting deeper than/);
    fails(parseFormula('p(' + 'f('.repeat(n) + 'a' + ')'.repeat(n + 1), d), 1, 2 * MAX_DEPTH, /nesting deeper than/);
  }
  fails(parseFormula('P' + ' → P'.repeat(n), 'folio'), 1, 4 * MAX_DEPTH + 3, /operator chain nested deeper than/);
  // Long flat chains are fine (one n-ary node).
  const wide = f('p' + ' & p'.repeat(n), 'tptp');
  assert.equal(argsOf(wide).length, n + 1);
  // The deepest accepted formula prints and round-trips.
  const depth = MAX_DEPTH - 3;
  for (const d of ['tptp', 'ladr', 'nltk', 'folio', 'entail'] as const) {
    const neg = d === 'tptp' ? '~' : d === 'ladr' || d === 'nltk' ? '-' : '¬';
    const and = d === 'folio' ? ' ∧ ' : ' & ';
    const g = f(neg.repeat(depth) + '(p(a)' + and + neg + 'q)', d);
    assert.ok(formulaEquals(f(printFormula(g, d), d), g));
  }
});

test('printers: minimal parentheses, names, variables, clauses', () => {
  const g = f('(a => b) => (c => a)', 'tptp');
  assert.equal(printFormula(g, 'tptp'), '(a => b) => (c => a)');
  assert.equal(printFormula(g, 'folio'), '(a → b) → c → a');
  assert.equal(printFormula(f('~(a & b) | ~c', 'tptp'), 'tptp'), '~(a & b) | ~c');
  assert.equal(printFormula(f('(a | b) & c', 'tptp'), 'ladr'), '(a | b) & c');
  assert.equal(printFormula(f('(a & b) | c', 'tptp'), 'ladr'), 'a & b | c');
  // Variables the dialect cannot write are renamed consistently; names are quoted.
  const k = mkForall(['x', 'X'], mkAtom('Pred', [mkVar('x'), mkVar('X'), mkConst('Rose'), mkConst('a b')]));
  assert.equal(printFormula(k, 'tptp'), "! [X_1,X] : 'Pred'(X_1,X,'Rose','a b')");
  assert.equal(printFormula(k, 'ladr'), 'all x all x_1 Pred(x,x_1,Rose,"a b")');
  assert.equal(printFormula(k, 'nltk'), 'all x X. Pred(x, X, Rose, a_b)');
  assert.equal(printFormula(k, 'entail'), "∀x X. Pred(x, X, Rose, 'a b')");
  assert.equal(printFormula(mkAtom('p', [mkConst('vincent')]), 'ladr'), 'p("vincent")');
  assert.ok(formulaEquals(f(printFormula(mkAtom('p', [mkConst('vincent')]), 'ladr'), 'ladr'), mkAtom('p', [mkConst('vincent')])));
  assert.equal(printFormula(f('a <~> b', 'tptp'), 'nltk'), '-(a <-> b)');
  assert.equal(printTerm(mkApp('f', [mkVar('x'), mkConst('"s"')]), 'tptp'), 'f(X,"s")');
  const cl = { literals: [mkLit(true, 'p', [mkVar('X')]), mkLit(false, '=', [mkVar('X'), mkConst('a')])] };
  assert.equal(printClause(cl, 'tptp'), 'p(X) | X != a');
  assert.equal(printClause(cl, 'entail'), 'p(X) ∨ X ≠ a');
  assert.equal(printClause({ literals: [] }, 'tptp'), '$false');
  assert.equal(printFormula(mkNot(mkAtom('=', [mkConst('a'), mkConst('b')])), 'folio'), 'a ≠ b');
});

test('printProblem → parseProblem keeps statements, roles and names where the dialect has them', () => {
  const src = p(
    "% File : DEMO\n% Status : Theorem\nfof(ax, axiom, ! [X] : (p(X) => q(X))).\ncnf(c, axiom, ~p(Y) | r(Y)).\nfof('my goal', conjecture, ? [X] : q(X)).\n",
  );
  for (const d of ['tptp', 'entail', 'ladr', 'nltk', 'folio'] as const) {
    const back = p(printProblem(src, d), { dialect: d });
    assert.equal(back.statements.length, 3, d);
    assert.deepEqual(
      back.statements.map((s) => s.role === 'conjecture'),
      [false, false, true],
      d,
    );
    if (d === 'tptp' || d === 'entail') {
      assert.deepEqual(
        back.statements.map((s) => s.name),
        ['ax', 'c', 'my goal'],
      );
      assert.equal(back.expected, 'Theorem');
      assert.equal(back.name, 'DEMO');
    }
    if (d === 'tptp') for (let i = 0; i < 3; i++) assert.ok(formulaEquals(back.statements[i]!.formula, src.statements[i]!.formula));
  }
});

test('detectDialect: by extension, then by content', () => {
  assert.equal(detectDialect('', 'x/SYN001+1.p'), 'tptp');
  assert.equal(detectDialect('', 'a.ax'), 'tptp');
  assert.equal(detectDialect('', 'a.in'), 'ladr');
  assert.equal(detectDialect('', 'a.fol'), 'entail');
  assert.equal(detectDialect('', 'a.nltk'), 'nltk');
  assert.equal(detectDialect('% c\nfof(a, axiom, p).'), 'tptp');
  assert.equal(detectDialect('formulas(assumptions).\np.\nend_of_list.'), 'ladr');
  assert.equal(detectDialect('axiom a1: ∀x. P(x).'), 'entail');
  assert.equal(detectDialect('TEXT:\tx\nFOL:\tP(a)'), 'nltk');
  assert.equal(detectDialect('∀x (P(x) → Q(x))\nP(a)'), 'folio');
  assert.equal(detectDialect('all x. (P(x) -> Q(x))\nP(A)'), 'nltk');
  assert.equal(detectDialect('fof(a, axiom, p).', 'notes.txt'), 'tptp');
});
