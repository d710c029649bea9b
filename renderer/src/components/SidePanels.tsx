import { useEffect, useState } from 'react';
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import { docTitle, nlOutcomeIsCurrent } from '../state/store.js';
import type { NlSample } from '../../../api/contract.js';
import { CnlGrammar } from './CnlGrammar.js';

/** The origin an API key is bound to (scheme, host, port), or undefined for a URL that is not http(s). */
export function endpointOrigin(url: string): string | undefined {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The engine's default when no base URL is set (service/secrets.ts DEFAULT_OPENAI_BASE). */
const DEFAULT_BASE = 'https://api.openai.com/v1';

export function NlPane() {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const nl = useSel((s) => s.nl);
  const provider = useSel((s) => s.settings.nlProvider);
  const k = useSel((s) => s.settings.nlSamples);
  const settings = useSel((s) => s.settings);
  const [edits, setEdits] = useState<Record<number, string[]>>({});
  const current = useSel(nlOutcomeIsCurrent);
  const judgedFor = nl.outcomeFor;

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
        <p className="muted" data-testid="nl-input-note">
          {provider === 'replay'
            ? 'Replay reads formulas recorded for the problem id above (LINC / Logic-LM output); they translate that problem’s text, not necessarily the sentences typed here.'
            : 'The sentences typed above are the input: each is translated and the translation judged by the prover.'}
        </p>
        {provider === 'openai' && <EndpointForm where="nl" />}
      </div>
      {provider === 'cnl' && <CnlGrammar />}
      {nl.failure && (
        <p className="warn" data-testid="nl-failure">
          {nl.failure}
        </p>
      )}
      {nl.outcome && !current && (
        <p className="nl-mismatch" data-testid="nl-outcome-hidden">
          The last judgement was for other input
          {judgedFor
            ? ` (${judgedFor.provider}${judgedFor.problemId ? ` problem ${judgedFor.problemId}` : ''}, ${judgedFor.premises.length} premise${judgedFor.premises.length === 1 ? '' : 's'})`
            : ''}
          ; it is not shown next to these sentences. Judge again.
        </p>
      )}
      {nl.outcome && current && (
        <div className="nl-outcome" data-testid="nl-outcome">
          <p>
            Vote:{' '}
            <strong className={`verdict v-${nl.outcome.vote}`} data-testid="nl-vote">
              {nl.outcome.vote}
            </strong>{' '}
            <span className="muted">
              over {nl.outcome.samples.length} samples from {nl.outcome.provider}
              {judgedFor?.problemId ? ` (recorded problem ${judgedFor.problemId})` : ''}
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
  const problems = useSel((s) => s.problems);
  const closed = useSel((s) => s.closed);
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
      {runs.length === 0 ? (
        <p className="muted">No runs yet.</p>
      ) : (
        <table className="runs" data-testid="run-history">
          <thead>
            <tr>
              <th>when</th>
              <th>file</th>
              <th>prover</th>
              <th>result</th>
              <th>time</th>
            </tr>
          </thead>
          <tbody>
            {runs
              .slice(-50)
              .reverse()
              .map((r, i) => (
                <tr key={i} data-testid="run-row">
                  <td title={r.at}>{runWhen(r.at)}</td>
                  <td>{docTitle({ problems, closed }, r.problemId)}</td>
                  <td>{r.prover}</td>
                  <td>{r.status}</td>
                  <td>{r.timeMs} ms</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A run's time: the clock time today, else the date and time. */
function runWhen(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString() : d.toLocaleString();
}

/**
 * The OpenAI-compatible endpoint (base URL, model, write-only key) with Save and a connection test. The engine binds a
 * stored key to the origin it was entered for; a change of origin is confirmed here before anything is saved, saying
 * what is sent where.
 */
export function EndpointForm({ where }: { where: 'nl' | 'settings' }) {
  const { effects } = useWorkbench();
  const saved = useSel((s) => s.settings.nlOpenAi);
  const keySet = useSel((s) => s.settings.nlApiKeySet === true);
  const [baseUrl, setBaseUrl] = useState(saved?.baseUrl ?? '');
  const [model, setModel] = useState(saved?.model ?? '');
  const [key, setKey] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [status, setStatus] = useState<{ ok?: boolean; text: string }>({ text: '' });
  const [busy, setBusy] = useState(false);
  const t = (id: string): string => `${where === 'nl' ? 'nl-' : ''}${id}`;

  const savedOrigin = endpointOrigin(saved?.baseUrl || DEFAULT_BASE);
  const newOrigin = endpointOrigin(baseUrl || DEFAULT_BASE);
  const changed = baseUrl !== (saved?.baseUrl ?? '') || model !== (saved?.model ?? '') || key !== '';
  const originChanged = newOrigin !== savedOrigin;

  const save = async (): Promise<void> => {
    setConfirm(false);
    setBusy(true);
    const text = await effects.saveEndpoint({ baseUrl, model, apiKey: key });
    setKey('');
    setBusy(false);
    setStatus({ text });
  };
  return (
    <div className="endpoint" data-testid={t('endpoint')}>
      <table>
        <tbody>
          <tr>
            <td>base URL</td>
            <td>
              <input
                data-testid={t('openai-base')}
                placeholder={DEFAULT_BASE}
                value={baseUrl}
                onChange={(e) => {
                  setBaseUrl(e.target.value.slice(0, 1000));
                  setConfirm(false);
                }}
              />
            </td>
          </tr>
          <tr>
            <td>model</td>
            <td>
              <input
                data-testid={t('openai-model')}
                placeholder="gpt-4o-mini"
                value={model}
                onChange={(e) => setModel(e.target.value.slice(0, 200))}
              />
            </td>
          </tr>
          <tr>
            <td>API key</td>
            <td>
              <input
                type="password"
                autoComplete="off"
                data-testid={t('openai-key')}
                placeholder={keySet ? `set for ${savedOrigin ?? '?'} (type to replace)` : 'not set'}
                value={key}
                onChange={(e) => setKey(e.target.value.slice(0, 1000))}
              />
            </td>
          </tr>
        </tbody>
      </table>
      {baseUrl.trim() !== '' && !newOrigin && <p className="warn">The base URL must be an http(s) URL.</p>}
      {confirm && (
        <div className="confirm" role="alertdialog" aria-labelledby={t('confirm-title')} data-testid={t('endpoint-confirm')}>
          <strong id={t('confirm-title')}>Send requests to {newOrigin}?</strong>
          <p>
            {key
              ? `The key you typed will be stored for ${newOrigin} and sent there with every judgement.`
              : `No key is sent to ${newOrigin} unless you enter one for it.`}{' '}
            {keySet ? `The key stored for ${savedOrigin} is dropped: a key is only ever sent to the origin it was entered for.` : ''}
          </p>
          <div className="row">
            <button className="primary" data-testid={t('endpoint-confirm-yes')} onClick={() => void save()}>
              Use {newOrigin}
            </button>
            <button data-testid={t('endpoint-confirm-no')} onClick={() => setConfirm(false)}>
              Keep {savedOrigin}
            </button>
          </div>
        </div>
      )}
      <div className="row">
        <button
          className="primary"
          data-testid={t('endpoint-save')}
          disabled={!changed || busy || (baseUrl.trim() !== '' && !newOrigin)}
          onClick={() => (originChanged && (keySet || key !== '') ? setConfirm(true) : void save())}
        >
          Save endpoint
        </button>
        <button
          data-testid={t('endpoint-test')}
          disabled={busy || changed}
          title={changed ? 'Save the endpoint first: the test uses the saved settings' : 'Send one short judgement to the endpoint'}
          onClick={() => {
            setBusy(true);
            setStatus({ text: 'testing…' });
            void effects.testEndpoint().then((r) => {
              setBusy(false);
              setStatus(r);
            });
          }}
        >
          Test connection
        </button>
        <span className={status.ok === undefined ? 'muted' : status.ok ? 'ok-text' : 'bad-text'} data-testid={t('endpoint-status')}>
          {status.text}
        </span>
      </div>
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
        External prover binaries are never chosen from this page (a page must not be able to pick what runs): they are found on PATH, or set
        by the environment (<code>ENTAIL_EPROVER</code>, <code>ENTAIL_VAMPIRE</code>, <code>ENTAIL_PROVER9</code>, <code>ENTAIL_Z3</code>)
        or in <code>executables.json</code> in the data folder, read when the engine starts.
      </p>
      <table className="runs">
        <tbody>
          {(['eprover', 'vampire', 'prover9', 'z3'] as const).map((id) => (
            <tr key={id}>
              <td>{id}</td>
              <td data-testid={`path-${id}`}>
                {settings.externalPaths[id] ? <code>{settings.externalPaths[id]}</code> : <span className="muted">looked up on PATH</span>}
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
        openai: any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp, Ollama /v1). The API key is write-only: it is stored by the engine
        for the endpoint’s origin only, never shown again (empty: env OPENAI_API_KEY for OPENAI_BASE_URL).
      </p>
      <EndpointForm where="settings" />
      <table className="runs">
        <tbody>
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
