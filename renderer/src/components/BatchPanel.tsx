import { useEffect, useRef, useState } from 'react';
import type { BatchReportFormat } from '../../../api/contract.js';
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import { download } from '../download.js';

const REPORTS: readonly { readonly format: BatchReportFormat; readonly label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'junit', label: 'JUnit' },
  { format: 'html', label: 'HTML' },
];

/** Batch runs through provers/batch: paths inside the opened folders, the toolbar's prover and timeout, N jobs. */
export function BatchPanel() {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const batch = useSel((s) => s.batch);
  const prover = useSel((s) => s.prover);
  const timeoutMs = useSel((s) => s.settings.limits.timeoutMs);
  const [root, setRoot] = useState('');
  useEffect(() => void effects.loadBatchInfo(), [effects]);
  const running = batch.phase === 'running';
  // Wall-clock start of the current run, for the ETA (kept out of the store: it is not data of the run).
  const startedAt = useRef<{ jobId?: string; at: number }>({ at: 0 });
  if (running && startedAt.current.jobId !== batch.jobId) startedAt.current = { jobId: batch.jobId, at: Date.now() };
  const eta =
    running && batch.done > 0 && batch.total > batch.done
      ? `, about ${formatSeconds(((Date.now() - startedAt.current.at) / batch.done) * (batch.total - batch.done))} left`
      : '';
  const roots = batch.info?.roots ?? [];
  const picked = root || roots[0] || '';
  const addFolder = (): void => {
    if (!picked) return;
    const lines = batch.paths.split('\n').filter((l) => l.trim() !== '');
    if (!lines.includes(picked)) dispatch({ type: 'batch/paths', paths: [...lines, picked].join('\n') });
  };
  return (
    <div className="module-panel batch" data-testid="panel-batch">
      <h3>Batch runs</h3>
      {roots.length > 0 && (
        <div className="row">
          <label>
            Opened folder{' '}
            <select value={picked} data-testid="batch-root" onChange={(e) => setRoot(e.target.value)}>
              {roots.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <button data-testid="batch-add-root" disabled={running} onClick={addFolder}>
            Add to the list
          </button>
        </div>
      )}
      <label className="block">
        Problem files, folders or globs inside the opened folders (one per line)
        <textarea
          rows={3}
          value={batch.paths}
          data-testid="batch-paths"
          placeholder={roots[0] ? `${roots[0]}/SYN-FOF` : '/path/to/problems/SYN-FOF'}
          onChange={(e) => dispatch({ type: 'batch/paths', paths: e.target.value })}
        />
      </label>
      <div className="row">
        <label title="Problems proved at the same time, each in a worker of its own">
          Jobs{' '}
          <input
            type="number"
            min={1}
            max={batch.info?.cores}
            step={1}
            value={batch.jobs}
            disabled={running}
            data-testid="batch-jobs"
            style={{ width: '4.5em' }}
            onChange={(e) => dispatch({ type: 'batch/jobs', jobs: e.target.valueAsNumber })}
          />
          {batch.info && <span className="muted"> of {batch.info.cores} cores</span>}
        </label>
        <button className="primary" disabled={running} data-testid="batch-run" onClick={() => void effects.runBatch()}>
          Run with {prover === 'tau-prolog' ? 'embedded' : prover}, {Math.round(timeoutMs / 1000)} s each
        </button>
        <button disabled={!running} onClick={() => void effects.cancelBatch()}>
          Cancel
        </button>
        <span className="muted" data-testid="batch-progress">
          {batch.phase === 'idle' ? '' : `${batch.phase}: ${batch.done}/${batch.total || '?'} problems${eta}`}
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
      {batch.summary && (
        <div className="row">
          <span className="muted">Download the report:</span>
          {REPORTS.map(({ format, label }) => (
            <button
              key={format}
              data-testid={`batch-download-${format}`}
              disabled={batch.phase !== 'done'}
              onClick={() =>
                void effects.batchReport(format).then((f) => {
                  if (f) download(f.name, f.text, f.type);
                })
              }
            >
              {label}
            </button>
          ))}
        </div>
      )}
      {batch.rows.length > 0 && (
        <table className="steps" data-testid="batch-rows">
          <thead>
            <tr>
              <th>problem</th>
              <th>expected</th>
              <th>status</th>
              <th>time</th>
              <th>message</th>
            </tr>
          </thead>
          <tbody>
            {batch.rows.map((r) => (
              <tr
                key={r.path + r.name + (r.index ?? '')}
                className={r.wrong ? 'wrong' : r.solved ? 'solved' : ''}
                title={`${r.path}: click to open it in the editor`}
                data-testid="batch-row"
                onClick={() => void effects.openBatchRow(r)}
              >
                <td>
                  <button className="link" data-testid="batch-open" onClick={(e) => (e.stopPropagation(), void effects.openBatchRow(r))}>
                    {r.name}
                  </button>
                </td>
                <td>{r.expected ?? ''}</td>
                <td>{r.status}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{r.time_s.toFixed(2)} s</td>
                <td className="muted" style={{ overflowWrap: 'anywhere' }}>
                  {r.error ? firstLine(r.error) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** An error's first line without its file's folder, for a table cell (the whole message is in the report). */
function firstLine(s: string): string {
  const line = (s.split('\n', 1)[0] ?? '').replace(/^(?:\/|[A-Za-z]:\\)[^:]*[/\\](?=[^/\\:]+:\d)/, '');
  return line.length > 120 ? line.slice(0, 119) + '…' : line;
}

function formatSeconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
