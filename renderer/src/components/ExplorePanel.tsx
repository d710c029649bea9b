/**
 * Generative-Logic explorer: runs provers/genlogic on the shipped Peano theory (or
 * the editor's axioms + an inductive declaration) in an engine worker, shows live
 * counts, the theorem list, and two views: the theorems' dependency graph (axioms →
 * lemmas → laws) and any theorem's derivation in the proof-graph explorer.
 */
import { Fragment, useState } from 'react';
import type { ExploreResult } from '../../../api/contract.js';
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import { download } from '../download.js';
import { GraphExplorer } from './GraphPanel.js';
import { DependencyView } from './DependencyView.js';
import { EXPLORE_DEFAULTS } from '../../../provers/genlogic/defaults.js';

/** The counters shown, each labelled for what it counts (docs/genlogic.md). */
const COUNTERS: readonly (readonly [string, keyof ExploreResult['stats'], string])[] = [
  ['term pairs generated', 'generated', 'pairs of enumerated terms within the size bounds (over the allowed functions)'],
  ['refuted on numerals', 'refuted', 'of those, pairs some ground assignment of numerals tells apart'],
  ['conjectures', 'conjectures', 'pairs left after refutation, renamings and mirror images removed'],
  ['proved', 'proved', 'conjectures proved and checked (by induction, or directly from earlier theorems)'],
  ['kept', 'kept', 'proved theorems that do not follow from the other kept ones by rewriting'],
];

export function ExplorePanel() {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const x = useSel((s) => s.explore);
  const running = x.phase === 'running';
  const res = x.result;
  const graph = res && x.open !== undefined ? res.graphs[x.open] : undefined;
  // Which view the panel shows under the list: a theorem's proof graph or the dependency graph.
  const [view, setView] = useState<'theorem' | 'dependencies'>('theorem');
  const openTheorem = (index: number | undefined, then: 'theorem' | 'dependencies'): void => {
    dispatch({ type: 'explore/open', index });
    setView(then);
  };
  return (
    <div className="explore-panel" data-testid="panel-explore">
      <div className="row">
        <label>
          Theory{' '}
          <select
            data-testid="explore-source"
            value={x.source}
            onChange={(e) => dispatch({ type: 'explore/options', options: { source: e.target.value as 'corpus' | 'editor' } })}
          >
            <option value="corpus">corpora/peano (shipped)</option>
            <option value="editor">editor buffer (TPTP axioms)</option>
          </select>
        </label>
        <label>
          only{' '}
          <input
            data-testid="explore-only"
            placeholder="all functions"
            value={x.only}
            onChange={(e) => dispatch({ type: 'explore/options', options: { only: e.target.value } })}
          />
        </label>
        <label>
          max term size{' '}
          <input
            type="number"
            min={3}
            max={9}
            className="timeout"
            data-testid="explore-size"
            value={x.maxTermSize}
            onChange={(e) =>
              dispatch({
                type: 'explore/options',
                options: { maxTermSize: Math.max(3, Math.min(9, Number(e.target.value) || EXPLORE_DEFAULTS.maxTermSize)) },
              })
            }
          />
        </label>
        <label>
          time limit (s){' '}
          <input
            type="number"
            min={1}
            max={600}
            className="timeout"
            value={x.timeoutS}
            onChange={(e) =>
              dispatch({
                type: 'explore/options',
                options: { timeoutS: Math.max(1, Math.min(600, Number(e.target.value) || EXPLORE_DEFAULTS.timeoutS)) },
              })
            }
          />
        </label>
        <button className="primary" disabled={running} data-testid="explore-run" onClick={() => void effects.runExplore()}>
          {running ? 'Exploring…' : 'Explore'}
        </button>
        {running && (
          <button data-testid="explore-cancel" onClick={() => void effects.cancelExplore()}>
            Cancel
          </button>
        )}
      </div>
      {x.source === 'editor' && (
        <label>
          Inductive declaration
          <textarea
            rows={3}
            data-testid="explore-decl"
            value={x.declarations}
            onChange={(e) => dispatch({ type: 'explore/options', options: { declarations: e.target.value } })}
          />
        </label>
      )}
      <p className={`phase-${x.phase}`} data-testid="explore-status">
        {x.phase === 'running'
          ? x.progress
            ? `${x.progress.phase}: ${x.progress.processed} of ${x.progress.conjectures} conjectures processed, ${x.progress.proofs} proved (${(x.progress.elapsedMs / 1000).toFixed(1)} s)`
            : 'starting…'
          : x.phase === 'failed'
            ? `failed: ${x.failure ?? ''}`
            : x.phase === 'cancelled'
              ? 'cancelled'
              : res
                ? `${res.stopped === 'done' ? 'done' : `stopped (${res.stopped})`} in ${(res.stats.timeMs / 1000).toFixed(1)} s`
                : 'Enumerates equations, refutes them on numerals, proves the rest by induction; every case proof is re-checked.'}
      </p>
      {res && (
        <>
          <table className="runs" data-testid="explore-counts">
            <tbody>
              <tr>
                {COUNTERS.map(([label, key, why]) => (
                  <Fragment key={key}>
                    <td title={why}>{label}</td>
                    <td title={why} data-testid={`explore-${key}`}>
                      {res.stats[key]}
                    </td>
                  </Fragment>
                ))}
              </tr>
            </tbody>
          </table>
          <div className="row">
            <strong>Theorems</strong>
            <span className="spacer" />
            <button
              data-testid="explore-export-html"
              disabled={res.graphs.length === 0}
              onClick={() =>
                void effects.exploreHtml().then((html) => {
                  if (html) download(`explore-${res.theory}.html`, html);
                })
              }
            >
              Export all (HTML)
            </button>
          </div>
          <ol className="theorems" data-testid="explore-theorems">
            {res.theorems.map((t, i) => (
              <li key={t.order} className={t.kept ? 'kept' : 'muted'}>
                <button
                  className="link"
                  data-testid="explore-theorem"
                  aria-current={x.open === i ? 'true' : undefined}
                  style={x.open === i ? { fontWeight: 700 } : undefined}
                  onClick={() => openTheorem(i, 'theorem')}
                >
                  {t.title}
                </button>{' '}
                <span className="muted">
                  {t.method === 'induction' ? `induction on ${t.variable ?? '?'}` : 'direct'}
                  {t.kept ? ', kept' : ''}
                  {t.checked ? ', checked ✓' : ', check failed'}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {res && (res.dependencies !== undefined || graph) && (
        <div className="row explore-views" role="tablist" aria-label="explorer views">
          <button
            role="tab"
            aria-selected={view === 'theorem'}
            data-testid="explore-view-theorem"
            className={view === 'theorem' ? 'primary' : undefined}
            onClick={() => setView('theorem')}
          >
            {graph ? `Proof of ${graph.title.split(':')[0]}` : 'Proof graph'}
          </button>
          {res.dependencies !== undefined && (
            <button
              role="tab"
              aria-selected={view === 'dependencies'}
              data-testid="explore-view-deps"
              className={view === 'dependencies' ? 'primary' : undefined}
              onClick={() => setView('dependencies')}
            >
              Dependencies
            </button>
          )}
        </div>
      )}
      {view === 'theorem' &&
        (graph ? (
          <div className="explore-graph" data-testid="explore-graph">
            <h4>{graph.title}</h4>
            <GraphExplorer graph={graph} />
          </div>
        ) : (
          res && <p className="muted">Pick a theorem in the list (or in the dependency graph) to see its proof.</p>
        ))}
      {view === 'dependencies' && res?.dependencies !== undefined && (
        <div className="explore-graph" data-testid="explore-deps">
          <h4>{res.dependencies.title}</h4>
          <DependencyView
            graph={res.dependencies}
            selectedRef={graph?.title}
            onSelectRef={(ref) => {
              const i = ref === undefined ? -1 : res.theorems.findIndex((t) => t.title === ref);
              if (i >= 0) openTheorem(i, 'dependencies');
            }}
            onOpenProof={() => setView('theorem')}
          />
        </div>
      )}
    </div>
  );
}
