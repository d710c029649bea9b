import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { ZoomControls } from './ZoomControls.js';
import { Swatch } from './Swatch.js';
import type { GraphHandle } from '../adapters/CytoscapeGraph.js';

// Cytoscape + dagre load on first use of the graph tab.
const CytoscapeGraph = lazy(() => import('../adapters/CytoscapeGraph.js').then((m) => ({ default: m.CytoscapeGraph })));
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import { download } from '../download.js';
import { parentsOf, searchNodes } from '../state/graphview.js';
import type { GraphData } from '../../../api/contract.js';
import { PALETTES, ROLE_CLASSES, ROLE_LABEL, buildView, defaultFocus, roleClass } from '../../../provers/graph/view.js';
import { indexGraph } from '../../../provers/graph/model.js';
import { rangesForStep, statementRanges, stepsFedBy } from '../../../provers/graph/link.js';
import { explainIntroduced, introducedIn, introducedSymbols } from '../../../provers/graph/skolem.js';
import type { StatementRange } from '../../../provers/graph/link.js';
import { activeProblem } from '../state/store.js';
import type { State } from '../state/store.js';

export function GraphPanel() {
  const graph = useSel((s) => s.result?.graph);
  if (!graph) return <div className="empty">No proof graph yet: prove a theorem first.</div>;
  return <GraphExplorer graph={graph} />;
}

function fileBase(g: GraphData): string {
  return (g.title || 'proof').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
}

/** Legend swatches in the light palette's colours (the canvas carries its own background in dark mode). */
function Legend() {
  const p = PALETTES.light;
  return (
    <div
      className="graph-legend"
      data-testid="graph-legend"
      style={{ display: 'flex', gap: 10, flexWrap: 'wrap', fontSize: 12, flexBasis: '100%' }}
    >
      {ROLE_CLASSES.map((r) => (
        <span key={r}>
          <Swatch fill={p.roles[r].fill} stroke={p.roles[r].stroke} />
          {ROLE_LABEL[r]}
        </span>
      ))}
      <span className="muted">
        thick border: interesting step · dashed: premises hidden (double-click to expand) or a collapsed case (click) · orange halo: fed by
        the formula under the editor's cursor · click a step to select its source lines
      </span>
    </div>
  );
}

/** How many rows the step table lists (the graph shows the rest). */
const TABLE_ROWS = 400;

const NO_STATEMENTS: readonly StatementRange[] = Object.freeze([]);

/** The active document's statements, when the parse is of its current text. */
function parsedStatements(s: State) {
  return s.parse.forText === activeProblem(s).text ? s.parse.outcome?.statements : undefined;
}

export function GraphExplorer({ graph }: { graph: GraphData }) {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const storedCollapse = useSel((s) => s.graph.collapsePreprocessing);
  const search = useSel((s) => s.graph.search);
  const selected = useSel((s) => s.graph.selected);
  const handle = useRef<GraphHandle>(null);
  // Linking with the editor: statement line ranges of the active document (re-derived when its parse changes).
  const statements = useSel(parsedStatements);
  const text = useSel((s) => activeProblem(s).text);
  const cursorLine = useSel((s) => s.link.cursorLine);
  const ranges = useMemo(() => (statements ? statementRanges(text, statements) : NO_STATEMENTS), [statements, text]);
  const fullIndex = useMemo(() => indexGraph(graph), [graph]);
  const fed = useMemo(
    () => (cursorLine === undefined ? { steps: [] } : stepsFedBy(graph, ranges, cursorLine, fullIndex)),
    [graph, ranges, cursorLine, fullIndex],
  );
  /** Select a step and its source lines in the editor (an input's statement, or the inputs a derived step came from). */
  const select = (id: string | undefined): void => {
    // A collapsed sub-proof (an induction case) opens on click.
    const group = id !== undefined && view.collapsed.has(id) ? view.graph.nodes.find((n) => n.id === id)?.group : undefined;
    if (group !== undefined) {
      setExpandedGroups((gs) => (gs.includes(group) ? gs : [...gs, group]));
      dispatch({ type: 'graph/select', id: undefined });
      return;
    }
    dispatch({ type: 'graph/select', id });
    if (id === undefined) return;
    const lines = rangesForStep(graph, id, ranges, fullIndex);
    if (lines.length > 0) dispatch({ type: 'link/reveal', ranges: lines });
  };
  // View options are per opened graph: a large proof opens collapsed and focused on its spine.
  const initial = useMemo(() => defaultFocus(graph), [graph]);
  const [collapse, setCollapse] = useState(storedCollapse || initial.collapsePreprocessing === true);
  const [focus, setFocus] = useState<'all' | 'spine'>(initial.focus ?? 'all');
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const [subproof, setSubproof] = useState<string | undefined>(undefined);
  // Sub-proofs (induction cases) open collapsed, one node each, and expand on click.
  const [expandedGroups, setExpandedGroups] = useState<readonly string[]>([]);
  useEffect(() => {
    setCollapse(storedCollapse || initial.collapsePreprocessing === true);
    setFocus(initial.focus ?? 'all');
    setExpanded([]);
    setSubproof(undefined);
    setExpandedGroups([]);
    // The stored preference applies when a graph is opened, not on every toggle elsewhere.
  }, [graph, initial]);
  const view = useMemo(
    () =>
      buildView(graph, {
        collapsePreprocessing: collapse,
        focus,
        expanded,
        collapseGroups: true,
        expandedGroups,
        ...(subproof !== undefined ? { subproof } : {}),
      }),
    [graph, collapse, focus, expanded, expandedGroups, subproof],
  );
  const shown = view.graph;
  const fedShown = useMemo(() => {
    const ids = new Set(shown.nodes.map((n) => n.id));
    return fed.steps.filter((id) => ids.has(id));
  }, [shown, fed]);
  const fedSet = useMemo(() => new Set(fedShown), [fedShown]);
  const matches = useMemo(() => searchNodes(shown, search), [shown, search]);
  const node = selected ? shown.nodes.find((n) => n.id === selected) : undefined;
  const introduced = useMemo(() => introducedSymbols(graph), [graph]);
  const nodeIntroduced = useMemo(() => (node ? introducedIn(node.text, introduced) : []), [node, introduced]);
  const parents = useMemo(() => (selected ? parentsOf(shown, selected) : []), [shown, selected]);
  const usedBy = useMemo(
    () => (selected ? shown.edges.filter((e) => e.from === selected).map((e) => shown.nodes.find((n) => n.id === e.to)!) : []),
    [shown, selected],
  );
  const hidden = view.layout.nodes.find((n) => n.id === selected)?.hiddenParents ?? 0;
  const parentLabels = useMemo(() => {
    const byId = new Map(shown.nodes.map((n) => [n.id, n.label] as const));
    const out = new Map<string, string[]>();
    for (const e of shown.edges) {
      let l = out.get(e.to);
      if (!l) out.set(e.to, (l = []));
      l.push(byId.get(e.from) ?? '?');
    }
    return out;
  }, [shown]);
  const expand = (id: string): void => {
    if (focus === 'spine') setExpanded((xs) => (xs.includes(id) ? xs : [...xs, id]));
  };

  return (
    <div className="graph-panel">
      <div className="graph-tools">
        <label>
          <input
            type="checkbox"
            checked={collapse}
            data-testid="collapse"
            onChange={(e) => {
              setCollapse(e.target.checked);
              dispatch({ type: 'graph/collapse', collapse: e.target.checked });
            }}
          />{' '}
          hide preprocessing
        </label>
        <label>
          <input
            type="checkbox"
            checked={focus === 'spine'}
            data-testid="focus-spine"
            onChange={(e) => {
              setFocus(e.target.checked ? 'spine' : 'all');
              setExpanded([]);
            }}
          />{' '}
          spine only
        </label>
        {subproof !== undefined ? (
          <button data-testid="whole-proof" onClick={() => setSubproof(undefined)}>
            whole proof
          </button>
        ) : (
          selected !== undefined && (
            <button data-testid="subproof" onClick={() => setSubproof(selected)}>
              subproof of {node?.label ?? 'step'}
            </button>
          )
        )}
        {(graph.groups?.length ?? 0) > 0 && (
          <span className="muted" data-testid="cases-state">
            {view.collapsed.size > 0
              ? `${view.collapsed.size} case${view.collapsed.size === 1 ? '' : 's'} collapsed (click to expand)`
              : 'cases expanded'}
          </span>
        )}
        {expandedGroups.length > 0 && (
          <button data-testid="collapse-cases" onClick={() => setExpandedGroups([])}>
            collapse cases
          </button>
        )}
        {view.hiddenCount > 0 && (
          <span className="muted" data-testid="hidden-count">
            {view.hiddenCount} steps hidden
          </span>
        )}
        <input
          type="search"
          placeholder="search steps (number, rule, text)"
          value={search}
          data-testid="graph-search"
          onChange={(e) => dispatch({ type: 'graph/search', text: e.target.value })}
        />
        {search && <span className="muted">{matches.length} match(es)</span>}
        {fed.statement !== undefined && (
          <span className="muted" data-testid="linked-statement">
            {fed.steps.length === 0
              ? `${fed.statement}: not used by this proof`
              : `${fed.statement} feeds ${fedShown.length} shown step${fedShown.length === 1 ? '' : 's'}${
                  fed.steps.length > fedShown.length ? ` (${fed.steps.length} in all)` : ''
                }`}
          </span>
        )}
        <ZoomControls handle={handle} fitTestId="graph-fit" />
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
        <Legend />
      </div>
      <div className="graph-body" style={{ gridTemplateColumns: 'minmax(0, 1fr) 220px' }}>
        <Suspense fallback={<div className="graph-host loading">Loading graph view…</div>}>
          <CytoscapeGraph
            ref={handle}
            view={view}
            selected={selected}
            matches={matches}
            fed={fedShown}
            onSelect={select}
            onExpand={expand}
          />
        </Suspense>
        <aside className="node-details" data-testid="node-details">
          {node ? (
            <>
              <h3>
                Step {node.label} <span className="rule">{node.rule}</span>
              </h3>
              <p className="muted" data-testid="node-role">
                {ROLE_LABEL[roleClass(node, shown.root)]}
                {node.role !== undefined && node.role !== 'plain' ? ` (${node.role})` : ''}
              </p>
              {hidden > 0 && focus === 'spine' && (
                <button data-testid="expand" onClick={() => expand(node.id)}>
                  show {hidden} hidden premise{hidden === 1 ? '' : 's'}
                </button>
              )}
              <p className="formula" data-testid="node-formula">
                {node.text}
              </p>
              {nodeIntroduced.length > 0 && (
                <ul className="introduced" data-testid="node-introduced">
                  {nodeIntroduced.map((s) => (
                    <li key={s.symbol}>
                      {explainIntroduced(s)}
                      {s.step !== node.id && (
                        <>
                          {' '}
                          <button className="link" onClick={() => select(s.step)}>
                            introduced at step {s.label}
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {node.source && <p className="muted">source: {node.source}</p>}
              {node.detail && <p className="muted">{node.detail}</p>}
              <h4>Parents</h4>
              {parents.length === 0 ? (
                <p className="muted">none (an input)</p>
              ) : (
                <ul data-testid="node-parents">
                  {parents.map((p) => (
                    <li key={p.node.id}>
                      <button className="link" onClick={() => select(p.node.id)}>
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
                        <button className="link" onClick={() => select(n.id)}>
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
      <div className="graph-steps" style={{ maxHeight: '24vh', overflow: 'auto', borderTop: '1px solid var(--line)', fontSize: 12 }}>
        <h4 style={{ margin: '6px 0 2px' }}>Steps</h4>
        <table className="step-table" data-testid="graph-steps" style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th>#</th>
              <th>name</th>
              <th>role</th>
              <th>rule</th>
              <th>parents</th>
            </tr>
          </thead>
          <tbody>
            {shown.nodes.slice(0, TABLE_ROWS).map((n) => (
              <tr
                key={n.id}
                data-testid="graph-step"
                className={n.id === selected ? 'selected' : fedSet.has(n.id) ? 'fed' : undefined}
                data-fed={fedSet.has(n.id) ? 'true' : undefined}
                onClick={() => select(n.id)}
                style={{
                  cursor: 'pointer',
                  fontWeight: n.id === selected ? 600 : undefined,
                  boxShadow: fedSet.has(n.id) ? `inset 3px 0 0 ${PALETTES.light.highlight}` : undefined,
                }}
              >
                <td>{n.label}</td>
                <td>{n.source ?? ''}</td>
                <td>{n.role ?? ROLE_LABEL[roleClass(n, shown.root)]}</td>
                <td>{n.rule}</td>
                <td>{(parentLabels.get(n.id) ?? []).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.nodes.length > TABLE_ROWS && (
          <p className="muted">
            first {TABLE_ROWS} of {shown.nodes.length} steps listed
          </p>
        )}
      </div>
    </div>
  );
}
