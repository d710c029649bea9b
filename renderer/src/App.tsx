import { useEffect } from 'react';
import { BatchPanel } from './components/BatchPanel.js';
import { EditorPanel } from './components/EditorPanel.js';
import { GraphPanel } from './components/GraphPanel.js';
import { ResultView } from './components/ResultView.js';
import { ExplorePanel } from './components/ExplorePanel.js';
import { LeanPanel } from './components/LeanPanel.js';
import { NlPane, SessionsPanel, SettingsPanel } from './components/SidePanels.js';
import { Toolbar } from './components/Toolbar.js';
import { useDispatch, useSel, useWorkbench } from './ctx.js';
import { TABS } from './state/store.js';
import type { Tab } from './state/store.js';

const TAB_LABEL: Record<Tab, string> = {
  result: 'Result',
  graph: 'Proof graph',
  nl: 'Natural language',
  sessions: 'Sessions',
  settings: 'Settings',
  batch: 'Batch',
  lean: 'Lean',
  explore: 'Explorer',
};

export function App() {
  const { effects, store } = useWorkbench();
  const dispatch = useDispatch();
  const tab = useSel((s) => s.tab);
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
      <main className="workspace">
        <EditorPanel />
        <section className="side">
          <nav className="tabs" role="tablist">
            {TABS.map((t) => (
              <button
                key={t}
                role="tab"
                aria-selected={tab === t}
                className={tab === t ? 'active' : ''}
                data-testid={`tab-${t}`}
                onClick={() => dispatch({ type: 'tab', tab: t })}
              >
                {TAB_LABEL[t]}
              </button>
            ))}
          </nav>
          <div className="tab-body">
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
      </main>
      <StatusBar />
      <Notices />
    </div>
  );
}

function StatusBar() {
  const connection = useSel((s) => s.connection);
  const dialect = useSel((s) => s.parse.outcome?.dialect);
  const symbols = useSel((s) => s.parse.outcome?.symbols.length ?? 0);
  return (
    <footer className="statusbar">
      <span className={`conn conn-${connection}`} data-testid="connection">
        {connection === 'connected' ? '● engine connected' : '○ engine unreachable — reconnecting…'}
      </span>
      <span>{dialect ? `dialect ${dialect}` : ''}</span>
      <span>{symbols > 0 ? `${symbols} symbols` : ''}</span>
      <span className="muted">Ctrl/Cmd+Enter prove · Ctrl/Cmd+Esc cancel</span>
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
