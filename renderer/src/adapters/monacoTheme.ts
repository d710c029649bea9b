/**
 * Monaco's theme follows the OS colour scheme (prefers-color-scheme), as the rest of the workbench does through
 * CSS. Monaco themes are global to the page, so one media-query listener serves every editor instance.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api.js';

const LIGHT = 'entail';
const DARK = 'entail-dark';

/** Defines the dark theme, keeps the page's editors on the OS scheme, and returns the current theme's name. */
export function followColorScheme(monaco: typeof Monaco): () => string {
  monaco.editor.defineTheme(DARK, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'variable', foreground: 'c4a7ff' },
      { token: 'keyword.quantifier', foreground: 'ff9e7a', fontStyle: 'bold' },
      { token: 'operator', foreground: 'ff9e7a' },
      { token: 'type', foreground: '7cc4ff' },
      { token: 'type.identifier', foreground: '7cc4ff' },
      { token: 'keyword.defined', foreground: '9aa0a6', fontStyle: 'italic' },
    ],
    // The panel background of the dark palette (styles.css --panel), so the editor does not look pasted on.
    colors: { 'editor.background': '#1b1e23', 'editorGutter.background': '#1b1e23' },
  });
  const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const current = (): string => (mq?.matches ? DARK : LIGHT);
  mq?.addEventListener('change', () => monaco.editor.setTheme(current()));
  return current;
}
