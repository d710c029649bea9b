/**
 * Local workbench server: serves the built renderer and the engine API over HTTP,
 * job events over a WebSocket. Bound to 127.0.0.1 only; a random token per launch
 * is required on every request (from the printed URL's `?token=`, which the server
 * turns into a SameSite=Strict HttpOnly cookie, or as a Bearer header), and the
 * Host header must name the loopback address, so neither another local user's
 * browser tab nor a DNS-rebinding page can drive the prover.
 *
 * Engine work runs in worker threads (proveProblem's `inWorker`), so the event
 * loop stays free to answer cancel and other requests while a proof runs.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { MAX_TEXT } from '../api/contract.js';
import { securityHeaders } from '../api/headers.js';
import type { JobEvent } from '../api/contract.js';
import { createService } from '../service/index.js';
import type { EngineLoader } from '../service/engine.js';

export interface ServerOptions {
  /** 0 = ephemeral. */
  readonly port?: number;
  /** Folder with the built renderer (index.html + assets). */
  readonly staticDir: string;
  readonly dataDir: string;
  /** Fixed token (tests); default: 32 random bytes. */
  readonly token?: string;
  readonly engines?: EngineLoader;
  readonly log?: (s: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const COOKIE = 'entail_token';
/** JSON bodies: the largest legal input plus room for JSON escaping. */
const MAX_BODY = MAX_TEXT * 2 + 64 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const staticRoot = resolve(opts.staticDir);
  const sockets = new Set<WebSocket>();
  const log = opts.log ?? (() => {});

  const broadcast = (e: JobEvent): void => {
    const msg = JSON.stringify(e);
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(msg);
  };
  const service = createService({ dataDir: opts.dataDir, emit: broadcast, ...(opts.engines ? { engines: opts.engines } : {}) });

  let port = 0;
  const hostOk = (req: IncomingMessage): boolean => {
    const h = req.headers.host ?? '';
    return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  };
  const tokenOk = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };
  const requestToken = (req: IncomingMessage, url: URL): string | undefined => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return auth.slice(7);
    const cookie = parseCookies(req.headers.cookie)[COOKIE];
    if (cookie) return cookie;
    return url.searchParams.get('token') ?? undefined;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`request failed: ${(e as Error).message}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!hostOk(req)) return send(res, 421, 'text/plain', 'wrong host');
    const given = requestToken(req, url);
    if (!tokenOk(given)) return send(res, 401, 'text/plain', 'missing or wrong token: open the URL printed by `entail serve`');
    // First visit with ?token=: keep it in a cookie, drop it from the address bar.
    if (url.searchParams.has('token') && req.method === 'GET') {
      url.searchParams.delete('token');
      res.writeHead(303, {
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname + (url.search || ''),
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      const body = await readBody(req, MAX_BODY);
      let result: unknown;
      if (body === undefined) result = { kind: 'invalid', issues: [`request larger than ${MAX_BODY} bytes`] };
      else {
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body);
        } catch {
          input = undefined;
        }
        result =
          input === undefined ? { kind: 'invalid', issues: ['body is not JSON'] } : await service.dispatch(url.pathname.slice(5), input);
      }
      return send(res, 200, 'application/json', JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    await serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'text/plain', 'bad path');
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(staticRoot, rel));
    if (!file.startsWith(staticRoot + sep)) return send(res, 403, 'text/plain', 'forbidden');
    try {
      const st = await stat(file);
      if (!st.isFile()) return send(res, 404, 'text/plain', 'not found');
      const data = await readFile(file);
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, {
        'content-type': type,
        'content-length': data.length,
        'cache-control': rel.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store',
        ...securityHeaders({ kind: 'loopback', port }),
      });
      res.end(data);
    } catch {
      if (rel === '/index.html')
        return send(
          res,
          503,
          'text/plain',
          `The renderer is not built (${staticRoot} has no index.html). Run \`npm run build:renderer\`; the API works without it.`,
        );
      return send(res, 404, 'text/plain', 'not found');
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    const originOk = origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (url.pathname !== '/events' || !hostOk(req) || !originOk || !tokenOk(requestToken(req, url))) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
      ws.send(JSON.stringify({ type: 'hello' }));
    });
  });

  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', rej);
      res();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;

  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((res) => {
        service.dispose();
        for (const s of sockets) s.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}

function send(res: ServerResponse, code: number, type: string, body: string): void {
  res.writeHead(code, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

function parseCookies(h: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  for (const part of h.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/** Body as text, or undefined when over the limit (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => res(over ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', rej);
  });
}
