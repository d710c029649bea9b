/**
 * Renderer entry: pick the transport (Electron preload bridge if present, else
 * HTTP to the local server), create the store and effects, render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { EntailApi } from '../../api/contract.js';
import { App } from './App.js';
import { WorkbenchContext } from './ctx.js';
import { createEffects } from './state/effects.js';
import { createWorkbenchStore } from './state/store.js';
import { httpApi } from './transport/http.js';
import './styles.css';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in the browser. */
    entailApi?: EntailApi;
  }
}

const api: EntailApi = window.entailApi ?? httpApi();
const store = createWorkbenchStore({ freeze: import.meta.env.DEV });
const effects = createEffects(api, store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WorkbenchContext.Provider value={{ store, effects }}>
      <App />
    </WorkbenchContext.Provider>
  </StrictMode>,
);
