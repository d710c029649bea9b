/**
 * The workspace: editor | handle | right panel. The handle is a pointer-draggable and keyboard-operable
 * separator; its position is the session's `ui.split` (editor share of the width).
 */
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { useDispatch, useSel } from '../ctx.js';
import { SPLIT_MAX, SPLIT_MIN } from '../state/store.js';

const STEP = 0.02;

export function SplitPane({ left, right }: { left: ReactNode; right: ReactNode }) {
  const dispatch = useDispatch();
  const split = useSel((s) => s.layout.split);
  const host = useRef<HTMLElement>(null);
  const set = (x: number): void => dispatch({ type: 'layout/split', split: Math.round(x * 1000) / 1000 });
  return (
    <main
      className="workspace"
      ref={host}
      // Flex factors scaled by 1000: with factors summing below 1 (once a track sits at its minimum) the grid would
      // leave the rest of the width empty.
      style={{ gridTemplateColumns: `minmax(280px, ${Math.round(split * 1000)}fr) 6px minmax(380px, ${Math.round((1 - split) * 1000)}fr)` }}
      data-testid="workspace"
    >
      {left}
      <div
        className="splitter"
        role="separator"
        aria-orientation="vertical"
        aria-label="resize editor and panel"
        aria-valuemin={SPLIT_MIN * 100}
        aria-valuemax={SPLIT_MAX * 100}
        aria-valuenow={Math.round(split * 100)}
        tabIndex={0}
        data-testid="splitter"
        onPointerDown={(e) => {
          const el = host.current;
          if (!el) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const r = el.getBoundingClientRect();
          const move = (ev: PointerEvent): void => set((ev.clientX - r.left) / r.width);
          const up = (): void => {
            window.removeEventListener('pointermove', move);
            window.removeEventListener('pointerup', up);
          };
          window.addEventListener('pointermove', move);
          window.addEventListener('pointerup', up);
        }}
        onKeyDown={(e) => {
          const to =
            e.key === 'ArrowLeft'
              ? split - STEP
              : e.key === 'ArrowRight'
                ? split + STEP
                : e.key === 'Home'
                  ? SPLIT_MIN
                  : e.key === 'End'
                    ? SPLIT_MAX
                    : undefined;
          if (to === undefined) return;
          e.preventDefault();
          set(to);
        }}
      />
      {right}
    </main>
  );
}
