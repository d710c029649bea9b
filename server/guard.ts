/**
 * Who may call the API: pure checks on a request's headers, answered before any
 * body is read. Browsers always send `Origin` on cross-origin and same-origin
 * POSTs and on WebSocket handshakes, and `Sec-Fetch-Site` on every request, so a
 * page on another port (or host) is told apart from the app's own page; a client
 * that sends neither (curl, scripts) is not a browser and is let through to the
 * token check, which it can only pass by knowing the token.
 */
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-entail-token';
/** WebSocket subprotocols: the app's own, and `entail-token.<token>` carrying the token. */
export const APP_PROTOCOL = 'entail';
export const TOKEN_PROTOCOL_PREFIX = 'entail-token.';

export interface Refusal {
  readonly status: number;
  readonly message: string;
}

function originRefusal(req: IncomingMessage, port: number): Refusal | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
    return { status: 403, message: 'cross-origin request refused' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { status: 403, message: 'cross-site request refused' };
  return undefined;
}

/** Refusal for an `/api/*` request, or undefined when it may be read and dispatched. */
export function apiGuard(
  req: IncomingMessage,
  url: URL,
  port: number,
  tokenOk: (t: string | undefined) => boolean,
  maxBody: number,
): Refusal | undefined {
  if (req.method !== 'POST') return { status: 405, message: 'POST only' };
  const o = originRefusal(req, port);
  if (o) return o;
  if (url.search !== '') return { status: 400, message: 'no query string on API calls (the token goes in the x-entail-token header)' };
  const header = req.headers[TOKEN_HEADER];
  if (!tokenOk(typeof header === 'string' ? header : undefined)) return { status: 401, message: 'missing or wrong token' };
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, message: 'bodies must be application/json' };
  const len = req.headers['content-length'];
  if (len !== undefined && !(Number(len) <= maxBody)) return { status: 413, message: `request larger than ${maxBody} bytes` };
  return undefined;
}

/** Refusal for a WebSocket upgrade on /events, or undefined. */
export function socketGuard(
  req: IncomingMessage,
  url: URL,
  port: number,
  tokenOk: (t: string | undefined) => boolean,
): Refusal | undefined {
  const o = originRefusal(req, port);
  if (o) return o;
  if (url.search !== '') return { status: 400, message: 'no query string' };
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const tok = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  if (!offered.includes(APP_PROTOCOL) || !tokenOk(tok?.slice(TOKEN_PROTOCOL_PREFIX.length)))
    return { status: 401, message: 'missing or wrong token' };
  return undefined;
}
