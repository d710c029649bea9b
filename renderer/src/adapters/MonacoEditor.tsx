/**
 * Monaco inside one adapter component: the rest of the app sees a controlled
 * text editor with props (text, language, diagnostics, a hover lookup) and
 * callbacks. Monaco is bundled by Vite (no CDN) and its one worker is built as a
 * module worker, which the CSP allows ('self' + blob:).
 */
import { useEffect, useRef, useState } from 'react';
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/gotoError/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import type { Diagnostic, Language, SymbolInfo } from '../../../api/contract.js';
import type { LineRange } from '../../../provers/graph/link.js';
import { MONACO_LANGUAGE_ID, registerLanguages } from './languages.js';
import { followColorScheme } from './monacoTheme.js';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

registerLanguages(monaco);
const themeName = followColorScheme(monaco);

export interface MonacoEditorProps {
  readonly text: string;
  readonly language: Language;
  readonly diagnostics: readonly Diagnostic[];
  readonly onChange: (text: string) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onRun: () => void;
  /** Esc when no editor widget (find, hover, suggestions, multi-cursor) wants it: leave the editor. */
  readonly onEscape?: () => void;
  readonly symbols: (name: string) => readonly SymbolInfo[];
  /** Identity of the buffer: a new model per problem keeps undo stacks apart. */
  readonly docId: string;
  /** data-testid of the host (default `editor`, the problem editor). */
  readonly testId?: string;
  /** Proof graph ⇄ editor linking (see `useEditorLink`). */
  readonly link?: EditorLink;
}

const OWNER = 'entail-parser';

export function MonacoEditor(props: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<string, monaco.editor.ITextModel>());
  // Callbacks change every render; Monaco listeners read the latest through refs.
  const latest = useRef(props);
  latest.current = props;
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  useEditorLink(editor, props.link);

  useEffect(() => {
    const ed = monaco.editor.create(host.current!, {
      automaticLayout: true,
      theme: themeName(),
      minimap: { enabled: false },
      fontSize: 13,
      wordWrap: 'off',
      scrollBeyondLastLine: false,
      renderWhitespace: 'none',
      bracketPairColorization: { enabled: true },
      matchBrackets: 'always',
      fixedOverflowWidgets: true,
      // Large pastes: Monaco's own guards (no tokenizing beyond this) keep the UI responsive.
      maxTokenizationLineLength: 5000,
    });
    editorRef.current = ed;
    setEditor(ed);
    const sub = ed.onDidChangeModelContent(() => {
      const v = ed.getValue();
      if (v !== latest.current.text) latest.current.onChange(v);
    });
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
    ed.addCommand(
      monaco.KeyCode.Escape,
      () => latest.current.onEscape?.(),
      '!findWidgetVisible && !suggestWidgetVisible && !editorHasMultipleSelections && !parameterHintsVisible && !renameInputVisible && !markersNavigationVisible',
    );
    const hovers = Object.values(MONACO_LANGUAGE_ID).map((id) =>
      monaco.languages.registerHoverProvider(id, {
        provideHover(model, position) {
          const w = model.getWordAtPosition(position);
          if (!w) return null;
          const infos = latest.current.symbols(w.word);
          if (infos.length === 0) return null;
          const lines = infos.map((i) => {
            const uses =
              i.uses.length === 0
                ? 'no uses recorded'
                : `used on line${i.uses.length > 1 ? 's' : ''} ${i.uses.slice(0, 12).join(', ')}${i.uses.length > 12 ? ', …' : ''}`;
            return `**${i.name}** — ${i.kind}, arity ${i.arity}; ${uses}`;
          });
          return {
            range: new monaco.Range(position.lineNumber, w.startColumn, position.lineNumber, w.endColumn),
            contents: lines.map((value) => ({ value })),
          };
        },
      }),
    );
    const ms = models.current;
    return () => {
      sub.dispose();
      hovers.forEach((h) => h.dispose());
      ed.dispose();
      ms.forEach((m) => m.dispose());
      ms.clear();
    };
  }, []);

  // Switch buffers / languages.
  useEffect(() => {
    const ed = editorRef.current;
    if (!ed) return;
    let model = models.current.get(props.docId);
    if (!model || model.isDisposed()) {
      model = monaco.editor.createModel(props.text, MONACO_LANGUAGE_ID[props.language]);
      models.current.set(props.docId, model);
    }
    if (ed.getModel() !== model) ed.setModel(model);
    monaco.editor.setModelLanguage(model, MONACO_LANGUAGE_ID[props.language]);
  }, [props.docId, props.language, props.text]);

  // External text changes (open file, session) — not the ones Monaco itself made.
  useEffect(() => {
    const m = editorRef.current?.getModel();
    if (m && m.getValue() !== props.text) m.setValue(props.text);
  }, [props.text]);

  useEffect(() => {
    const m = editorRef.current?.getModel();
    if (!m) return;
    monaco.editor.setModelMarkers(
      m,
      OWNER,
      props.diagnostics.map((d) => {
        const line = Math.min(Math.max(1, d.line), m.getLineCount());
        const col = Math.max(1, d.col);
        const maxCol = m.getLineMaxColumn(line);
        return {
          severity:
            d.severity === 'error'
              ? monaco.MarkerSeverity.Error
              : d.severity === 'warning'
                ? monaco.MarkerSeverity.Warning
                : monaco.MarkerSeverity.Info,
          message: d.message,
          startLineNumber: line,
          startColumn: Math.min(col, maxCol),
          endLineNumber: d.endLine ?? line,
          endColumn:
            d.endCol ??
            Math.min(
              Math.max(col + 1, m.getWordAtPosition({ lineNumber: line, column: Math.min(col, maxCol) })?.endColumn ?? col + 1),
              maxCol,
            ),
        };
      }),
    );
  }, [props.diagnostics, props.docId]);

  return <div ref={host} className="monaco-host" data-testid={props.testId ?? 'editor'} />;
}

/**
 * Linking with the proof graph, kept apart from the editor's own behaviour: `reveal` selects
 * whole lines (one selection per range, the first scrolled into view) each time its `seq`
 * changes; `onCursorLine` hears the cursor's line when the user moves it (not when `reveal`
 * moved it, so a step's selection does not turn into a cursor highlight of one input).
 */
export interface EditorLink {
  readonly reveal?: { readonly seq: number; readonly ranges: readonly LineRange[] };
  readonly onCursorLine?: (line: number | undefined) => void;
  /** data-testid-like name of the test probe (`window.__entailEditor[probe]`); default `editor`. */
  readonly probe?: string;
}

const LINK_SOURCE = 'entail-link';

declare global {
  interface Window {
    /** Test hook: each linked editor's selections as 1-based line/column ranges. */
    __entailEditor?: Record<string, { selections(): { startLine: number; startColumn: number; endLine: number; endColumn: number }[] }>;
  }
}

export function useEditorLink(ed: monaco.editor.IStandaloneCodeEditor | null, link: EditorLink | undefined): void {
  const onCursor = useRef(link?.onCursorLine);
  onCursor.current = link?.onCursorLine;
  const probe = link?.probe ?? 'editor';
  const linked = link !== undefined;
  useEffect(() => {
    if (!ed || !linked) return;
    const sub = ed.onDidChangeCursorPosition((e) => {
      if (e.source !== LINK_SOURCE) onCursor.current?.(e.position.lineNumber);
    });
    const probes = (window.__entailEditor ??= {});
    probes[probe] = {
      selections: () =>
        (ed.getSelections() ?? []).map((r) => ({
          startLine: r.startLineNumber,
          startColumn: r.startColumn,
          endLine: r.endLineNumber,
          endColumn: r.endColumn,
        })),
    };
    return () => {
      sub.dispose();
      delete probes[probe];
    };
  }, [ed, linked, probe]);
  const seq = link?.reveal?.seq;
  const ranges = link?.reveal?.ranges;
  useEffect(() => {
    const m = ed?.getModel();
    if (!ed || !m || !ranges || ranges.length === 0) return;
    const last = m.getLineCount();
    const sel = ranges
      .filter((r) => r.startLine >= 1 && r.startLine <= last)
      .map((r) => {
        const end = Math.min(Math.max(r.endLine, r.startLine), last);
        return new monaco.Selection(r.startLine, 1, end, m.getLineMaxColumn(end));
      });
    if (sel.length === 0) return;
    ed.setSelections(sel, LINK_SOURCE);
    ed.revealRangeInCenterIfOutsideViewport(sel[0]!, monaco.editor.ScrollType.Smooth);
    // `seq` is the request: the same ranges asked for again are selected again.
  }, [ed, seq, ranges]);
}
