import { useEffect } from 'react';
import { BatchPanel } from './components/BatchPanel.js';
import { EditorPanel } from './components/EditorPanel.js';
import { GraphPanel } from './components/GraphPanel.js';
import { ResultView } from './components/ResultView.js';
import { ExplorePanel } from './components/ExplorePanel.js';
import { LeanPanel } from './components/LeanPanel.js';
import { NlPane, SessionsPanel, SettingsPanel } from './components/SidePanels.js';
import { Toolbar } from './components/Toolbar.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { PanelTabs } from './components/PanelTabs.js';
import { SplitPane } from './components/SplitPane.js';
import { useDispatch, useSel, useWorkbench } from './ctx.js';
import { activeProblem } from './state/store.js';

/** Keys typed here are text, not shortcuts. */
function isTextTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null;
}

export function App() {
  const { effects, store } = useWorkbench();
  const tab = useSel((s) => s.tab);
  const help = useSel((s) => s.layout.help);
  const hasGraph = useSel((s) => s.result?.graph !== undefined);

  // A result with a proof graph is on screen: fetch the graph view's chunk now, not when its tab is opened.
  useEffect(() => {
    if (hasGraph) void import('./adapters/CytoscapeGraph.js');
  }, [hasGraph]);

  useEffect(() => {
    void effects.refreshProvers();
    void effects.restoreLast();
    // Hot exit: a pending change is written when the page goes away; the browser asks only if it may not have landed.
    const onHide = (): void => effects.flush();
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      effects.flush();
      if (effects.unsaved() && store.getState().connection !== 'connected') e.preventDefault();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    // Ctrl/Cmd+Enter proves from anywhere (Monaco handles it itself when focused).
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        void effects.prove();
      } else if (e.key === 'Escape' && (e.ctrlKey || e.metaKey)) void effects.cancel();
      else if (e.altKey && e.shiftKey && e.code === 'KeyT') {
        e.preventDefault();
        store.dispatch({ type: 'problem/reopen' });
      } else if ((e.key === 'F1' || (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey)) && !isTextTarget(e.target)) {
        e.preventDefault();
        store.dispatch({ type: 'layout/help', open: !store.getState().layout.help });
      }
    };
    window.addEventListener('keydown', onKey);
    // After the first paint, warm the graph view's chunk so opening a proof graph does not wait for it.
    const warm = setTimeout(() => void import('./adapters/CytoscapeGraph.js'), 2000);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      clearTimeout(warm);
    };
  }, [effects, store]);

  return (
    <div className="app">
      <Toolbar />
      <SplitPane
        left={<EditorPanel />}
        right={
          <section className="side" aria-label="panels" data-testid="side">
            <PanelTabs />
            <div className="tab-body" id="tab-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
              {tab === 'result' && <ResultView />}
              {tab === 'graph' && <GraphPanel />}
              {tab === 'nl' && <NlPane />}
              {tab === 'sessions' && <SessionsPanel />}
              {tab === 'settings' && <SettingsPanel />}
              {tab === 'batch' && <BatchPanel />}
              {tab === 'lean' && <LeanPanel />}
              {tab === 'explore' && <ExplorePanel />}
            </div>
          </section>
        }
      />
      <StatusBar />
      <Notices />
      {help && <HelpOverlay />}
    </div>
  );
}

function StatusBar() {
  const dispatch = useDispatch();
  const connection = useSel((s) => s.connection);
  const language = useSel((s) => activeProblem(s).language);
  // The parse answer belongs to the text it was asked for: another buffer's dialect is never shown.
  const current = useSel((s) => s.parse.forText === activeProblem(s).text);
  const parsed = useSel((s) => s.parse.outcome?.dialect);
  const symbols = useSel((s) => (s.parse.forText === activeProblem(s).text ? (s.parse.outcome?.symbols.length ?? 0) : 0));
  const dialect =
    language === 'prolog' ? 'Prolog (ISO, tau-prolog)' : language === 'lean' ? 'Lean 4' : current && parsed ? `dialect ${parsed}` : '';
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className={`conn conn-${connection}`} data-testid="connection">
        {connection === 'connected' ? '● engine connected' : '○ engine unreachable — reconnecting…'}
      </span>
      <span data-testid="status-dialect">{dialect}</span>
      <span>{symbols > 0 && language !== 'prolog' && language !== 'lean' ? `${symbols} symbols` : ''}</span>
      <span className="muted status-keys">Ctrl/Cmd+Enter prove · Ctrl/Cmd+Esc cancel</span>
      <button className="link status-help" data-testid="help-button" onClick={() => dispatch({ type: 'layout/help', open: true })}>
        Shortcuts (?)
      </button>
    </footer>
  );
}

function Notices() {
  const notices = useSel((s) => s.notices);
  const dispatch = useDispatch();
  return (
    <div className="notices" data-testid="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.level}`} data-testid="notice">
          {n.text}
          <button aria-label="dismiss" onClick={() => dispatch({ type: 'notice/dismiss', id: n.id })}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
