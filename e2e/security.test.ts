/**
 * The attacks of docs/security.md, replayed against the real server on 127.0.0.1
 * with a real Chromium: a page served from another local port tries to drive the
 * API (no-cors posts, a stolen token, a form, a WebSocket), a base URL changed
 * through the API tries to collect the stored key, a Prolog loop tries to stall
 * the server, and hostile graph text tries to run script in an exported HTML page.
 * Each is refused, nothing executes, no key leaves, and the server stays alive.
 */
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startServer } from '../server/index.js';
import type { RunningServer } from '../server/index.js';
import { CHROMIUM, RENDERER_DIST, skipReason } from './harness.js';

const skip = skipReason();

/** The DOM as the attacker page's script uses it (page.evaluate runs it in Chromium). */
interface El {
  [k: string]: unknown;
  appendChild(e: El): void;
  submit(): void;
}
declare const document: { createElement(tag: string): El; body: El };
declare const window: { __pwned?: number };
const SECRET = 'sk-entail-e2e-0123456789abcdef';

interface Seen {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A loopback HTTP server that records every request and answers with `reply`. */
async function listener(reply: (req: IncomingMessage) => { status: number; type: string; body: string }): Promise<{
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}> {
  const seen: Seen[] = [];
  const srv: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      if (body.length < 100_000) body += d.toString();
    });
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      const r = reply(req);
      res.writeHead(r.status, { 'content-type': r.type });
      res.end(r.body);
    });
  });
  await new Promise<void>((res) => srv.listen(0, '127.0.0.1', res));
  const port = (srv.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((res) => srv.close(() => res())),
  };
}

describe('security e2e: other pages, changed endpoints, runaway jobs, hostile graphs', { skip: skip ?? false, timeout: 170_000 }, () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let attacker: Awaited<ReturnType<typeof listener>>;
  let home: Awaited<ReturnType<typeof listener>>;
  let evil: Awaited<ReturnType<typeof listener>>;
  let evilScript: string;
  let marker: string;

  const api = async (method: string, body: unknown): Promise<{ kind: string; value?: unknown; message?: string }> =>
    (await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-entail-token': server.token },
      body: JSON.stringify(body),
    }).then((r) => r.json())) as never;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'entail-security-'));
    marker = join(dir, 'executed');
    evilScript = join(dir, 'evil.sh');
    await writeFile(evilScript, `#!/bin/sh\ntouch '${marker}'\necho 'E 2.6'\n`);
    await chmod(evilScript, 0o755);
    // The OpenAI-compatible endpoints: `home` is where the user's key belongs, `evil` is the attacker's.
    const chatError = (): { status: number; type: string; body: string } => ({
      status: 400,
      type: 'application/json',
      body: JSON.stringify({ error: { message: 'recorded refusal', type: 'invalid_request_error' } }),
    });
    home = await listener(chatError);
    evil = await listener(chatError);
    server = await startServer({
      port: 0,
      staticDir: RENDERER_DIST,
      dataDir: join(dir, 'data'),
      roots: [dir],
      env: { ...process.env, OPENAI_API_KEY: SECRET, OPENAI_BASE_URL: `${home.url}/v1`, OPENAI_MODEL: 'm' },
      jobs: { inWorker: true, limits: { heapMb: 128, timeoutMs: 4000 } },
    });
    attacker = await listener(() => ({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>a local page</title><p>nothing to see</p>',
    }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await Promise.all([attacker?.close(), home?.close(), evil?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  test('a page on another local port cannot drive the API, even holding the token', async (t: TestContext) => {
    const context = await browser.newContext();
    // The user has the workbench open in the same browser.
    const app = await context.newPage();
    await app.goto(server.url);
    await app.getByTestId('editor').locator('.monaco-editor').waitFor();
    const page = await context.newPage();
    await page.goto(`${attacker.url}/`);
    const target = `http://127.0.0.1:${server.port}`;
    const hostile = {
      settings: {
        limits: { timeoutMs: 1000, maxModelSize: 4, maxPrologSteps: 1000 },
        externalPaths: { eprover: evilScript },
        nlOpenAi: { baseUrl: `${evil.url}/v1`, model: 'm' },
      },
    };
    const outcome = await page.evaluate(
      async ({ target, body, token }) => {
        const out: Record<string, string> = {};
        const attempt = async (name: string, f: () => Promise<unknown>): Promise<void> => {
          try {
            const r = await f();
            out[name] = r instanceof Response ? `${r.type}:${r.status}` : String(r);
          } catch (e) {
            out[name] = `threw:${(e as Error).name}`;
          }
        };
        const text = JSON.stringify(body);
        // Blind simple requests: no preflight, the response unreadable, but they reach the server.
        for (const m of ['settingsSet', 'provers', 'nlJudge'])
          await attempt(`no-cors ${m}`, () =>
            fetch(`${target}/api/${m}`, {
              method: 'POST',
              mode: 'no-cors',
              credentials: 'include',
              headers: { 'content-type': 'text/plain' },
              body: m === 'nlJudge' ? JSON.stringify({ premises: ['a'], conclusion: 'b', provider: 'openai', k: 1 }) : text,
            }),
          );
        // With the token (stolen) and JSON: the preflight is refused, so the request is never sent.
        await attempt('cors with token', () =>
          fetch(`${target}/api/settingsSet`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-entail-token': token },
            body: text,
          }),
        );
        // A form post (top-level navigation of an iframe).
        await attempt(
          'form',
          () =>
            new Promise((res) => {
              const f = document.createElement('iframe');
              f.name = 'sink';
              document.body.appendChild(f);
              const form = document.createElement('form');
              form.method = 'POST';
              form.enctype = 'text/plain';
              form.action = `${target}/api/settingsSet`;
              form.target = 'sink';
              const i = document.createElement('input');
              i.name = text.slice(0, -1);
              i.value = '}';
              form.appendChild(i);
              document.body.appendChild(form);
              f.onload = () => res('loaded');
              form.submit();
              setTimeout(() => res('no load'), 3000);
            }),
        );
        // The event socket, with the token as the app offers it.
        await attempt(
          'websocket',
          () =>
            new Promise((res) => {
              const ws = new WebSocket(`${target.replace('http', 'ws')}/events`, ['entail', `entail-token.${token}`]);
              ws.onopen = () => res('open');
              ws.onerror = () => res('error');
              ws.onclose = () => res('closed');
              setTimeout(() => res('timeout'), 3000);
            }),
        );
        return out;
      },
      { target, body: hostile, token: server.token },
    );
    t.diagnostic(`as the attacker page saw it: ${JSON.stringify(outcome)}`);
    assert.equal(outcome['cors with token'], 'threw:TypeError', JSON.stringify(outcome));
    assert.notEqual(outcome['websocket'], 'open', JSON.stringify(outcome));

    // Nothing changed, nothing ran, nothing was sent to the attacker's endpoint.
    const settings = (await api('settingsGet', {})).value as { externalPaths: Record<string, string>; nlOpenAi?: { baseUrl: string } };
    assert.notEqual(settings.externalPaths.eprover, evilScript);
    assert.notEqual(settings.nlOpenAi?.baseUrl, `${evil.url}/v1`);
    await api('provers', {});
    assert.equal(existsSync(marker), false, 'the planted executable ran');
    assert.equal(evil.seen.length, 0, 'the attacker endpoint was called');
    assert.equal((await fetch(`${target}/health`)).status, 200);
    await context.close();
  });

  test('the key goes to the endpoint it belongs to, and never to a base URL changed through the API', async () => {
    const judge = (): Promise<unknown> =>
      api('nlJudge', { premises: ['Rex is a dog.'], conclusion: 'Rex is a dog.', provider: 'openai', k: 1 });
    // Control: the environment's key is sent to the environment's endpoint.
    await judge();
    assert.ok(home.seen.length > 0, 'the home endpoint was called');
    assert.ok(
      home.seen.some((s) => (s.headers.authorization ?? '').includes(SECRET)),
      'the key is sent to its own origin',
    );
    // Now the base URL is changed through the API (what a page that got past the token would do).
    const cur = (await api('settingsGet', {})).value as Record<string, unknown>;
    const { externalPaths: _e, nlApiKeySet: _k, ...rest } = cur;
    void _e;
    void _k;
    const set = await api('settingsSet', { settings: { ...rest, nlOpenAi: { baseUrl: `${evil.url}/v1`, model: 'm' } } });
    assert.equal(set.kind, 'ok');
    await judge();
    assert.ok(evil.seen.length > 0, 'the changed endpoint was called (so the check below means something)');
    for (const s of evil.seen) assert.ok(!JSON.stringify(s).includes(SECRET), `the key reached ${evil.url}: ${JSON.stringify(s.headers)}`);
  });

  test('the workbench asks before a key is used with a new endpoint, and a changed origin drops the stored key', async () => {
    const TYPED = 'sk-typed-in-the-form-9876543210';
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const tid = (id: string) => page.getByTestId(id);
    await tid('tab-settings').click();
    await tid('endpoint').waitFor();
    const settings = async () => (await api('settingsGet', {})).value as { nlOpenAi?: { baseUrl: string }; nlApiKeySet?: boolean };
    const fill = async (baseUrl: string, key: string) => {
      await tid('openai-base').fill(baseUrl);
      await tid('openai-model').fill('m');
      await tid('openai-key').fill(key);
      await tid('endpoint-save').click();
    };

    // A key typed for a new origin: the dialog names the origin it will go to, nothing is saved before Yes.
    await fill(`${home.url}/v1`, TYPED);
    await tid('endpoint-confirm').waitFor();
    assert.ok((await tid('endpoint-confirm').innerText()).includes(`Send requests to ${home.url}?`), 'the dialog names the new origin');
    assert.notEqual((await settings()).nlOpenAi?.baseUrl, `${home.url}/v1`, 'nothing saved while the dialog is open');
    await tid('endpoint-confirm-yes').click();
    await tid('endpoint-confirm').waitFor({ state: 'detached' });
    await page.getByText('saved (key set for this endpoint)').waitFor();
    assert.deepEqual([(await settings()).nlOpenAi?.baseUrl, (await settings()).nlApiKeySet], [`${home.url}/v1`, true]);

    // Another origin, no key typed: asked again; "Keep" changes nothing.
    await fill(`${evil.url}/v1`, '');
    await tid('endpoint-confirm').waitFor();
    assert.match(await tid('endpoint-confirm').innerText(), /is dropped/);
    await tid('endpoint-confirm-no').click();
    assert.deepEqual([(await settings()).nlOpenAi?.baseUrl, (await settings()).nlApiKeySet], [`${home.url}/v1`, true]);

    // Confirmed: the endpoint moves, the stored key does not go with it.
    await tid('endpoint-save').click();
    await tid('endpoint-confirm-yes').click();
    await page.getByText('saved (no key for this endpoint)').waitFor();
    assert.deepEqual([(await settings()).nlOpenAi?.baseUrl, (await settings()).nlApiKeySet], [`${evil.url}/v1`, false]);
    const before = evil.seen.length;
    await api('nlJudge', { premises: ['Rex is a dog.'], conclusion: 'Rex is a dog.', provider: 'openai', k: 1 });
    assert.ok(evil.seen.length > before, 'the new endpoint was called');
    for (const s of evil.seen.slice(before)) {
      const seen = JSON.stringify(s);
      assert.ok(!seen.includes(TYPED) && !seen.includes(SECRET), `a key reached ${evil.url}: ${JSON.stringify(s.headers)}`);
    }
    await context.close();
  });

  test('`loop :- loop.` at the largest step count runs off the event loop: /health answers throughout, the job stops at its limit', async (t: TestContext) => {
    const target = `http://127.0.0.1:${server.port}`;
    let running = true;
    const job = api('prolog', { program: 'loop :- loop.', query: 'loop.', maxSteps: 10_000_000 }).finally(() => (running = false));
    const latencies: number[] = [];
    while (running) {
      const t0 = performance.now();
      const r = await fetch(`${target}/health`);
      if (running) latencies.push(performance.now() - t0);
      assert.equal(r.status, 200);
      await new Promise((res) => setTimeout(res, 50));
    }
    const r = (await job) as { kind: string; value?: { status: string } };
    assert.equal(r.kind, 'ok');
    assert.equal(r.value?.status, 'ResourceOut');
    assert.ok(latencies.length >= 10, `only ${latencies.length} health answers while the job ran`);
    latencies.sort((a, b) => a - b);
    t.diagnostic(
      `health while Prolog ran: ${latencies.length} answers, median ${latencies[latencies.length >> 1]!.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
  });

  test('hostile graph text exported to HTML stays text: no script runs when the page is opened', async () => {
    const payload = `</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"'`;
    const graph = {
      title: payload,
      origin: 'entail',
      root: 'b',
      nodes: [
        { id: 'a', label: payload, text: payload, rule: payload, kind: 'input', source: payload, role: 'axiom' },
        { id: 'b', label: '2', text: '$false', rule: 'resolution', kind: 'theorem', detail: payload },
      ],
      edges: [{ from: 'a', to: 'b', subst: payload }],
    };
    // A node kind outside the closed set is refused before anything is drawn.
    const bad = await api('exportHtml', { graph: { ...graph, nodes: [{ ...graph.nodes[0], kind: 'x" onload="window.__pwned=3' }] } });
    assert.equal(bad.kind, 'invalid');
    const r = (await api('exportHtml', { graph })) as { kind: string; value?: { html: string } };
    assert.equal(r.kind, 'ok');
    const file = join(dir, 'export.html');
    await writeFile(file, r.value!.html);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(dialogs, []);
    // The payload is on the page as text.
    assert.ok((await page.content()).includes('&lt;/script&gt;') || (await page.innerText('body')).includes('</script>'));
    await page.close();
  });
});
