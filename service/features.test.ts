/**
 * The service's Lean, explorer and LLM-provider methods against the real engine
 * modules: Lean absent (an empty PATH) → a `notInstalled` value, Lean through the
 * fake REPL (real child process), FOL → Lean export without Lean, a small
 * exploration in the worker with progress and cancel, the openai provider against a
 * local OpenAI-compatible test server (key stored write-only, sent only as a header),
 * the replay provider on a recorded LINC file, and cancelling a judgement.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withService, engineReady, waitFinished } from './test-support.js';
import type { ApiResult, ExploreResult, LeanView, NlOutcome, Settings } from '../api/contract.js';
import { DEFAULT_SETTINGS } from '../api/contract.js';
import { startFakeServer } from '../nl/testing/openai-server.js';
import { FAKE_REPL, TRANSCRIPTS } from '../provers/lean/fixtures/fakes.js';
import { PROJECT_ROOT } from '../testing/corpora.js';

function ok<T>(r: ApiResult<unknown>): T {
  assert.equal(r.kind, 'ok', JSON.stringify(r).slice(0, 500));
  return (r as { value: T }).value;
}

const NO_LEAN = { config: { env: { PATH: '/nonexistent', HOME: '/nonexistent' } } };

test('lean without Lean: info and check are a notInstalled value with the reason; export works without Lean', async (t) => {
  if (!(await engineReady(t, 'lean'))) return;
  await withService(
    async (s) => {
      const info = ok<LeanView>(await s.dispatch('lean', { op: 'info' }));
      assert.equal(info.status, 'notInstalled');
      assert.match(info.detail, /repl|lake|Lean/i);
      const check = ok<LeanView>(await s.dispatch('lean', { op: 'check', code: 'example : True := trivial' }));
      assert.equal(check.status, 'notInstalled');
      const ex = ok<LeanView>(
        await s.dispatch('lean', {
          op: 'export',
          text: 'fof(a, axiom, ![X]: (dog(X) => animal(X))).\nfof(b, axiom, dog(rex)).\nfof(c, conjecture, animal(rex)).\n',
          dialect: 'auto',
        }),
      );
      assert.equal(ex.status, 'ok');
      assert.match(ex.code ?? '', /theorem \w+/);
      assert.match(ex.code ?? '', /animal rex/);
      assert.match(ex.code ?? '', /sorry/);
      const bad = await s.dispatch('lean', { op: 'export', text: 'fof(a, axiom, p(.', dialect: 'tptp' });
      assert.equal(bad.kind, 'invalid');
    },
    { lean: NO_LEAN },
  );
});

test('lean through the (fake) REPL: check → markers and sorry goals, then a tactic step closes the goal', async (t) => {
  if (!(await engineReady(t, 'lean'))) return;
  await withService(
    async (s) => {
      const info = ok<LeanView>(await s.dispatch('lean', { op: 'info' }));
      assert.equal(info.status, 'ok');
      const code = 'theorem double_two : double 2 = 4 := by\n  sorry';
      const check = ok<LeanView>(await s.dispatch('lean', { op: 'check', code }));
      assert.equal(check.status, 'ok', check.detail);
      assert.equal(check.sorries.length, 1);
      assert.equal(check.sorries[0]!.goal, '⊢ double 2 = 4');
      assert.equal(check.markers.length, 1);
      assert.deepEqual([check.markers[0]!.startLineNumber, check.markers[0]!.startColumn, check.markers[0]!.severity], [1, 9, 4]);
      const step = ok<LeanView>(await s.dispatch('lean', { op: 'tactic', proofState: check.sorries[0]!.proofState!, tactic: 'rfl' }));
      assert.equal(step.status, 'ok');
      assert.equal(step.solved, true);
      const failing = ok<LeanView>(
        await s.dispatch('lean', { op: 'tactic', proofState: check.sorries[0]!.proofState!, tactic: 'exact foo' }),
      );
      assert.equal(failing.status, 'leanError');
      assert.match(failing.detail, /foo/);
    },
    {
      lean: {
        config: { repl: FAKE_REPL, env: { ...process.env, FAKE_REPL_TRANSCRIPT: join(TRANSCRIPTS, 'basic') }, skipVersion: true },
        pool: { header: 'def double (n : Nat) : Nat := n + n' },
      },
    },
  );
});

test('explore: the shipped Peano theory (+ only, terms ≤ 5) in a worker: progress, theorems, graphs', async (t) => {
  if (!(await engineReady(t, 'genlogic'))) return;
  await withService(async (s, events) => {
    const t0 = Date.now();
    const { jobId } = ok<{ jobId: string }>(
      await s.dispatch('explore', { source: { kind: 'corpus', name: 'peano' }, only: ['plus'], maxTermSize: 5, timeoutMs: 60_000 }),
    );
    // The event loop stays free while the worker explores.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const st = await waitFinished(events, jobId);
    clearInterval(timer);
    const ms = Date.now() - t0;
    assert.equal(st.state, 'exploreDone', JSON.stringify(st).slice(0, 300));
    if (st.state !== 'exploreDone') return;
    const r: ExploreResult = st.result;
    assert.equal(r.stopped, 'done');
    const titles = r.theorems.map((x) => x.title).join('\n');
    assert.match(titles, /plus\(x, y\) = plus\(y, x\)/, titles);
    assert.ok(r.theorems.every((x) => x.checked));
    assert.equal(r.graphs.length, r.theorems.length);
    assert.ok(r.graphs.every((g) => g.origin === 'genlogic' && g.nodes.some((n) => n.kind === 'theorem')));
    // The dependency graph comes along: one node per theorem, each linking to its graph by title.
    const deps = r.dependencies;
    assert.ok(deps, 'dependency graph sent');
    const refs = deps.nodes.filter((n) => n.ref !== undefined).map((n) => n.ref);
    assert.deepEqual(
      refs,
      r.graphs.map((g) => g.title),
    );
    assert.ok(deps.nodes.some((n) => n.id === 'axiom:plus_succ' && n.role === 'axiom'));
    assert.ok(r.stats.generated > r.stats.refuted && r.stats.proved >= 5);
    assert.ok(events.some((e) => e.type === 'exploreProgress' && e.jobId === jobId));
    if (import.meta.url.endsWith('.js')) assert.ok(ticks >= ms / 20 / 4, `event loop starved: ${ticks} ticks in ${ms} ms`);
    // The derivations export to one HTML file.
    const html = ok<{ html: string }>(await s.dispatch('exportHtml', { graph: r.graphs[0], more: r.graphs.slice(1), title: 'peano' }));
    assert.match(html.html, /<html/i);
  });
});

test('explore: a theory from text (the editor), a bad declaration, and cancel', async (t) => {
  if (!(await engineReady(t, 'genlogic'))) return;
  const axioms = await readFile(join(PROJECT_ROOT, 'corpora', 'peano', 'peano.p'), 'utf8');
  await withService(async (s, events) => {
    const { jobId } = ok<{ jobId: string }>(
      await s.dispatch('explore', {
        source: { kind: 'text', axioms, declarations: 'inductive nat = zero | s(nat).\nexplore plus.\n' },
        maxTermSize: 4,
        timeoutMs: 60_000,
      }),
    );
    const st = await waitFinished(events, jobId);
    assert.equal(st.state, 'exploreDone');
    if (st.state === 'exploreDone') assert.ok(st.result.theorems.length >= 2, JSON.stringify(st.result.stats));
    const bad = ok<{ jobId: string }>(
      await s.dispatch('explore', { source: { kind: 'text', axioms, declarations: 'inductive = oops' }, timeoutMs: 5000 }),
    );
    const badSt = await waitFinished(events, bad.jobId);
    assert.equal(badSt.state, 'failed');
    // The full theory takes 10–20 s: cancel it after a moment (needs the worker: compiled build).
    if (import.meta.url.endsWith('.ts')) return;
    const full = ok<{ jobId: string }>(await s.dispatch('explore', { source: { kind: 'corpus', name: 'peano' }, timeoutMs: 300_000 }));
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    ok(await s.dispatch('cancel', { jobId: full.jobId }));
    assert.equal((await waitFinished(events, full.jobId)).state, 'cancelled');
    assert.ok(Date.now() - t0 < 1000);
  });
});

const DOGS = {
  premises: ['All dogs are animals.', 'Rex is a dog.'],
  conclusion: 'Rex is an animal.',
  completion:
    'TEXT:\tAll dogs are animals.\nFOL:\tall x. (Dog(x) -> Animal(x))\nTEXT:\tRex is a dog.\nFOL:\tDog(rex)\nTEXT:\tRex is an animal.\nFOL:\tAnimal(rex)\n',
};

test('nl openai provider against a local OpenAI-compatible server; the key is write-only', async (t) => {
  if (!(await engineReady(t, 'nlOpenAi'))) return;
  const secret = 'sk-test-0123456789-secret';
  const srv = await startFakeServer(() => ({ kind: 'completions', texts: [DOGS.completion, DOGS.completion, DOGS.completion] }));
  try {
    await withService(async (s, _e, dir) => {
      const before = ok<{ id: string; available: boolean }[]>(await s.dispatch('nlProviders', {}));
      assert.equal(
        before.find((p) => p.id === 'openai')?.available,
        process.env.OPENAI_BASE_URL && process.env.OPENAI_MODEL ? true : false,
      );
      const settings: Settings = { ...DEFAULT_SETTINGS, nlOpenAi: { baseUrl: srv.baseUrl, model: 'recorded' }, nlApiKey: secret };
      const saved = ok<Settings>(await s.dispatch('settingsSet', { settings }));
      assert.equal(saved.nlApiKey, undefined);
      assert.equal(saved.nlApiKeySet, true);
      const got = ok<Settings>(await s.dispatch('settingsGet', {}));
      assert.equal(JSON.stringify(got).includes(secret), false);
      for (const f of await readdir(dir)) {
        if (f !== 'secrets.json') assert.equal((await readFile(join(dir, f), 'utf8')).includes(secret), false, f);
      }
      const providers = ok<{ id: string; available: boolean; detail: string }[]>(await s.dispatch('nlProviders', {}));
      const oa = providers.find((p) => p.id === 'openai')!;
      assert.equal(oa.available, true, oa.detail);
      assert.equal(oa.detail.includes(secret), false);
      const out = ok<NlOutcome>(
        await s.dispatch('nlJudge', { premises: DOGS.premises, conclusion: DOGS.conclusion, provider: 'openai', k: 3 }),
      );
      assert.equal(out.vote, 'True');
      assert.equal(out.samples.length, 3);
      assert.ok(srv.requests.length >= 1);
      assert.equal(srv.requests[0]!.headers.authorization, `Bearer ${secret}`);
      assert.match(srv.requests[0]!.path, /\/chat\/completions$/);
      // Saving settings again without a key keeps the stored one.
      ok(await s.dispatch('settingsSet', { settings: { ...DEFAULT_SETTINGS, nlOpenAi: { baseUrl: srv.baseUrl, model: 'recorded' } } }));
      assert.equal(ok<Settings>(await s.dispatch('settingsGet', {})).nlApiKeySet, true);
    });
  } finally {
    await srv.close();
  }
});

test('nl: a hanging provider is cancelled by request id; replay answers a recorded LINC problem', async (t) => {
  if (!(await engineReady(t, 'nlReplay'))) return;
  const srv = await startFakeServer(() => ({ kind: 'hang' }));
  const fixture = JSON.parse(await readFile(join(PROJECT_ROOT, 'nl', 'fixtures', 'linc-excerpt.json'), 'utf8')) as { raw: string[][] };
  try {
    await withService(async (s, _e, dir) => {
      const replay = join(dir, 'linc-raw.json');
      await writeFile(replay, JSON.stringify(fixture.raw));
      ok(
        await s.dispatch('settingsSet', {
          settings: { ...DEFAULT_SETTINGS, nlOpenAi: { baseUrl: srv.baseUrl, model: 'm' }, nlReplayPath: replay },
        }),
      );
      const requestId = 'job-nl-test-1';
      const pending = s.dispatch('nlJudge', {
        premises: ['Rex is a dog.'],
        conclusion: 'Rex is a dog.',
        provider: 'openai',
        k: 1,
        requestId,
      });
      await new Promise((r) => setTimeout(r, 300));
      const t0 = Date.now();
      assert.deepEqual(ok(await s.dispatch('cancel', { jobId: requestId })), { cancelled: true });
      const r = await pending;
      assert.ok(Date.now() - t0 < 2000, `cancel took ${Date.now() - t0} ms`);
      assert.equal(r.kind, 'error');
      assert.match((r as { message: string }).message, /cancelled/);

      const providers = ok<{ id: string; available: boolean }[]>(await s.dispatch('nlProviders', {}));
      assert.equal(providers.find((p) => p.id === 'replay')?.available, true);
      const noId = await s.dispatch('nlJudge', { premises: ['a'], conclusion: 'b', provider: 'replay', k: 1 });
      assert.equal(noId.kind, 'invalid');
      const out = ok<NlOutcome>(
        await s.dispatch('nlJudge', { premises: ['(recorded)'], conclusion: '(recorded)', provider: 'replay', k: 3, problemId: 'linc_0' }),
      );
      assert.equal(out.samples.length, 3);
      assert.ok(
        out.samples.some((x) => x.verdict !== 'Error'),
        JSON.stringify(out.samples.map((x) => x.message)),
      );
    });
  } finally {
    await srv.close();
  }
});
