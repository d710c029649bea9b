/**
 * EntailApi over HTTP + WebSocket (the browser build served by `entail serve`).
 * The launch token arrives once in the URL fragment (`#token=`), is stripped from
 * the address bar with history.replaceState and kept in sessionStorage; it travels
 * in the `x-entail-token` header on API calls and as a WebSocket subprotocol entry,
 * never in a cookie or a query string. A network failure becomes an `error` value, never a throw, and the
 * event socket reconnects with backoff, reporting connection state as events.
 */
import { API_METHODS } from '../../../api/contract.js';
import type { ApiEvent, ApiMethod, ApiResult, EntailApi, JobEvent } from '../../../api/contract.js';

type Listener = (e: ApiEvent) => void;

const TOKEN_KEY = 'entail-token';

/** The token from the first page load's fragment (then removed from the URL), else the one this tab kept. */
function launchToken(): string {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function httpApi(base: string = location.origin, token: string = launchToken()): EntailApi {
  const listeners = new Set<Listener>();
  const emit = (e: ApiEvent): void => listeners.forEach((l) => l(e));
  let connected = false;
  let socket: WebSocket | undefined;
  let retry = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = (): void => {
    timer = undefined;
    const ws = new WebSocket(base.replace(/^http/, 'ws') + '/events', ['entail', `entail-token.${token}`]);
    socket = ws;
    ws.onopen = () => {
      retry = 0;
      if (!connected) {
        connected = true;
        emit({ type: 'connection', state: 'connected' });
      }
    };
    ws.onmessage = (m) => {
      try {
        const e = JSON.parse(String(m.data)) as JobEvent | { type: 'hello' };
        if (e.type !== 'hello') emit(e);
      } catch {
        // malformed frame: ignore, the job can still be polled
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      if (connected) {
        connected = false;
        emit({ type: 'connection', state: 'disconnected' });
      }
      emit({ type: 'connection', state: 'reconnecting' });
      retry = Math.min(retry + 1, 6);
      // 0.25 s, 0.5 s, 1 s, … capped at 8 s: quick after a restart, quiet when the server is gone for good.
      timer = setTimeout(connect, 125 * 2 ** retry);
    };
  };

  const call = async (method: ApiMethod, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const r = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-entail-token': token },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      });
      if (r.status === 401)
        return { kind: 'error', message: 'the server refused the access token — open the URL printed by `entail serve` again' };
      if (!r.ok) return { kind: 'error', message: `server answered ${r.status}` };
      return (await r.json()) as ApiResult<unknown>;
    } catch {
      if (connected) {
        connected = false;
        emit({ type: 'connection', state: 'disconnected' });
      }
      if (!timer && socket?.readyState !== WebSocket.CONNECTING) {
        socket?.close();
      }
      return { kind: 'error', message: 'cannot reach the Entail server (is `entail serve` still running?)' };
    }
  };

  const api: Record<string, unknown> = {
    onEvent(l: Listener) {
      listeners.add(l);
      if (!socket) connect();
      return () => listeners.delete(l);
    },
  };
  for (const m of API_METHODS) api[m] = (input: unknown) => call(m, input);
  return api as unknown as EntailApi;
}
