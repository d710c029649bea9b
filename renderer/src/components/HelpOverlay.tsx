/** The keyboard shortcuts, listed where `?` or F1 (outside the editor) opens them. */
import { useEffect, useRef } from 'react';
import { useDispatch } from '../ctx.js';

export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['Ctrl/Cmd+Enter', 'prove the active document (anywhere)'],
  ['Ctrl/Cmd+Esc', 'cancel the run'],
  ['Esc (in the editor)', 'leave the editor: focus moves to the panel tabs'],
  ['← / → , Home / End (on the panel tabs)', 'switch panel'],
  ['↓ / Enter (on “More”)', 'open the overflow menu of panels that do not fit'],
  ['← / → (on the split handle)', 'resize the editor and the panel'],
  ['Alt+Shift+T', 'reopen the last closed document'],
  ['? or F1 (outside the editor)', 'show this help; Esc closes it'],
];

export function HelpOverlay() {
  const dispatch = useDispatch();
  const close = useRef<HTMLButtonElement>(null);
  const before = useRef<Element | null>(null);
  useEffect(() => {
    before.current = document.activeElement;
    close.current?.focus();
    return () => (before.current as HTMLElement | null)?.focus?.();
  }, []);
  const done = (): void => dispatch({ type: 'layout/help', open: false });
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && done()}>
      <div
        className="help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            done();
          } else if (e.key === 'Tab') {
            // One focusable control: focus stays in the dialog.
            e.preventDefault();
            close.current?.focus();
          }
        }}
      >
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} onClick={done} data-testid="help-close">
          Close
        </button>
      </div>
    </div>
  );
}
