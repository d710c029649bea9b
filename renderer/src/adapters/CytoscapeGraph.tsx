/**
 * Cytoscape + dagre inside one adapter component. Props in (graph, selection,
 * highlights), selection out; an imperative handle for fit/zoom/export. The
 * graph is rebuilt only when the graph object changes; selection and search only
 * restyle (class toggles in one batch), which is what keeps 2,000-node proofs
 * interactive.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { GraphData } from '../../../api/contract.js';
import { ancestorsOf, graphToSvg, layeredLayout, truncate } from '../state/graphview.js';

/** Above this many nodes the fast layered layout replaces dagre (see layeredLayout). */
const DAGRE_MAX_NODES = 150;
/** A big proof fitted whole is unreadable dots: it opens at this zoom, centred on the conclusion (Fit shows all). */
const BIG_ZOOM = 0.9;

cytoscape.use(dagre);

export interface GraphHandle {
  fit(): void;
  zoom(factor: number): void;
  png(): Blob | undefined;
  svg(): string | undefined;
}

export interface CytoscapeGraphProps {
  readonly graph: GraphData;
  readonly selected?: string;
  readonly matches: readonly string[];
  readonly onSelect: (id: string | undefined) => void;
  /** Called once the layout is done and the graph is interactive (ms since mount). */
  readonly onReady?: (ms: number) => void;
}

declare global {
  interface Window {
    /** Test/bench hook: where a node is drawn (page coordinates) and when the last layout finished. */
    __entailGraph?: {
      nodeCenter(id: string): { x: number; y: number } | undefined;
      readyMs?: number;
      /** Large graphs: when the last idle-time chunk was added (ms since mount); equals readyMs otherwise. */
      completeMs?: number;
      nodes: number;
      root?: string;
    };
  }
}

/** Node width from its label; large graphs round it up to a multiple of this so the width can be a class. */
const WIDTH_STEP = 20;
const MAX_WIDTH = 230;

function labelWidth(display: string, big: boolean): number {
  const w = Math.min(MAX_WIDTH, 14 + display.length * 5.6);
  return big ? Math.min(MAX_WIDTH + WIDTH_STEP, Math.ceil(w / WIDTH_STEP) * WIDTH_STEP) : w;
}

/**
 * Every style is a plain value keyed by selector or class (no style functions); the node kind is a class.
 * Large graphs get the cheapest form: every property an element carries is applied (and checked for
 * bounds/z-order triggers) once per element, so they set as few as possible — width by class instead of a
 * data mapper, Cytoscape's default haystack edges (straight, centre to centre, under the nodes — the layered
 * layout already points them downwards), no arrows, no label wrapping.
 */
function stylesheet(big: boolean, widths: ReadonlySet<number>): cytoscape.StylesheetJson {
  const node: cytoscape.Css.Node = {
    shape: 'round-rectangle',
    'background-color': '#ffffff',
    'border-width': 1,
    'border-color': '#6b7280',
    label: 'data(display)',
    'font-size': 10,
    'text-valign': 'center',
    height: 26,
    // Below 6 px on screen labels are not drawn at all.
    'min-zoomed-font-size': 6,
    ...(big ? {} : { width: 'data(w)', color: '#111827', 'text-halign': 'center', 'text-wrap': 'ellipsis', 'text-max-width': '220px' }),
  };
  const edge: cytoscape.Css.Edge = big
    ? { width: 1, 'line-color': '#9ca3af' }
    : {
        width: 1,
        'line-color': '#9ca3af',
        'target-arrow-color': '#9ca3af',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        'arrow-scale': 0.7,
      };
  return [
    { selector: 'node', style: node },
    ...[...widths].map((w) => ({ selector: `node.w${w}`, style: { width: w } })),
    { selector: 'node.k-input', style: { 'background-color': '#e0ecff', 'border-color': '#3b6fd8' } },
    { selector: 'node.k-preprocessing', style: { 'background-color': '#f3f4f6', 'border-style': 'dashed' } },
    { selector: 'node.k-theorem', style: { 'background-color': '#fde2e1', 'border-color': '#c2410c', 'border-width': 2 } },
    { selector: 'node.k-lemma', style: { 'background-color': '#fef9c3' } },
    { selector: 'edge', style: edge },
    // Colour-only changes: no geometry recomputation when a selection restyles thousands of elements.
    { selector: 'node.ancestor', style: { 'border-color': '#d97706', 'background-color': '#fff7e6' } },
    { selector: 'edge.ancestor', style: big ? { 'line-color': '#d97706' } : { 'line-color': '#d97706', 'target-arrow-color': '#d97706' } },
    { selector: 'node.match', style: { 'background-color': '#fde68a' } },
    { selector: 'node:selected', style: { 'border-color': '#b91c1c', 'background-color': '#fee2e2' } },
    { selector: '.faded', style: { opacity: 0.35 } },
  ];
}

/** Large graphs: elements outside the first view are added in idle time, this many per chunk. */
const CHUNK = 400;

/** The current selection / search, so elements added later get the same classes as those already drawn. */
interface Highlight {
  readonly selected?: string;
  readonly anc: ReadonlySet<string>;
  readonly matches: ReadonlySet<string>;
}

/**
 * Highlight classes of one element: with a selection, its ancestor steps and the edges into them and into the
 * selection are `ancestor`, everything else but the selection is `faded` (what `predecessors()` gives, but
 * computed on the whole graph, so it is right for elements not added yet).
 */
function highlightClass(h: Highlight, group: 'nodes' | 'edges', id: string, target?: string): string[] {
  const out: string[] = [];
  if (h.selected !== undefined) {
    if (group === 'nodes') {
      if (h.anc.has(id)) out.push('ancestor');
      else if (id !== h.selected) out.push('faded');
    } else out.push(target !== undefined && (target === h.selected || h.anc.has(target)) ? 'ancestor' : 'faded');
  }
  if (group === 'nodes' && h.matches.has(id)) out.push('match');
  return out;
}

export const CytoscapeGraph = forwardRef<GraphHandle, CytoscapeGraphProps>(function CytoscapeGraph(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const highlight = useRef<Highlight>({ anc: new Set(), matches: new Set() });
  /** Adds whatever is still waiting for idle time (before Fit and the exports, which need the whole graph). */
  const flush = useRef<() => void>(() => {});

  useImperativeHandle(ref, () => ({
    fit: () => {
      flush.current();
      cyRef.current?.fit(undefined, 20);
    },
    zoom: (f) => {
      const cy = cyRef.current;
      if (cy) cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    png: () => {
      flush.current();
      return cyRef.current?.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    },
    svg: () => {
      flush.current();
      const cy = cyRef.current;
      if (!cy) return undefined;
      const pos = new Map<string, { x: number; y: number; w: number; h: number }>();
      cy.nodes().forEach((n) => {
        const p = n.position();
        pos.set(n.id(), { x: p.x, y: p.y, w: n.width(), h: n.height() });
      });
      return graphToSvg(latest.current.graph, pos);
    },
  }));

  // Build + lay out when the graph changes.
  useEffect(() => {
    const t0 = performance.now();
    const g = props.graph;
    const ids = new Set(g.nodes.map((n) => n.id));
    const elements: cytoscape.ElementDefinition[] = [];
    const big = g.nodes.length > DAGRE_MAX_NODES;
    const display = new Map<string, string>();
    const widths = new Map<string, number>();
    for (const n of g.nodes) {
      const d = `${n.label}. ${truncate(n.text, 40)}`;
      display.set(n.id, d);
      widths.set(n.id, labelWidth(d, big));
    }
    const positions = big ? layeredLayout(g, (id) => widths.get(id) ?? 100) : undefined;
    const rootAt = positions && g.root !== undefined ? positions.get(g.root) : undefined;
    const view =
      positions && host.current
        ? {
            zoom: BIG_ZOOM,
            pan: rootAt
              ? { x: host.current.clientWidth / 2 - BIG_ZOOM * rootAt.x, y: host.current.clientHeight / 2 - BIG_ZOOM * rootAt.y }
              : { x: host.current.clientWidth / 2, y: 40 },
          }
        : undefined;
    for (const n of g.nodes) {
      const w = widths.get(n.id)!;
      elements.push({
        group: 'nodes',
        data: big ? { id: n.id, display: display.get(n.id)! } : { id: n.id, display: display.get(n.id)!, w },
        classes: big ? [`k-${n.kind}`, `w${w}`] : [`k-${n.kind}`],
        ...(positions ? { position: { ...positions.get(n.id)! } } : {}),
      });
    }
    const edgeDefs: cytoscape.ElementDefinition[] = [];
    let k = 0;
    for (const e of g.edges)
      if (ids.has(e.from) && ids.has(e.to)) edgeDefs.push({ group: 'edges', data: { id: `e${k++}`, source: e.from, target: e.to } });
    // Large proofs: Cytoscape styles every element before its first frame (≈ 0.1–0.2 ms each here), so only the
    // first view (plus half a screen around it, and the far ends of the edges that reach into it) is built now;
    // the rest follows in idle-time chunks, nearest first, and a click meanwhile is answered between chunks.
    let first = [...elements, ...edgeDefs];
    const chunks: cytoscape.ElementDefinition[][] = [];
    if (positions && view && host.current) {
      const { zoom, pan } = view;
      const w = host.current.clientWidth / zoom;
      const h = host.current.clientHeight / zoom;
      const [x0, y0] = [-pan.x / zoom - w / 2, -pan.y / zoom - h / 2];
      const near = new Set<string>();
      for (const [id, p] of positions) if (p.x >= x0 && p.x <= x0 + 2 * w && p.y >= y0 && p.y <= y0 + 2 * h) near.add(id);
      const now = new Set(near);
      for (const e of edgeDefs) {
        const { source, target } = e.data as { source: string; target: string };
        if (near.has(source) || near.has(target)) now.add(source).add(target);
      }
      first = [];
      const later: cytoscape.ElementDefinition[] = [];
      for (const d of elements) (now.has(d.data.id!) ? first : later).push(d);
      const edgesOf = new Map<string, cytoscape.ElementDefinition[]>();
      for (const e of edgeDefs) {
        const { source, target } = e.data as { source: string; target: string };
        if (now.has(source) && now.has(target)) first.push(e);
        else
          for (const end of [source, target]) {
            let l = edgesOf.get(end);
            if (!l) edgesOf.set(end, (l = []));
            l.push(e);
          }
      }
      const c = rootAt ?? { x: 0, y: 0 };
      const dist = (d: cytoscape.ElementDefinition): number => {
        const p = positions.get(d.data.id!)!;
        return Math.abs(p.x - c.x) + Math.abs(p.y - c.y);
      };
      later.sort((a, b) => dist(a) - dist(b));
      const present = now;
      const added = new Set<cytoscape.ElementDefinition>();
      let chunk: cytoscape.ElementDefinition[] = [];
      for (const d of later) {
        const id = d.data.id!;
        chunk.push(d);
        present.add(id);
        for (const e of edgesOf.get(id) ?? []) {
          const { source, target } = e.data as { source: string; target: string };
          if (!added.has(e) && present.has(source) && present.has(target)) {
            added.add(e);
            chunk.push(e);
          }
        }
        if (chunk.length >= CHUNK) {
          chunks.push(chunk);
          chunk = [];
        }
      }
      if (chunk.length > 0) chunks.push(chunk);
    }
    const cy = cytoscape({
      container: host.current!,
      elements: first,
      style: stylesheet(big, big ? new Set(widths.values()) : new Set()),
      // Large proofs: positions come with the elements, and the first view is a readable zoom on the
      // conclusion, set here rather than by fit() + zoom() afterwards — fitting measures every element's
      // bounding box, i.e. computes every element's style before the first frame.
      layout: view ? { name: 'preset', fit: false, zoom: view.zoom, pan: view.pan } : { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Large proofs: draw a cached texture while panning/zooming.
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
      motionBlur: false,
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (ev) => latest.current.onSelect(ev.target.id() as string));
    cy.on('tap', (ev) => {
      if (ev.target === cy) latest.current.onSelect(undefined);
    });
    const ready = (): void => {
      const ms = performance.now() - t0;
      window.__entailGraph = {
        nodes: g.nodes.length,
        readyMs: ms,
        ...(g.root !== undefined ? { root: g.root } : {}),
        nodeCenter(id) {
          const n = cy.$id(id);
          if (n.empty() || !host.current) return undefined;
          const rp = n.renderedPosition();
          const r = host.current.getBoundingClientRect();
          return { x: r.left + rp.x, y: r.top + rp.y };
        },
      };
      latest.current.onReady?.(ms);
    };
    let idle: number | undefined;
    const complete = (): void => {
      if (window.__entailGraph) window.__entailGraph.completeMs = performance.now() - t0;
    };
    const addChunk = (defs: cytoscape.ElementDefinition[]): void => {
      const h = highlight.current;
      for (const d of defs) {
        const group = d.group === 'edges' ? 'edges' : 'nodes';
        const extra = highlightClass(h, group, d.data.id!, (d.data as { target?: string }).target);
        if (extra.length > 0) d.classes = [...((d.classes as string[] | undefined) ?? []), ...extra];
        if (d.data.id === h.selected) d.selected = true;
      }
      cy.add(defs);
    };
    const step = (): void => {
      idle = undefined;
      const next = chunks.shift();
      if (next) addChunk(next);
      if (chunks.length > 0) idle = requestIdleCallback(step, { timeout: 300 });
      else complete();
    };
    flush.current = () => {
      if (idle !== undefined) cancelIdleCallback(idle);
      idle = undefined;
      if (chunks.length === 0) return;
      cy.batch(() => {
        for (const c of chunks.splice(0)) addChunk(c);
      });
      complete();
    };
    if (big) {
      ready(); // positions came with the elements: no layout pass at all
      if (chunks.length > 0) idle = requestIdleCallback(step, { timeout: 300 });
      else complete();
    } else {
      const layout = cy.layout({
        name: 'dagre',
        rankDir: 'TB',
        nodeSep: 12,
        rankSep: 36,
        animate: false,
        fit: true,
        padding: 20,
      } as cytoscape.LayoutOptions);
      layout.one('layoutstop', () => {
        ready();
        complete();
      });
      layout.run();
    }
    return () => {
      if (idle !== undefined) cancelIdleCallback(idle);
      flush.current = () => {};
      cy.destroy();
      cyRef.current = null;
    };
  }, [props.graph]);

  // Selection, ancestry and search highlights: restyle only, with whole-collection class operations in one batch.
  useEffect(() => {
    const h: Highlight = {
      ...(props.selected !== undefined ? { selected: props.selected } : {}),
      anc: props.selected !== undefined ? ancestorsOf(props.graph, props.selected) : new Set(),
      matches: new Set(props.matches),
    };
    highlight.current = h;
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.ancestor, .match, .faded').removeClass('ancestor match faded');
      cy.$(':selected').unselect();
      if (h.selected !== undefined) cy.$id(h.selected).select();
      if (h.selected === undefined && h.matches.size === 0) return;
      const by = new Map<string, cytoscape.CollectionReturnValue>();
      cy.elements().forEach((ele) => {
        const edge = ele.isEdge();
        for (const c of highlightClass(h, edge ? 'edges' : 'nodes', ele.id(), edge ? (ele.data('target') as string) : undefined)) {
          let l = by.get(c);
          if (!l) by.set(c, (l = cy.collection()));
          l.merge(ele); // in place
        }
      });
      for (const [c, eles] of by) eles.addClass(c);
    });
  }, [props.selected, props.matches, props.graph]);

  return <div ref={host} className="graph-host" data-testid="graph-canvas" />;
});
