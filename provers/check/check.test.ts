import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Term } from '../logic/term.js';
import { mkApp, mkVar } from '../logic/term.js';
import type { Clause, Literal } from '../logic/clause.js';
import { mkLit } from '../logic/clause.js';
import type { Formula } from '../logic/formula.js';
import { mkAtom, mkForall, mkImp, mkNot, mkOr, mkAnd, mkExists, mkIff } from '../logic/formula.js';
import type { Proof, ProofStep, Rule, ParentRef } from '../logic/proof.js';
import type { Problem } from '../logic/problem.js';
import { checkProof, formatCheckReport } from './index.js';
import { equivalent, clauseOfCnf } from './fol.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CORPORA, sharedAvailable } from '../../testing/corpora.js';
import { parseProblem } from '../logic/syntax/index.js';
import { clausify } from '../logic/cnf.js';
import { saturate } from '../saturation/index.js';
import fc from 'fast-check';
import { GroundTerms, groundSat } from './ground.js';
import { findModel } from '../models/index.js';

// Tiny term syntax for tests: uppercase-initial names are variables, f(x,y) applications.
function t(s: string): Term {
  const m = /^([A-Za-z0-9_]+)(?:\((.*)\))?$/.exec(s.trim())!;
  const name = m[1]!;
  if (m[2] === undefined) return /^[A-Z]/.test(name) ? mkVar(name) : mkApp(name);
  const args: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of m[2]) {
    if (ch === ',' && depth === 0) {
      args.push(cur);
      cur = '';
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    cur += ch;
  }
  args.push(cur);
  return mkApp(name, args.map(t));
}
/** "p(a)", "~p(X)", "f(a)=b", "X!=Y" */
function l(s: string): Literal {
  const neg = s.startsWith('~');
  const body = neg ? s.slice(1) : s;
  const ne = body.split('!=');
  if (ne.length === 2) return mkLit(false, '=', [t(ne[0]!), t(ne[1]!)]);
  const eq = body.split('=');
  if (eq.length === 2) return mkLit(!neg, '=', [t(eq[0]!), t(eq[1]!)]);
  const a = t(body) as { fn: string; args: readonly Term[] };
  return mkLit(!neg, a.fn, a.args);
}
const cl = (...ls: string[]): Clause => ({ literals: ls.map(l) });
const subst = (m: Record<string, string>): Record<string, Term> => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, t(v)]));

function step(id: string, rule: Rule, parents: (string | ParentRef)[], c: Clause | Formula, name?: string): ProofStep {
  return {
    id,
    rule,
    parents: parents.map((p) => (typeof p === 'string' ? { id: p } : p)),
    conclusion: 'literals' in c ? { kind: 'clause', clause: c } : { kind: 'formula', formula: c },
    ...(name ? { source: { name } } : {}),
  };
}

// p(a). ∀X (p(X) → q(X)). Negated goal ¬q(a).
const base: ProofStep[] = [
  step('c1', 'input', [], cl('p(a)'), 'a1'),
  step('c2', 'input', [], cl('~p(X)', 'q(X)'), 'a2'),
  step('c3', 'input', [], cl('~q(a)'), 'goal'),
  step('c4', 'resolution', [{ id: 'c1' }, { id: 'c2', subst: subst({ X: 'a' }) }], cl('q(a)')),
  step('c5', 'resolution', ['c4', 'c3'], cl()),
];
const good: Proof = { steps: base, root: 'c5' };

function replace(p: Proof, id: string, f: (s: ProofStep) => ProofStep): Proof {
  return { ...p, steps: p.steps.map((s) => (s.id === id ? f(s) : s)) };
}

test('accepts a correct resolution refutation', () => {
  const r = checkProof(good);
  assert.equal(r.ok, true, formatCheckReport(r));
  assert.equal(r.checked, 2);
  // Inputs are trusted without the problem, and listed by id.
  assert.deepEqual(
    r.trusted.map((x) => x.id),
    ['c1', 'c2', 'c3'],
  );
});

test('rejects a wrong substitution', () => {
  const bad = replace(good, 'c4', (s) => ({ ...s, parents: [{ id: 'c1' }, { id: 'c2', subst: subst({ X: 'b' }) }] }));
  const r = checkProof(bad);
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.failures.map((f) => f.id),
    ['c4'],
  );
});

test('rejects a missing substitution (variables are frozen, not unified)', () => {
  const bad = replace(good, 'c4', (s) => ({ ...s, parents: [{ id: 'c1' }, { id: 'c2' }] }));
  assert.equal(checkProof(bad).ok, false);
});

test('rejects a wrong parent', () => {
  const bad = replace(good, 'c5', (s) => ({ ...s, parents: [{ id: 'c4' }, { id: 'c1' }] }));
  const r = checkProof(bad);
  assert.deepEqual(
    r.failures.map((f) => f.id),
    ['c5'],
  );
});

test('rejects a wrong conclusion and a dropped literal', () => {
  const wrong = replace(good, 'c4', (s) => ({ ...s, conclusion: { kind: 'clause', clause: cl('q(b)') } }));
  assert.equal(checkProof(wrong).ok, false);
  // Resolving ¬p(X) ∨ q(X) ∨ r(X) with p(a) must keep r(a).
  const steps = [
    step('a', 'input', [], cl('p(a)'), 'a'),
    step('b', 'input', [], cl('~p(X)', 'q(X)', 'r(X)'), 'b'),
    step('c', 'resolution', ['a', { id: 'b', subst: subst({ X: 'a' }) }], cl('q(a)', 'r(a)')),
  ];
  assert.equal(checkProof({ steps, root: 'c' }, { requireRefutation: false }).ok, true);
  const dropped = [...steps.slice(0, 2), step('c', 'resolution', ['a', { id: 'b', subst: subst({ X: 'a' }) }], cl('q(a)'))];
  const r = checkProof({ steps: dropped, root: 'c' }, { requireRefutation: false });
  assert.equal(r.ok, false);
  assert.match(r.failures[0]!.reason, /does not follow/);
});

test('checks DAG shape: order, missing parents, duplicates, root, parent counts', () => {
  const forward: Proof = { steps: [base[0]!, base[1]!, base[2]!, base[4]!, base[3]!], root: 'c5' };
  assert.match(checkProof(forward).failures[0]!.reason, /not defined earlier/);
  const dup: Proof = { steps: [...base, base[0]!], root: 'c5' };
  assert.match(checkProof(dup).failures[0]!.reason, /duplicate/);
  assert.match(checkProof({ steps: base, root: 'c4' }).failures[0]!.reason, /empty clause/);
  assert.match(checkProof({ steps: base, root: 'nope' }).failures[0]!.reason, /root/);
  const oneParent = replace(good, 'c5', (s) => ({ ...s, parents: [{ id: 'c4' }] }));
  assert.match(checkProof(oneParent).failures[0]!.reason, /needs 2 parents/);
  const selfLoop = replace(good, 'c4', (s) => ({ ...s, parents: [{ id: 'c4' }, { id: 'c2' }] }));
  assert.equal(checkProof(selfLoop).ok, false);
});

test('equality: superposition, demodulation and equality resolution', () => {
  const steps = [
    step('e1', 'input', [], cl('f(X)=g(X)'), 'e1'),
    step('e2', 'input', [], cl('p(f(a))'), 'e2'),
    step('e3', 'input', [], cl('~p(g(a))'), 'e3'),
    step('e4', 'superposition', [{ id: 'e1', subst: subst({ X: 'a' }) }, { id: 'e2' }], cl('p(g(a))')),
    step('e5', 'resolution', ['e4', 'e3'], cl()),
  ];
  const r = checkProof({ steps, root: 'e5' });
  assert.equal(r.ok, true, formatCheckReport(r));
  assert.equal(r.checked, 2);
  // Congruence through nested terms: h(f(a)) rewritten by f(a)=g(a) to h(g(a)).
  const demod = [
    step('d1', 'input', [], cl('q(h(f(Y)))', 'r(Y)'), 'd1'),
    step('d2', 'input', [], cl('f(X)=g(X)'), 'd2'),
    step('d3', 'demodulation', ['d1', { id: 'd2', subst: subst({ X: 'Y' }) }], cl('q(h(g(Y)))', 'r(Y)')),
  ];
  assert.equal(checkProof({ steps: demod, root: 'd3' }, { requireRefutation: false }).ok, true);
  const badDemod = [...demod.slice(0, 2), step('d3', 'demodulation', ['d1', 'd2'], cl('q(h(g(Y)))', 'r(Y)'))];
  // Without the substitution X stays a different frozen constant from Y.
  assert.equal(checkProof({ steps: badDemod, root: 'd3' }, { requireRefutation: false }).ok, false);
  const er = [
    step('r1', 'input', [], cl('X!=a', 'p(X)'), 'r1'),
    step('r2', 'equality_resolution', [{ id: 'r1', subst: subst({ X: 'a' }) }], cl('p(a)')),
  ];
  assert.equal(checkProof({ steps: er, root: 'r2' }, { requireRefutation: false }).ok, true);
  const ef = [
    step('f1', 'input', [], cl('X=a', 'X=b'), 'f1'),
    step('f2', 'equality_factoring', [{ id: 'f1', subst: subst({ X: 'c' }) }], cl('a!=b', 'c=b')),
  ];
  assert.equal(checkProof({ steps: ef, root: 'f2' }, { requireRefutation: false }).ok, true);
});

test('factoring must shrink; hyper-resolution with several parents', () => {
  const steps = [
    step('a', 'input', [], cl('p(X)', 'p(Y)'), 'a'),
    step('b', 'factoring', [{ id: 'a', subst: subst({ Y: 'X' }) }], cl('p(X)')),
  ];
  assert.equal(checkProof({ steps, root: 'b' }, { requireRefutation: false }).ok, true);
  const same = [steps[0]!, step('b', 'factoring', [{ id: 'a', subst: subst({ Y: 'X' }) }], cl('p(X)', 'p(X)'))];
  assert.match(checkProof({ steps: same, root: 'b' }, { requireRefutation: false }).failures[0]!.reason, /remove literals/);
  const hyper = [
    step('h1', 'input', [], cl('~p(X)', '~q(X)', 'r(X)'), 'h1'),
    step('h2', 'input', [], cl('p(a)'), 'h2'),
    step('h3', 'input', [], cl('q(a)'), 'h3'),
    step('h4', 'hyper_resolution', [{ id: 'h1', subst: subst({ X: 'a' }) }, 'h2', 'h3'], cl('r(a)')),
  ];
  assert.equal(checkProof({ steps: hyper, root: 'h4' }, { requireRefutation: false }).ok, true);
});

const P = (x: string): Formula => mkAtom('p', [t(x)]);
const Q = (x: string): Formula => mkAtom('q', [t(x)]);

test('preprocessing: inputs against the problem, negated conjecture, nnf, clausify, skolemize trusted', () => {
  const ax = mkForall(['X'], mkImp(P('X'), Q('X')));
  const conj = Q('a');
  const problem: Problem = {
    name: 't',
    statements: [
      { name: 'ax', role: 'axiom', language: 'fof', formula: ax },
      { name: 'pa', role: 'axiom', language: 'fof', formula: P('a') },
      { name: 'goal', role: 'conjecture', language: 'fof', formula: conj },
    ],
  };
  const steps = [
    step('i1', 'input', [], ax, 'ax'),
    step('i2', 'input', [], P('a'), 'pa'),
    step('i3', 'input', [], conj, 'goal'),
    step('n3', 'negated_conjecture', ['i3'], mkNot(conj)),
    step('f1', 'nnf', ['i1'], mkForall(['Y'], mkOr([mkNot(P('Y')), Q('Y')]))),
    step('k1', 'clausify', ['f1'], cl('~p(Z)', 'q(Z)')),
    step('k2', 'clausify', ['i2'], cl('p(a)')),
    step('k3', 'clausify', ['n3'], cl('~q(a)')),
    step('r1', 'resolution', ['k2', { id: 'k1', subst: subst({ Z: 'a' }) }], cl('q(a)')),
    step('r2', 'resolution', ['r1', 'k3'], cl()),
  ];
  const r = checkProof({ steps, root: 'r2' }, { problem });
  assert.equal(r.ok, true, formatCheckReport(r));
  assert.equal(r.trusted.length, 0);
  assert.equal(r.checked, steps.length);

  const badInput = steps.map((s) => (s.id === 'i2' ? step('i2', 'input', [], Q('a'), 'pa') : s));
  assert.ok(checkProof({ steps: badInput, root: 'r2' }, { problem }).failures.some((f) => f.id === 'i2'));
  const badNeg = steps.map((s) => (s.id === 'n3' ? step('n3', 'negated_conjecture', ['i3'], conj) : s));
  assert.ok(checkProof({ steps: badNeg, root: 'r2' }, { problem }).failures.some((f) => f.id === 'n3'));
  const badClause = steps.map((s) => (s.id === 'k1' ? step('k1', 'clausify', ['f1'], cl('p(Z)', 'q(Z)')) : s));
  assert.ok(checkProof({ steps: badClause, root: 'r2' }, { problem }).failures.some((f) => f.id === 'k1'));
  // A wrong NNF is not provably wrong under the abstraction: it is listed as trusted, not accepted.
  const badNnf = steps.map((s) => (s.id === 'f1' ? step('f1', 'nnf', ['i1'], mkForall(['Y'], mkOr([P('Y'), Q('Y')]))) : s));
  const rn = checkProof({ steps: badNnf, root: 'r2' }, { problem });
  assert.ok(rn.trusted.some((x) => x.id === 'f1'));

  const sk = [
    step('s0', 'input', [], mkExists(['X'], P('X')), 'sx'),
    step('s1', 'skolemize', ['s0'], P('sk0')),
    step('s2', 'clausify', ['s1'], cl('p(sk0)')),
  ];
  const rs = checkProof({ steps: sk, root: 's2' }, { requireRefutation: false });
  assert.deepEqual(
    rs.trusted.map((x) => `${x.id}:${x.rule}`),
    ['s0:input', 's1:skolemize'],
  );
  // Clausifying a formula that still has an ∃ is out of the decided fragment: trusted.
  const ex = [sk[0]!, step('s2', 'clausify', ['s0'], cl('p(sk0)'))];
  assert.ok(checkProof({ steps: ex, root: 's2' }, { requireRefutation: false }).trusted.some((x) => x.id === 's2'));
});

test('fol helpers: cnf, subsumption, equivalence', () => {
  const f = mkForall(['X'], mkIff(P('X'), mkAnd([Q('X'), mkAtom('r', [])])));
  // CNF: ¬p(X) ∨ q(X), ¬p(X) ∨ r, p(X) ∨ ¬q(X) ∨ ¬r.
  assert.equal(clauseOfCnf([f], cl('~p(c)', 'q(c)', 's')), true);
  assert.equal(clauseOfCnf([f], cl('p(Y)', '~r', '~q(Y)')), true);
  assert.equal(clauseOfCnf([f], cl('p(Y)', '~r', '~q(Z)')), false);
  assert.equal(clauseOfCnf([f], cl('p(c)', 'q(c)')), false);
  // Equations match either way round.
  assert.equal(
    clauseOfCnf([mkForall(['X'], mkOr([mkNot(P('X')), { kind: 'eq', left: t('f(X)'), right: t('X') }]))], cl('b=f(b)', '~p(b)')),
    true,
  );
  assert.equal(equivalent(mkImp(P('a'), Q('a')), mkOr([mkNot(P('a')), Q('a')])), true);
  assert.equal(equivalent(mkNot(mkForall(['X'], P('X'))), mkExists(['Y'], mkNot(P('Y')))), true);
  assert.equal(equivalent(mkImp(P('a'), Q('a')), mkImp(Q('a'), P('a'))), false);
  assert.equal(clauseOfCnf([mkExists(['X'], P('X'))], cl('p(a)')), undefined);
});

// Proofs found by the real saturation prover on small TPTP problems, checked as they come and after corruption.
const REAL = ['SYN072+1.p', 'SYN075+1.p', 'SYN078+1.p', 'SYN551+2.p', 'SYN930+1.p', 'SYN939+1.p', 'SYN966+1.p'];
const PREPROCESSING = new Set<string>(['input', 'negated_conjecture', 'nnf', 'skolemize', 'definition', 'clausify']);

test('real prover proofs check, and corrupted ones are rejected', { skip: !sharedAvailable() && 'needs ../shared corpora' }, () => {
  let mutations = 0;
  let detected = 0;
  for (const name of REAL) {
    const parsed = parseProblem(readFileSync(join(SHARED_CORPORA, 'tptp', 'SYN-FOF', name), 'utf8'), { file: name });
    assert.ok(parsed.ok, name);
    if (!parsed.ok) continue;
    // maxClauses instead of a deadline keeps the run deterministic.
    const cl = clausify(parsed.value);
    assert.ok(cl.ok, name);
    const res = saturate(cl.value, { maxClauses: 3000 });
    assert.ok(res.proof, `${name}: ${res.status}`);
    const proof = res.proof!;
    const report = checkProof(proof, { problem: parsed.value });
    assert.equal(report.ok, true, `${name}\n${formatCheckReport(report)}`);
    for (const t of report.trusted)
      assert.ok(['skolemize', 'definition', 'clausify', 'nnf'].includes(t.rule), `${name}: ${t.rule} trusted`);
    for (const s of proof.steps) {
      if (PREPROCESSING.has(s.rule) || s.conclusion.kind !== 'clause' || s.conclusion.clause.literals.length === 0) continue;
      const dropped: ProofStep = { ...s, conclusion: { kind: 'clause', clause: { literals: s.conclusion.clause.literals.slice(1) } } };
      mutations++;
      if (!checkProof({ ...proof, steps: proof.steps.map((x) => (x.id === s.id ? dropped : x)) }).ok) detected++;
    }
    // The final step with a wrong parent (an input clause instead of the derived one).
    const root = proof.steps.find((s) => s.id === proof.root)!;
    const someInput = proof.steps.find((s) => s.rule === 'clausify' && !root.parents.some((p) => p.id === s.id))!;
    const wrongParent: ProofStep = { ...root, parents: [{ id: someInput.id }, ...root.parents.slice(1)] };
    assert.equal(checkProof({ ...proof, steps: proof.steps.map((x) => (x.id === root.id ? wrongParent : x)) }).ok, false, name);
  }
  // Dropping a literal can occasionally leave a step sound (e.g. a duplicate literal); almost always it must be caught.
  assert.ok(mutations > 30 && detected / mutations > 0.9, `${detected}/${mutations}`);
});

test('property: ground EUF procedure agrees with the finite model finder on random ground clause sets', () => {
  // A satisfiable ground set has a model no bigger than its number of ground terms (5 here).
  const termArb = fc.constantFrom('a', 'b', 'f(a)', 'f(b)', 'f(f(a))');
  const litArb = fc.oneof(
    fc.tuple(fc.boolean(), termArb).map(([s, x]) => `${s ? '' : '~'}p(${x})`),
    fc.boolean().map((s) => `${s ? '' : '~'}r`),
    fc.tuple(fc.boolean(), termArb, termArb).map(([s, x, y]) => `${x}${s ? '=' : '!='}${y}`),
  );
  const setArb = fc.array(fc.array(litArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 7 });
  let unsat = 0;
  fc.assert(
    fc.property(setArb, (set) => {
      const clauses = set.map((ls) => cl(...ls));
      const terms = new GroundTerms();
      const ours = groundSat(
        terms,
        clauses.map((c) => c.literals.map((x) => terms.lit(x))),
      );
      const model = findModel(clauses, { maxSize: 5 });
      if (ours === 'unsat') unsat++;
      assert.equal(ours === 'sat', model.status === 'found', JSON.stringify(set));
    }),
    { numRuns: 300, seed: 7 },
  );
  assert.ok(unsat > 20, `only ${unsat} unsatisfiable sets generated`);
});

test('renamed disjuncts: the renamed formula is one trusted definition step, and every clause step is verified', () => {
  // (a1&a2&a3&a4&a5) | (b1&b2&b3&b4&b5) has 25 clauses by distribution: above the threshold, so a disjunct is renamed
  const conj = (p: string): string => [1, 2, 3, 4, 5].map((i) => `${p}${i}(X)`).join(' & ');
  const text = `fof(ax, axiom, ![X]: ((${conj('a')}) | (${conj('b')}))).
fof(goal, conjecture, a3(c) | b2(c)).`;
  const p = parseProblem(text, { dialect: 'tptp', file: 'renamed.p' });
  assert.ok(p.ok);
  const clausified = clausify(p.value);
  assert.ok(clausified.ok);
  const cl = clausified.value;
  assert.ok(
    cl.steps.some((s) => s.rule === 'definition'),
    'the clausifier renamed a disjunct',
  );
  const r = saturate(cl, { deadline: Date.now() + 5000 });
  assert.equal(r.status, 'Theorem');
  const rep = checkProof(r.proof!, { problem: p.value });
  assert.deepEqual(rep.failures, []);
  // only symbol-introducing steps are trusted; no clause is trusted for mentioning a definition symbol
  assert.deepEqual(
    rep.trusted.filter((t) => t.rule !== 'definition' && t.rule !== 'skolemize'),
    [],
    JSON.stringify(rep.trusted),
  );
  assert.ok(rep.trusted.some((t) => t.rule === 'definition'));
});
