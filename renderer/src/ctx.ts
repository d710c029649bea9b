/** The store and effects, provided once at the root; components select narrow slices. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Effects } from './state/effects.js';
import type { State, WorkbenchStore } from './state/store.js';

export interface Workbench {
  readonly store: WorkbenchStore;
  readonly effects: Effects;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const w = useContext(WorkbenchContext);
  if (!w) throw new Error('WorkbenchContext missing (bug: component rendered outside <App>)');
  return w;
}

/** Select a slice; re-renders only when that slice changes (by reference). */
export function useSel<T>(sel: (s: State) => T): T {
  return useStore(useWorkbench().store, sel);
}

export function useDispatch(): WorkbenchStore['dispatch'] {
  return useWorkbench().store.dispatch;
}
