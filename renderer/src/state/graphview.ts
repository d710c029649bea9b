/**
 * Graph-view helpers for the explorer that are specific to the panel (parent lists
 * with substitutions, search, the SVG download). Which steps are shown, ancestry
 * and the layout come from the proof-graph view model (provers/graph/view.ts), the
 * same code the HTML export draws with.
 */
import type { GraphData, GraphNode } from '../../../api/contract.js';
import { ancestry, collapsePreprocessing as collapse } from '../../../provers/graph/model.js';
import { DEFAULT_METRICS, layoutGraph } from '../../../provers/graph/view.js';

/** Hide preprocessing steps (their nearest visible ancestors become direct premises). */
export function collapsePreprocessing(g: GraphData): GraphData {
  return collapse(g);
}

export function ancestorsOf(g: GraphData, id: string): Set<string> {
  return new Set(ancestry(g, id));
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

/** Node centres from the view model's layered layout, with columns wide enough for the widest `width`. */
export function layeredLayout(g: GraphData, width: (id: string) => number): Map<string, Placed> {
  const maxWidth = Math.max(DEFAULT_METRICS.minWidth, ...g.nodes.map((n) => width(n.id)));
  const layout = layoutGraph(g, { ...DEFAULT_METRICS, maxWidth });
  return new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y }] as const));
}
