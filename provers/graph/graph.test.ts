import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT, SHARED_CORPORA, sharedAvailable } from '../../testing/corpora.js';
import type { Proof, ProofStep } from '../logic/index.js';
import { mkApp, mkConst, mkLit, mkVar } from '../logic/index.js';
import type { GraphNode, ProofGraph } from './index.js';
import {
  ancestry,
  collapsePreprocessing,
  descendants,
  exportHtml,
  fromProof,
  fromPrologSteps,
  fromProver9,
  fromProver9All,
  fromTstp,
  indexGraph,
  justificationParents,
  numberGraph,
  topoOrder,
  usedBy,
} from './index.js';
import { parseSTerm } from './sterm.js';
import { runProlog, treeToSteps } from '../prolog/index.js';

const FIX = join(PROJECT_ROOT, 'provers', 'graph', 'fixtures');

function node(id: string, kind: GraphNode['kind'] = 'inference', text = id): GraphNode {
  return { id, label: id, text, rule: kind === 'input' ? 'input' : 'resolution', kind };
}

function diamond(): ProofGraph {
  // a, b inputs; c = pre(a); d = inf(c, b); e = inf(d, c)
  return {
    title: 'diamond',
    origin: 'other',
    nodes: [node('e', 'theorem'), node('d'), node('c', 'preprocessing'), node('b', 'input'), node('a', 'input')],
    edges: [
      { from: 'a', to: 'c' },
      { from: 'c', to: 'd' },
      { from: 'b', to: 'd' },
      { from: 'd', to: 'e' },
      { from: 'c', to: 'e' },
    ],
    root: 'e',
  };
}

test('ancestry, descendants and usedBy follow edges transitively', () => {
  const g = diamond();
  assert.deepEqual(new Set(ancestry(g, 'e')), new Set(['a', 'b', 'c', 'd']));
  assert.deepEqual(new Set(ancestry(g, 'd')), new Set(['a', 'b', 'c']));
  assert.deepEqual(ancestry(g, 'a'), []);
  assert.deepEqual(new Set(descendants(g, 'a')), new Set(['c', 'd', 'e']));
  assert.deepEqual(new Set(usedBy(g, 'c')), new Set(['d', 'e']));
  assert.deepEqual(ancestry(g, 'missing'), []);
});

test('topological numbering puts premises first and keeps input order among ready nodes', () => {
  const g = numberGraph(diamond());
  const pos = new Map(g.nodes.map((n, i) => [n.id, i]));
  for (const e of g.edges) assert.ok(pos.get(e.from)! < pos.get(e.to)!, `${e.from} before ${e.to}`);
  assert.deepEqual(
    g.nodes.map((n) => n.label),
    ['1', '2', '3', '4', '5'],
  );
  // b is listed before a in the input, both are ready at the start.
  assert.equal(g.nodes[0]!.id, 'b');
});

test('topoOrder survives a cycle (malformed input) and returns a permutation', () => {
  const g: ProofGraph = {
    title: 'cyc',
    origin: 'other',
    nodes: [node('x'), node('y'), node('z')],
    edges: [
      { from: 'x', to: 'y' },
      { from: 'y', to: 'x' },
      { from: 'x', to: 'z' },
    ],
  };
  const order = topoOrder(g);
  assert.deepEqual([...order].sort(), [0, 1, 2]);
});

test('collapsePreprocessing reconnects inputs to the first inferences', () => {
  const g = collapsePreprocessing(diamond());
  assert.deepEqual(g.nodes.map((n) => n.id).sort(), ['a', 'b', 'd', 'e']);
  const es = new Set(g.edges.map((e) => `${e.from}->${e.to}`));
  assert.deepEqual(es, new Set(['a->d', 'b->d', 'd->e', 'a->e']));
});

test('graph utilities are iterative: a 10,000-step chain needs no recursion', () => {
  const n = 10_000;
  const nodes: GraphNode[] = [];
  const edges = [];
  for (let i = 0; i < n; i++) {
    nodes.push(node(`s${i}`, i === 0 ? 'input' : i % 3 === 0 ? 'preprocessing' : 'inference'));
    if (i > 0) edges.push({ from: `s${i - 1}`, to: `s${i}` });
  }
  const g: ProofGraph = { title: 'chain', origin: 'other', nodes: nodes.reverse(), edges, root: `s${n - 1}` };
  assert.equal(ancestry(g, `s${n - 1}`).length, n - 1);
  const num = numberGraph(g);
  assert.equal(num.nodes[0]!.id, 's0');
  assert.equal(num.nodes[n - 1]!.label, String(n));
  const c = collapsePreprocessing(g);
  // s3, s6, ... s9996 are hidden; s9999 is preprocessing too but it is the root, so it stays.
  assert.equal(c.nodes.length, n - (Math.floor((n - 1) / 3) - 1));
  assert.equal(ancestry(c, `s${n - 1}`).length, c.nodes.length - 1);
});

test('fromProof: kinds, Entail-syntax text, substitution text, unused steps pruned', () => {
  const X = mkVar('X');
  const a = mkConst('a');
  const steps: ProofStep[] = [
    {
      id: 'i1',
      rule: 'input',
      parents: [],
      conclusion: { kind: 'clause', clause: { literals: [mkLit(false, 'p', [X]), mkLit(true, 'q', [X])] } },
      source: { name: 'ax1', file: 'f.p', role: 'axiom' },
    },
    {
      id: 'i2',
      rule: 'input',
      parents: [],
      conclusion: { kind: 'clause', clause: { literals: [mkLit(true, 'p', [a])] } },
      source: { name: 'ax2' },
    },
    { id: 'i3', rule: 'input', parents: [], conclusion: { kind: 'clause', clause: { literals: [mkLit(false, 'q', [a])] } } },
    {
      id: 'unused',
      rule: 'input',
      parents: [],
      conclusion: { kind: 'clause', clause: { literals: [mkLit(true, '=', [mkApp('f', [X]), X])] } },
    },
    {
      id: 'r1',
      rule: 'resolution',
      parents: [{ id: 'i1', subst: { X: a } }, { id: 'i2' }],
      conclusion: { kind: 'clause', clause: { literals: [mkLit(true, 'q', [a])] } },
    },
    { id: 'r2', rule: 'resolution', parents: [{ id: 'r1' }, { id: 'i3' }], conclusion: { kind: 'clause', clause: { literals: [] } } },
  ];
  const proof: Proof = { steps, root: 'r2' };
  const g = fromProof(proof, { title: 't' });
  assert.equal(g.nodes.length, 5);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  assert.equal(byId.get('i1')!.text, '∀X. ¬p(X) ∨ q(X)');
  assert.equal(byId.get('i1')!.source, 'f.p:ax1');
  assert.equal(byId.get('i1')!.kind, 'input');
  assert.equal(byId.get('r2')!.kind, 'theorem');
  assert.equal(byId.get('r2')!.text, '⊥');
  assert.equal(g.edges.find((e) => e.from === 'i1')!.subst, 'X ↦ a');
  const all = fromProof(proof, { keepUnused: true });
  assert.equal(all.nodes.length, 6);
  assert.equal(all.nodes.find((n) => n.id === 'unused')!.text, '∀X. f(X) = X');
});

test('sterm reader handles nested inference terms, quotes and lists', () => {
  const r = parseSTerm("inference(spm,[status(thm)],[inference(rw,[status(thm)],[c_0_1, 'q,uo)ted']), c_0_2])");
  assert.ok(r.ok);
  const bad = parseSTerm('inference(spm,[status(thm)]');
  assert.equal(bad.ok, false);
});

test('fromTstp imports a recorded E proof object with nested inferences', () => {
  const text = readFileSync(join(FIX, 'SYN075+1.eprover.tstp'), 'utf8');
  const r = fromTstp(text, { title: 'SYN075+1' });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const g = r.value;
  assert.equal(g.status, 'Theorem');
  const root = g.nodes.find((n) => n.id === g.root)!;
  assert.equal(root.kind, 'theorem');
  assert.equal(root.rule, 'cn');
  // c_0_18 = cn(rw(rw(rw(spm(c_0_15, c_0_16), c_0_12), c_0_12), c_0_17)): four synthetic nodes.
  const ix = indexGraph(g);
  const anc = new Set(ancestry(g, 'c_0_18', ix));
  for (const id of ['c_0_18~1', 'c_0_18~2', 'c_0_18~3', 'c_0_18~4', 'c_0_15', 'c_0_16', 'c_0_12', 'c_0_17', 'pel52', 'pel52_1'])
    assert.ok(anc.has(id), id);
  assert.deepEqual(new Set(indexGraph(g).parents[ix.byId.get('c_0_18~4')!]!.map((i) => g.nodes[i]!.id)), new Set(['c_0_15', 'c_0_16']));
  const inputs = g.nodes.filter((n) => n.kind === 'input');
  assert.deepEqual(inputs.map((n) => n.id).sort(), ['pel52', 'pel52_1']);
  assert.match(inputs.find((n) => n.id === 'pel52_1')!.source!, /SYN075\+1\.p:pel52_1$/);
  assert.ok(g.nodes.find((n) => n.id === 'c_0_5')!.text.includes('≠'));
  // Every edge goes forward in the numbering.
  const pos = new Map(g.nodes.map((n, i) => [n.id, i]));
  for (const e of g.edges) assert.ok(pos.get(e.from)! < pos.get(e.to)!);
});

test('fromTstp rejects text without annotated formulas and unterminated statements', () => {
  assert.equal(fromTstp('# SZS status GaveUp\n').ok, false);
  const r = fromTstp('cnf(c1, axiom, p(a), file(x.p, c1)).\ncnf(c2, plain, (q');
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.line, 2);
});

test('fromTstp on a live E run (skipped when eprover is not installed)', (t) => {
  const which = spawnSync('sh', ['-c', 'command -v eprover'], { encoding: 'utf8' });
  if (which.status !== 0) return t.skip('eprover not on PATH');
  if (!sharedAvailable()) return t.skip('../shared corpora not available');
  const file = join(SHARED_CORPORA, 'tptp', 'SYN-FOF', 'SYN072+1.p');
  const run = spawnSync('eprover', ['--proof-object', '--auto', '-s', '--cpu-limit=10', file], { encoding: 'utf8' });
  assert.match(run.stdout, /SZS status Theorem/);
  const r = fromTstp(run.stdout, { title: 'SYN072+1' });
  assert.ok(r.ok);
  assert.equal(r.value.nodes.find((n) => n.id === r.value.root)!.text, '⊥');
  const html = exportHtml([r.value]);
  assert.ok(html.includes('SYN072+1'));
});

test('Prover9 justification parents: ids vs positions', () => {
  const j = parseSTerm('[para(7(a,1),8(a,1,1)),rewrite([6(2)]),flip(a)]');
  assert.ok(j.ok && j.value.kind === 'list');
  if (j.ok && j.value.kind === 'list') assert.deepEqual(justificationParents(j.value.items), [7, 8, 6]);
  const k = parseSTerm('[hyper(3,a,4,a,b,5,a),unit_del(a,9)]');
  if (k.ok && k.value.kind === 'list') assert.deepEqual(justificationParents(k.value.items), [3, 4, 5, 9]);
});

test('fromProver9 imports a hand-written proof in Prover9 output format', () => {
  // Prover9 is not installed here: the fixture is written by hand in its documented format.
  const text = readFileSync(join(FIX, 'group.prover9.out'), 'utf8');
  const all = fromProver9All(text);
  assert.ok(all.ok);
  if (!all.ok) return;
  assert.equal(all.value.length, 2);
  const g = all.value[0]!;
  assert.equal(g.status, 'Theorem');
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  assert.ok(!byId.has('9'), 'clause 9 is not used by proof 1');
  assert.equal(byId.get('11')!.kind, 'theorem');
  assert.equal(byId.get('11')!.text, '⊥');
  assert.equal(byId.get('3')!.text, '¬man(x) ∨ mortal(x)');
  assert.equal(byId.get('3')!.kind, 'preprocessing');
  assert.equal(byId.get('2')!.role, 'conjecture');
  assert.equal(byId.get('4')!.source, 'socrates_is_a_man');
  assert.equal(byId.get('1')!.text, '∀x. man(x) → mortal(x)');
  assert.deepEqual(new Set(ancestry(g, '11')), new Set(['10', '5', '3', '4', '2', '1']));
  const g2 = all.value[1]!;
  assert.deepEqual(new Set(ancestry(g2, '13')), new Set(['12', '9', '8', '7', '6']));
  assert.equal(g2.nodes.find((n) => n.id === '12')!.text, "c1' * (c1 * c2) ≠ c2");
  const first = fromProver9(text);
  assert.ok(first.ok && first.value.nodes.length === g.nodes.length);
  assert.equal(fromProver9('no proof here').ok, false);
  assert.equal(fromProver9('3 p(x).  resolve(1,a,2,a).').ok, false);
});

test('fromPrologSteps draws a real tau-prolog proof tree (steps from the prolog module)', async () => {
  const program = 'parent(tom, bob).\nparent(bob, ann).\nanc(X, Y) :- parent(X, Y).\nanc(X, Y) :- parent(X, Z), anc(Z, Y).\n';
  const r = await runProlog(program, 'anc(tom, ann).');
  assert.equal(r.status, 'ok');
  if (r.status !== 'ok') return;
  const tree = r.answers[0]!.proof!;
  const { steps, root } = treeToSteps(tree);
  const g = fromPrologSteps(steps, root, 'anc(tom, ann)');
  assert.equal(g.origin, 'prolog');
  assert.equal(g.nodes.length, 4);
  const rootNode = g.nodes.find((n) => n.id === root)!;
  assert.equal(rootNode.kind, 'theorem');
  assert.equal(rootNode.text, 'anc(tom, ann)');
  // The two facts used are the leaves (inputs); the recursive call is an inference.
  assert.deepEqual(
    g.nodes
      .filter((n) => n.kind === 'input')
      .map((n) => n.text)
      .sort(),
    ['parent(bob, ann)', 'parent(tom, bob)'],
  );
  assert.equal(ancestry(g, root).length, 3);
  assert.match(exportHtml([g]), /anc\(tom, ann\)/);
});

// ---------------------------------------------------------------------------
// HTML export

const PROBE = `</script><script>alert("x")</script><!-- <img src=x onerror=alert(1)> & 'q'`;

test('exportHtml escapes every piece of text, including inside the embedded JSON', () => {
  const g: ProofGraph = {
    title: `thm ${PROBE}`,
    origin: 'other',
    note: PROBE,
    status: PROBE,
    nodes: [
      { ...node('a', 'input', `p(${PROBE})`), source: PROBE, detail: PROBE, role: PROBE },
      { id: 'b', label: PROBE, text: PROBE, rule: PROBE, kind: 'theorem' },
    ],
    edges: [{ from: 'a', to: 'b', subst: PROBE }],
    root: 'b',
  };
  const html = exportHtml([g], { title: PROBE, subtitle: PROBE });
  assert.ok(!html.includes('<script>alert'), 'no injected script element');
  assert.ok(!html.includes('<img'), 'no injected img element');
  assert.ok(!html.includes('<!-- <img'), 'no injected comment');
  assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)'));
  // Exactly the two script elements we write, and the data block cannot be closed early.
  assert.equal(html.split('<script').length - 1, 2);
  assert.equal(html.split('</script>').length - 1, 2);
  const json = /<script type="application\/json" id="entail-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
  const data = JSON.parse(json) as { g: { title: string[]; formula: string[] }[] };
  assert.ok(
    data.g[0]!.title.some((t) => t.includes('</script><script>')),
    'JSON round-trips the raw text',
  );
  assert.ok(data.g[0]!.formula.some((t) => t.startsWith('</script><script>')));
  // No network: no external references.
  assert.ok(!/\b(src|href)="(https?:)?\/\//.test(html));
});

test('exportHtml links steps to parents and back, theorems to lemmas and back', () => {
  const lemma: ProofGraph = {
    title: 'L',
    origin: 'genlogic',
    nodes: [node('x', 'input'), node('y', 'theorem')],
    edges: [{ from: 'x', to: 'y' }],
    root: 'y',
  };
  const main: ProofGraph = {
    title: 'M',
    origin: 'genlogic',
    nodes: [{ ...node('l', 'lemma'), ref: 'L' }, node('m', 'theorem')],
    edges: [{ from: 'l', to: 'm', subst: 'X ↦ a' }],
    root: 'm',
  };
  const html = exportHtml([lemma, main]);
  // step y (t0-n1) links to parent x (t0-n0) and x back to y
  assert.match(html, /id="t0-n1"[\s\S]*?<td class="links parents"><a href="#t0-n0" data-rel="parent">x<\/a>/);
  assert.match(html, /id="t0-n0"[\s\S]*?<td class="links children"><a href="#t0-n1" data-rel="child">y<\/a>/);
  assert.match(html, /<a href="#t1-n0" data-rel="parent" title="X ↦ a">l<\/a>/);
  assert.match(html, /<a href="#t0" data-rel="lemma">L<\/a>/);
  // index: L used by M, M uses L
  assert.match(html, /<a href="#t0">L<\/a>.*used by<\/span> <a href="#t1">M<\/a>/);
  assert.match(html, /<a href="#t1">M<\/a>.*uses<\/span> <a href="#t0">L<\/a>/);
  // every in-page href points at an existing id
  const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/href="#([^"]+)"/g)) assert.ok(ids.has(m[1]), `anchor ${m[1]}`);
  assert.match(html, /<dt id="rule-\d+">resolution<\/dt>/);
});

test('exportHtml on a 10,000-step graph is complete (linear-time construction)', () => {
  const n = 10_000;
  const nodes: GraphNode[] = [];
  const edges = [];
  for (let i = 0; i < n; i++) {
    nodes.push(node(`s${i}`, i < 50 ? 'input' : i === n - 1 ? 'theorem' : 'inference', `p${i}(X) ∨ q(X)`));
    if (i >= 50) {
      edges.push({ from: `s${i - 1}`, to: `s${i}` });
      edges.push({ from: `s${(i * 7919) % 50}`, to: `s${i}` });
    }
  }
  const g = numberGraph({ title: 'big', origin: 'other', nodes, edges, root: `s${n - 1}` });
  const html = exportHtml([g]);
  assert.equal(html.split('data-testid="step"').length - 1, n);
  assert.equal(html.split('data-rel="parent"').length - 1, edges.length);
  assert.equal(html.split('data-rel="child"').length - 1, edges.length);
  const json = /<script type="application\/json" id="entail-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
  const data = JSON.parse(json) as { rows: number[][][] };
  assert.equal(
    data.rows[0]!.reduce((s, ps) => s + ps.length, 0),
    edges.length,
  );
});
