import { useRef } from 'react';
import { LANGUAGES, PROVERS } from '../../../api/contract.js';
import type { Language, ProverId } from '../../../api/contract.js';
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import { activeProblem } from '../state/store.js';

/** Reading a file larger than this into the editor is refused (the API refuses 8 MB anyway). */
const MAX_FILE = 8 * 1024 * 1024;

export function Toolbar() {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const language = useSel((s) => activeProblem(s).language);
  const prover = useSel((s) => s.prover);
  const provers = useSel((s) => s.provers);
  const timeoutMs = useSel((s) => s.settings.limits.timeoutMs);
  const phase = useSel((s) => s.run.phase);
  const sessionName = useSel((s) => s.session.name);
  const dirty = useSel((s) => s.session.dirty);
  const fileInput = useRef<HTMLInputElement>(null);
  const running = phase === 'running' || phase === 'starting';

  const onFile = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    if (f.size > MAX_FILE) {
      dispatch({
        type: 'notice',
        level: 'error',
        text: `${f.name} is ${(f.size / 1e6).toFixed(1)} MB; the workbench opens files up to 8 MB.`,
      });
      return;
    }
    effects.openText(f.name, await f.text());
  };

  return (
    <header className="toolbar" role="toolbar" aria-label="workbench" data-testid="toolbar">
      <span className="brand">Entail</span>
      <input
        className="session-name"
        aria-label="session name"
        data-testid="session-name"
        value={sessionName}
        onChange={(e) => dispatch({ type: 'session/rename', name: e.target.value.slice(0, 200) })}
      />
      <span className="dirty" data-testid="dirty" title={dirty ? 'unsaved changes' : 'saved'}>
        {dirty ? '●' : ''}
      </span>
      <div className="group">
        <button onClick={() => dispatch({ type: 'problem/new', language })} title="New problem" data-testid="new-problem">
          New
        </button>
        <button onClick={() => fileInput.current?.click()} title="Open a problem file" data-testid="open-file">
          Open…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="file-input"
          onChange={(e) => void onFile(e.target.files?.[0]).finally(() => (e.target.value = ''))}
        />
        <button onClick={() => void effects.saveSession()} title="Save session" data-testid="save-session">
          Save
        </button>
      </div>
      <div className="group">
        <label>
          <span className="lbl">Language </span>
          <select
            aria-label="language"
            value={language}
            data-testid="language"
            onChange={(e) => dispatch({ type: 'problem/setLanguage', language: e.target.value as Language })}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="lbl">Prover </span>
          <select
            aria-label="prover"
            value={prover}
            data-testid="prover"
            onChange={(e) => dispatch({ type: 'run/choose', prover: e.target.value as ProverId })}
          >
            {PROVERS.map((p) => {
              const info = provers.find((x) => x.id === p);
              return (
                <option key={p} value={p} disabled={info ? !info.available : false} title={info?.detail}>
                  {p}
                  {info && !info.available ? ' (unavailable)' : ''}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          <span className="lbl">Timeout s </span>
          <input
            aria-label="timeout in seconds"
            title="Timeout (seconds)"
            type="number"
            min={1}
            max={3600}
            className="timeout"
            data-testid="timeout"
            value={Math.round(timeoutMs / 1000)}
            onChange={(e) => {
              const v = Math.max(1, Math.min(3600, Number(e.target.value) || 1));
              dispatch({ type: 'run/limits', timeoutMs: v * 1000 });
            }}
          />
        </label>
      </div>
      <div className="group run-group">
        <button
          className="primary"
          disabled={running}
          onClick={() => void effects.prove()}
          data-testid="prove"
          title="Prove (Ctrl/Cmd+Enter)"
        >
          Prove
        </button>
        <button disabled={!running} onClick={() => void effects.cancel()} data-testid="cancel">
          Cancel
        </button>
        <RunStatus />
      </div>
    </header>
  );
}

function RunStatus() {
  const run = useSel((s) => s.run);
  const label =
    run.phase === 'running'
      ? `running ${(run.elapsedMs / 1000).toFixed(1)} s`
      : run.phase === 'starting'
        ? 'starting…'
        : run.phase === 'idle'
          ? 'idle'
          : run.phase === 'done'
            ? run.message
            : run.phase;
  return (
    <span className={`run-status phase-${run.phase}`} data-testid="run-status" title={run.message}>
      {label}
    </span>
  );
}
