/**
 * The right panel's tab strip: tabs that do not fit go into a "More" menu (the active tab is always in the
 * strip), one line each with an ellipsis, and a roving tabindex so the strip is one Tab stop that the arrow
 * keys move along (WAI-ARIA tabs pattern, automatic activation).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useDispatch, useSel } from '../ctx.js';
import { fitTabs } from '../state/layout.js';
import { TABS } from '../state/store.js';
import type { Tab } from '../state/store.js';

export const TAB_LABEL: Record<Tab, string> = {
  result: 'Result',
  graph: 'Proof graph',
  nl: 'Natural language',
  sessions: 'Sessions',
  settings: 'Settings',
  batch: 'Batch',
  lean: 'Lean',
  explore: 'Explorer',
};

export function PanelTabs() {
  const dispatch = useDispatch();
  const tab = useSel((s) => s.tab);
  const strip = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [menu, setMenu] = useState(false);
  // Set when the keyboard moved the selection: focus follows it once the strip re-rendered.
  const focusTab = useRef(false);

  useLayoutEffect(() => {
    const m = measure.current;
    if (!m) return;
    const next: Record<string, number> = {};
    m.querySelectorAll<HTMLElement>('[data-measure]').forEach(
      (el) => (next[el.dataset.measure!] = Math.ceil(el.getBoundingClientRect().width)),
    );
    setWidths(next);
  }, []);

  useEffect(() => {
    const el = strip.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  const measured = Object.keys(widths).length > 0 && width > 0;
  const shown = measured ? fitTabs(TABS, widths, width, widths.more ?? 80, tab) : [...TABS];
  const hidden = TABS.filter((t) => !shown.includes(t));

  useEffect(() => {
    if (!focusTab.current) return;
    focusTab.current = false;
    strip.current?.querySelector<HTMLElement>(`[data-tab="${tab}"]`)?.focus();
  }, [tab]);

  const onKey = (e: ReactKeyboardEvent): void => {
    const i = TABS.indexOf(tab);
    const to =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i - 1 + TABS.length) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!to) return;
    e.preventDefault();
    focusTab.current = true;
    dispatch({ type: 'tab', tab: to });
  };

  return (
    <nav className="tabs" ref={strip} data-testid="panel-tabs">
      <div className="tablist" role="tablist" aria-label="panels" onKeyDown={onKey}>
        {shown.map((t) => (
          <button
            key={t}
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls="tab-body"
            tabIndex={tab === t ? 0 : -1}
            className={tab === t ? 'active' : ''}
            data-testid={`tab-${t}`}
            data-tab={t}
            title={TAB_LABEL[t]}
            onClick={() => dispatch({ type: 'tab', tab: t })}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      {hidden.length > 0 && <MoreMenu hidden={hidden} open={menu} setOpen={setMenu} />}
      <div className="tabs-measure" ref={measure} aria-hidden="true">
        {TABS.map((t) => (
          <button key={t} tabIndex={-1} data-measure={t}>
            {TAB_LABEL[t]}
          </button>
        ))}
        <button tabIndex={-1} data-measure="more" className="tabs-more">
          More (8) ▾
        </button>
      </div>
    </nav>
  );
}

function MoreMenu({ hidden, open, setOpen }: { hidden: readonly Tab[]; open: boolean; setOpen: (o: boolean) => void }) {
  const dispatch = useDispatch();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(0);

  useEffect(() => {
    if (open) list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[focus]?.focus();
  }, [open, focus]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent): void => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open, setOpen]);

  const choose = (t: Tab): void => {
    dispatch({ type: 'tab', tab: t });
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (e: ReactKeyboardEvent): void => {
    if (e.key === 'ArrowDown') setFocus((focus + 1) % hidden.length);
    else if (e.key === 'ArrowUp') setFocus((focus - 1 + hidden.length) % hidden.length);
    else if (e.key === 'Home') setFocus(0);
    else if (e.key === 'End') setFocus(hidden.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      if (e.key === 'Escape') button.current?.focus();
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="tabs-more-wrap">
      <button
        ref={button}
        className="tabs-more"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="tabs-more"
        title={`More panels: ${hidden.map((t) => TAB_LABEL[t]).join(', ')}`}
        onClick={() => {
          setFocus(0);
          setOpen(!open);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setFocus(0);
            setOpen(true);
          }
        }}
      >
        More ({hidden.length}) ▾
      </button>
      {open && (
        <div className="menu" role="menu" ref={list} data-testid="tabs-more-menu" onKeyDown={onKey}>
          {hidden.map((t, i) => (
            <button key={t} role="menuitem" tabIndex={i === focus ? 0 : -1} data-testid={`tab-${t}`} onClick={() => choose(t)}>
              {TAB_LABEL[t]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
