import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';

// Monaco is most of the bundle: load it after the first paint (its own chunk).
const MonacoEditor = lazy(() => import('../adapters/MonacoEditor.js').then((m) => ({ default: m.MonacoEditor })));
import { useDispatch, useSel, useWorkbench } from '../ctx.js';
import { activeProblem, currentDiagnostics } from '../state/store.js';
import type { State } from '../state/store.js';

/** Parse this long after the last keystroke (the parser is fast; the debounce keeps typing smooth on 5 MB buffers). */
const PARSE_DELAY_MS = 300;

export function EditorPanel() {
  const { effects, store } = useWorkbench();
  const dispatch = useDispatch();
  const problems = useSel((s) => s.problems);
  const activeId = useSel((s) => s.activeId);
  const doc = useSel(activeProblem);
  const diagnostics = useSel(currentDiagnostics);
  const parseFailure = useSel((s) => (s.parse.forText === activeProblem(s).text ? s.parse.failure : undefined));
  const dialect = useSel((s: State) => s.parse.outcome?.dialect);
  const lastClosed = useSel((s) => s.closed[s.closed.length - 1]?.title);
  const docTabs = useRef<HTMLElement>(null);

  // The active document's tab is always in view, however many are open.
  useEffect(() => {
    docTabs.current?.querySelector('.doc-tab.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeId, problems.length]);
  // Proof graph ⇄ editor linking: a clicked step's lines come in, the cursor's line goes out.
  const reveal = useSel((s) => s.link.reveal);
  const onCursorLine = useCallback((line: number | undefined) => dispatch({ type: 'link/cursor', line }), [dispatch]);

  // Parse whenever the parse on record is not of this text: an edit, or a reset (a session restored
  // or a document switched to) that leaves the text as it was.
  const parsedFor = useSel((s) => s.parse.forText);
  useEffect(() => {
    if (parsedFor === doc.text && doc.text !== '') return;
    const t = setTimeout(() => void effects.parse(), PARSE_DELAY_MS);
    return () => clearTimeout(t);
  }, [doc.text, doc.language, parsedFor, effects]);

  const symbols = useCallback((name: string) => (store.getState().parse.outcome?.symbols ?? []).filter((x) => x.name === name), [store]);

  return (
    <section className="editor-panel" aria-label="problem editor">
      <div className="doc-bar">
        <nav className="doc-tabs" aria-label="documents" data-testid="doc-tabs" ref={docTabs}>
          {problems.map((p) => (
            <span key={p.id} className={`doc-tab ${p.id === activeId ? 'active' : ''}`}>
              <button
                className="doc-title"
                aria-current={p.id === activeId ? 'page' : undefined}
                title={p.title}
                onClick={() => dispatch({ type: 'problem/select', id: p.id })}
                data-testid={`doc-tab-${p.id}`}
              >
                {p.title}
              </button>
              {problems.length > 1 && (
                <button
                  className="doc-close"
                  aria-label={`close ${p.title}`}
                  title="Close (reopen with Alt+Shift+T)"
                  data-testid={`doc-close-${p.id}`}
                  onClick={() => dispatch({ type: 'problem/close', id: p.id })}
                >
                  ×
                </button>
              )}
            </span>
          ))}
        </nav>
        {lastClosed !== undefined && (
          <button
            className="doc-reopen"
            data-testid="doc-reopen"
            title={`Reopen ${lastClosed} (Alt+Shift+T)`}
            aria-label={`reopen ${lastClosed}`}
            onClick={() => dispatch({ type: 'problem/reopen' })}
          >
            ↶
          </button>
        )}
      </div>
      <Suspense fallback={<div className="monaco-host loading">Loading editor…</div>}>
        <MonacoEditor
          docId={doc.id}
          text={doc.text}
          language={doc.language}
          diagnostics={diagnostics}
          onChange={(text) => dispatch({ type: 'problem/edit', text })}
          onRun={() => void effects.prove()}
          onEscape={() => document.querySelector<HTMLElement>('.side [role="tab"][tabindex="0"]')?.focus()}
          symbols={symbols}
          link={{ ...(reveal ? { reveal } : {}), onCursorLine }}
        />
      </Suspense>
      <div className="diagnostics" data-testid="diagnostics" aria-live="polite">
        {doc.language === 'prolog' || doc.language === 'lean' ? (
          <span className="muted">
            {doc.language === 'prolog'
              ? 'Prolog: checked by tau-prolog when run (last `?- goal.` line is the query)'
              : 'Lean: checked by the Lean bridge'}
          </span>
        ) : parseFailure ? (
          <span className="warn">Parser {parseFailure}</span>
        ) : diagnostics.length === 0 ? (
          <span className="ok" data-testid="parse-ok">
            ✓ parses{dialect ? ` (${dialect})` : ''}
          </span>
        ) : (
          diagnostics.map((d, i) => (
            <span key={i} className={d.severity} data-testid="diagnostic">
              {d.line}:{d.col} {d.message}
            </span>
          ))
        )}
        <span className="size">{(doc.text.length / 1024).toFixed(doc.text.length < 10240 ? 1 : 0)} KB</span>
      </div>
    </section>
  );
}
