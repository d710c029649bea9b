import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Problem, ProverResult, Formula } from '../provers/logic/index.js';
import { parseFormula } from '../provers/logic/syntax/index.js';
import { PROJECT_ROOT } from '../testing/corpora.js';
import type { Engine } from './judge.js';
import { llmTranslator, runDataset, draftFromCompletion, cnlTranslator, runProblem } from './pipeline.js';
import { OpenAiProvider } from './providers/openai.js';
import { startFakeServer } from './testing/openai-server.js';
import { parseLinc } from './datasets.js';
import { CachedProvider } from './cache.js';
import type { LlmProvider } from './providers/types.js';
import { ok } from '../provers/logic/index.js';
import { STOP } from './prompt.js';

const fixture = JSON.parse(readFileSync(join(PROJECT_ROOT, 'nl', 'fixtures', 'linc-excerpt.json'), 'utf8')) as {
  raw: string[][];
  references: string[];
};
const ds = parseLinc(fixture.raw, fixture.references);
assert.ok(ds.ok);
const problems = ds.value.problems;

/** Real parser; a stand-in prover that answers Theorem and counts calls (the provider path is under test here, not proving). */
function fakeEngine(): Engine & { calls: Problem[] } {
  const calls: Problem[] = [];
  return {
    calls,
    parse: (t, d) => parseFormula(t, d),
    prove: async (p) => {
      calls.push(p);
      return { status: 'Theorem', prover: 'fake', stats: { timeMs: 0 } } satisfies ProverResult;
    },
  };
}

function conclusionOf(body: Record<string, unknown>): string {
  const text = body.messages ? (body.messages as { content: string }[]).map((m) => m.content).join('\n') : String(body.prompt);
  const all = [...text.matchAll(/<CONCLUSION>\n([^\n]*)\n<\/CONCLUSION>/g)];
  return all[all.length - 1]?.[1] ?? '';
}

test('HTTP provider failures become per-sample Errors with reasons; the run continues and keeps the rest', async () => {
  const byConclusion = new Map(problems.map((p, i) => [p.conclusion.trim(), i]));
  const srv = await startFakeServer((r) => {
    const i = byConclusion.get(r.key) ?? -1;
    const texts = fixture.raw[i] ?? [];
    switch (i) {
      case 1:
        return r.attempt === 0 ? { kind: 'status', status: 429, retryAfter: '0' } : { kind: 'completions', texts };
      case 2:
        return { kind: 'status', status: 500 };
      case 3:
        return { kind: 'hang' };
      case 4:
        return { kind: 'raw', body: '{"choices": [{"index": 0, "message": {"content": "TEXT:\\tA' };
      default:
        return { kind: 'completions', texts };
    }
  }, conclusionOf);
  try {
    const provider = new OpenAiProvider({
      baseUrl: srv.baseUrl,
      model: 'recorded',
      maxRetries: 2,
      retryBaseMs: 5,
      retryMaxMs: 20,
      timeoutMs: 2000,
    });
    const engine = fakeEngine();
    const results = await runDataset(problems.slice(0, 6), llmTranslator(provider, engine, { samples: 10, chat: true }), engine, {
      timeoutMs: 1000,
      concurrency: 3,
    });
    assert.equal(results.length, 6);
    for (const i of [0, 1, 5]) {
      assert.equal(results[i]!.samples.length, 10);
      assert.ok(
        results[i]!.samples.some((s) => s.verdict === 'True'),
        `problem ${i} was answered`,
      );
      assert.ok(results[i]!.samples.every((s) => s.stage !== 'provider'));
    }
    const reasons = [2, 3, 4].map((i) => results[i]!.samples[0]!.error ?? '');
    assert.match(reasons[0]!, /^http 500/);
    assert.match(reasons[1]!, /^timeout/);
    assert.match(reasons[2]!, /^malformed/);
    for (const i of [2, 3, 4]) {
      assert.equal(results[i]!.prediction, 'Error');
      assert.equal(results[i]!.samples.length, 10);
      assert.ok(results[i]!.samples.every((s) => s.verdict === 'Error' && s.stage === 'provider'));
    }
    // The prompt carried our stop sequence and the chat form.
    assert.deepEqual(srv.requests[0]!.body.stop, [STOP]);
    assert.equal((srv.requests[0]!.body.messages as unknown[]).length, 2);
  } finally {
    await srv.close();
  }
});

test('without native n, each sample is its own request and fails on its own', async () => {
  let count = 0;
  const flaky: LlmProvider = {
    id: 'flaky',
    model: 'm',
    nativeN: false,
    complete: async () =>
      ++count % 2 === 0 ? { ok: false, error: { kind: 'network', message: 'connection reset' } } : ok([fixture.raw[0]![0]!]),
  };
  const engine = fakeEngine();
  const r = await runProblem(problems[0]!, llmTranslator(flaky, engine, { samples: 4 }), engine, { timeoutMs: 1000 });
  assert.equal(r.samples.length, 4);
  assert.equal(r.votes.Error, 2);
  assert.equal(r.votes.True, 2);
  assert.equal(r.prediction, 'True');
});

test('the repair round sends the parse error back once and marks the fixed sample', async () => {
  const seen: string[] = [];
  const p: LlmProvider = {
    id: 'repairing',
    model: 'm',
    nativeN: true,
    complete: async (req) => {
      if (req.messages && req.messages.length > 2) {
        seen.push(req.messages[req.messages.length - 1]!.content);
        return ok(['TEXT:\tA cat.\nFOL:\tCat(Tom)\nTEXT:\tTom is a cat.\nFOL:\tCat(Tom)\n']);
      }
      return ok(['TEXT:\tA cat.\nFOL:\tCat(Tom\nTEXT:\tTom is a cat.\nFOL:\tCat(Tom)\n']);
    },
  };
  const engine = fakeEngine();
  const r = await runProblem(problems[0]!, llmTranslator(p, engine, { samples: 1, repair: true }), engine, { timeoutMs: 1000 });
  assert.equal(seen.length, 1);
  assert.match(seen[0]!, /premise 1/);
  assert.equal(r.samples[0]!.repaired, true);
  assert.equal(r.samples[0]!.verdict, 'True');
});

test('completions: LINC semantics for free names (Prover9 u–z rule) and type errors', () => {
  const engine = fakeEngine();
  const d = draftFromCompletion('TEXT:\ta\nFOL:\tYoung(x) -> Teach(x)\nTEXT:\tb\nFOL:\tLikes(Tom, Anna)\n', engine);
  assert.equal(d.failure, undefined);
  const f = d.premises[0]!.formula as Formula;
  assert.equal(f.kind, 'forall');
  const ill = draftFromCompletion('TEXT:\ta\nFOL:\tBeijing(x)\nTEXT:\tb\nFOL:\tCapital(Beijing)\n', engine);
  assert.equal(ill.failure?.stage, 'parse');
  assert.match(ill.failure!.message, /Beijing is used both as a predicate and as an individual/);
  const noFol = draftFromCompletion('Sorry, I cannot do that.', engine);
  assert.equal(noFol.failure?.stage, 'extract');
});

test('controlled English: an unparsed sentence fails the sample with its position, not the run', async () => {
  const engine = fakeEngine();
  const r = await runProblem(
    { id: 'x', premises: ['Bob is big.', 'Bob is bigger than Ann.'], conclusion: 'Bob is big.' },
    cnlTranslator(),
    engine,
    { timeoutMs: 100 },
  );
  assert.equal(r.prediction, 'Error');
  assert.match(r.samples[0]!.error!, /premise 2: not understood at word 4 \('than'\)/);
  assert.equal(engine.calls.length, 0);
});

test('the completion cache answers a repeated request without the provider', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entail-nl-cache-'));
  try {
    let calls = 0;
    const inner: LlmProvider = { id: 'counting', model: 'm', nativeN: true, complete: async () => (calls++, ok(['a', 'b'])) };
    const c1 = new CachedProvider(inner, dir);
    assert.deepEqual(await c1.complete({ prompt: 'p', n: 2 }), ok(['a', 'b']));
    const c2 = new CachedProvider(inner, dir);
    assert.deepEqual(await c2.complete({ prompt: 'p', n: 2 }), ok(['a', 'b']));
    assert.equal(calls, 1);
    assert.equal(c2.hits, 1);
    await c2.complete({ prompt: 'p', n: 3 });
    assert.equal(calls, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('streaming run: truncated streams become per-sample Errors; a re-run through the cache re-asks only those', async () => {
  const byConclusion = new Map(problems.map((p, i) => [p.conclusion.trim(), i]));
  let broken = true;
  const srv = await startFakeServer((r) => {
    const i = byConclusion.get(r.key) ?? -1;
    const texts = (fixture.raw[i] ?? []).slice(0, 3);
    if (broken && i === 1) return { kind: 'stream', texts, cutAfter: 4 };
    if (broken && i === 2) return { kind: 'stream', texts, cutAfter: 2, drop: true };
    return { kind: 'stream', texts };
  }, conclusionOf);
  const dir = mkdtempSync(join(tmpdir(), 'entail-nl-cache-'));
  try {
    const mk = (): CachedProvider =>
      new CachedProvider(
        new OpenAiProvider({ baseUrl: srv.baseUrl, model: 'recorded', stream: true, maxRetries: 0, timeoutMs: 5000 }),
        dir,
      );
    const engine = fakeEngine();
    const first = await runDataset(problems.slice(0, 4), llmTranslator(mk(), engine, { samples: 3, chat: true }), engine, {
      timeoutMs: 1000,
      concurrency: 2,
    });
    assert.equal(first.length, 4);
    for (const i of [1, 2]) {
      assert.equal(first[i]!.prediction, 'Error');
      assert.ok(
        first[i]!.samples.every((s) => s.stage === 'provider' && /^truncated/.test(s.error ?? '')),
        JSON.stringify(first[i]!.samples[0]),
      );
    }
    for (const i of [0, 3]) assert.ok(first[i]!.samples.every((s) => s.stage !== 'provider'));
    const before = srv.requests.length;
    broken = false;
    const second = await runDataset(problems.slice(0, 4), llmTranslator(mk(), engine, { samples: 3, chat: true }), engine, {
      timeoutMs: 1000,
      concurrency: 2,
    });
    // Only the two failed problems went back to the server; the others came from the cache.
    assert.equal(srv.requests.length - before, 2);
    assert.deepEqual(
      second.map((r) => r.samples.every((s) => s.stage !== 'provider')),
      [true, true, true, true],
    );
    assert.deepEqual(
      second[0]!.samples.map((s) => s.completion),
      first[0]!.samples.map((s) => s.completion),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await srv.close();
  }
});
