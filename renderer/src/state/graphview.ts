/**
 * Pure graph-view computations for the explorer (headless-testable): collapsing
 * preprocessing steps, ancestry highlight, search, and an SVG rendering of a
 * laid-out graph for export.
 */
import type { GraphData, GraphEdge, GraphNode } from '../../../api/contract.js';

/**
 * Hide preprocessing nodes: every edge into a visible node is redirected to its
 * nearest visible ancestors, so the shape of the proof survives the collapse.
 */
export function collapsePreprocessing(g: GraphData): GraphData {
  const hidden = new Set(g.nodes.filter((n) => n.kind === 'preprocessing').map((n) => n.id));
  if (hidden.size === 0) return g;
  const parents = new Map<string, GraphEdge[]>();
  for (const e of g.edges) {
    let l = parents.get(e.to);
    if (!l) parents.set(e.to, (l = []));
    l.push(e);
  }
  // Memoised: nearest visible ancestors of a hidden node.
  const memo = new Map<string, string[]>();
  const visibleAbove = (id: string): string[] => {
    const hit = memo.get(id);
    if (hit) return hit;
    memo.set(id, []); // cycle guard
    const out = new Set<string>();
    for (const e of parents.get(id) ?? []) {
      if (hidden.has(e.from)) for (const v of visibleAbove(e.from)) out.add(v);
      else out.add(e.from);
    }
    const res = [...out];
    memo.set(id, res);
    return res;
  };
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const n of g.nodes) {
    if (hidden.has(n.id)) continue;
    for (const e of parents.get(n.id) ?? []) {
      const froms = hidden.has(e.from) ? visibleAbove(e.from) : [e.from];
      for (const f of froms) {
        const key = `${f}\u0000${n.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push(hidden.has(e.from) ? { from: f, to: n.id } : e);
      }
    }
  }
  return { ...g, nodes: g.nodes.filter((n) => !hidden.has(n.id)), edges };
}

export function parentsOf(g: GraphData, id: string): { node: GraphNode; subst?: string }[] {
  const byId = new Map(g.nodes.map((n) => [n.id, n] as const));
  const out: { node: GraphNode; subst?: string }[] = [];
  for (const e of g.edges) {
    if (e.to !== id) continue;
    const n = byId.get(e.from);
    if (n) out.push(e.subst !== undefined ? { node: n, subst: e.subst } : { node: n });
  }
  return out;
}

export function ancestorsOf(g: GraphData, id: string): Set<string> {
  const parents = new Map<string, string[]>();
  for (const e of g.edges) {
    let l = parents.get(e.to);
    if (!l) parents.set(e.to, (l = []));
    l.push(e.from);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const x = stack.pop()!;
    for (const p of parents.get(x) ?? []) {
      if (!out.has(p)) {
        out.add(p);
        stack.push(p);
      }
    }
  }
  return out;
}

/** Nodes whose step number, rule or text contains the query (case-insensitive). */
export function searchNodes(g: GraphData, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return g.nodes.filter((n) => n.label === q || n.rule.toLowerCase().includes(q) || n.text.toLowerCase().includes(q)).map((n) => n.id);
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Standalone SVG of a laid-out graph (positions are node centres). */
export function graphToSvg(g: GraphData, pos: ReadonlyMap<string, { x: number; y: number; w: number; h: number }>): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of pos.values()) {
    minX = Math.min(minX, p.x - p.w / 2);
    minY = Math.min(minY, p.y - p.h / 2);
    maxX = Math.max(maxX, p.x + p.w / 2);
    maxY = Math.max(maxY, p.y + p.h / 2);
  }
  if (!Number.isFinite(minX)) {
    minX = minY = 0;
    maxX = maxY = 100;
  }
  const pad = 20;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}" font-family="sans-serif" font-size="11">`,
    `<title>${esc(g.title)}</title>`,
    '<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="#888"/></marker></defs>',
  ];
  for (const e of g.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    parts.push(`<line x1="${a.x}" y1="${a.y + a.h / 2}" x2="${b.x}" y2="${b.y - b.h / 2}" stroke="#888" marker-end="url(#a)"/>`);
  }
  for (const n of g.nodes) {
    const p = pos.get(n.id);
    if (!p) continue;
    const fill = n.kind === 'theorem' ? '#fde2e1' : n.kind === 'input' ? '#e3f0ff' : n.kind === 'preprocessing' ? '#f1f1f1' : '#fff';
    parts.push(
      `<g><rect x="${p.x - p.w / 2}" y="${p.y - p.h / 2}" width="${p.w}" height="${p.h}" rx="4" fill="${fill}" stroke="#555"/>` +
        `<text x="${p.x}" y="${p.y + 4}" text-anchor="middle">${esc(`${n.label}. ${truncate(n.text, 60)}`)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

export interface Placed {
  readonly x: number;
  readonly y: number;
}

/**
 * Fast layered layout for large graphs, O(V log V + E): rank = longest path from
 * the inputs, then one top-down barycentre sweep orders each rank by the mean x
 * of its parents. Why not dagre for everything: dagre adds a dummy node per rank
 * an edge crosses, and proofs have long edges (an axiom used deep in the proof),
 * so a 2,000-step proof can mean millions of dummies and tens of seconds.
 */
export function layeredLayout(
  g: GraphData,
  width: (id: string) => number,
  opts: { rankGap?: number; nodeGap?: number } = {},
): Map<string, Placed> {
  const rankGap = opts.rankGap ?? 62;
  const nodeGap = opts.nodeGap ?? 14;
  const n = g.nodes.length;
  const index = new Map<string, number>();
  g.nodes.forEach((nd, i) => index.set(nd.id, i));
  const parents: number[][] = g.nodes.map(() => []);
  const children: number[][] = g.nodes.map(() => []);
  for (const e of g.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    parents[b]!.push(a);
    children[a]!.push(b);
  }
  // Kahn's algorithm; nodes left on a cycle are released in input order.
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = parents[i]!.length;
  const rank = new Int32Array(n);
  const done = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
  let head = 0;
  let placed = 0;
  let scan = 0;
  while (placed < n) {
    if (head === queue.length) {
      while (done[scan]) scan++;
      queue.push(scan);
    }
    const v = queue[head++]!;
    if (done[v]) continue;
    done[v] = 1;
    placed++;
    for (const p of parents[v]!) if (done[p] && rank[p]! + 1 > rank[v]!) rank[v] = rank[p]! + 1;
    for (const c of children[v]!) if (--indeg[c]! === 0) queue.push(c);
  }
  const ranks: number[][] = [];
  for (let i = 0; i < n; i++) (ranks[rank[i]!] ??= []).push(i);
  const x = new Float64Array(n);
  const out = new Map<string, Placed>();
  for (let r = 0; r < ranks.length; r++) {
    const row = ranks[r] ?? [];
    if (r > 0) {
      const key = new Float64Array(n);
      row.forEach((v, k) => {
        const ps = parents[v]!;
        key[v] = ps.length === 0 ? k * 1e-6 : ps.reduce((s, p) => s + x[p]!, 0) / ps.length;
      });
      row.sort((a, b) => key[a]! - key[b]! || a - b);
    }
    let total = 0;
    for (const v of row) total += width(g.nodes[v]!.id) + nodeGap;
    let cursor = -total / 2;
    for (const v of row) {
      const w = width(g.nodes[v]!.id);
      x[v] = cursor + w / 2;
      cursor += w + nodeGap;
      out.set(g.nodes[v]!.id, { x: x[v]!, y: r * rankGap });
    }
  }
  return out;
}
