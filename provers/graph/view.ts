/**
 * The proof-graph view model: what every view of a proof graph (the Cytoscape
 * panel, the HTML export) shows and where. Pure data in, pure data out.
 *
 * - which steps are shown: preprocessing collapsed, a focus on the refutation's
 *   spine (large proofs), a subproof (one step and its ancestry), steps expanded
 *   on demand;
 * - how each step reads: role class (colour), a two-line label (step number and
 *   rule; the shortened formula), an "interesting" mark;
 * - where it is drawn: a layered layout in the style of IDV (premises at the top,
 *   the refutation at the bottom) on a grid of uniform columns, with edges routed
 *   through the free bands between ranks and the free corridors between columns,
 *   so no edge ever passes through a box other than its two ends.
 */
import type { GraphEdge, GraphIndex, GraphNode, ProofGraph } from './model.js';
import { ancestry, collapsePreprocessing, indexGraph, topoOrder } from './model.js';

/** Colour classes, one per role a reader tells apart. */
export type RoleClass = 'axiom' | 'hypothesis' | 'negated_conjecture' | 'derived' | 'bottom';

export const ROLE_CLASSES: readonly RoleClass[] = ['axiom', 'hypothesis', 'negated_conjecture', 'derived', 'bottom'];

export const ROLE_LABEL: Readonly<Record<RoleClass, string>> = {
  axiom: 'axiom',
  hypothesis: 'hypothesis',
  negated_conjecture: 'negated conjecture',
  derived: 'derived',
  bottom: '⊥ (refutation)',
};

export interface RoleColours {
  readonly fill: string;
  readonly stroke: string;
}

export interface Palette {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly edge: string;
  readonly highlight: string;
  readonly roles: Readonly<Record<RoleClass, RoleColours>>;
}

/** Light and dark palettes; text on every fill has a contrast ratio of at least 7:1 (checked in the tests). */
export const PALETTES: Readonly<Record<'light' | 'dark', Palette>> = {
  light: {
    background: '#ffffff',
    text: '#111827',
    muted: '#4b5563',
    edge: '#8a94a3',
    highlight: '#c2410c',
    roles: {
      axiom: { fill: '#dcfce7', stroke: '#15803d' },
      hypothesis: { fill: '#e0f2fe', stroke: '#0369a1' },
      negated_conjecture: { fill: '#fef3c7', stroke: '#b45309' },
      derived: { fill: '#f3f4f6', stroke: '#6b7280' },
      bottom: { fill: '#fee2e2', stroke: '#b91c1c' },
    },
  },
  dark: {
    background: '#111318',
    text: '#f3f4f6',
    muted: '#b6bcc6',
    edge: '#7b8594',
    highlight: '#fb923c',
    roles: {
      axiom: { fill: '#14532d', stroke: '#4ade80' },
      hypothesis: { fill: '#0c4a6e', stroke: '#38bdf8' },
      negated_conjecture: { fill: '#713f12', stroke: '#fbbf24' },
      derived: { fill: '#1f2937', stroke: '#9ca3af' },
      bottom: { fill: '#7f1d1d', stroke: '#f87171' },
    },
  },
};

const BOTTOM_TEXT = new Set(['⊥', '$false', 'false', '[]', '□', '']);

/** The colour class of a step: inputs by their TPTP role, derived steps, and the refutation (⊥). */
export function roleClass(n: GraphNode, root?: string): RoleClass {
  const text = n.text.trim();
  if (n.id === root && BOTTOM_TEXT.has(text)) return 'bottom';
  if (n.kind === 'theorem' && BOTTOM_TEXT.has(text)) return 'bottom';
  const role = (n.role ?? '').toLowerCase();
  if (role === 'negated_conjecture' || role === 'conjecture' || n.rule === 'negated_conjecture') return 'negated_conjecture';
  if (n.kind === 'input' || n.kind === 'lemma') return role === 'hypothesis' || role === 'assumption' ? 'hypothesis' : 'axiom';
  return 'derived';
}

/**
 * Roles in a dependency graph of theorems (the explorer's: axioms → lemmas → laws), carried
 * in `GraphNode.role`: an axiom or definition; a lemma (a theorem a later one uses); a law
 * (commutativity, associativity, distributivity, identity); any other theorem (a leaf).
 */
export type DependencyRole = 'axiom' | 'lemma' | 'law' | 'leaf';

export const DEPENDENCY_ROLES: readonly DependencyRole[] = ['axiom', 'lemma', 'law', 'leaf'];

export const DEPENDENCY_ROLE_LABEL: Readonly<Record<DependencyRole, string>> = {
  axiom: 'axiom / definition',
  lemma: 'lemma (used later)',
  law: 'law',
  leaf: 'other theorem',
};

/** The palette class each dependency role is drawn in (the same fills, contrast-checked, as proof steps). */
export const DEPENDENCY_ROLE_CLASS: Readonly<Record<DependencyRole, RoleClass>> = {
  axiom: 'axiom',
  lemma: 'hypothesis',
  law: 'bottom',
  leaf: 'derived',
};

function isDependencyRole(r: string | undefined): r is DependencyRole {
  return r === 'axiom' || r === 'lemma' || r === 'law' || r === 'leaf';
}

/** Colour class of a node of a dependency graph (by its role; anything else is 'derived'). */
export function dependencyRoleClass(n: GraphNode): RoleClass {
  return isDependencyRole(n.role) ? DEPENDENCY_ROLE_CLASS[n.role] : 'derived';
}

/** How a graph's nodes are coloured: by dependency role in a dependency graph, else by `roleClass`. */
export function roleClassOf(g: Pick<ProofGraph, 'nodeRoles'>): (n: GraphNode, root: string | undefined) => RoleClass {
  return g.nodeRoles === 'dependencies' ? dependencyRoleClass : roleClass;
}

/** The id of the node standing for a collapsed group. */
export function groupNodeId(group: string): string {
  return `group:${group}`;
}

/**
 * Collapse every group not in `expanded` into one node (id `groupNodeId(group)`, the
 * group's label as its rule and its text as its formula). Edges into or out of a member
 * go to or from that node (once per neighbour, substitutions dropped: they name the
 * hidden steps' variables); edges between members vanish. The root is never collapsed.
 * Returns the graph and, per collapsed node, how many steps it stands for.
 */
export function collapseGroups(
  g: ProofGraph,
  expanded: ReadonlySet<string> = new Set(),
): { graph: ProofGraph; collapsed: ReadonlyMap<string, number> } {
  const groups = (g.groups ?? []).filter((gr) => !expanded.has(gr.id));
  if (groups.length === 0) return { graph: g, collapsed: new Map() };
  const closed = new Map(groups.map((gr) => [gr.id, gr] as const));
  const into = new Map<string, string>();
  const count = new Map<string, number>();
  for (const n of g.nodes) {
    if (n.group === undefined || !closed.has(n.group) || n.id === g.root) continue;
    into.set(n.id, groupNodeId(n.group));
    count.set(n.group, (count.get(n.group) ?? 0) + 1);
  }
  const nodes: GraphNode[] = [];
  const placed = new Set<string>();
  for (const n of g.nodes) {
    const to = into.get(n.id);
    if (to === undefined) {
      nodes.push(n);
      continue;
    }
    if (placed.has(to)) continue;
    placed.add(to);
    const gr = closed.get(n.group!)!;
    const k = count.get(gr.id)!;
    nodes.push({
      id: to,
      label: labelRange(g.nodes.filter((m) => into.get(m.id) === to).map((m) => m.label)),
      text: gr.text,
      rule: gr.label,
      kind: 'inference',
      group: gr.id,
      detail: `${k} step${k === 1 ? '' : 's'} collapsed: click to expand`,
    });
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const e of g.edges) {
    const from = into.get(e.from) ?? e.from;
    const to = into.get(e.to) ?? e.to;
    if (from === to) continue;
    const bypassed = from !== e.from || to !== e.to;
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push(bypassed || e.subst === undefined ? { from, to } : e);
  }
  const collapsed = new Map<string, number>();
  for (const [id, k] of count) collapsed.set(groupNodeId(id), k);
  return { graph: { ...g, nodes, edges }, collapsed };
}

/** The step numbers a collapsed group stands for: `1–14` when they are numbers, else the first label. */
function labelRange(labels: readonly string[]): string {
  const nums = labels.map(Number);
  if (labels.length > 1 && nums.every(Number.isInteger)) return `${Math.min(...nums)}–${Math.max(...nums)}`;
  return labels[0] ?? '';
}

/** Shorten a formula for a label: whitespace runs folded, cut at `max` characters with an ellipsis. */
export function shortFormula(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  return max <= 1 ? '…' : t.slice(0, max - 1) + '…';
}

/**
 * The refutation's spine: from the root upwards, at each step the parent with the
 * largest ancestry (the main line of the argument; side premises hang off it).
 * Returned root first.
 */
export function spine(g: ProofGraph, ix: GraphIndex = indexGraph(g)): string[] {
  if (g.root === undefined || !ix.byId.has(g.root)) return [];
  const size = ancestrySizes(g, ix);
  const out: string[] = [];
  const seen = new Uint8Array(g.nodes.length);
  let i: number | undefined = ix.byId.get(g.root)!;
  while (i !== undefined && !seen[i]) {
    seen[i] = 1;
    out.push(g.nodes[i]!.id);
    let best: number | undefined;
    for (const p of ix.parents[i]!) if (best === undefined || size[p]! > size[best]! || (size[p] === size[best] && p < best)) best = p;
    i = best;
  }
  return out;
}

/**
 * An upper bound on each node's ancestry size (parents' sizes summed, so shared
 * ancestors count twice): linear time, and good enough to pick the main parent.
 */
function ancestrySizes(g: ProofGraph, ix: GraphIndex): Float64Array {
  const size = new Float64Array(g.nodes.length);
  for (const i of topoOrder(g, ix)) {
    let s = 0;
    for (const p of ix.parents[i]!) s += size[p]! + 1;
    size[i] = Math.min(s, 1e12);
  }
  return size;
}

/**
 * "Interesting" steps, most interesting first (after IDV's interestingness): a step
 * scores for being on the spine, for being used often, for a conclusion shorter than
 * each of its premises (a real simplification), and for merging two or more lines.
 * Inputs and the root are not ranked (they are always shown and coloured apart).
 */
export function interestingSteps(g: ProofGraph, ix: GraphIndex = indexGraph(g)): { id: string; score: number }[] {
  const onSpine = new Set(spine(g, ix));
  const out: { id: string; score: number; i: number }[] = [];
  for (let i = 0; i < g.nodes.length; i++) {
    const n = g.nodes[i]!;
    if (n.id === g.root || n.kind === 'input' || n.kind === 'preprocessing') continue;
    const ps = ix.parents[i]!;
    let score = 0;
    if (onSpine.has(n.id)) score += 2;
    score += Math.log2(1 + ix.children[i]!.length);
    if (ps.length > 0 && ps.every((p) => n.text.length < g.nodes[p]!.text.length)) score += 1.5;
    if (ps.length >= 2) score += 0.5;
    out.push({ id: n.id, score, i });
  }
  out.sort((a, b) => b.score - a.score || a.i - b.i);
  return out.map(({ id, score }) => ({ id, score }));
}

/** Which steps a view shows. */
export interface FocusOptions {
  /** Hide preprocessing steps (their ancestors become direct premises). */
  readonly collapsePreprocessing?: boolean;
  /** 'spine': only the spine and its direct premises, plus what `expanded` adds. */
  readonly focus?: 'all' | 'spine';
  /** Show only this step and its ancestry. */
  readonly subproof?: string;
  /** Steps whose premises are shown too (expand on demand). */
  readonly expanded?: readonly string[];
  /** Draw each of the graph's groups (sub-proofs) as one node, except those in `expandedGroups`. */
  readonly collapseGroups?: boolean;
  readonly expandedGroups?: readonly string[];
}

export interface FocusedGraph {
  readonly graph: ProofGraph;
  /** For a shown step whose premises are not all shown: how many of its direct premises are hidden. */
  readonly hiddenParents: ReadonlyMap<string, number>;
  /** Steps of the whole (collapsed) graph that this view leaves out. */
  readonly hiddenCount: number;
  /** Nodes standing for a collapsed group → how many steps each stands for. */
  readonly collapsed: ReadonlyMap<string, number>;
}

/** Restrict a graph to what a view shows. */
export function focusGraph(g0: ProofGraph, opts: FocusOptions = {}): FocusedGraph {
  let g = opts.collapsePreprocessing ? collapsePreprocessing(g0) : g0;
  let collapsed: ReadonlyMap<string, number> = new Map();
  if (opts.collapseGroups) ({ graph: g, collapsed } = collapseGroups(g, new Set(opts.expandedGroups ?? [])));
  let ix = indexGraph(g);
  if (opts.subproof !== undefined && ix.byId.has(opts.subproof)) {
    const keep = new Set(ancestry(g, opts.subproof, ix));
    keep.add(opts.subproof);
    g = restrict(g, keep, opts.subproof);
    ix = indexGraph(g);
  }
  const total = g.nodes.length;
  if (opts.focus === 'spine' && g.root !== undefined && ix.byId.has(g.root)) {
    const keep = new Set<string>();
    const open = (id: string): void => {
      keep.add(id);
      for (const p of ix.parents[ix.byId.get(id)!]!) keep.add(g.nodes[p]!.id);
    };
    for (const id of spine(g, ix)) open(id);
    for (const id of opts.expanded ?? []) if (ix.byId.has(id) && keep.has(id)) open(id);
    g = restrict(g, keep, g.root);
  }
  const shown = indexGraph(g);
  const hiddenParents = new Map<string, number>();
  for (let i = 0; i < g.nodes.length; i++) {
    const full = ix.byId.get(g.nodes[i]!.id);
    if (full === undefined) continue;
    const missing = ix.parents[full]!.length - shown.parents[i]!.length;
    if (missing > 0) hiddenParents.set(g.nodes[i]!.id, missing);
  }
  const shownIds = new Set(g.nodes.map((n) => n.id));
  const collapsedShown = new Map([...collapsed].filter(([id]) => shownIds.has(id)));
  return { graph: g, hiddenParents, hiddenCount: total - g.nodes.length, collapsed: collapsedShown };
}

function restrict(g: ProofGraph, keep: ReadonlySet<string>, root: string | undefined): ProofGraph {
  const { root: _r, ...rest } = g;
  return {
    ...rest,
    ...(root !== undefined ? { root } : {}),
    nodes: g.nodes.filter((n) => keep.has(n.id)),
    edges: g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
  };
}

/** Sizes the layout works with (CSS px at zoom 1). */
export interface LayoutMetrics {
  readonly fontSize: number;
  /** Average glyph advance as a fraction of the font size (system sans-serif ≈ 0.58). */
  readonly charWidth: number;
  readonly maxWidth: number;
  readonly minWidth: number;
  readonly padX: number;
  readonly padY: number;
  readonly lineHeight: number;
  /** Free band between two ranks. */
  readonly rankGap: number;
  /** Free corridor between two columns. */
  readonly colGap: number;
}

export const DEFAULT_METRICS: LayoutMetrics = {
  fontSize: 12,
  charWidth: 0.6,
  maxWidth: 200,
  minWidth: 64,
  padX: 10,
  padY: 6,
  lineHeight: 15,
  rankGap: 40,
  colGap: 24,
};

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One step as drawn: centre, size, rank and column; the two label lines. */
export interface ViewNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly rank: number;
  readonly col: number;
  readonly role: RoleClass;
  /** First label line: step number and rule. */
  readonly title: string;
  /** Second label line: the formula, shortened to fit the box. */
  readonly formula: string;
  readonly interesting: boolean;
  /** Direct premises left out of this view (0 when all are shown). */
  readonly hiddenParents: number;
  /** For a node standing for a collapsed group: how many steps it stands for (0 otherwise). */
  readonly collapsed: number;
}

/** One edge as drawn: a polyline from the bottom of the premise's box to the top of the conclusion's box. */
export interface ViewEdge {
  readonly from: string;
  readonly to: string;
  readonly points: readonly Point[];
  readonly subst?: string;
}

export interface Layout {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  readonly width: number;
  readonly height: number;
}

/** Lay out a graph: ranks by longest path from the inputs, columns by parents' barycentre, routed edges. */
export function layoutGraph(
  g: ProofGraph,
  m: LayoutMetrics = DEFAULT_METRICS,
  extra: {
    hiddenParents?: ReadonlyMap<string, number>;
    interesting?: ReadonlySet<string>;
    collapsed?: ReadonlyMap<string, number>;
    /** Colour class of a node (default `roleClass`). */
    roleOf?: (n: GraphNode, root: string | undefined) => RoleClass;
  } = {},
): Layout {
  const ix = indexGraph(g);
  const n = g.nodes.length;
  const order = topoOrder(g, ix);
  const pos = new Int32Array(n);
  order.forEach((v, k) => (pos[v] = k));
  // Longest path from the sources, over edges that go forward in topological order (a cycle's back edge is ignored).
  const rank = new Int32Array(n);
  for (const v of order) for (const p of ix.parents[v]!) if (pos[p]! < pos[v]! && rank[p]! + 1 > rank[v]!) rank[v] = rank[p]! + 1;
  const ranks: number[][] = [];
  for (const v of order) (ranks[rank[v]!] ??= []).push(v);
  // Columns: rank 0 in topological order; each later rank sorted by the mean column of its parents and placed at
  // the nearest free column at or right of that mean.
  const col = new Int32Array(n);
  let cols = 1;
  const key = new Float64Array(n);
  for (let r = 0; r < ranks.length; r++) {
    const row = ranks[r] ?? [];
    if (r === 0) row.forEach((v, k) => (col[v] = k));
    else {
      for (const v of row) {
        // Parents on the rank just above decide (they are drawn with short edges, so a chain stays one
        // column); only a step whose parents are all further up is placed by all of them.
        const ps = ix.parents[v]!.filter((p) => rank[p]! < r);
        const near = ps.filter((p) => rank[p] === r - 1);
        const by = near.length > 0 ? near : ps;
        key[v] = by.length === 0 ? 0 : by.reduce((s, p) => s + col[p]!, 0) / by.length;
      }
      row.sort((a, b) => key[a]! - key[b]! || pos[a]! - pos[b]!);
      let next = 0;
      for (const v of row) {
        const c = Math.max(next, Math.round(key[v]!));
        col[v] = c;
        next = c + 1;
      }
    }
    for (const v of row) cols = Math.max(cols, col[v]! + 1);
  }
  const h = 2 * m.lineHeight + 2 * m.padY;
  const glyph = m.fontSize * m.charWidth;
  const maxChars = Math.max(4, Math.floor((m.maxWidth - 2 * m.padX) / glyph));
  const pitchX = m.maxWidth + m.colGap;
  const pitchY = h + m.rankGap;
  const interesting = extra.interesting ?? new Set<string>();
  const nodes: ViewNode[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const nd = g.nodes[i]!;
    const title = `${nd.label} · ${nd.rule}`;
    const formula = shortFormula(nd.text, maxChars);
    const chars = Math.max(title.length, formula.length);
    const w = Math.min(m.maxWidth, Math.max(m.minWidth, Math.ceil(chars * glyph + 2 * m.padX)));
    nodes[i] = {
      id: nd.id,
      x: m.colGap / 2 + col[i]! * pitchX + m.maxWidth / 2,
      y: rank[i]! * pitchY + h / 2,
      w,
      h,
      rank: rank[i]!,
      col: col[i]!,
      role: (extra.roleOf ?? roleClass)(nd, g.root),
      title: shortFormula(title, maxChars),
      formula,
      interesting: interesting.has(nd.id),
      hiddenParents: extra.hiddenParents?.get(nd.id) ?? 0,
      collapsed: extra.collapsed?.get(nd.id) ?? 0,
    };
  }
  // Edge routing. Ranks are rows of equal height, so the band between two rows holds no box; columns have a fixed
  // pitch and every box is at most maxWidth wide, so the corridor between two columns holds no box in any row.
  // An edge to the next rank is one segment inside a band; a longer edge goes through the band below its premise
  // to the corridor next to it, down the corridor, and through the band above its conclusion. Lanes spread the
  // edges of one band or corridor apart so they can be told apart.
  const lanes = 5;
  const laneX = (k: number): number => ((k % lanes) - (lanes - 1) / 2) * ((m.colGap * 0.7) / lanes);
  const laneY = (k: number): number => (((k % lanes) + 1) / (lanes + 1)) * m.rankGap;
  const edges: ViewEdge[] = [];
  let k = 0;
  for (const e of g.edges) {
    const a = ix.byId.get(e.from);
    const b = ix.byId.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    const s = nodes[a]!;
    const t = nodes[b]!;
    const start = { x: s.x, y: s.y + s.h / 2 };
    const end = { x: t.x, y: t.y - t.h / 2 };
    let points: Point[];
    if (t.rank === s.rank + 1) points = [start, end];
    else {
      // Back edges of a cycle (t above s) go the same way: through the band below s, up a corridor, the band above t.
      const boundary = t.col > s.col || (t.col === s.col && (k & 1) === 0) ? s.col + 1 : s.col;
      const cx = boundary * pitchX + laneX(k);
      const y1 = s.y + s.h / 2 + laneY(k);
      const y2 = t.y - t.h / 2 - m.rankGap + laneY(k + 2);
      points = [start, { x: cx, y: y1 }, { x: cx, y: y2 }, end];
    }
    edges.push(e.subst !== undefined ? { from: e.from, to: e.to, points, subst: e.subst } : { from: e.from, to: e.to, points });
    k++;
  }
  return { nodes, edges, width: cols * pitchX, height: Math.max(1, ranks.length) * pitchY - m.rankGap };
}

/** Above this many steps a proof opens focused on its spine with preprocessing collapsed. */
export const LARGE_PROOF = 150;

export interface ViewOptions extends FocusOptions {
  readonly metrics?: LayoutMetrics;
  /** How many steps get the "interesting" mark (default: a tenth, at least 3). */
  readonly interesting?: number;
  /** Colour class of a node (default `roleClassOf(graph)`). */
  readonly roleOf?: (n: GraphNode, root: string | undefined) => RoleClass;
}

export interface ProofView {
  readonly graph: ProofGraph;
  readonly layout: Layout;
  readonly hiddenCount: number;
  readonly metrics: LayoutMetrics;
  /** Nodes standing for a collapsed group → how many steps each stands for. */
  readonly collapsed: ReadonlyMap<string, number>;
}

/** The defaults a proof opens with: small proofs whole, large ones collapsed and focused on the spine. */
export function defaultFocus(g: ProofGraph): FocusOptions {
  return g.nodes.length > LARGE_PROOF ? { collapsePreprocessing: true, focus: 'spine' } : { collapsePreprocessing: false, focus: 'all' };
}

/** Everything a view needs: the shown subgraph and its layout. */
export function buildView(g: ProofGraph, opts: ViewOptions = {}): ProofView {
  const f = focusGraph(g, opts);
  const metrics = opts.metrics ?? DEFAULT_METRICS;
  const ranked = interestingSteps(f.graph);
  const count = opts.interesting ?? Math.max(3, Math.floor(f.graph.nodes.length / 10));
  const interesting = new Set(ranked.slice(0, count).map((r) => r.id));
  const layout = layoutGraph(f.graph, metrics, {
    hiddenParents: f.hiddenParents,
    interesting,
    collapsed: f.collapsed,
    roleOf: opts.roleOf ?? roleClassOf(g),
  });
  return { graph: f.graph, layout, hiddenCount: f.hiddenCount, metrics, collapsed: f.collapsed };
}

/** The first view of a layout in a viewport: zoom and pan (rendered = model × zoom + pan). */
export interface Viewport {
  readonly zoom: number;
  readonly pan: Point;
}

/**
 * Fit the whole layout when labels stay at least `minFontPx` on screen; otherwise
 * zoom to exactly that size and centre horizontally on the root with the root
 * near the bottom (the refutation is where a reader starts). Never zooms in past
 * `maxZoom`.
 */
export function initialViewport(
  layout: Layout,
  viewport: { width: number; height: number },
  opts: { fontSize: number; minFontPx?: number; maxZoom?: number; padding?: number; focus?: string } = { fontSize: 12 },
): Viewport {
  const pad = opts.padding ?? 16;
  const minZoom = (opts.minFontPx ?? 11) / opts.fontSize;
  const maxZoom = Math.max(minZoom, opts.maxZoom ?? 1.6);
  const fit = Math.min((viewport.width - 2 * pad) / Math.max(1, layout.width), (viewport.height - 2 * pad) / Math.max(1, layout.height));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  if (zoom <= fit + 1e-9)
    return {
      zoom,
      pan: { x: (viewport.width - layout.width * zoom) / 2, y: (viewport.height - layout.height * zoom) / 2 },
    };
  const at =
    layout.nodes.find((n) => n.id === opts.focus) ??
    layout.nodes.reduce<ViewNode | undefined>((a, b) => (a && a.y >= b.y ? a : b), undefined);
  if (!at) return { zoom, pan: { x: pad, y: pad } };
  const x = viewport.width / 2 - at.x * zoom;
  const y = Math.min(pad, viewport.height - pad - (at.y + at.h / 2) * zoom);
  return { zoom, pan: { x, y } };
}

/** Does the open segment p–q pass through the interior of the box (centre x, y; size w × h)? */
export function segmentHitsBox(p: Point, q: Point, b: { x: number; y: number; w: number; h: number }, eps = 1e-6): boolean {
  const x0 = b.x - b.w / 2 + eps;
  const x1 = b.x + b.w / 2 - eps;
  const y0 = b.y - b.h / 2 + eps;
  const y1 = b.y + b.h / 2 - eps;
  // Liang–Barsky: p + t·(q − p) for t in [0, 1], clipped by four constraints den · t <= num.
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const cons: readonly (readonly [number, number])[] = [
    [-dx, p.x - x0],
    [dx, x1 - p.x],
    [-dy, p.y - y0],
    [dy, y1 - p.y],
  ];
  for (const [den, num] of cons) {
    if (den === 0) {
      if (num < 0) return false;
      continue;
    }
    const t = num / den;
    if (den < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}
