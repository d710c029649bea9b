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
  const queueMode = batch.target === 'queue';
  // Workers announce themselves by heartbeat (a record that expires): the list is refreshed while it is shown.
  useEffect(() => {
    if (!queueMode) return;
    void effects.loadBatchWorkers();
    const t = setInterval(() => void effects.loadBatchWorkers(), WORKERS_POLL_MS);
    return () => clearInterval(t);
  }, [effects, queueMode, batch.queueUrl, batch.queueName]);
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
      <div className="row" role="radiogroup" aria-label="Run on">
        <span>Run on</span>
        <label>
          <input
            type="radio"
            name="batch-target"
            data-testid="batch-target-local"
            checked={!queueMode}
            disabled={running}
            onChange={() => dispatch({ type: 'batch/target', target: 'local' })}
          />{' '}
          this machine
        </label>
        <label>
          <input
            type="radio"
            name="batch-target"
            data-testid="batch-target-queue"
            checked={queueMode}
            disabled={running}
            onChange={() => dispatch({ type: 'batch/target', target: 'queue' })}
          />{' '}
          Redis queue
        </label>
      </div>
      {queueMode && (
        <div className="row">
          <label title="redis://[:password@]HOST:PORT[/DB]; the engine connects to loopback hosts only unless started with --queue-host">
            Queue URL{' '}
            <input
              type="text"
              value={batch.queueUrl}
              disabled={running}
              autoComplete="off"
              spellCheck={false}
              data-testid="batch-queue-url"
              style={{ width: '22em' }}
              onChange={(e) => dispatch({ type: 'batch/queue', url: e.target.value })}
            />
          </label>
          <label title="The workers' --name: entail worker --queue URL --name RUN">
            Run name{' '}
            <input
              type="text"
              value={batch.queueName}
              disabled={running}
              data-testid="batch-queue-name"
              style={{ width: '8em' }}
              onChange={(e) => dispatch({ type: 'batch/queue', name: e.target.value })}
            />
          </label>
        </div>
      )}
      {queueMode && <Workers />}
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
        {!queueMode && (
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
        )}
        <button className="primary" disabled={running} data-testid="batch-run" onClick={() => void effects.runBatch()}>
          {queueMode ? `Send to '${batch.queueName}'` : 'Run'} with {prover === 'tau-prolog' ? 'embedded' : prover},{' '}
          {Math.round(timeoutMs / 1000)} s each
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
              <th title="Solved problems: open and show the proof graph or the model">show</th>
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
                <td>
                  {r.solved && r.index === undefined && (
                    <button
                      className="link"
                      data-testid="batch-open-proof"
                      title={`Open ${r.name} and prove it again to show its ${provesTheorem(r.status) ? 'proof graph' : 'model'}`}
                      onClick={(e) => (e.stopPropagation(), void effects.openBatchRow(r, true))}
                    >
                      {provesTheorem(r.status) ? 'proof' : 'model'}
                    </button>
                  )}
                </td>
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

const WORKERS_POLL_MS = 2_000;

const provesTheorem = (status: string): boolean => status === 'Theorem' || status === 'Unsatisfiable';

/** The queue's workers as their heartbeats describe them. */
function Workers() {
  const workers = useSel((s) => s.batch.workers);
  const failure = useSel((s) => s.batch.workersError);
  if (failure)
    return (
      <p className="warn" data-testid="batch-workers-error">
        Workers: {failure}
      </p>
    );
  if (!workers) return null;
  if (workers.length === 0)
    return (
      <p className="muted" data-testid="batch-workers-none">
        No worker on this queue yet: start one with <code>entail worker --queue URL --name RUN</code>.
      </p>
    );
  return (
    <table className="steps" data-testid="batch-workers">
      <thead>
        <tr>
          <th>worker host</th>
          <th>pid</th>
          <th>concurrency</th>
          <th>jobs done</th>
          <th>last seen</th>
        </tr>
      </thead>
      <tbody>
        {workers.map((w) => (
          <tr key={w.id} data-testid="batch-worker">
            <td>{w.host}</td>
            <td>{w.pid}</td>
            <td>{w.concurrency}</td>
            <td>{w.jobs}</td>
            <td title={w.lastSeen}>{new Date(w.lastSeen).toLocaleTimeString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
