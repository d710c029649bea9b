import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { GraphEdge, GraphNode, ProofGraph } from './model.js';
import { ancestry, indexGraph, transitiveReduction } from './model.js';
import type { Layout, Point, ViewNode } from './view.js';
import {
  DEFAULT_METRICS,
  LARGE_PROOF,
  PALETTES,
  ROLE_CLASSES,
  DEPENDENCY_ROLES,
  DEPENDENCY_ROLE_CLASS,
  buildView,
  collapseGroups,
  defaultFocus,
  dependencyRoleClass,
  groupNodeId,
  focusGraph,
  initialViewport,
  interestingSteps,
  layoutGraph,
  roleClass,
  segmentHitsBox,
  shortFormula,
  spine,
} from './view.js';

/** Small deterministic PRNG (mulberry32) so a fast-check seed fixes the whole DAG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random proof-like DAG: a few inputs, each later step with 1–3 earlier parents (biased to recent ones). */
function randomDag(n: number, seed: number, backEdges = 0): ProofGraph {
  const r = rng(seed);
  const inputs = Math.max(1, Math.min(n, 1 + Math.floor(r() * Math.max(1, n / 8))));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < n; i++) {
    const input = i < inputs;
    const len = 1 + Math.floor(r() * 60);
    nodes.push({
      id: `n${i}`,
      label: String(i + 1),
      text: 'p(X) ∨ q(f(Y))'.repeat(3).slice(0, len),
      rule: input ? 'input' : r() < 0.5 ? 'resolution' : 'superposition',
      kind: input ? 'input' : i === n - 1 ? 'theorem' : 'inference',
      ...(input && r() < 0.2 ? { role: 'negated_conjecture' } : {}),
    });
    if (input) continue;
    const k = 1 + Math.floor(r() * 3);
    const seen = new Set<number>();
    for (let j = 0; j < k; j++) {
      const p = r() < 0.6 ? Math.max(0, i - 1 - Math.floor(r() * 5)) : Math.floor(r() * i);
      if (seen.has(p)) continue;
      seen.add(p);
      edges.push({ from: `n${p}`, to: `n${i}` });
    }
  }
  for (let j = 0; j < backEdges && n > 1; j++) {
    const a = Math.floor(r() * n);
    const b = Math.floor(r() * n);
    if (a > b) edges.push({ from: `n${a}`, to: `n${b}` });
  }
  return { title: 'random', origin: 'other', nodes, edges, root: `n${n - 1}` };
}

/** Uniform grid over box extents: only boxes sharing a cell are compared. */
class Grid {
  private readonly cells = new Map<string, number[]>();
  constructor(
    readonly boxes: readonly ViewNode[],
    readonly cw: number,
    readonly ch: number,
  ) {
    boxes.forEach((b, i) => {
      for (const key of this.keys(b.x - b.w / 2, b.y - b.h / 2, b.x + b.w / 2, b.y + b.h / 2)) {
        let l = this.cells.get(key);
        if (!l) this.cells.set(key, (l = []));
        l.push(i);
      }
    });
  }
  *keys(x0: number, y0: number, x1: number, y1: number): Generator<string> {
    for (let i = Math.floor(x0 / this.cw); i <= Math.floor(x1 / this.cw); i++)
      for (let j = Math.floor(y0 / this.ch); j <= Math.floor(y1 / this.ch); j++) yield `${i},${j}`;
  }
  near(x0: number, y0: number, x1: number, y1: number): Set<number> {
    const out = new Set<number>();
    for (const key of this.keys(x0, y0, x1, y1)) for (const i of this.cells.get(key) ?? []) out.add(i);
    return out;
  }
}

/** Every violation of the two layout invariants: box overlaps and edges through other boxes. */
function violations(layout: Layout): string[] {
  const out: string[] = [];
  const boxes = layout.nodes;
  const index = new Map(boxes.map((b, i) => [b.id, i] as const));
  const grid = new Grid(boxes, DEFAULT_METRICS.maxWidth, 60);
  boxes.forEach((a, i) => {
    for (const j of grid.near(a.x - a.w / 2, a.y - a.h / 2, a.x + a.w / 2, a.y + a.h / 2)) {
      if (j <= i) continue;
      const b = boxes[j]!;
      if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2) out.push(`boxes ${a.id} and ${b.id} overlap`);
    }
  });
  for (const e of layout.edges) {
    const ends = new Set([index.get(e.from), index.get(e.to)]);
    for (let k = 0; k + 1 < e.points.length; k++) {
      const p: Point = e.points[k]!;
      const q: Point = e.points[k + 1]!;
      for (const j of grid.near(Math.min(p.x, q.x), Math.min(p.y, q.y), Math.max(p.x, q.x), Math.max(p.y, q.y))) {
        if (ends.has(j)) continue;
        if (segmentHitsBox(p, q, boxes[j]!)) out.push(`edge ${e.from}→${e.to} segment ${k} crosses ${boxes[j]!.id}`);
      }
    }
  }
  return out;
}

test('segmentHitsBox: through, beside, touching the border, and inside', () => {
  const b = { x: 0, y: 0, w: 10, h: 10 };
  assert.equal(segmentHitsBox({ x: -20, y: 0 }, { x: 20, y: 0 }, b), true);
  assert.equal(segmentHitsBox({ x: -20, y: 6 }, { x: 20, y: 6 }, b), false);
  assert.equal(segmentHitsBox({ x: -20, y: 5 }, { x: 20, y: 5 }, b), false, 'running along the border is not inside');
  assert.equal(segmentHitsBox({ x: 0, y: 5 }, { x: 0, y: 30 }, b), false, 'leaving from the bottom edge');
  assert.equal(segmentHitsBox({ x: -1, y: -1 }, { x: 1, y: 1 }, b), true);
  assert.equal(segmentHitsBox({ x: -20, y: -20 }, { x: 20, y: 20 }, b), true, 'diagonal through the corner region');
  assert.equal(segmentHitsBox({ x: -20, y: -4 }, { x: -4, y: -20 }, b), false, 'diagonal missing the corner');
});

test('the checker catches a straight edge drawn through a middle node (what the layout must avoid)', () => {
  // 3 → 11 drawn as a straight line through 10, the bug reported on the old export.
  const box = (id: string, x: number, y: number): ViewNode => ({
    id,
    x,
    y,
    w: 80,
    h: 40,
    rank: 0,
    col: 0,
    role: 'derived',
    title: id,
    formula: '',
    interesting: false,
    hiddenParents: 0,
    collapsed: 0,
  });
  const bad: Layout = {
    nodes: [box('3', 0, 0), box('10', 0, 100), box('11', 0, 200)],
    edges: [
      {
        from: '3',
        to: '11',
        points: [
          { x: 0, y: 20 },
          { x: 0, y: 180 },
        ],
      },
    ],
    width: 100,
    height: 220,
  };
  assert.deepEqual(violations(bad), ['edge 3→11 segment 0 crosses 10']);
});

test('layout property: on random DAGs up to 2,000 nodes no two boxes overlap and no edge crosses a box', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer(), fc.integer({ min: 0, max: 3 }), (n, seed, back) => {
      const g = randomDag(n, seed, back === 3 ? 5 : 0);
      const layout = layoutGraph(g);
      assert.equal(layout.nodes.length, n);
      const v = violations(layout);
      assert.deepEqual(v.slice(0, 5), [], `n=${n} seed=${seed}`);
    }),
    { numRuns: 30, seed: 20_2026 },
  );
});

test('layout property at the top size: a 2,000-node DAG, with cycles too', () => {
  for (const [seed, back] of [
    [7, 0],
    [11, 40],
  ] as const) {
    const layout = layoutGraph(randomDag(2000, seed, back));
    assert.deepEqual(violations(layout).slice(0, 5), []);
  }
});

test('layout: premises above conclusions, inputs on the top rank, the root alone at the bottom; edges run box to box', () => {
  const g = randomDag(300, 5);
  // keep only the root's ancestry, as fromProof does
  const keep = new Set([...ancestry(g, g.root!), g.root!]);
  const pruned: ProofGraph = {
    ...g,
    nodes: g.nodes.filter((n) => keep.has(n.id)),
    edges: g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
  };
  const layout = layoutGraph(pruned);
  const at = new Map(layout.nodes.map((n) => [n.id, n] as const));
  for (const e of layout.edges) {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    assert.ok(a.rank < b.rank, `${e.from} above ${e.to}`);
    assert.deepEqual(e.points[0], { x: a.x, y: a.y + a.h / 2 });
    assert.deepEqual(e.points.at(-1), { x: b.x, y: b.y - b.h / 2 });
  }
  for (const n of layout.nodes) if (pruned.nodes.find((x) => x.id === n.id)!.kind === 'input') assert.equal(n.rank, 0);
  const maxRank = Math.max(...layout.nodes.map((n) => n.rank));
  assert.deepEqual(
    layout.nodes.filter((n) => n.rank === maxRank).map((n) => n.id),
    [g.root],
  );
  assert.ok(layout.width >= Math.max(...layout.nodes.map((n) => n.x + n.w / 2)));
  assert.ok(layout.height >= Math.max(...layout.nodes.map((n) => n.y + n.h / 2)));
});

test('labels: step number and rule, then the formula shortened to the box', () => {
  const g: ProofGraph = {
    title: 't',
    origin: 'other',
    nodes: [
      { id: 'a', label: '1', text: 'p(a)', rule: 'input', kind: 'input', role: 'axiom' },
      { id: 'b', label: '2', text: 'q(' + 'x, '.repeat(80) + 'y)', rule: 'resolution', kind: 'theorem' },
    ],
    edges: [{ from: 'a', to: 'b' }],
    root: 'b',
  };
  const [a, b] = layoutGraph(g).nodes;
  assert.equal(a!.title, '1 · input');
  assert.equal(a!.formula, 'p(a)');
  assert.ok(b!.formula.endsWith('…'));
  assert.ok(b!.w <= DEFAULT_METRICS.maxWidth);
  assert.ok(b!.formula.length * DEFAULT_METRICS.fontSize * DEFAULT_METRICS.charWidth <= b!.w, 'the shortened formula fits its box');
  assert.equal(shortFormula('  a \n  b  ', 10), 'a b');
  assert.equal(shortFormula('abcdef', 4), 'abc…');
});

test('role classes: axiom, hypothesis, negated conjecture, derived, ⊥', () => {
  const n = (over: Partial<GraphNode>): GraphNode => ({ id: 'x', label: '1', text: 'p', rule: 'input', kind: 'input', ...over });
  assert.equal(roleClass(n({ role: 'axiom' })), 'axiom');
  assert.equal(roleClass(n({ role: 'hypothesis' })), 'hypothesis');
  assert.equal(roleClass(n({ role: 'negated_conjecture' })), 'negated_conjecture');
  assert.equal(roleClass(n({ kind: 'preprocessing', rule: 'negated_conjecture' })), 'negated_conjecture');
  assert.equal(roleClass(n({ kind: 'inference', rule: 'resolution' })), 'derived');
  assert.equal(roleClass(n({ kind: 'theorem', text: '⊥' }), 'x'), 'bottom');
  assert.equal(roleClass(n({ kind: 'theorem', text: '$false' })), 'bottom');
  assert.equal(roleClass(n({ kind: 'theorem', text: 'p(a)' })), 'derived', 'a proved formula is not a refutation');
});

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const ch = [1, 3, 5]
      .map((k) => parseInt(c.slice(k, k + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

test('palettes: label text on every role fill is legible (contrast ≥ 7:1) in light and dark', () => {
  for (const [name, p] of Object.entries(PALETTES))
    for (const r of ROLE_CLASSES)
      assert.ok(contrast(p.text, p.roles[r].fill) >= 7, `${name} ${r}: ${contrast(p.text, p.roles[r].fill).toFixed(2)}`);
});

/** A chain with side premises: s_k = f(s_{k-1}, i_{k mod m}), plus a preprocessing step per input. */
function chain(n: number): ProofGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const m = 5;
  for (let i = 0; i < m; i++) {
    nodes.push({ id: `i${i}`, label: '', text: `ax${i}`, rule: 'input', kind: 'input' });
    nodes.push({ id: `c${i}`, label: '', text: `cl${i}`, rule: 'clausify', kind: 'preprocessing' });
    edges.push({ from: `i${i}`, to: `c${i}` });
  }
  let prev = 'c0';
  for (let k = 0; k < n; k++) {
    nodes.push({ id: `s${k}`, label: '', text: `s${k}`, rule: 'resolution', kind: k === n - 1 ? 'theorem' : 'inference' });
    edges.push({ from: prev, to: `s${k}` }, { from: `c${(k + 1) % m}`, to: `s${k}` });
    prev = `s${k}`;
  }
  return { title: 'chain', origin: 'other', nodes, edges, root: prev };
}

test('spine: from the root up the parent with the largest ancestry', () => {
  const g = chain(6);
  assert.deepEqual(spine(g), ['s5', 's4', 's3', 's2', 's1', 's0', 'c0', 'i0']);
  assert.deepEqual(spine({ ...g, root: undefined }), []);
});

test('focus: collapse, spine with hidden-premise counts, expand on demand, subproof', () => {
  const g = chain(6);
  const collapsed = focusGraph(g, { collapsePreprocessing: true });
  assert.ok(collapsed.graph.nodes.every((n) => n.kind !== 'preprocessing'));
  assert.ok(indexGraph(collapsed.graph).parents[collapsed.graph.nodes.findIndex((n) => n.id === 's0')]!.length === 2);

  // A wider graph: the root has a side line whose own premises are off the spine.
  const wide: ProofGraph = {
    title: 'w',
    origin: 'other',
    nodes: ['a', 'b', 'c', 'd', 'e', 'r'].map((id) => ({ id, label: id, text: id, rule: 'r', kind: id < 'c' ? 'input' : 'inference' })),
    edges: [
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'd' },
      { from: 'a', to: 'e' },
      { from: 'b', to: 'e' },
      { from: 'd', to: 'r' },
      { from: 'e', to: 'r' },
    ],
    root: 'r',
  };
  const f = focusGraph(wide, { focus: 'spine' });
  const shown = new Set(f.graph.nodes.map((n) => n.id));
  assert.ok(shown.has('r') && shown.has('d') && shown.has('e'), 'spine and direct premises shown');
  const expanded = focusGraph(wide, { focus: 'spine', expanded: ['e'] });
  assert.ok(expanded.graph.nodes.some((n) => n.id === 'a') && expanded.graph.nodes.some((n) => n.id === 'b'));
  assert.equal(expanded.hiddenParents.get('e'), undefined);
  const sub = focusGraph(wide, { subproof: 'e' });
  assert.deepEqual(sub.graph.nodes.map((n) => n.id).sort(), ['a', 'b', 'e']);
  assert.equal(sub.graph.root, 'e');
  assert.equal(sub.hiddenCount, 0);
});

test('spine focus on a large proof hides side lines and counts them', () => {
  // Root r with two long independent lines; the shorter one is off the spine.
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const [line, len] of [
    ['m', 40],
    ['s', 20],
  ] as const) {
    nodes.push({ id: `${line}0`, label: '', text: line, rule: 'input', kind: 'input' });
    for (let k = 1; k < len; k++) {
      nodes.push({ id: `${line}${k}`, label: '', text: line, rule: 'r', kind: 'inference' });
      edges.push({ from: `${line}${k - 1}`, to: `${line}${k}` });
    }
  }
  nodes.push({ id: 'r', label: '', text: '⊥', rule: 'r', kind: 'theorem' });
  edges.push({ from: 'm39', to: 'r' }, { from: 's19', to: 'r' });
  const f = focusGraph({ title: 'x', origin: 'other', nodes, edges, root: 'r' }, { focus: 'spine' });
  assert.equal(f.graph.nodes.length, 40 + 1 + 1, 'main line, root, and the side line’s last step');
  assert.equal(f.hiddenParents.get('s19'), 1);
  assert.equal(f.hiddenCount, 19);
});

test('interesting steps: spine steps and simplifications rank first; inputs and root are not ranked', () => {
  const g = chain(6);
  const ranked = interestingSteps(g);
  const ids = ranked.map((r) => r.id);
  assert.ok(!ids.includes('s5') && !ids.includes('i0') && !ids.includes('c1'));
  for (let k = 1; k < ranked.length; k++) assert.ok(ranked[k - 1]!.score >= ranked[k]!.score);
  const view = buildView(g, { interesting: 2 });
  assert.equal(view.layout.nodes.filter((n) => n.interesting).length, 2);
});

test('default focus: small proofs whole, large ones collapsed on the spine', () => {
  assert.deepEqual(defaultFocus(chain(5)), { collapsePreprocessing: false, focus: 'all' });
  assert.deepEqual(defaultFocus(chain(LARGE_PROOF + 10)), { collapsePreprocessing: true, focus: 'spine' });
});

test('initial viewport: fits when labels stay ≥ 11 px, else zooms to 11 px on the root', () => {
  const small = layoutGraph(chain(3));
  const v = initialViewport(small, { width: 1400, height: 900 }, { fontSize: 12 });
  assert.ok(v.zoom * 12 >= 11);
  assert.ok(v.pan.x >= 0 && v.pan.x + small.width * v.zoom <= 1400 + 1e-6, 'centred and inside');
  assert.ok(v.pan.y >= 0 && v.pan.y + small.height * v.zoom <= 900 + 1e-6);
  const big = layoutGraph(randomDag(2000, 3));
  const w = initialViewport(big, { width: 1000, height: 700 }, { fontSize: 12, focus: 'n1999' });
  assert.ok(Math.abs(w.zoom * 12 - 11) < 1e-9);
  const root = big.nodes.find((n) => n.id === 'n1999')!;
  const sx = root.x * w.zoom + w.pan.x;
  const sy = (root.y + root.h / 2) * w.zoom + w.pan.y;
  assert.ok(Math.abs(sx - 500) < 1e-6 && sy <= 700 && sy > 0, 'root visible, bottom centre');
});

/** An induction-shaped graph: two cases (groups) of three steps each, an outside lemma feeding both, and the root. */
function twoCases(): ProofGraph {
  const nd = (id: string, group?: string, kind: GraphNode['kind'] = 'inference'): GraphNode => ({
    id,
    label: id,
    text: id,
    rule: 'r',
    kind,
    ...(group !== undefined ? { group } : {}),
  });
  return {
    title: 't',
    origin: 'genlogic',
    root: 'thm',
    nodes: [
      nd('lem', undefined, 'input'),
      nd('b1', 'base', 'input'),
      nd('b2', 'base'),
      nd('b3', 'base'),
      nd('s1', 'step', 'input'),
      nd('s2', 'step'),
      nd('s3', 'step'),
      nd('thm', 'base', 'theorem'),
    ],
    edges: [
      { from: 'lem', to: 'b2', subst: 'X ↦ a' },
      { from: 'lem', to: 's2' },
      { from: 'b1', to: 'b2', subst: 'Y ↦ b' },
      { from: 'b2', to: 'b3' },
      { from: 's1', to: 's2' },
      { from: 's2', to: 's3' },
      { from: 'b3', to: 'thm' },
      { from: 's3', to: 'thm' },
    ],
    groups: [
      { id: 'base', label: 'base (x = 0)', text: 'P(0)' },
      { id: 'step', label: 'step (x = n + 1)', text: 'P(n + 1)' },
    ],
  };
}

test('collapse model: each group one node with its label and goal; edges redirected once; the root never collapsed', () => {
  const g = twoCases();
  const { graph, collapsed } = collapseGroups(g);
  const B = groupNodeId('base');
  const S = groupNodeId('step');
  assert.deepEqual(
    graph.nodes.map((n) => n.id),
    ['lem', B, S, 'thm'],
  );
  assert.deepEqual(
    graph.edges.map((e) => `${e.from}>${e.to}${e.subst ? ' σ' : ''}`),
    [`lem>${B}`, `lem>${S}`, `${B}>thm`, `${S}>thm`],
    'no substitution survives on a redirected edge',
  );
  assert.deepEqual(
    [...collapsed],
    [
      [B, 3],
      [S, 3],
    ],
  );
  const bn = graph.nodes.find((n) => n.id === B)!;
  assert.equal(bn.rule, 'base (x = 0)');
  assert.equal(bn.text, 'P(0)');
  // Expanding one group brings its members and their edges back as they were.
  const one = collapseGroups(g, new Set(['step']));
  assert.deepEqual(one.graph.nodes.map((n) => n.id).sort(), ['lem', B, 's1', 's2', 's3', 'thm'].sort());
  assert.ok(one.graph.edges.some((e) => e.from === 'lem' && e.to === 's2'));
  assert.deepEqual([...one.collapsed.keys()], [B]);
  // Both expanded, or a graph without groups: unchanged.
  assert.equal(collapseGroups(g, new Set(['base', 'step'])).graph, g);
  const plain = { ...g, groups: undefined };
  assert.equal(collapseGroups(plain).graph, plain);
});

test('collapse in the view: only when asked; counts carried to the drawn node; reachability to the root kept', () => {
  const g = twoCases();
  assert.equal(buildView(g).graph.nodes.length, g.nodes.length, 'views that do not ask (the HTML export) draw every step');
  const v = buildView(g, { collapseGroups: true });
  const drawn = new Map(v.layout.nodes.map((n) => [n.id, n] as const));
  assert.equal(drawn.get(groupNodeId('base'))!.collapsed, 3);
  assert.equal(drawn.get('lem')!.collapsed, 0);
  assert.equal(drawn.get('thm')!.rank, 2, 'lemma, then the cases, then the theorem');
  assert.deepEqual(new Set(ancestry(v.graph, 'thm')), new Set(['lem', groupNodeId('base'), groupNodeId('step')]));
  const ex = buildView(g, { collapseGroups: true, expandedGroups: ['base'] });
  assert.equal(ex.collapsed.size, 1);
  assert.ok(ex.graph.nodes.some((n) => n.id === 'b2'));
});

test('dependency roles: each drawn in a palette class of its own, anything else as derived', () => {
  assert.equal(new Set(DEPENDENCY_ROLES.map((r) => DEPENDENCY_ROLE_CLASS[r])).size, DEPENDENCY_ROLES.length);
  const n: GraphNode = { id: 'a', label: 'a', text: 'x', rule: 'axiom', kind: 'input', role: 'law' };
  assert.equal(dependencyRoleClass(n), DEPENDENCY_ROLE_CLASS.law);
  assert.equal(dependencyRoleClass({ ...n, role: 'conjecture' }), 'derived');
  const v = buildView({ title: 'd', origin: 'genlogic', nodes: [n], edges: [] }, { roleOf: dependencyRoleClass });
  assert.equal(v.layout.nodes[0]!.role, DEPENDENCY_ROLE_CLASS.law);
});

test('transitive reduction property: on random DAGs, reachability is kept and no kept edge is implied by a longer path', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 2, max: 40 }), (seed, n) => {
      const g = randomDag(n, seed);
      const r = transitiveReduction(g);
      const ix = indexGraph(g);
      const rix = indexGraph(r);
      for (const nd of g.nodes) assert.deepEqual(new Set(ancestry(r, nd.id, rix)), new Set(ancestry(g, nd.id, ix)));
      for (const e of r.edges) {
        const without = { ...r, edges: r.edges.filter((f) => f !== e) };
        assert.ok(!ancestry(without, e.to).includes(e.from), `${e.from} → ${e.to} is not implied`);
      }
    }),
    { numRuns: 60, seed: 11 },
  );
});
