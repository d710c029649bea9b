import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_CORPORA } from '../../testing/corpora.js';
import { mkApp, mkConst, mkVar } from '../logic/index.js';
import type { Term } from '../logic/index.js';
import { parseProblem } from '../logic/syntax/index.js';
import { ancestry, exportHtml, fromProof, indexGraph, transitiveReduction } from '../graph/index.js';
import { DEPENDENCY_ROLE_CLASS, DEPENDENCY_ROLE_LABEL, buildView, groupNodeId, initialViewport } from '../graph/view.js';
import type { Derivation, Theory } from './index.js';
import {
  axiomNodeId,
  dependencyGraph,
  dependencyProofGraph,
  derivationGraphs,
  equationText,
  explore,
  lawName,
  parseDeclarations,
  theoremNodeId,
} from './index.js';

function peano(): Theory {
  const dir = join(PROJECT_CORPORA, 'peano');
  const p = parseProblem(readFileSync(join(dir, 'peano.p'), 'utf8'), { dialect: 'tptp', file: 'peano.p' });
  const d = parseDeclarations(readFileSync(join(dir, 'nat.ind'), 'utf8'));
  assert.ok(p.ok && d.ok);
  return { name: 'peano', axioms: p.ok ? p.value.statements : [], nat: d.ok ? d.value.nat : { name: 'nat', zero: 'zero', succ: 's' } };
}

let run: Derivation | undefined;
/** The explorer's default bounds: both distributivity laws are found (docs/genlogic.md). */
function full(): Derivation {
  run ??= explore(peano(), { deadline: Date.now() + 120_000 });
  return run;
}

const x = mkVar('x');
const y = mkVar('y');
const z = mkVar('z');
const plus = (a: Term, b: Term): Term => mkApp('plus', [a, b]);
const times = (a: Term, b: Term): Term => mkApp('times', [a, b]);
const zero = mkConst('zero');

test('lawName names commutativity, associativity, both distributivities and identities, either way round; nothing else', () => {
  assert.equal(lawName({ left: plus(x, y), right: plus(y, x) }), 'commutativity of plus');
  assert.equal(lawName({ left: plus(x, plus(y, z)), right: plus(plus(x, y), z) }), 'associativity of plus');
  assert.equal(lawName({ left: times(x, plus(y, z)), right: plus(times(x, y), times(x, z)) }), 'left distributivity of times over plus');
  assert.equal(lawName({ left: plus(times(x, z), times(y, z)), right: times(plus(x, y), z) }), 'right distributivity of times over plus');
  assert.equal(lawName({ left: plus(zero, x), right: x }), 'left identity of plus');
  assert.equal(lawName({ left: plus(x, zero), right: x }), 'right identity of plus');
  // Not laws: a special case, left-commutativity, an annihilator, a repeated variable.
  assert.equal(lawName({ left: plus(x, x), right: plus(x, x) }), undefined);
  assert.equal(lawName({ left: plus(x, plus(y, z)), right: plus(y, plus(x, z)) }), undefined);
  assert.equal(lawName({ left: times(zero, x), right: zero }), undefined);
  assert.equal(lawName({ left: plus(x, y), right: plus(x, y) }), undefined);
});

test('dependency graph of the Peano exploration: edges are exactly the inputs each checked case proof uses', () => {
  const d = full();
  assert.equal(d.stopped, 'done');
  const dg = dependencyGraph(d);
  const keyToId = new Map(d.theorems.map((t) => [t.key, theoremNodeId(t)] as const));
  // Oracle: the proof graph importer's inputs (the proof pruned to the refutation's ancestry).
  const want = new Set<string>();
  for (const t of d.theorems)
    for (const c of t.cases) {
      const roles = new Map(c.problem.statements.map((s) => [s.name, s.role] as const));
      for (const n of fromProof(c.proof).nodes) {
        if (n.kind !== 'input' || n.source === undefined) continue;
        const name = n.source.split(':').pop()!;
        const lemma = c.lemmas[name];
        if (lemma !== undefined) want.add(`${keyToId.get(lemma)!} ${theoremNodeId(t)}`);
        else if (roles.get(name) === 'axiom') want.add(`${axiomNodeId(name)} ${theoremNodeId(t)}`);
      }
    }
  const got = new Set(dg.edges.map((e) => `${e.from} ${e.to}`));
  assert.deepEqual([...got].sort(), [...want].sort());
  assert.ok(got.size > d.theorems.length, 'more than one use per theorem on average');
  // Every node once: the six axioms, then the theorems in proof order.
  assert.deepEqual(
    dg.nodes.filter((n) => n.kind === 'axiom').map((n) => n.name),
    peano().axioms.map((s) => s.name),
  );
  assert.deepEqual(
    dg.nodes.filter((n) => n.kind === 'theorem').map((n) => n.order),
    d.theorems.map((t) => t.order),
  );
});

test('dependency graph: no cycles (uses point to earlier theorems), roles as documented, laws need their definitions', () => {
  const d = full();
  const dg = dependencyGraph(d);
  const order = new Map(dg.nodes.map((n) => [n.id, n.order ?? 0] as const));
  for (const e of dg.edges) assert.ok(order.get(e.from)! < order.get(e.to)!, `${e.from} → ${e.to} goes forward`);
  const used = new Set(dg.edges.map((e) => e.from));
  for (const n of dg.nodes) {
    if (n.kind === 'axiom') assert.equal(n.role, 'axiom');
    else if (n.law !== undefined) assert.equal(n.role, 'law');
    else assert.equal(n.role, used.has(n.id) ? 'lemma' : 'leaf', n.id);
  }
  const pg = dependencyProofGraph(dg, d);
  const titles = new Set(derivationGraphs(d).map((g) => g.title));
  for (const n of pg.nodes) if (n.kind !== 'input') assert.ok(n.ref !== undefined && titles.has(n.ref), `${n.id} links to its graph`);
  const ix = indexGraph(pg);
  const byText = (s: string): string => {
    const t = d.theorems.find((th) => equationText(th.equation) === s);
    assert.ok(t, s);
    return theoremNodeId(t);
  };
  for (const law of ['times(x, plus(y, z)) = plus(times(x, y), times(x, z))', 'times(plus(x, y), z) = plus(times(x, z), times(y, z))']) {
    const id = byText(law);
    assert.equal(pg.nodes.find((n) => n.id === id)!.role, 'law');
    const anc = new Set(ancestry(pg, id, ix));
    for (const ax of ['plus_zero', 'plus_succ', 'times_zero', 'times_succ']) assert.ok(anc.has(axiomNodeId(ax)), `${law} rests on ${ax}`);
    assert.ok(anc.has(byText('plus(x, y) = plus(y, x)')), `${law} rests on commutativity of +`);
  }
  // Drawn reduced, the graph keeps what every theorem rests on.
  const red = transitiveReduction(pg);
  assert.ok(red.edges.length < pg.edges.length);
  const rix = indexGraph(red);
  for (const n of pg.nodes) assert.deepEqual(new Set(ancestry(red, n.id, rix)), new Set(ancestry(pg, n.id, ix)), n.id);
});

test('an induction theorem opens as base → theorem ← step, fitted at ≥ 11 px; expanding a case draws its steps', () => {
  const d = full();
  const graphs = derivationGraphs(d);
  const i = d.theorems.findIndex((t) => equationText(t.equation) === 'times(x, plus(y, z)) = plus(times(x, y), times(x, z))');
  const t = d.theorems[i]!;
  const g = graphs[i]!;
  assert.equal(t.method, 'induction');
  assert.ok(g.nodes.length >= 30, `a large proof (${g.nodes.length} steps)`);
  assert.deepEqual(
    g.groups?.map((gr) => gr.id),
    ['base', 'step'],
  );
  const closed = buildView(g, { collapseGroups: true });
  assert.deepEqual(closed.graph.nodes.map((n) => n.id).sort(), [groupNodeId('base'), groupNodeId('step'), 'theorem']);
  assert.equal(
    [...closed.collapsed.values()].reduce((a, b) => a + b, 0),
    g.nodes.length - 1,
    'every step but the theorem is in a case',
  );
  // A 700 × 400 canvas (the explorer's at 1024 × 700 is wider and taller): fitted, labels at 11 px or more.
  const vp = initialViewport(closed.layout, { width: 700, height: 400 }, { fontSize: closed.metrics.fontSize });
  assert.ok(vp.zoom * closed.metrics.fontSize >= 11);
  for (const n of closed.layout.nodes) {
    assert.ok(n.x - n.w / 2 >= 0 && vp.pan.x + (n.x + n.w / 2) * vp.zoom <= 700, `${n.id} inside horizontally`);
    assert.ok(vp.pan.y + (n.y - n.h / 2) * vp.zoom >= 0 && vp.pan.y + (n.y + n.h / 2) * vp.zoom <= 400, `${n.id} inside vertically`);
  }
  // The uncollapsed view of the same proof does not fit at 11 px (why the cases are collapsed).
  const open = buildView(g, {});
  const fitOpen = Math.min(668 / open.layout.width, 368 / open.layout.height);
  assert.ok(fitOpen * open.metrics.fontSize < 11);
  const step = buildView(g, { collapseGroups: true, expandedGroups: ['step'] });
  const ids = step.graph.nodes.map((n) => n.id);
  assert.ok(ids.includes(groupNodeId('base')) && !ids.includes(groupNodeId('step')));
  assert.equal(ids.filter((id) => id.startsWith('step:')).length, g.nodes.filter((n) => n.group === 'step').length);
  // A direct proof has no groups: nothing to collapse.
  const direct = d.theorems.findIndex((th) => th.method === 'direct');
  assert.equal(graphs[direct]!.groups, undefined);
});

test('the dependency graph is drawn and exported in dependency-role colours, with its own legend', () => {
  const d = full();
  const pg = dependencyProofGraph(dependencyGraph(d), d);
  const v = buildView(pg);
  const role = new Map(pg.nodes.map((n) => [n.id, n.role] as const));
  for (const n of v.layout.nodes) assert.equal(n.role, DEPENDENCY_ROLE_CLASS[role.get(n.id) as keyof typeof DEPENDENCY_ROLE_CLASS], n.id);
  const html = exportHtml([pg], { title: 'deps' });
  assert.ok(html.includes(DEPENDENCY_ROLE_LABEL.law) && html.includes(DEPENDENCY_ROLE_LABEL.lemma));
  const laws = pg.nodes.filter((n) => n.role === 'law').length;
  assert.equal((html.match(new RegExp(`class="step role-${DEPENDENCY_ROLE_CLASS.law}"`, 'g')) ?? []).length, laws);
});
