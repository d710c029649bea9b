/**
 * The explorer's theorems as a dependency graph (axioms → lemmas → laws), drawn by the
 * shared proof-graph view model (layered layout, routed edges, ≥ 11 px labels) on the
 * Cytoscape canvas. Clicking a theorem selects it (the theorem list and its proof graph
 * follow); its ancestry, everything it rests on, is highlighted. By default a use that a
 * longer line of uses already implies is not drawn (what a theorem rests on is unchanged);
 * "all uses" draws every recorded one.
 */
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { ZoomControls } from './ZoomControls.js';
import { Swatch } from './Swatch.js';
import type { GraphHandle } from '../adapters/CytoscapeGraph.js';
import type { GraphData } from '../../../api/contract.js';
import {
  DEFAULT_METRICS,
  DEPENDENCY_ROLES,
  DEPENDENCY_ROLE_CLASS,
  DEPENDENCY_ROLE_LABEL,
  PALETTES,
  buildView,
} from '../../../provers/graph/view.js';
import { transitiveReduction } from '../../../provers/graph/model.js';
import { useWorkbench } from '../ctx.js';
import { download } from '../download.js';

const CytoscapeGraph = lazy(() => import('../adapters/CytoscapeGraph.js').then((m) => ({ default: m.CytoscapeGraph })));

/** Wider boxes than a proof step's: a theorem's equation is what the reader looks for. */
const METRICS = { ...DEFAULT_METRICS, maxWidth: 240 };

function DependencyLegend() {
  const p = PALETTES.light;
  return (
    <div className="graph-legend" data-testid="deps-legend" style={{ display: 'flex', gap: 10, flexWrap: 'wrap', fontSize: 12 }}>
      {DEPENDENCY_ROLES.map((r) => {
        const c = p.roles[DEPENDENCY_ROLE_CLASS[r]];
        return (
          <span key={r}>
            <Swatch fill={c.fill} stroke={c.stroke} />
            {DEPENDENCY_ROLE_LABEL[r]}
          </span>
        );
      })}
      <span className="muted">
        edge A → T: a case proof of T uses A (a use implied by a longer line is drawn only with “all uses”) · click a theorem to select it
        and see what it rests on
      </span>
    </div>
  );
}

export function DependencyView({
  graph,
  selectedRef,
  onSelectRef,
  onOpenProof,
}: {
  readonly graph: GraphData;
  /** Title of the selected theorem (a node's `ref`). */
  readonly selectedRef: string | undefined;
  readonly onSelectRef: (ref: string | undefined) => void;
  readonly onOpenProof: () => void;
}) {
  const { effects } = useWorkbench();
  const handle = useRef<GraphHandle>(null);
  const [allUses, setAllUses] = useState(false);
  const drawn = useMemo(() => (allUses ? graph : transitiveReduction(graph)), [graph, allUses]);
  const view = useMemo(() => buildView(drawn, { metrics: METRICS, interesting: 0 }), [drawn]);
  const selected = selectedRef === undefined ? undefined : graph.nodes.find((n) => n.ref === selectedRef);
  const counts = useMemo(() => {
    const c = { axioms: 0, theorems: 0 };
    for (const n of graph.nodes) if (n.kind === 'input') c.axioms++;
    c.theorems = graph.nodes.length - c.axioms;
    return c;
  }, [graph]);
  return (
    <div className="graph-panel deps-panel" data-testid="deps-view">
      <div className="graph-tools">
        <span className="muted" data-testid="deps-summary">
          {counts.axioms} axioms, {counts.theorems} theorems, {graph.edges.length} uses
        </span>
        <label>
          <input type="checkbox" checked={allUses} data-testid="deps-all-uses" onChange={(e) => setAllUses(e.target.checked)} /> all uses
          {allUses ? '' : ` (${drawn.edges.length} drawn, the rest implied)`}
        </label>
        <ZoomControls handle={handle} />
        <span className="spacer" />
        <button
          data-testid="deps-export-html"
          title="one self-contained HTML file: the drawing, and every theorem with what it uses and what uses it"
          onClick={() =>
            void effects.exportHtml(graph).then((html) => {
              if (html) download('theorem-dependencies.html', html);
            })
          }
        >
          Export HTML
        </button>
        <DependencyLegend />
      </div>
      <p className="deps-selected" data-testid="deps-selected">
        {selected ? (
          <>
            <strong>{selected.ref ?? selected.label}</strong>{' '}
            <span className="muted">
              ({selected.rule}) — {selected.detail}
            </span>{' '}
            {selected.ref !== undefined && (
              <button className="link" data-testid="deps-open-proof" onClick={onOpenProof}>
                proof graph →
              </button>
            )}
          </>
        ) : (
          <span className="muted">Click a theorem to select it.</span>
        )}
      </p>
      <div className="graph-body" style={{ gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <Suspense fallback={<div className="graph-host loading">Loading graph view…</div>}>
          <CytoscapeGraph
            ref={handle}
            view={view}
            selected={selected?.id}
            matches={[]}
            onSelect={(id) => {
              const n = id === undefined ? undefined : graph.nodes.find((x) => x.id === id);
              onSelectRef(n?.ref);
            }}
          />
        </Suspense>
      </div>
    </div>
  );
}
