/**
 * Local workbench server: serves the built renderer and the engine API over HTTP,
 * job events over a WebSocket. Bound to 127.0.0.1 only. The API is callable only
 * by the app's own page (see docs/security.md and server/guard.ts):
 *  - a random per-launch token travels in the `x-entail-token` header on every
 *    `/api/*` call and as a `Sec-WebSocket-Protocol` entry on the event socket;
 *    never in a cookie (which other origins' requests carry) nor the query string;
 *  - `Origin` / `Sec-Fetch-Site` must be the server's own, so another local page
 *    (any port) is refused with 403 even before the token is looked at;
 *  - bodies must be `application/json` (415), at most MAX_BODY bytes (413 at once);
 *  - the Host header must name the loopback address (DNS rebinding).
 * The static renderer and `/health` need no token: they hold nothing secret.
 *
 * Engine work runs in worker threads (proveProblem's `inWorker`), so the event
 * loop stays free to answer cancel and other requests while a proof runs.
 */
import { createServer } from 'node:http';
import { apiGuard, socketGuard, APP_PROTOCOL } from './guard.js';
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
import type { ServiceOptions } from '../service/index.js';
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
  /** Folders batch runs and sessions may read (default: the working folder). */
  readonly roots?: readonly string[];
  /** Redis hosts batch queue runs may reach besides loopback (`entail serve --queue-host`). */
  readonly queueHosts?: readonly string[];
  /** Limits of the service's untrusted jobs (tests lower them). */
  readonly jobs?: ServiceOptions['jobs'];
  /** Environment for executable paths and the OpenAI key (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

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
  const service = createService({
    dataDir: opts.dataDir,
    emit: broadcast,
    allowedRoots: opts.roots ?? [process.cwd()],
    ...(opts.queueHosts ? { queueHosts: opts.queueHosts } : {}),
    ...(opts.engines ? { engines: opts.engines } : {}),
    ...(opts.jobs ? { jobs: opts.jobs } : {}),
    ...(opts.env ? { env: opts.env } : {}),
  });

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
    if (url.pathname === '/health') {
      // No token, nothing sensitive: lets a supervisor (and the tests) see that the event loop is free.
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only');
      return send(res, 200, 'application/json', '{"ok":true}');
    }
    if (url.pathname.startsWith('/api/')) {
      const refused = apiGuard(req, url, port, tokenOk, MAX_BODY);
      if (refused) {
        // Answer at once and close: an over-limit or forged body is not read.
        res.setHeader('connection', 'close');
        send(res, refused.status, 'text/plain', refused.message);
        req.destroy();
        return;
      }
      const body = await readBody(req, MAX_BODY);
      if (body === undefined) {
        res.setHeader('connection', 'close');
        send(res, 413, 'text/plain', `request larger than ${MAX_BODY} bytes`);
        req.destroy();
        return;
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        input = undefined;
      }
      const result =
        input === undefined ? { kind: 'invalid', issues: ['body is not JSON'] } : await service.dispatch(url.pathname.slice(5), input);
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

  // The token arrives as a subprotocol entry; the answer selects only the plain app protocol, never echoing it.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (p) => (p.has(APP_PROTOCOL) ? APP_PROTOCOL : false),
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const refused =
      url.pathname !== '/events'
        ? { status: 404, message: 'not found' }
        : !hostOk(req)
          ? { status: 421, message: 'wrong host' }
          : socketGuard(req, url, port, tokenOk);
    if (refused) {
      socket.write(
        `HTTP/1.1 ${refused.status} ${refused.status === 403 ? 'Forbidden' : refused.status === 401 ? 'Unauthorized' : 'Refused'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
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
  // The fragment is never sent to the server or logged by it; the page reads it once and strips it.
  const url = `http://127.0.0.1:${port}/#token=${token}`;

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

/** Body as text, or undefined as soon as it passes the limit (chunked bodies without Content-Length): nothing more is read. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        res(undefined);
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => res(Buffer.concat(chunks).toString('utf8')));
    req.on('error', rej);
  });
}
