import { lazy, Suspense, useMemo, useRef } from 'react';
import type { GraphHandle } from '../adapters/CytoscapeGraph.js';

// Cytoscape + dagre load on first use of the graph tab.
const CytoscapeGraph = lazy(() => import('../adapters/CytoscapeGraph.js').then((m) => ({ default: m.CytoscapeGraph })));
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import { download } from '../download.js';
import { collapsePreprocessing, parentsOf, searchNodes } from '../state/graphview.js';
import type { GraphData } from '../../../api/contract.js';

export function GraphPanel() {
  const graph = useSel((s) => s.result?.graph);
  if (!graph) return <div className="empty">No proof graph yet: prove a theorem first.</div>;
  return <GraphExplorer graph={graph} />;
}

function fileBase(g: GraphData): string {
  return (g.title || 'proof').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
}

export function GraphExplorer({ graph }: { graph: GraphData }) {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const collapse = useSel((s) => s.graph.collapsePreprocessing);
  const search = useSel((s) => s.graph.search);
  const selected = useSel((s) => s.graph.selected);
  const handle = useRef<GraphHandle>(null);
  const shown = useMemo(() => (collapse ? collapsePreprocessing(graph) : graph), [graph, collapse]);
  const matches = useMemo(() => searchNodes(shown, search), [shown, search]);
  const node = selected ? shown.nodes.find((n) => n.id === selected) : undefined;
  const parents = useMemo(() => (selected ? parentsOf(shown, selected) : []), [shown, selected]);
  const usedBy = useMemo(
    () => (selected ? shown.edges.filter((e) => e.from === selected).map((e) => shown.nodes.find((n) => n.id === e.to)!) : []),
    [shown, selected],
  );

  return (
    <div className="graph-panel">
      <div className="graph-tools">
        <label>
          <input
            type="checkbox"
            checked={collapse}
            data-testid="collapse"
            onChange={(e) => dispatch({ type: 'graph/collapse', collapse: e.target.checked })}
          />{' '}
          hide preprocessing
        </label>
        <input
          type="search"
          placeholder="search steps (number, rule, text)"
          value={search}
          data-testid="graph-search"
          onChange={(e) => dispatch({ type: 'graph/search', text: e.target.value })}
        />
        {search && <span className="muted">{matches.length} match(es)</span>}
        <button onClick={() => handle.current?.fit()}>Fit</button>
        <button onClick={() => handle.current?.zoom(1.25)} aria-label="zoom in">
          +
        </button>
        <button onClick={() => handle.current?.zoom(0.8)} aria-label="zoom out">
          −
        </button>
        <span className="spacer" />
        <button
          onClick={() => {
            const b = handle.current?.png();
            if (b) download(`${fileBase(graph)}.png`, b);
          }}
        >
          PNG
        </button>
        <button
          onClick={() => {
            const s = handle.current?.svg();
            if (s) download(`${fileBase(graph)}.svg`, s, 'image/svg+xml');
          }}
        >
          SVG
        </button>
        <button
          data-testid="export-html"
          onClick={() =>
            void effects.exportHtml(graph).then((html) => {
              if (html) download(`${fileBase(graph)}.html`, html);
            })
          }
        >
          HTML
        </button>
      </div>
      <div className="graph-body">
        <Suspense fallback={<div className="graph-host loading">Loading graph view…</div>}>
          <CytoscapeGraph
            ref={handle}
            graph={shown}
            selected={selected}
            matches={matches}
            onSelect={(id) => dispatch({ type: 'graph/select', id })}
          />
        </Suspense>
        <aside className="node-details" data-testid="node-details">
          {node ? (
            <>
              <h3>
                Step {node.label} <span className="rule">{node.rule}</span>
              </h3>
              <p className="formula" data-testid="node-formula">
                {node.text}
              </p>
              {node.source && <p className="muted">source: {node.source}</p>}
              {node.detail && <p className="muted">{node.detail}</p>}
              <h4>Parents</h4>
              {parents.length === 0 ? (
                <p className="muted">none (an input)</p>
              ) : (
                <ul data-testid="node-parents">
                  {parents.map((p) => (
                    <li key={p.node.id}>
                      <button className="link" onClick={() => dispatch({ type: 'graph/select', id: p.node.id })}>
                        {p.node.label}. {p.node.text}
                      </button>
                      {p.subst && <div className="subst">σ: {p.subst}</div>}
                    </li>
                  ))}
                </ul>
              )}
              {usedBy.length > 0 && (
                <>
                  <h4>Used by</h4>
                  <ul>
                    {usedBy.map((n) => (
                      <li key={n.id}>
                        <button className="link" onClick={() => dispatch({ type: 'graph/select', id: n.id })}>
                          {n.label}. {n.rule}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          ) : (
            <p className="muted">
              {shown.nodes.length} steps, {shown.edges.length} edges. Click a step to see its parents, substitution and ancestry.
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}
