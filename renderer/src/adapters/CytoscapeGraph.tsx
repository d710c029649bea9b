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
import type { GraphData } from '../../../electron/common/api.js';
import { graphToSvg, layeredLayout, truncate } from '../state/graphview.js';

/** Above this many nodes the fast layered layout replaces dagre (see layeredLayout). */
const DAGRE_MAX_NODES = 150;

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
    __entailGraph?: { nodeCenter(id: string): { x: number; y: number } | undefined; readyMs?: number; nodes: number; root?: string };
  }
}

function stylesheet(big: boolean): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        'background-color': '#ffffff',
        'border-width': 1,
        'border-color': '#6b7280',
        label: 'data(display)',
        'font-size': 10,
        'text-valign': 'center',
        'text-halign': 'center',
        // Labels are pre-truncated; wrapping costs a text measurement per node, so large graphs skip it.
        'text-wrap': big ? 'none' : 'ellipsis',
        'text-max-width': '220px',
        width: 'data(w)',
        height: 26,
        'min-zoomed-font-size': 6,
        color: '#111827',
      },
    },
    { selector: 'node[kind = "input"]', style: { 'background-color': '#e0ecff', 'border-color': '#3b6fd8' } },
    { selector: 'node[kind = "preprocessing"]', style: { 'background-color': '#f3f4f6', 'border-style': 'dashed' } },
    { selector: 'node[kind = "theorem"]', style: { 'background-color': '#fde2e1', 'border-color': '#c2410c', 'border-width': 2 } },
    { selector: 'node[kind = "lemma"]', style: { 'background-color': '#fef9c3' } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': '#9ca3af',
        'target-arrow-color': '#9ca3af',
        'target-arrow-shape': 'triangle',
        'curve-style': big ? 'straight' : 'bezier',
        'arrow-scale': 0.7,
      },
    },
    // Colour-only changes: no geometry recomputation when a selection restyles thousands of elements.
    { selector: 'node.ancestor', style: { 'border-color': '#d97706', 'background-color': '#fff7e6' } },
    { selector: 'edge.ancestor', style: { 'line-color': '#d97706', 'target-arrow-color': '#d97706' } },
    { selector: 'node.match', style: { 'background-color': '#fde68a' } },
    { selector: 'node:selected', style: { 'border-color': '#b91c1c', 'background-color': '#fee2e2' } },
    { selector: '.faded', style: { opacity: 0.35 } },
  ];
}

export const CytoscapeGraph = forwardRef<GraphHandle, CytoscapeGraphProps>(function CytoscapeGraph(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useImperativeHandle(ref, () => ({
    fit: () => cyRef.current?.fit(undefined, 20),
    zoom: (f) => {
      const cy = cyRef.current;
      if (cy) cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    png: () => cyRef.current?.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }),
    svg: () => {
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
    const widths = new Map<string, number>();
    for (const n of g.nodes) {
      const display = `${n.label}. ${truncate(n.text, 40)}`;
      widths.set(n.id, Math.min(230, 14 + display.length * 5.6));
    }
    const big = g.nodes.length > DAGRE_MAX_NODES;
    const positions = big ? layeredLayout(g, (id) => widths.get(id) ?? 100) : undefined;
    for (const n of g.nodes) {
      const display = `${n.label}. ${truncate(n.text, 40)}`;
      elements.push({
        group: 'nodes',
        data: { id: n.id, display, kind: n.kind, w: widths.get(n.id)! },
        ...(positions ? { position: { ...positions.get(n.id)! } } : {}),
      });
    }
    let k = 0;
    for (const e of g.edges)
      if (ids.has(e.from) && ids.has(e.to)) elements.push({ group: 'edges', data: { id: `e${k++}`, source: e.from, target: e.to } });
    const cy = cytoscape({
      container: host.current!,
      elements,
      style: stylesheet(big),
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Large proofs: draw a cached texture while panning/zooming.
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (ev) => latest.current.onSelect(ev.target.id() as string));
    cy.on('tap', (ev) => {
      if (ev.target === cy) latest.current.onSelect(undefined);
    });
    const ready = (): void => {
      // A big proof fitted whole is unreadable dots: start at a readable zoom on the conclusion (Fit shows all).
      if (big && g.root !== undefined && cy.$id(g.root).nonempty()) {
        cy.zoom(0.9);
        cy.center(cy.$id(g.root));
      }
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
    if (big)
      ready(); // positions came with the elements: no layout pass at all
    else {
      const layout = cy.layout({
        name: 'dagre',
        rankDir: 'TB',
        nodeSep: 12,
        rankSep: 36,
        animate: false,
        fit: true,
        padding: 20,
      } as cytoscape.LayoutOptions);
      layout.one('layoutstop', ready);
      layout.run();
    }
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [props.graph]);

  // Selection, ancestry and search highlights: restyle only, with whole-collection class operations.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.ancestor, .match, .faded').removeClass('ancestor match faded');
      cy.$(':selected').unselect();
      if (props.selected) {
        const sel = cy.$id(props.selected);
        if (sel.nonempty()) {
          sel.select();
          // predecessors(): every ancestor node and the edges between them.
          const anc = sel.predecessors();
          anc.addClass('ancestor');
          cy.elements().not(anc).not(sel).addClass('faded');
        }
      }
      if (props.matches.length > 0) {
        let m = cy.collection();
        for (const id of props.matches) m = m.union(cy.$id(id));
        m.addClass('match');
      }
    });
  }, [props.selected, props.matches, props.graph]);

  return <div ref={host} className="graph-host" data-testid="graph-canvas" />;
});
