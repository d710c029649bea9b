/**
 * A real HTTP server (127.0.0.1, ephemeral port) speaking OpenAI's wire format,
 * for testing the provider client end to end: tests script what each request gets
 * (recorded completions, HTTP errors, hangs, malformed JSON, broken streams).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestInfo {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingMessage['headers'];
  /** How many requests with the same `key` came before this one (0 = first). */
  readonly attempt: number;
  readonly key: string;
}

export type Reply =
  | { readonly kind: 'completions'; readonly texts: readonly string[] }
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly retryAfter?: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'raw'; readonly body: string }
  /** Stream the texts; with `cutAfter`, stop after that many events without [DONE] (closing cleanly, or dropping the connection). */
  | { readonly kind: 'stream'; readonly texts: readonly string[]; readonly cutAfter?: number; readonly drop?: boolean };

export interface FakeServer {
  readonly baseUrl: string;
  readonly requests: RequestInfo[];
  close(): Promise<void>;
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

export async function startFakeServer(
  script: (req: RequestInfo) => Reply,
  keyOf: (body: Record<string, unknown>) => string = () => '',
): Promise<FakeServer> {
  const requests: RequestInfo[] = [];
  const seen = new Map<string, number>();
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(data) as Record<string, unknown>;
      } catch {
        res.writeHead(400).end('{"error":{"message":"bad json"}}');
        return;
      }
      const key = keyOf(body);
      const attempt = seen.get(key) ?? 0;
      seen.set(key, attempt + 1);
      const info: RequestInfo = { path: req.url ?? '', body, headers: req.headers, attempt, key };
      requests.push(info);
      const chat = (req.url ?? '').endsWith('/chat/completions');
      const reply = script(info);
      switch (reply.kind) {
        case 'completions': {
          const choices = reply.texts.map((t, index) =>
            chat ? { index, message: { role: 'assistant', content: t }, finish_reason: 'stop' } : { index, text: t, finish_reason: 'stop' },
          );
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: 'x', object: chat ? 'chat.completion' : 'text_completion', choices }));
          return;
        }
        case 'status': {
          const h: Record<string, string> = { 'content-type': 'application/json' };
          if (reply.retryAfter !== undefined) h['retry-after'] = reply.retryAfter;
          res.writeHead(reply.status, h).end(reply.body ?? JSON.stringify({ error: { message: `status ${reply.status}` } }));
          return;
        }
        case 'hang':
          open.add(res);
          res.on('close', () => open.delete(res));
          return;
        case 'raw':
          res.writeHead(200, { 'content-type': 'application/json' }).end(reply.body);
          return;
        case 'stream': {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const events: string[] = [];
          reply.texts.forEach((t, index) => {
            for (const piece of chunks(t, 17))
              events.push(JSON.stringify({ choices: [chat ? { index, delta: { content: piece } } : { index, text: piece }] }));
            events.push(
              JSON.stringify({
                choices: [chat ? { index, delta: {}, finish_reason: 'stop' } : { index, text: '', finish_reason: 'stop' }],
              }),
            );
          });
          const cut = reply.cutAfter;
          const shown = cut === undefined ? events : events.slice(0, cut);
          for (const e of shown) res.write(`data: ${e}\n\n`);
          if (cut === undefined) res.end('data: [DONE]\n\n');
          else if (reply.drop)
            setTimeout(() => res.destroy(), 30); // connection drops mid-stream, after the events went out
          else res.end(); // clean close, but no [DONE]
          return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of open) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
