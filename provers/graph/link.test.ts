import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProofGraph } from './model.js';
import { rangesForStep, sourceNames, statementAt, statementRanges, stepsFedBy } from './link.js';

const TEXT = [
  '% a problem', // 1
  'fof(a1, axiom,', // 2
  '    ![X]: (p(X) => q(X))).', // 3
  '', // 4
  "fof(a2, axiom, p('it''s. 50%')). % trailing comment", // 5
  '% between', // 6
  'fof(c, conjecture,', // 7
  '    q(b) % not the end.', // 8
  '  ).', // 9
  'fof(d1, axiom, r). fof(d2, axiom, s).', // 10
  'fof(u, axiom, unused(x)).', // 11
].join('\n');

const STATEMENTS = [
  { name: 'a1', line: 2 },
  { name: 'a2', line: 5 },
  { name: 'c', line: 7 },
  { name: 'd1', line: 10 },
  { name: 'd2', line: 10 },
  { name: 'u', line: 11 },
  { name: 'nowhere' },
  { name: 'past-the-end', line: 99 },
];

test('statement ranges: first line to the line ending it with a dot, comments and quotes skipped', () => {
  const r = statementRanges(TEXT, STATEMENTS);
  assert.deepEqual(
    r.map((x) => `${x.name}:${x.startLine}-${x.endLine}`),
    ['a1:2-3', 'a2:5-5', 'c:7-9', 'd1:10-10', 'd2:10-10', 'u:11-11'],
  );
});

test('statement ranges: an unterminated statement stops before the next one, at its last line of code', () => {
  const r = statementRanges('fof(a, axiom,\n  p\n\n% note\nfof(b, axiom, q).\n', [
    { name: 'a', line: 1 },
    { name: 'b', line: 5 },
  ]);
  assert.deepEqual(r, [
    { name: 'a', startLine: 1, endLine: 2 },
    { name: 'b', startLine: 5, endLine: 5 },
  ]);
});

test('source names: plain, file-qualified, Prover9 label lists', () => {
  assert.deepEqual(sourceNames('a1'), ['a1']);
  assert.deepEqual(sourceNames('/tmp/SET016+1.p:a1'), ['a1']);
  assert.deepEqual(sourceNames('a1, non_clause'), ['a1', 'non_clause']);
  assert.deepEqual(sourceNames(undefined), []);
});

// a1, a2 → s1; c → n (negated) → s2 (with s1) → r; u unused by the proof; d1 is an input with no step below it.
const G: ProofGraph = {
  title: 't',
  origin: 'entail',
  root: 'r',
  nodes: [
    { id: 'i1', label: '1', text: 'p ⇒ q', rule: 'input', kind: 'input', source: 'prob.p:a1' },
    { id: 'i2', label: '2', text: 'p', rule: 'input', kind: 'input', source: 'a2' },
    { id: 'i3', label: '3', text: 'q(b)', rule: 'input', kind: 'input', source: 'c', role: 'conjecture' },
    { id: 'n', label: '4', text: '¬q(b)', rule: 'negated_conjecture', kind: 'preprocessing' },
    { id: 's1', label: '5', text: 'q', rule: 'resolution', kind: 'inference' },
    { id: 'r', label: '6', text: '⊥', rule: 'resolution', kind: 'theorem' },
    { id: 'i4', label: '7', text: 'r', rule: 'input', kind: 'input', source: 'd1' },
  ],
  edges: [
    { from: 'i1', to: 's1' },
    { from: 'i2', to: 's1' },
    { from: 'i3', to: 'n' },
    { from: 's1', to: 'r' },
    { from: 'n', to: 'r' },
  ],
};

test('a step selects its source: an input its own statement, a derived step the inputs it came from', () => {
  const r = statementRanges(TEXT, STATEMENTS);
  assert.deepEqual(rangesForStep(G, 'i1', r), [{ startLine: 2, endLine: 3 }]);
  assert.deepEqual(rangesForStep(G, 'i3', r), [{ startLine: 7, endLine: 9 }]);
  assert.deepEqual(rangesForStep(G, 's1', r), [
    { startLine: 2, endLine: 3 },
    { startLine: 5, endLine: 5 },
  ]);
  assert.deepEqual(
    rangesForStep(G, 'r', r),
    [
      { startLine: 2, endLine: 3 },
      { startLine: 5, endLine: 5 },
      { startLine: 7, endLine: 9 },
    ],
    'the root came from every input, in text order',
  );
  assert.deepEqual(rangesForStep(G, 'missing', r), []);
  assert.deepEqual(rangesForStep(G, 's1', []), [], 'statements not in the text: nothing to select');
});

test('a cursor line names every step its statement feeds', () => {
  const r = statementRanges(TEXT, STATEMENTS);
  assert.equal(statementAt(r, 3)?.name, 'a1');
  assert.equal(statementAt(r, 4), undefined, 'a blank line between statements');
  assert.deepEqual(stepsFedBy(G, r, 3), { statement: 'a1', steps: ['i1', 's1', 'r'] });
  assert.deepEqual(stepsFedBy(G, r, 8), { statement: 'c', steps: ['i3', 'n', 'r'] });
  assert.deepEqual(stepsFedBy(G, r, 11), { statement: 'u', steps: [] }, 'a statement the proof does not use');
  assert.deepEqual(stepsFedBy(G, r, 1), { steps: [] }, 'a comment line');
});
