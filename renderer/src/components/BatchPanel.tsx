import { useDispatch, useSel, useWorkbench } from '../ctx.js';

/** Batch runs through provers/batch: paths on the engine's machine, the toolbar's prover and timeout. */
export function BatchPanel() {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const batch = useSel((s) => s.batch);
  const prover = useSel((s) => s.prover);
  const timeoutMs = useSel((s) => s.settings.limits.timeoutMs);
  const running = batch.phase === 'running';
  return (
    <div className="module-panel batch" data-testid="panel-batch">
      <h3>Batch runs</h3>
      <label className="block">
        Problem files or folders (one per line, on the machine running the engine)
        <textarea
          rows={3}
          value={batch.paths}
          data-testid="batch-paths"
          placeholder="/path/to/problems/SYN-FOF"
          onChange={(e) => dispatch({ type: 'batch/paths', paths: e.target.value })}
        />
      </label>
      <div className="row">
        <button className="primary" disabled={running} data-testid="batch-run" onClick={() => void effects.runBatch()}>
          Run with {prover === 'tau-prolog' ? 'embedded' : prover}, {Math.round(timeoutMs / 1000)} s each
        </button>
        <button disabled={!running} onClick={() => void effects.cancelBatch()}>
          Cancel
        </button>
        <span className="muted" data-testid="batch-progress">
          {batch.phase === 'idle' ? '' : `${batch.phase}: ${batch.done}/${batch.total || '?'} problems`}
        </span>
      </div>
      {batch.failure && <p className="warn">{batch.failure}</p>}
      {batch.summary && (
        <p data-testid="batch-summary">
          Solved <strong>{batch.summary.solved}</strong> of {batch.summary.total}; wrong {batch.summary.wrong}, errors{' '}
          {batch.summary.errors}, timeouts {batch.summary.timeouts}
          {batch.summary.complete ? '' : ' (incomplete)'}
        </p>
      )}
      {batch.rows.length > 0 && (
        <table className="steps" data-testid="batch-rows">
          <thead>
            <tr>
              <th>problem</th>
              <th>expected</th>
              <th>status</th>
              <th>time</th>
            </tr>
          </thead>
          <tbody>
            {batch.rows.map((r) => (
              <tr key={r.path + r.name} className={r.wrong ? 'wrong' : r.solved ? 'solved' : ''} title={r.error ?? r.path}>
                <td>{r.name}</td>
                <td>{r.expected ?? ''}</td>
                <td>{r.status}</td>
                <td>{r.time_s.toFixed(2)} s</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
