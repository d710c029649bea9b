import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { WebSocket } from 'ws';
import { startServer } from './index.js';
import type { RunningServer } from './index.js';
import type { EngineLoader, EngineModules, Loaded } from '../service/engine.js';
import type { Problem, ProverResult } from '../provers/logic/index.js';
import { mkAtom, mkLit } from '../provers/logic/index.js';
import { DEFAULT_LIMITS } from '../api/contract.js';
import type { JobEvent } from '../api/contract.js';

/** Fake engine: a parser that rejects '!!' with a position, and a prover that proves 'p' or hangs until aborted. */
function fakeEngines(): EngineLoader {
  const syntax: Pick<EngineModules['syntax'], 'parseProblem' | 'detectDialect' | 'printClause'> = {
    parseProblem(text) {
      const bad = text.indexOf('!!');
      if (bad >= 0) return { ok: false, error: { line: 1, col: bad + 1, message: "unexpected '!!'", excerpt: '' } };
      const p: Problem = {
        name: 'editor',
        statements: [{ name: 'c', role: 'conjecture', language: 'fof', formula: mkAtom(text.trim()), pos: { line: 1, col: 1 } }],
      };
      return { ok: true, value: p };
    },
    detectDialect: () => 'entail',
    printClause: () => '',
  };
  const run: Pick<EngineModules['run'], 'proveProblem'> = {
    proveProblem(problem, opts) {
      const conj = problem.statements[0]!.formula;
      if (conj.kind === 'atom' && conj.pred === 'p') {
        const r: ProverResult = {
          status: 'Theorem',
          prover: 'fake',
          stats: { timeMs: 1 },
          proof: {
            root: 's2',
            steps: [
              { id: 's1', rule: 'input', parents: [], conclusion: { kind: 'clause', clause: { literals: [mkLit(false, 'p')] } } },
              { id: 's2', rule: 'resolution', parents: [{ id: 's1' }], conclusion: { kind: 'clause', clause: { literals: [] } } },
            ],
          },
        };
        return Promise.resolve(r);
      }
      // "hangs": only the abort signal ends it
      return new Promise((res) =>
        opts?.signal?.addEventListener('abort', () => res({ status: 'GaveUp', prover: 'fake', stats: { timeMs: 0 }, message: 'aborted' })),
      );
    },
  };
  const mods: { readonly [K in keyof EngineModules]?: unknown } = { syntax, run };
  return (async <K extends keyof EngineModules>(name: K): Promise<Loaded<EngineModules[K]>> => {
    const m = mods[name];
    return m ? { ok: true, mod: m as EngineModules[K] } : { ok: false, reason: `${String(name)} is not part of this fake` };
  }) as EngineLoader;
}

async function withServer(f: (s: RunningServer, dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'entail-server-'));
  const staticDir = join(dir, 'static');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  const s = await startServer({ port: 0, staticDir, dataDir: join(dir, 'data'), engines: fakeEngines() });
  try {
    await f(s, dir);
  } finally {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function api(
  s: RunningServer,
  method: string,
  body: unknown,
): Promise<{ kind: string; value?: never; issues?: string[]; reason?: string }> {
  return fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
    method: 'POST',
    headers: { 'x-entail-token': s.token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json() as never);
}

test('server binds loopback, requires the token header and the loopback Host', async () => {
  await withServer(async (s) => {
    // The token travels in the URL's fragment, which never reaches the server.
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    const post = (headers: Record<string, string>, path = '/api/provers', body = '{}'): Promise<Response> =>
      fetch(`http://127.0.0.1:${s.port}${path}`, { method: 'POST', headers, body });
    assert.equal((await post({ 'content-type': 'application/json' })).status, 401);
    assert.equal((await post({ 'content-type': 'application/json', 'x-entail-token': 'wrong' })).status, 401);
    assert.equal((await post({ 'content-type': 'application/json', authorization: `Bearer ${s.token}` })).status, 401);
    assert.equal((await post({ 'content-type': 'application/json', 'x-entail-token': s.token })).status, 200);
    // DNS rebinding: right token, foreign Host (fetch cannot set Host, so use node:http).
    const status = await new Promise<number | undefined>((res, rej) => {
      const req = request(
        { host: '127.0.0.1', port: s.port, path: '/', headers: { 'x-entail-token': s.token, host: 'evil.example' } },
        (r) => {
          r.resume();
          res(r.statusCode);
        },
      );
      req.on('error', rej);
      req.end();
    });
    assert.equal(status, 421);
  });
});

test('another origin, a text/plain body, a token in the query and an oversized body are refused before dispatch', async () => {
  await withServer(async (s) => {
    const post = (headers: Record<string, string>, path = '/api/settingsGet', body = '{}'): Promise<Response> =>
      fetch(`http://127.0.0.1:${s.port}${path}`, { method: 'POST', headers: { 'x-entail-token': s.token, ...headers }, body });
    const json = { 'content-type': 'application/json' };
    assert.equal((await post({ ...json, origin: 'http://127.0.0.1:1' })).status, 403);
    assert.equal((await post({ ...json, origin: 'http://evil.example' })).status, 403);
    assert.equal((await post({ ...json, 'sec-fetch-site': 'same-site' })).status, 403);
    assert.equal((await post({ ...json, origin: `http://127.0.0.1:${s.port}`, 'sec-fetch-site': 'same-origin' })).status, 200);
    assert.equal((await post({ 'content-type': 'text/plain' })).status, 415);
    assert.equal((await post(json, `/api/settingsGet?token=${s.token}`)).status, 400);
    const t0 = Date.now();
    const big = await post(json, '/api/parse', JSON.stringify({ text: 'x'.repeat(20 * 1024 * 1024), language: 'tptp' })).catch(
      () => undefined,
    );
    assert.ok(big === undefined || big.status === 413, `status ${big?.status}`);
    assert.ok(Date.now() - t0 < 30_000);
    // The server is alive afterwards.
    assert.equal((await fetch(`http://127.0.0.1:${s.port}/health`)).status, 200);
  });
});

test('the API cannot choose an executable: externalPaths sent to settingsSet are dropped', async () => {
  await withServer(async (s, dir) => {
    const marker = join(dir, 'ran');
    const script = join(dir, 'evil.sh');
    await writeFile(script, `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    const got = await api(s, 'settingsGet', {});
    assert.equal(got.kind, 'ok');
    const settings = { ...(got.value as unknown as object), externalPaths: { eprover: script } };
    await api(s, 'settingsSet', { settings });
    const after = (await api(s, 'settingsGet', {})) as { kind: string; value?: { externalPaths: Record<string, string> } };
    assert.notEqual(after.value?.externalPaths.eprover, script);
    await api(s, 'provers', {});
    assert.equal(existsSync(marker), false);
  });
});

test('the page is served with a CSP and needs no token; /health answers without one', async () => {
  await withServer(async (s) => {
    const page = await fetch(`http://127.0.0.1:${s.port}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
    assert.match(await page.text(), /<title>t<\/title>/);
    const health = await fetch(`http://127.0.0.1:${s.port}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true });
  });
});

test('static files cannot escape the renderer folder', async () => {
  await withServer(async (s) => {
    const r = await fetch(`http://127.0.0.1:${s.port}/%2e%2e/secret.txt`, { headers: { 'x-entail-token': s.token } });
    assert.ok(r.status === 403 || r.status === 404, `status ${r.status}`);
    assert.doesNotMatch(await r.text(), /secret/);
  });
});

test('inputs are validated and missing engine modules are reported as unavailable', async () => {
  await withServer(async (s) => {
    const bad = await api(s, 'parse', { text: 42, language: 'tptp' });
    assert.equal(bad.kind, 'invalid');
    assert.equal((await api(s, 'nope', {})).kind, 'invalid');
    const notJson = await fetch(`http://127.0.0.1:${s.port}/api/parse`, {
      method: 'POST',
      headers: { 'x-entail-token': s.token, 'content-type': 'application/json' },
      body: '{',
    });
    assert.equal(((await notJson.json()) as { kind: string }).kind, 'invalid');
    const html = await api(s, 'exportHtml', { graph: { title: 't', origin: 'entail', nodes: [], edges: [] } });
    assert.equal(html.kind, 'unavailable');
    assert.match(html.reason!, /not part of this fake/);
  });
});

test('parse reports the parser error position as a diagnostic', async () => {
  await withServer(async (s) => {
    const r = (await api(s, 'parse', { text: 'ab!!', language: 'entail' })) as unknown as {
      kind: string;
      value: { diagnostics: { line: number; col: number }[] };
    };
    assert.equal(r.kind, 'ok');
    assert.deepEqual(
      r.value.diagnostics.map((d) => [d.line, d.col]),
      [[1, 3]],
    );
  });
});

function events(s: RunningServer): Promise<{ ws: WebSocket; next: (pred: (e: JobEvent) => boolean) => Promise<JobEvent> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${s.port}/events`, ['entail', `entail-token.${s.token}`]);
  const seen: JobEvent[] = [];
  const waiters: { pred: (e: JobEvent) => boolean; res: (e: JobEvent) => void }[] = [];
  ws.on('message', (d) => {
    const e = JSON.parse(String(d)) as JobEvent;
    seen.push(e);
    for (const w of [...waiters]) {
      if (!w.pred(e)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.res(e);
    }
  });
  return new Promise((res, rej) => {
    ws.once('open', () =>
      res({
        ws,
        next: (pred) => {
          const hit = seen.find(pred);
          return hit ? Promise.resolve(hit) : new Promise((r) => waiters.push({ pred, res: r }));
        },
      }),
    );
    ws.once('error', rej);
  });
}

test('prove runs as a job and reports the result over the WebSocket', async () => {
  await withServer(async (s) => {
    const ev = await events(s);
    const r = (await api(s, 'prove', { text: 'p', dialect: 'auto', prover: 'embedded', limits: DEFAULT_LIMITS })) as unknown as {
      kind: string;
      value: { jobId: string };
    };
    assert.equal(r.kind, 'ok');
    const done = await ev.next((e) => e.type === 'finished' && e.jobId === r.value.jobId);
    assert.equal(done.type === 'finished' && done.state.state === 'done' && done.state.result.status, 'Theorem');
    ev.ws.close();
  });
});

test('a hanging prover is cancelled and the server keeps answering meanwhile', async () => {
  await withServer(async (s) => {
    const ev = await events(s);
    const r = (await api(s, 'prove', { text: 'q', dialect: 'auto', prover: 'embedded', limits: DEFAULT_LIMITS })) as unknown as {
      kind: string;
      value: { jobId: string };
    };
    assert.equal(r.kind, 'ok');
    const state = (await api(s, 'job', { jobId: r.value.jobId })) as unknown as { value: { state: string } };
    assert.equal(state.value.state, 'running');
    const c = (await api(s, 'cancel', { jobId: r.value.jobId })) as unknown as { value: { cancelled: boolean } };
    assert.equal(c.value.cancelled, true);
    const done = await ev.next((e) => e.type === 'finished' && e.jobId === r.value.jobId);
    assert.equal(done.type === 'finished' && done.state.state, 'cancelled');
    ev.ws.close();
  });
});

test('WebSocket without the token is refused', async () => {
  await withServer(async (s) => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/events`);
    const outcome = await new Promise<string>((res) => {
      ws.once('open', () => res('open'));
      ws.once('error', () => res('refused'));
    });
    assert.equal(outcome, 'refused');
  });
});

test('sessions round-trip; a binary or foreign file is refused as a value', async () => {
  await withServer(async (s, dir) => {
    const session = {
      version: 1,
      name: 'My work',
      savedAt: '',
      problems: [{ id: 'p1', title: 'one', language: 'tptp', text: 'fof(a, axiom, p).' }],
      runs: [],
    };
    const saved = (await api(s, 'sessionSave', { session })) as unknown as { kind: string; value: { path: string } };
    assert.equal(saved.kind, 'ok');
    const list = (await api(s, 'sessionList', {})) as unknown as { value: { name: string }[] };
    assert.deepEqual(
      list.value.map((e) => e.name),
      ['My work'],
    );
    const opened = (await api(s, 'sessionOpen', { path: saved.value.path })) as unknown as {
      kind: string;
      value: { problems: { text: string }[] };
    };
    assert.equal(opened.kind, 'ok');
    assert.equal(opened.value.problems[0]!.text, 'fof(a, axiom, p).');
    await writeFile(join(dir, 'data', 'sessions', 'bin.entail.json'), Buffer.from([0, 159, 146, 150, 255]));
    const bin = await api(s, 'sessionOpen', { path: 'bin.entail.json' });
    assert.equal(bin.kind, 'invalid');
    const outside = await api(s, 'sessionOpen', { path: join(dir, 'secret.txt') });
    assert.equal(outside.kind, 'invalid');
  });
});
