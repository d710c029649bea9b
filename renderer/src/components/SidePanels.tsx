import { useEffect, useState } from 'react';
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import type { NlSample } from '../../../api/contract.js';
import { CnlGrammar } from './CnlGrammar.js';

export function NlPane() {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const nl = useSel((s) => s.nl);
  const provider = useSel((s) => s.settings.nlProvider);
  const k = useSel((s) => s.settings.nlSamples);
  const settings = useSel((s) => s.settings);
  const [edits, setEdits] = useState<Record<number, string[]>>({});

  return (
    <div className="nl" data-testid="nl-pane">
      <div className="nl-inputs">
        <label>
          Premises (one sentence per line)
          <textarea
            rows={6}
            value={nl.premises}
            data-testid="nl-premises"
            onChange={(e) => dispatch({ type: 'nl/edit', premises: e.target.value })}
          />
        </label>
        <label>
          Conclusion
          <input
            value={nl.conclusion}
            data-testid="nl-conclusion"
            onChange={(e) => dispatch({ type: 'nl/edit', conclusion: e.target.value })}
          />
        </label>
        <div className="row">
          <label>
            Provider{' '}
            <select
              value={provider}
              data-testid="nl-provider"
              onChange={(e) => dispatch({ type: 'settings/loaded', settings: { ...settings, nlProvider: e.target.value } })}
            >
              {[...new Set([provider, ...nl.providers.map((p) => p.id)])].map((id) => {
                const p = nl.providers.find((x) => x.id === id);
                return (
                  <option key={id} value={id} title={p?.detail}>
                    {id}
                    {p && !p.available ? ' (unavailable)' : ''}
                  </option>
                );
              })}
            </select>
          </label>
          <label>
            K{' '}
            <input
              type="number"
              min={1}
              max={20}
              value={k}
              className="timeout"
              onChange={(e) =>
                dispatch({
                  type: 'settings/loaded',
                  settings: { ...settings, nlSamples: Math.max(1, Math.min(20, Number(e.target.value) || 1)) },
                })
              }
            />
          </label>
          {provider === 'replay' && (
            <label>
              Recorded problem id{' '}
              <input
                value={nl.problemId}
                placeholder="linc_0"
                data-testid="nl-problem-id"
                onChange={(e) => dispatch({ type: 'nl/problemId', problemId: e.target.value })}
              />
            </label>
          )}
          <button className="primary" disabled={nl.busy} data-testid="nl-judge" onClick={() => void effects.judgeNl()}>
            {nl.busy ? 'Judging…' : 'Translate & judge'}
          </button>
          {nl.busy && (
            <button data-testid="nl-cancel" onClick={() => void effects.cancelNl()}>
              Cancel
            </button>
          )}
        </div>
        {nl.providers.find((p) => p.id === provider) && (
          <p className="muted" data-testid="nl-provider-detail">
            {nl.providers.find((p) => p.id === provider)!.detail}
          </p>
        )}
      </div>
      {provider === 'cnl' && <CnlGrammar />}
      {nl.failure && (
        <p className="warn" data-testid="nl-failure">
          {nl.failure}
        </p>
      )}
      {nl.outcome && (
        <div className="nl-outcome" data-testid="nl-outcome">
          <p>
            Vote:{' '}
            <strong className={`verdict v-${nl.outcome.vote}`} data-testid="nl-vote">
              {nl.outcome.vote}
            </strong>{' '}
            <span className="muted">
              over {nl.outcome.samples.length} samples from {nl.outcome.provider}
            </span>
            {Object.keys(edits).length > 0 && (
              <button
                onClick={() => void effects.judgeNl(Object.entries(edits).map(([index, formulas]) => ({ index: Number(index), formulas })))}
              >
                Re-judge edited formulas
              </button>
            )}
          </p>
          {nl.outcome.samples.map((s) => (
            <SampleView key={s.index} sample={s} edited={edits[s.index]} onEdit={(f) => setEdits({ ...edits, [s.index]: f })} />
          ))}
        </div>
      )}
    </div>
  );
}

/** The sample's formulas as an Entail-syntax problem (premises as axioms, the last as the conjecture). */
export function sampleProblem(formulas: readonly string[]): string {
  return formulas.map((f, i) => (i === formulas.length - 1 ? `conjecture goal: ${f}.` : `axiom premise_${i + 1}: ${f}.`)).join('\n') + '\n';
}

function SampleView({ sample, edited, onEdit }: { sample: NlSample; edited?: string[]; onEdit: (f: string[]) => void }) {
  const dispatch = useDispatch();
  const formulas = edited ?? sample.pairs.map((p) => p.formula);
  return (
    <details className="sample" data-testid="nl-sample" open={sample.index === 0}>
      <summary>
        Sample {sample.index + 1}: <span className={`verdict v-${sample.verdict}`}>{sample.verdict}</span>
        {sample.message && <span className="muted"> — {sample.message}</span>}
      </summary>
      <table className="align">
        <tbody>
          {sample.pairs.map((p, i) => (
            <tr key={i}>
              <td className="sentence">{p.sentence}</td>
              <td>
                <input
                  className="formula"
                  value={formulas[i] ?? ''}
                  onChange={(e) => {
                    const next = [...formulas];
                    next[i] = e.target.value;
                    onEdit(next);
                  }}
                />
                {p.paraphrase && (
                  <div className="paraphrase muted" data-testid="nl-paraphrase">
                    {p.paraphrase}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        onClick={() =>
          dispatch({ type: 'problem/new', language: 'entail', text: sampleProblem(formulas), title: `nl-sample-${sample.index + 1}.ent` })
        }
        title="Open these formulas as a problem in the editor"
      >
        Open in editor
      </button>
    </details>
  );
}

export function SessionsPanel() {
  const { effects } = useWorkbench();
  const recent = useSel((s) => s.session.recent);
  const session = useSel((s) => s.session);
  const runs = useSel((s) => s.runs);
  useEffect(() => {
    void effects.refreshRecent();
  }, [effects]);
  return (
    <div className="sessions" data-testid="sessions">
      <p>
        Current: <strong>{session.name}</strong>{' '}
        {session.dirty ? <span className="muted">(unsaved)</span> : <span className="muted">(saved)</span>} · {runs.length} run(s)
        <button onClick={() => void effects.saveSession()}>Save now</button>
      </p>
      <h3>Recent sessions</h3>
      {recent.length === 0 ? (
        <p className="muted">No saved sessions yet.</p>
      ) : (
        <ul className="recent">
          {recent.map((r) => (
            <li key={r.path}>
              <button
                className="link"
                data-testid={`open-session-${r.path
                  .split(/[\\/]/)
                  .pop()!
                  .replace(/\.entail\.json$/, '')}`}
                onClick={() => void effects.openSession(r.path)}
              >
                {r.name}
              </button>{' '}
              <span className="muted">{new Date(r.savedAt).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>Runs in this session</h3>
      <table className="runs">
        <tbody>
          {runs
            .slice(-50)
            .reverse()
            .map((r, i) => (
              <tr key={i}>
                <td>{new Date(r.at).toLocaleTimeString()}</td>
                <td>{r.problemId}</td>
                <td>{r.prover}</td>
                <td>{r.status}</td>
                <td>{r.timeMs} ms</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

export function SettingsPanel() {
  const { effects } = useWorkbench();
  const settings = useSel((s) => s.settings);
  const provers = useSel((s) => s.provers);
  const dispatch = useDispatch();
  const [saved, setSaved] = useState('');
  return (
    <div className="settings" data-testid="settings">
      <h3>Limits</h3>
      <label>
        <input
          type="checkbox"
          checked={settings.limits.countermodel}
          onChange={(e) =>
            dispatch({ type: 'settings/loaded', settings: { ...settings, limits: { ...settings.limits, countermodel: e.target.checked } } })
          }
        />{' '}
        search for a countermodel when the conjecture does not follow
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.limits.check}
          onChange={(e) =>
            dispatch({ type: 'settings/loaded', settings: { ...settings, limits: { ...settings.limits, check: e.target.checked } } })
          }
        />{' '}
        re-check every proof with the independent checker
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.autosave}
          onChange={(e) => dispatch({ type: 'settings/loaded', settings: { ...settings, autosave: e.target.checked } })}
        />{' '}
        autosave the session every 15 s
      </label>
      <h3>Provers</h3>
      <p className="muted">
        Paths to external provers (empty: look them up on PATH). Saved with “Save settings”; the prover list refreshes after saving.
      </p>
      <table className="runs">
        <tbody>
          {(['eprover', 'vampire', 'prover9', 'z3'] as const).map((id) => (
            <tr key={id}>
              <td>{id}</td>
              <td>
                <input
                  data-testid={`path-${id}`}
                  placeholder={`${id} on PATH`}
                  value={settings.externalPaths[id] ?? ''}
                  onChange={(e) => {
                    const paths = { ...settings.externalPaths };
                    if (e.target.value.trim() === '') delete paths[id];
                    else paths[id] = e.target.value.trim();
                    dispatch({ type: 'settings/loaded', settings: { ...settings, externalPaths: paths } });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="runs">
        <tbody>
          {provers.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <td>{p.available ? '✓' : '—'}</td>
              <td className="muted">{p.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Natural-language providers</h3>
      <p className="muted">
        openai: any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp, Ollama /v1). The API key is write-only: it is stored by the engine,
        never shown again (empty: env OPENAI_API_KEY).
      </p>
      <table className="runs">
        <tbody>
          <tr>
            <td>base URL</td>
            <td>
              <input
                data-testid="nl-openai-base"
                placeholder="https://api.openai.com/v1"
                value={settings.nlOpenAi?.baseUrl ?? ''}
                onChange={(e) =>
                  dispatch({
                    type: 'settings/loaded',
                    settings: { ...settings, nlOpenAi: { baseUrl: e.target.value.trim(), model: settings.nlOpenAi?.model ?? '' } },
                  })
                }
              />
            </td>
          </tr>
          <tr>
            <td>model</td>
            <td>
              <input
                data-testid="nl-openai-model"
                placeholder="gpt-4o-mini"
                value={settings.nlOpenAi?.model ?? ''}
                onChange={(e) =>
                  dispatch({
                    type: 'settings/loaded',
                    settings: { ...settings, nlOpenAi: { baseUrl: settings.nlOpenAi?.baseUrl ?? '', model: e.target.value.trim() } },
                  })
                }
              />
            </td>
          </tr>
          <tr>
            <td>API key</td>
            <td>
              <input
                type="password"
                autoComplete="off"
                data-testid="nl-openai-key"
                placeholder={settings.nlApiKeySet ? 'set (type to replace)' : 'not set'}
                value={settings.nlApiKey ?? ''}
                onChange={(e) => dispatch({ type: 'settings/loaded', settings: { ...settings, nlApiKey: e.target.value } })}
              />
            </td>
          </tr>
          <tr>
            <td>replay file</td>
            <td>
              <input
                data-testid="nl-replay-path"
                placeholder="LINC *_generations_raw.json (path on the engine's machine)"
                value={settings.nlReplayPath ?? ''}
                onChange={(e) => dispatch({ type: 'settings/loaded', settings: { ...settings, nlReplayPath: e.target.value.trim() } })}
              />
            </td>
          </tr>
        </tbody>
      </table>
      <button className="primary" data-testid="save-settings" onClick={() => void effects.saveSettings().then(setSaved)}>
        Save settings
      </button>{' '}
      <span className="muted">{saved}</span>
    </div>
  );
}
