/**
 * Preload (sandboxed, so CommonJS and no local requires): exposes the workbench
 * API to the renderer as `window.entailApi` through contextBridge. Only the
 * channels listed here can be invoked; the list is checked against the API
 * contract at compile time, so a new method cannot be forgotten or misspelt.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiEvent, ApiMethod } from '../../api/contract.js';

const METHODS = [
  'parse',
  'prove',
  'prolog',
  'cancel',
  'job',
  'provers',
  'exportHtml',
  'nlProviders',
  'nlJudge',
  'batch',
  'batchInfo',
  'batchWorkers',
  'batchReport',
  'batchOpen',
  'lean',
  'explore',
  'sessionSave',
  'sessionOpen',
  'sessionList',
  'settingsGet',
  'settingsSet',
] as const satisfies readonly ApiMethod[];
// Compile-time exhaustiveness: every API method has a channel.
type Missing = Exclude<ApiMethod, (typeof METHODS)[number]>;
const exhaustive: [Missing] extends [never] ? true : Missing = true;
void exhaustive;

const PREFIX = 'entail:';
const EVENT_CHANNEL = 'entail:event';

// Events sent before the page subscribes (files named on the command line are opened as soon as the
// window has loaded, which can be before React has mounted) wait here for the first listener.
const MAX_EARLY = 64;
const early: ApiEvent[] = [];
let listeners = 0;
ipcRenderer.on(EVENT_CHANNEL, (_e: IpcRendererEvent, payload: ApiEvent) => {
  if (listeners === 0 && early.length < MAX_EARLY) early.push(payload);
});

const api: Record<string, unknown> = {
  onEvent(listener: (e: ApiEvent) => void): () => void {
    const h = (_e: IpcRendererEvent, payload: ApiEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, h);
    listeners++;
    const waiting = early.splice(0);
    if (waiting.length > 0) queueMicrotask(() => waiting.forEach(listener));
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, h);
      listeners--;
    };
  },
};
for (const m of METHODS) api[m] = (input: unknown) => ipcRenderer.invoke(PREFIX + m, input);

contextBridge.exposeInMainWorld('entailApi', api);
