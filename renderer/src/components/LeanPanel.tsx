/**
 * Lean 4 through the REPL bridge (provers/lean): check a snippet (messages as Monaco
 * markers), goals of its sorries, tactic stepping on a goal. Without Lean the panel
 * says so (a state, not an error); exporting the current FOL problem as a Lean theorem
 * needs no Lean.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import type { Diagnostic, LeanHandle, LeanMarker } from '../../../api/contract.js';

const MonacoEditor = lazy(() => import('../adapters/MonacoEditor.js').then((m) => ({ default: m.MonacoEditor })));

const SEVERITY: Record<LeanMarker['severity'], Diagnostic['severity']> = { 8: 'error', 4: 'warning', 2: 'info', 1: 'info' };

export function LeanPanel() {
  const { effects } = useWorkbench();
  const dispatch = useDispatch();
  const lean = useSel((s) => s.lean);
  const [tactic, setTactic] = useState('constructor');
  const [target, setTarget] = useState<LeanHandle | null>(null);
  useEffect(() => {
    void effects.leanInfo();
  }, [effects]);
  const view = lean.view;
  const notInstalled = view?.status === 'notInstalled';
  const diagnostics = useMemo<Diagnostic[]>(
    () =>
      (view?.op === 'check' ? view.markers : []).map((m) => ({
        severity: SEVERITY[m.severity],
        line: m.startLineNumber,
        col: m.startColumn,
        endLine: m.endLineNumber,
        endCol: m.endColumn,
        message: m.message,
      })),
    [view],
  );
  const noSymbols = useCallback(() => [], []);
  const step = lean.step;
  const stepFrom = step?.proofState ?? target;
  return (
    <div className="lean-panel" data-testid="panel-lean">
      {notInstalled ? (
        <p className="warn" data-testid="lean-not-installed">
          Lean not installed — checking and tactics are off. {view.detail}
        </p>
      ) : (
        <p className="muted" data-testid="lean-status">
          {lean.busy ? 'Lean is working…' : (view?.detail ?? 'looking for Lean…')}
        </p>
      )}
      {lean.failure && (
        <p className="warn" data-testid="lean-failure">
          {lean.failure}
        </p>
      )}
      <div className="lean-editor">
        <Suspense fallback={<div className="monaco-host loading">Loading editor…</div>}>
          <MonacoEditor
            docId="lean-panel"
            testId="lean-editor"
            text={lean.code}
            language="lean"
            diagnostics={diagnostics}
            onChange={(code) => dispatch({ type: 'lean/edit', code })}
            onRun={() => void effects.leanCheck()}
            symbols={noSymbols}
          />
        </Suspense>
      </div>
      <div className="row">
        <button className="primary" data-testid="lean-check" disabled={lean.busy || notInstalled} onClick={() => void effects.leanCheck()}>
          Check
        </button>
        <button data-testid="lean-export" disabled={lean.busy} onClick={() => void effects.leanExport()} title="no Lean needed">
          Export current problem to Lean
        </button>
      </div>
      {diagnostics.length > 0 && (
        <ul className="diagnostics-list" data-testid="lean-messages">
          {diagnostics.map((d, i) => (
            <li key={i} className={d.severity}>
              {d.line}:{d.col} {d.message}
            </li>
          ))}
        </ul>
      )}
      {view?.op === 'check' && view.sorries.length > 0 && (
        <div data-testid="lean-goals">
          <h4>Goals (sorries)</h4>
          <ul>
            {view.sorries.map((g, i) => (
              <li key={i}>
                <pre className="goal">{g.goal}</pre>
                {g.proofState && (
                  <button className="link" onClick={() => setTarget(g.proofState)}>
                    step tactics here
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {stepFrom && (
        <div className="row" data-testid="lean-tactic">
          <input value={tactic} onChange={(e) => setTactic(e.target.value)} aria-label="tactic" />
          <button disabled={lean.busy || !tactic.trim()} onClick={() => void effects.leanTactic(stepFrom, tactic.trim())}>
            Run tactic
          </button>
          {step?.goals && (
            <pre className="goal" data-testid="lean-step-goals">
              {step.solved ? 'no goals' : step.goals.join('\n\n')}
            </pre>
          )}
        </div>
      )}
      {lean.exported !== undefined && (
        <div data-testid="lean-exported">
          <div className="row">
            <h4>Lean theorem for the current problem</h4>
            <span className="spacer" />
            <button
              onClick={() => dispatch({ type: 'problem/new', language: 'lean', text: lean.exported!, title: 'exported.lean' })}
              title="Open as a Lean buffer"
            >
              Open in editor
            </button>
          </div>
          <pre className="lean-code" data-testid="lean-exported-code">
            {lean.exported}
          </pre>
        </div>
      )}
    </div>
  );
}
