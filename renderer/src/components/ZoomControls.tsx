import type { RefObject } from 'react';
import type { GraphHandle } from '../adapters/CytoscapeGraph.js';

/** Fit, zoom in and zoom out for a drawn graph (proof graph and dependency view). */
export function ZoomControls({ handle, fitTestId }: { readonly handle: RefObject<GraphHandle | null>; readonly fitTestId?: string }) {
  return (
    <>
      <button {...(fitTestId !== undefined ? { 'data-testid': fitTestId } : {})} onClick={() => handle.current?.fit()}>
        Fit
      </button>
      <button onClick={() => handle.current?.zoom(1.25)} aria-label="zoom in">
        +
      </button>
      <button onClick={() => handle.current?.zoom(0.8)} aria-label="zoom out">
        −
      </button>
    </>
  );
}
