import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAiProvider, parseRetryAfter, backoffMs, redact } from './openai.js';
import { startFakeServer } from '../testing/openai-server.js';
import { PROJECT_ROOT } from '../../testing/corpora.js';
import { feedSse, newSseState, endSse } from './sse.js';

const fixture = JSON.parse(readFileSync(join(PROJECT_ROOT, 'nl', 'fixtures', 'linc-excerpt.json'), 'utf8')) as { raw: string[][] };
const recorded = fixture.raw[0]!;

const fast = { retryBaseMs: 5, retryMaxMs: 50, timeoutMs: 2000, random: () => 0.5 };

test('chat endpoint: n samples of recorded LINC output come back in order', async () => {
  const srv = await startFakeServer(() => ({ kind: 'completions', texts: recorded.slice(0, 3) }));
  try {
    const p = new OpenAiProvider({ baseUrl: srv.baseUrl, model: 'm', apiKey: 'sk-test-123456', ...fast });
    const r = await p.complete({ prompt: 'hello', n: 3, temperature: 0.7, stop: ['</EVALUATE>'], maxTokens: 100 });
    assert.ok(r.ok);
    assert.deepEqual(r.value, recorded.slice(0, 3));
    const req = srv.requests[0]!;
    assert.equal(req.path, '/v1/chat/completions');
    assert.deepEqual(req.body.messages, [{ role: 'user', content: 'hello' }]);
    assert.equal(req.body.n, 3);
    assert.deepEqual(req.body.stop, ['</EVALUATE>']);
    assert.equal(req.body.max_tokens, 100);
    assert.equal(req.headers.authorization, 'Bearer sk-test-123456');
    assert.equal(req.body.grammar, undefined);
  } finally {
    await srv.close();
  }
});

test('completions endpoint sends prompt and the llama.cpp grammar field when asked', async () => {
  const srv = await startFakeServer(() => ({ kind: 'completions', texts: [recorded[1]!] }));
  try {
    const p = new OpenAiProvider({ baseUrl: srv.baseUrl + '/', model: 'm', endpoint: 'completions', sendGrammar: true, ...fast });
    const r = await p.complete({ prompt: 'P', grammar: 'root ::= "x"' });
    assert.ok(r.ok);
    assert.deepEqual(r.value, [recorded[1]]);
    assert.equal(srv.requests[0]!.path, '/v1/completions');
    assert.equal(srv.requests[0]!.body.prompt, 'P');
    assert.equal(srv.requests[0]!.body.grammar, 'root ::= "x"');
  } finally {
    await srv.close();
  }
});

test('429 and 500 are retried (Retry-After honoured); persistent 500 becomes an error value', async () => {
  const srv = await startFakeServer(
    (r) => {
      if (r.key === 'flaky')
        return r.attempt === 0
          ? { kind: 'status', status: 429, retryAfter: '0' }
          : r.attempt === 1
            ? { kind: 'status', status: 503 }
            : { kind: 'completions', texts: [recorded[2]!] };
      return { kind: 'status', status: 500, body: '{"error":{"message":"boom, key sk-secret-999"}}' };
    },
    (b) => String((b.messages as { content: string }[])[0]!.content),
  );
  try {
    const p = new OpenAiProvider({ baseUrl: srv.baseUrl, model: 'm', apiKey: 'sk-secret-999', maxRetries: 2, ...fast });
    const a = await p.complete({ prompt: 'flaky' });
    assert.ok(a.ok);
    assert.deepEqual(a.value, [recorded[2]]);
    const b = await p.complete({ prompt: 'dead' });
    assert.ok(!b.ok);
    assert.equal(b.error.kind, 'http');
    assert.equal(b.error.status, 500);
    assert.equal(b.error.attempts, 3);
    assert.ok(!b.error.message.includes('sk-secret-999'), b.error.message);
    assert.ok(b.error.message.includes('[REDACTED]'));
    assert.equal(srv.requests.filter((r) => r.key === 'dead').length, 3);
  } finally {
    await srv.close();
  }
});

test('400 is not retried', async () => {
  const srv = await startFakeServer(() => ({ kind: 'status', status: 400 }));
  try {
    const r = await new OpenAiProvider({ baseUrl: srv.baseUrl, model: 'm', ...fast }).complete({ prompt: 'x' });
    assert.ok(!r.ok);
    assert.equal(r.error.attempts, 1);
    assert.equal(srv.requests.length, 1);
  } finally {
    await srv.close();
  }
});

test('a hanging server times out; malformed JSON is reported', async () => {
  const srv = await startFakeServer(
    (r) => (r.key === 'hang' ? { kind: 'hang' } : { kind: 'raw', body: '{"choices": [ {"message": ' }),
    (b) => String((b.messages as { content: string }[])[0]!.content),
  );
  try {
    const p = new OpenAiProvider({ baseUrl: srv.baseUrl, model: 'm', ...fast, timeoutMs: 1000, maxRetries: 0 });
    const h = await p.complete({ prompt: 'hang' });
    assert.ok(!h.ok);
    assert.equal(h.error.kind, 'timeout');
    const m = await p.complete({ prompt: 'bad' });
    assert.ok(!m.ok);
    assert.equal(m.error.kind, 'malformed');
  } finally {
    await srv.close();
  }
});

test('streaming: SSE deltas are joined per choice; a stream without [DONE] is truncated', async () => {
  const srv = await startFakeServer(
    (r) =>
      r.key === 'ok'
        ? { kind: 'stream', texts: recorded.slice(3, 5) }
        : r.key === 'cut'
          ? { kind: 'stream', texts: [recorded[5]!], cutAfter: 3 }
          : { kind: 'stream', texts: [recorded[5]!], cutAfter: 2, drop: true },
    (b) => String((b.messages as { content: string }[])[0]!.content),
  );
  try {
    const p = new OpenAiProvider({ baseUrl: srv.baseUrl, model: 'm', stream: true, ...fast, maxRetries: 0 });
    const a = await p.complete({ prompt: 'ok', n: 2 });
    assert.ok(a.ok);
    assert.deepEqual(a.value, recorded.slice(3, 5));
    assert.equal(srv.requests[0]!.body.stream, true);
    const b = await p.complete({ prompt: 'cut' });
    assert.ok(!b.ok);
    assert.equal(b.error.kind, 'truncated');
    const c = await p.complete({ prompt: 'drop' });
    assert.ok(!c.ok);
    assert.equal(c.error.kind, 'truncated');
  } finally {
    await srv.close();
  }
});

test('the concurrency limit holds', async () => {
  let active = 0;
  let peak = 0;
  const srv = await startFakeServer(() => ({ kind: 'completions', texts: ['x'] }));
  try {
    const inner = globalThis.fetch;
    const counting: typeof fetch = async (...a) => {
      active++;
      peak = Math.max(peak, active);
      try {
        await new Promise((r) => setTimeout(r, 10));
        return await inner(...a);
      } finally {
        active--;
      }
    };
    const p = new OpenAiProvider({ baseUrl: srv.baseUrl, model: 'm', concurrency: 2, fetch: counting, ...fast });
    const rs = await Promise.all(Array.from({ length: 6 }, () => p.complete({ prompt: 'x' })));
    assert.ok(rs.every((r) => r.ok));
    assert.equal(peak, 2);
  } finally {
    await srv.close();
  }
});

test('helpers: Retry-After, backoff, redaction, SSE framing', () => {
  assert.equal(parseRetryAfter('2'), 2000);
  assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4000), 6000);
  assert.equal(parseRetryAfter('soon'), undefined);
  assert.equal(
    backoffMs(0, 100, 10_000, () => 0),
    100,
  );
  assert.equal(
    backoffMs(3, 100, 10_000, () => 1),
    1200,
  );
  assert.equal(
    backoffMs(10, 100, 5000, () => 0),
    5000,
  );
  assert.equal(redact('key=abcdef and abcdef', 'abcdef'), 'key=[REDACTED] and [REDACTED]');
  const st = newSseState();
  assert.deepEqual(feedSse(st, ': comment\ndata: {"a":1}\r\n\nda'), ['{"a":1}']);
  assert.deepEqual(feedSse(st, 'ta: {"b":2}\n\ndata: [DONE]'), ['{"b":2}']);
  assert.equal(st.done, false);
  assert.deepEqual(endSse(st), []);
  assert.equal(st.done, true);
});
