/**
 * Cytoscape inside one adapter component. It draws a `ProofView` from the proof-graph
 * view model as given: positions, box sizes, the two label lines, role colours and the
 * routed edges all come from there (the HTML export draws the same view), so this file
 * only translates it into Cytoscape elements and styles. The first view is the view
 * model's `initialViewport` (labels at least 11 px on screen). Selection and search
 * only restyle (class toggles in one batch).
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import type { ProofView, RoleClass, ViewEdge, ViewNode } from '../../../provers/graph/view.js';
import { PALETTES, ROLE_CLASSES, initialViewport } from '../../../provers/graph/view.js';
import { ancestorsOf, graphToSvg } from '../state/graphview.js';

export interface GraphHandle {
  fit(): void;
  zoom(factor: number): void;
  png(): Blob | undefined;
  svg(): string | undefined;
}

export interface CytoscapeGraphProps {
  readonly view: ProofView;
  readonly selected?: string;
  readonly matches: readonly string[];
  /** Steps fed by the formula under the editor's cursor (drawn with a halo). */
  readonly fed?: readonly string[];
  readonly onSelect: (id: string | undefined) => void;
  /** Double-click on a step with hidden premises. */
  readonly onExpand?: (id: string) => void;
  /** Called once the graph is drawn and interactive (ms since the graph was given). */
  readonly onReady?: (ms: number) => void;
}

declare global {
  interface Window {
    /** Test/bench hook: what is drawn where, and when the graph became interactive. */
    __entailGraph?: {
      nodeCenter(id: string): { x: number; y: number } | undefined;
      /** Every node's box in page coordinates, with its rendered font size (zoom × font size). */
      boxes(): { id: string; x1: number; y1: number; x2: number; y2: number; fontPx: number }[];
      /** The canvas in page coordinates. */
      canvas(): { x: number; y: number; width: number; height: number };
      /** Ids of the steps drawn as fed by the editor's cursor formula. */
      fed(): string[];
      readyMs?: number;
      completeMs?: number;
      nodes: number;
      root?: string;
    };
  }
}

/** Above this many steps the view uses the cheaper drawing and highlighting paths. */
const BIG = 400;
/** In a large view, the most ancestors that are restyled on a click. */
const MAX_RESTYLE = 300;

/** Follows the system colour scheme (the workbench has no theme setting of its own). */
function useDark(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = (e: MediaQueryListEvent): void => setDark(e.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, [query]);
  return dark;
}

function stylesheet(view: ProofView, dark: boolean): cytoscape.StylesheetJson {
  const p = PALETTES[dark ? 'dark' : 'light'];
  const m = view.metrics;
  const roles = ROLE_CLASSES.map((r: RoleClass) => ({
    selector: `node.role-${r}`,
    style: { 'background-color': p.roles[r].fill, 'border-color': p.roles[r].stroke },
  }));
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 'data(h)',
        'border-width': 1.2,
        label: 'data(display)',
        'font-size': m.fontSize,
        'font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif',
        color: p.text,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'line-height': m.lineHeight / m.fontSize,
        'min-zoomed-font-size': 4,
      },
    },
    ...roles,
    { selector: 'node.interesting', style: { 'border-width': 2.6 } },
    { selector: 'node.has-hidden', style: { 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: {
        width: 1.1,
        'line-color': p.edge,
        'target-arrow-color': p.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'straight',
        'source-endpoint': 'data(se)',
        'target-endpoint': 'data(te)',
      },
    },
    {
      selector: 'edge.routed',
      style: {
        'curve-style': 'segments',
        'edge-distances': 'endpoints',
        'segment-weights': 'data(sw)',
        'segment-distances': 'data(sd)',
      } as unknown as cytoscape.Css.Edge,
    },
    { selector: 'node.ancestor', style: { 'border-color': p.highlight, 'border-width': 2.4 } },
    { selector: 'edge.ancestor', style: { 'line-color': p.highlight, 'target-arrow-color': p.highlight, width: 2 } },
    { selector: 'node.match', style: { 'border-color': p.highlight, 'border-width': 3 } },
    { selector: 'node:selected', style: { 'border-color': p.highlight, 'border-width': 3.5 } },
    { selector: '.faded', style: { opacity: 0.4 } },
    {
      selector: 'node.fed',
      style: { 'underlay-color': p.highlight, 'underlay-opacity': 0.45, 'underlay-padding': 5, 'underlay-shape': 'round-rectangle' },
    } as unknown as cytoscape.StylesheetJsonBlock,
  ];
}

/**
 * An edge's bend points in Cytoscape's terms: with `edge-distances: endpoints` each point is
 * `S + w·(T − S) + d·n`, where S and T are the edge's own end points and n is (T − S) turned a
 * quarter to the left, normalised.
 */
function segmentsOf(e: ViewEdge): { sw: number[]; sd: number[] } | undefined {
  if (e.points.length <= 2) return undefined;
  const s = e.points[0]!;
  const t = e.points[e.points.length - 1]!;
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const l2 = dx * dx + dy * dy || 1;
  const l = Math.sqrt(l2);
  const sw: number[] = [];
  const sd: number[] = [];
  for (const q of e.points.slice(1, -1)) {
    const px = q.x - s.x;
    const py = q.y - s.y;
    sw.push((px * dx + py * dy) / l2);
    sd.push((px * -dy + py * dx) / l);
  }
  return { sw, sd };
}

function elementsOf(view: ProofView): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = [];
  const byId = new Map<string, ViewNode>(view.layout.nodes.map((n) => [n.id, n] as const));
  for (const n of view.layout.nodes) {
    const classes = [`role-${n.role}`];
    if (n.interesting) classes.push('interesting');
    if (n.hiddenParents > 0 || n.collapsed > 0) classes.push('has-hidden');
    const more = n.hiddenParents > 0 ? ` (+${n.hiddenParents})` : '';
    out.push({
      group: 'nodes',
      data: { id: n.id, display: `${n.title}${more}\n${n.formula}`, w: n.w, h: n.h },
      position: { x: n.x, y: n.y },
      classes,
    });
  }
  view.layout.edges.forEach((e, k) => {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (!a || !b) return;
    const seg = segmentsOf(e);
    out.push({
      group: 'edges',
      data: { id: `e${k}`, source: e.from, target: e.to, se: `0 ${a.h / 2}`, te: `0 ${-b.h / 2}`, ...(seg ?? {}) },
      ...(seg ? { classes: ['routed'] } : {}),
    });
  });
  return out;
}

/** Highlight classes of one element for a selection (its ancestry) and a search. */
function highlightClass(
  selected: string | undefined,
  anc: ReadonlySet<string>,
  matches: ReadonlySet<string>,
  ele: cytoscape.SingularElementArgument,
  big: boolean,
): string[] {
  const out: string[] = [];
  if (selected !== undefined) {
    if (ele.isNode()) {
      if (anc.has(ele.id())) out.push('ancestor');
      else if (ele.id() !== selected && !big) out.push('faded');
    } else if (!big) {
      const t = ele.data('target') as string;
      out.push(t === selected || anc.has(t) ? 'ancestor' : 'faded');
    }
  }
  if (ele.isNode() && matches.has(ele.id())) out.push('match');
  return out;
}

export const CytoscapeGraph = forwardRef<GraphHandle, CytoscapeGraphProps>(function CytoscapeGraph(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const dark = useDark();
  const palette = PALETTES[dark ? 'dark' : 'light'];

  useImperativeHandle(ref, () => ({
    fit: () => {
      cyRef.current?.fit(undefined, 20);
    },
    zoom: (f) => {
      const cy = cyRef.current;
      if (cy) cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    png: () => cyRef.current?.png({ output: 'blob', full: true, scale: 2, bg: palette.background }),
    svg: () => {
      const cy = cyRef.current;
      if (!cy) return undefined;
      const pos = new Map<string, { x: number; y: number; w: number; h: number }>();
      for (const n of latest.current.view.layout.nodes) pos.set(n.id, { x: n.x, y: n.y, w: n.w, h: n.h });
      return graphToSvg(latest.current.view.graph, pos);
    },
  }));

  // Build when the view changes; positions come with the elements, so there is no layout pass.
  useEffect(() => {
    const t0 = performance.now();
    const view = props.view;
    const el = host.current!;
    // A step selected before the drawing (from the step table, a link) is where the view opens; else the root.
    const focusId = (): string | undefined => {
      const sel = latest.current.selected;
      return sel !== undefined && view.layout.nodes.some((n) => n.id === sel) ? sel : view.graph.root;
    };
    const viewportFor = (width: number, height: number) => {
      const focus = focusId();
      return initialViewport(
        view.layout,
        { width, height },
        { fontSize: view.metrics.fontSize, minFontPx: 11, ...(focus !== undefined ? { focus } : {}) },
      );
    };
    const vp = viewportFor(el.clientWidth, el.clientHeight);
    const big = view.layout.nodes.length > BIG;
    const cy = cytoscape({
      container: el,
      elements: elementsOf(view),
      style: stylesheet(view, dark),
      layout: { name: 'preset', fit: false, zoom: vp.zoom, pan: vp.pan },
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
      motionBlur: false,
    });
    // `layout.zoom/pan` of preset are applied only with fit: false on some versions; set them explicitly too.
    cy.viewport({ zoom: vp.zoom, pan: vp.pan });
    cyRef.current = cy;
    cy.on('tap', 'node', (ev) => latest.current.onSelect(ev.target.id() as string));
    cy.on('dbltap', 'node', (ev) => latest.current.onExpand?.(ev.target.id() as string));
    cy.on('tap', (ev) => {
      if (ev.target === cy) latest.current.onSelect(undefined);
    });
    const ms = performance.now() - t0;
    const fontSize = view.metrics.fontSize;
    window.__entailGraph = {
      nodes: view.layout.nodes.length,
      readyMs: ms,
      completeMs: ms,
      ...(view.graph.root !== undefined ? { root: view.graph.root } : {}),
      nodeCenter(id) {
        const n = cy.$id(id);
        if (n.empty() || !host.current) return undefined;
        const rp = n.renderedPosition();
        const r = host.current.getBoundingClientRect();
        return { x: r.left + rp.x, y: r.top + rp.y };
      },
      boxes() {
        const r = host.current?.getBoundingClientRect();
        if (!r) return [];
        return cy.nodes().map((n) => {
          const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
          // The bounding box includes the border; the box proper is what the layout placed.
          const bw = (n.width() * cy.zoom()) / 2;
          const bh = (n.height() * cy.zoom()) / 2;
          const cx = (b.x1 + b.x2) / 2;
          const cyy = (b.y1 + b.y2) / 2;
          return {
            id: n.id(),
            x1: r.left + cx - bw,
            y1: r.top + cyy - bh,
            x2: r.left + cx + bw,
            y2: r.top + cyy + bh,
            fontPx: cy.zoom() * fontSize,
          };
        });
      },
      fed: () => cy.nodes('.fed').map((n) => n.id()),
      canvas() {
        const r = host.current!.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      },
    };
    latest.current.onReady?.(ms);
    // The host is often sized after the first drawing (a panel laid out, a window resized): draw the
    // default view again for the new size, so the graph keeps fitting (or stays readable at its focus).
    let size = { w: el.clientWidth, h: el.clientHeight };
    const resized = new ResizeObserver(() => {
      const w = el.clientWidth;
      const h = el.clientHeight;
      if (w === 0 || h === 0 || (w === size.w && h === size.h)) return;
      size = { w, h };
      cy.resize();
      cy.viewport(viewportFor(w, h));
    });
    resized.observe(el);
    return () => {
      resized.disconnect();
      cy.destroy();
      cyRef.current = null;
      // The probe describes the drawing on screen; a torn-down drawing must not answer for the next one.
      delete window.__entailGraph;
    };
  }, [props.view, dark]);

  // Selection, ancestry and search highlights: restyle only, whole-collection class operations in one batch.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const selected = props.selected;
    const anc = selected !== undefined ? ancestorsOf(props.view.graph, selected) : new Set<string>();
    const matches = new Set(props.matches);
    cy.batch(() => {
      cy.elements('.ancestor, .match, .faded').removeClass('ancestor match faded');
      cy.$(':selected').unselect();
      if (selected !== undefined) cy.$id(selected).select();
      if (selected === undefined && matches.size === 0) return;
      // Restyling is the slow part of a click (each restyled node re-measures its label): a large view marks the
      // ancestry only when it is a bounded part of the view, otherwise just the selection and the search matches.
      if (cy.nodes().length > BIG && anc.size > MAX_RESTYLE) {
        if (matches.size > 0)
          cy.nodes()
            .filter((n) => matches.has(n.id()))
            .addClass('match');
        return;
      }
      const by = new Map<string, cytoscape.CollectionReturnValue>();
      // Large views restyle nodes only: every restyled edge means recomputing its routed segments.
      const big = cy.nodes().length > BIG;
      (big ? cy.nodes() : cy.elements()).forEach((ele) => {
        for (const c of highlightClass(selected, anc, matches, ele, big)) {
          let l = by.get(c);
          if (!l) by.set(c, (l = cy.collection()));
          l.merge(ele);
        }
      });
      for (const [c, eles] of by) eles.addClass(c);
    });
    // A step selected from outside the canvas (table, link, search) is brought into view; a click on the canvas never moves it.
    if (selected !== undefined) {
      const n = cy.$id(selected);
      if (n.nonempty()) {
        const b = n.boundingBox({});
        const e = cy.extent();
        if (b.x1 < e.x1 || b.x2 > e.x2 || b.y1 < e.y1 || b.y2 > e.y2) cy.center(n);
      }
    }
  }, [props.selected, props.matches, props.view, dark]);

  // Steps fed by the editor's cursor formula: one class, its own pass (independent of selection and search).
  const fed = props.fed;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const ids = new Set(fed ?? []);
    cy.batch(() => {
      cy.nodes('.fed')
        .filter((n) => !ids.has(n.id()))
        .removeClass('fed');
      if (ids.size > 0)
        cy.nodes()
          .filter((n) => ids.has(n.id()) && !n.hasClass('fed'))
          .addClass('fed');
    });
  }, [fed, props.view, dark]);

  return <div ref={host} className="graph-host" data-testid="graph-canvas" style={{ background: palette.background, minHeight: 240 }} />;
});
