import { useMemo } from 'react';
import { useDispatch, useSel } from '../ctx.js';
import { activeProblem, activeRun, textHash } from '../state/store.js';
import type { ModelTable } from '../../../api/contract.js';
import { explainIntroduced, introducedSymbols } from '../../../provers/graph/skolem.js';

/** Rows rendered in the step table (the graph view handles any size). */
const MAX_ROWS = 2000;

const VERDICT_CLASS: Record<string, string> = {
  Theorem: 'good',
  Unsatisfiable: 'good',
  ContradictoryAxioms: 'warn',
  CounterSatisfiable: 'bad',
  Satisfiable: 'bad',
};

export function ResultView() {
  const result = useSel((s) => s.result);
  const run = useSel((s) => s.run);
  const computedFrom = useSel((s) => activeRun(s)?.textHash);
  const text = useSel((s) => activeProblem(s).text);
  const currentHash = useMemo(() => (computedFrom ? textHash(text) : undefined), [computedFrom, text]);
  const stale = computedFrom !== undefined && computedFrom !== currentHash;
  const dispatch = useDispatch();
  const graph = result?.graph;
  // "from" column: parent step numbers, built once per result (not a scan of all edges per row).
  const from = useMemo(() => {
    const m = new Map<string, string[]>();
    if (!graph) return m;
    const label = new Map(graph.nodes.map((n) => [n.id, n.label] as const));
    for (const e of graph.edges) {
      let l = m.get(e.to);
      if (!l) m.set(e.to, (l = []));
      l.push(label.get(e.from) ?? e.from);
    }
    return m;
  }, [graph]);
  // Symbols no statement has (Skolem functions, definitions): explained once per result, under the steps.
  const introduced = useMemo(() => (graph ? introducedSymbols(graph) : []), [graph]);
  if (!result) {
    return (
      <div className="empty" data-testid="result-empty">
        {run.phase === 'running'
          ? 'Proving…'
          : run.phase === 'failed'
            ? run.message
            : 'No result yet. Write a problem and press Prove (Ctrl/Cmd+Enter).'}
      </div>
    );
  }
  const nodes = result.graph?.nodes ?? [];
  return (
    <div className="result" data-testid="result">
      <div className="result-head">
        <span className={`szs ${VERDICT_CLASS[result.status] ?? 'neutral'}`} data-testid="szs-status">
          {result.status}
        </span>
        <span className="muted">
          {result.prover} · {result.timeMs} ms
        </span>
        {stale && (
          <span className="stale" data-testid="result-stale" title="The document changed after this result was computed; prove again.">
            stale: the text changed since this result
          </span>
        )}
        {result.check &&
          ('unavailable' in result.check ? (
            <span className="muted" title={result.check.unavailable}>
              proof not checked
            </span>
          ) : (
            <span className={result.check.ok ? 'check-ok' : 'check-bad'} data-testid="check">
              {result.check.ok ? `✓ checked ${result.check.checked} steps` : `✗ ${result.check.failures.length} steps failed the check`}
              {result.check.trusted > 0 ? (
                <>
                  , {result.check.trusted} trusted{' '}
                  <details className="explain" data-testid="trusted-explain">
                    <summary>(what is trusted?)</summary>
                    <p>
                      {result.check.trusted} step{result.check.trusted === 1 ? ' is' : 's are'} preprocessing — clausification,
                      Skolemisation (new function symbols such as <code>sk1</code> that name the witnesses of ∃, listed under the steps),
                      definitional renaming — which the independent checker accepts without re-deriving. It re-checks every inference
                      between clauses, not the translation of the formulas into clauses, because that translation is not a logical
                      consequence step (Skolemisation preserves satisfiability, not equivalence).
                    </p>
                  </details>
                </>
              ) : (
                ''
              )}
            </span>
          ))}
        {result.graph && (
          <button onClick={() => dispatch({ type: 'tab', tab: 'graph' })} data-testid="open-graph">
            Open proof graph
          </button>
        )}
      </div>
      {result.message && <p className="muted">{result.message}</p>}
      {result.answers && result.answers.length > 0 && <AnswersTable answers={result.answers} />}
      {nodes.length > 0 && (
        <table className="steps" data-testid="proof-steps">
          <thead>
            <tr>
              <th>#</th>
              <th>formula</th>
              <th>rule</th>
              <th>from</th>
            </tr>
          </thead>
          <tbody>
            {nodes.slice(0, MAX_ROWS).map((n) => (
              <tr
                key={n.id}
                className={`kind-${n.kind}`}
                onClick={() => {
                  dispatch({ type: 'graph/select', id: n.id });
                  dispatch({ type: 'tab', tab: 'graph' });
                }}
              >
                <td>{n.label}</td>
                <td className="formula">{n.text}</td>
                <td>{n.rule}</td>
                <td>{from.get(n.id)?.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {introduced.length > 0 && (
        <div className="introduced" data-testid="introduced-symbols">
          <h3>Symbols the clausifier introduced</h3>
          <dl>
            {introduced.map((s) => (
              <div key={s.symbol} data-symbol={s.symbol} data-step={s.step}>
                <dt>
                  <code>{s.written}</code>{' '}
                  <button
                    className="link"
                    title="Show the step that introduced it"
                    onClick={() => {
                      dispatch({ type: 'graph/select', id: s.step });
                      dispatch({ type: 'tab', tab: 'graph' });
                    }}
                  >
                    step {s.label}
                  </button>
                </dt>
                <dd>{explainIntroduced(s)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {nodes.length > MAX_ROWS && (
        <p className="muted">
          Showing the first {MAX_ROWS} of {nodes.length} steps; the proof graph and the HTML export show all.
        </p>
      )}
      {result.modelTables && result.modelTables.length > 0 && (
        <div className="model" data-testid="model-tables">
          <h3>Countermodel (domain size {result.model?.domainSize})</h3>
          <div className="model-grid">
            {result.modelTables.map((t) => (
              <ModelTableView key={`${t.kind}:${t.symbol}`} t={t} />
            ))}
          </div>
          {result.modelTables.some((t) => t.note !== undefined) && (
            <dl className="introduced" data-testid="model-notes">
              {result.modelTables
                .filter((t) => t.note !== undefined)
                .map((t) => (
                  <div key={t.symbol} data-symbol={t.symbol}>
                    <dt>
                      <code>
                        {t.symbol}/{t.arity}
                      </code>
                    </dt>
                    <dd>{t.note}</dd>
                  </div>
                ))}
            </dl>
          )}
        </div>
      )}
    </div>
  );
}

function AnswersTable({ answers }: { answers: readonly Readonly<Record<string, string>>[] }) {
  const vars = [...new Set(answers.flatMap((a) => Object.keys(a)))];
  return (
    <table className="model-table answers" data-testid="prolog-answers">
      <caption>Answers</caption>
      <thead>
        <tr>
          <th>#</th>
          {vars.length === 0 ? <th>result</th> : vars.map((v) => <th key={v}>{v}</th>)}
        </tr>
      </thead>
      <tbody>
        {answers.map((a, i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            {vars.length === 0 ? <td className="true">yes</td> : vars.map((v) => <td key={v}>{a[v] ?? ''}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ModelTableView({ t }: { t: ModelTable }) {
  const [head, ...rows] = t.rows;
  return (
    <table className="model-table">
      <caption {...(t.note !== undefined ? { title: t.note } : {})}>
        {t.symbol}/{t.arity}{' '}
        <span className="muted">
          {t.note !== undefined ? 'introduced' : ''} {t.kind}
        </span>
      </caption>
      <thead>
        <tr>
          {head?.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} className={c === 'true' ? 'true' : c === 'false' ? 'false' : ''}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
