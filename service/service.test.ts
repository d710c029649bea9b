/**
 * The engine service against the real engine modules (whatever is built): a
 * module that is missing must show up as `unavailable`, never as a fake answer;
 * one that is present must give its real answer through the API.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withService, engineReady, waitFinished } from './test-support.js';
import { moduleLoader } from './engine.js';
import { modelTables, problemSymbols } from './views.js';
import { DEFAULT_LIMITS } from '../api/contract.js';
import type { ApiResult, ParseOutcome } from '../api/contract.js';
import { mkAtom, mkConst, mkApp, mkVar, mkForall, mkImp } from '../provers/logic/index.js';

test('parse: the real parser error position becomes a diagnostic; symbols carry arity and uses', async (t) => {
  if (!(await engineReady(t, 'syntax'))) return;
  await withService(async (s) => {
    const bad = (await s.dispatch('parse', { text: 'fof(a, axiom, p(X).\n', language: 'tptp' })) as ApiResult<ParseOutcome>;
    assert.equal(bad.kind, 'ok');
    if (bad.kind !== 'ok') return;
    assert.equal(bad.value.diagnostics.length, 1);
    assert.equal(bad.value.diagnostics[0]!.line, 1);
    assert.ok(bad.value.diagnostics[0]!.col > 1);
    const good = (await s.dispatch('parse', {
      text: 'fof(a, axiom, p(c)).\nfof(b, conjecture, p(f(c))).\n',
      language: 'tptp',
    })) as ApiResult<ParseOutcome>;
    assert.equal(good.kind, 'ok');
    if (good.kind !== 'ok') return;
    assert.deepEqual(good.value.diagnostics, []);
    const p = good.value.symbols.find((x) => x.name === 'p')!;
    assert.deepEqual([p.kind, p.arity, p.uses, p.useCount], ['predicate', 1, [1, 2], 2]);
    assert.deepEqual(
      good.value.symbols.find((x) => x.name === 'f'),
      { name: 'f', kind: 'function', arity: 1, uses: [2], useCount: 1 },
    );
  });
});

test('prove: the embedded prover answers through a job, with a graph and a checked proof', async (t) => {
  if (!(await engineReady(t, 'run'))) return;
  if (import.meta.url.endsWith('.ts')) return void t.skip('proveProblem workers need the compiled build (run from dist/)');
  await withService(async (s, events) => {
    const text = 'fof(a, axiom, man(socrates)).\nfof(b, axiom, ![X]: (man(X) => mortal(X))).\nfof(c, conjecture, mortal(socrates)).\n';
    const r = (await s.dispatch('prove', { text, dialect: 'auto', prover: 'embedded', limits: DEFAULT_LIMITS })) as ApiResult<{
      jobId: string;
    }>;
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    const st = await waitFinished(events, r.value.jobId);
    assert.equal(st.state, 'done');
    if (st.state !== 'done') return;
    assert.equal(st.result.status, 'Theorem');
    assert.ok(st.result.graph && st.result.graph.nodes.length > 3);
    assert.ok(st.result.check && 'ok' in st.result.check && st.result.check.ok, JSON.stringify(st.result.check));
  });
});

test('prove: input errors come back as invalid with the position, not as a job', async (t) => {
  if (!(await engineReady(t, 'syntax'))) return;
  await withService(async (s) => {
    const r = await s.dispatch('prove', { text: 'fof(a, axiom, (p.', dialect: 'tptp', prover: 'embedded', limits: DEFAULT_LIMITS });
    assert.ok(r.kind === 'invalid' || r.kind === 'unavailable', r.kind);
    if (r.kind === 'invalid') assert.match(r.issues[0]!, /^1:\d+: /);
  });
});

test('nlJudge: controlled English through the real NL pipeline, and edited formulas are re-judged', async (t) => {
  if (!(await engineReady(t, 'nlPipeline'))) return;
  await withService(async (s) => {
    const premises = ['All dogs are animals.', 'Rex is a dog.'];
    const r = await s.dispatch('nlJudge', { premises, conclusion: 'Rex is an animal.', provider: 'cnl', k: 1 });
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    const v = r.value as { vote: string; samples: { pairs: { sentence: string; formula: string }[] }[] };
    assert.equal(v.vote, 'True');
    assert.equal(v.samples[0]!.pairs.length, 3);
    // Edit the conclusion's formula to its negation: now it is False.
    const formulas = v.samples[0]!.pairs.map((p) => p.formula);
    formulas[2] = `¬(${formulas[2]})`;
    const e = await s.dispatch('nlJudge', {
      premises,
      conclusion: 'Rex is an animal.',
      provider: 'cnl',
      k: 1,
      edited: [{ index: 0, formulas }],
    });
    assert.equal(e.kind, 'ok');
    if (e.kind === 'ok') assert.equal((e.value as { vote: string }).vote, 'False');
    const other = await s.dispatch('nlJudge', { premises, conclusion: 'x', provider: 'gpt-9', k: 1 });
    assert.equal(other.kind, 'unavailable');
  });
});

test('exportHtml: the graph module renders a self-contained page', async (t) => {
  if (!(await engineReady(t, 'graph'))) return;
  await withService(async (s) => {
    const graph = {
      title: 'T <b>',
      origin: 'entail',
      root: 'b',
      nodes: [
        { id: 'a', label: '1', text: 'p(a)', rule: 'input', kind: 'input' },
        { id: 'b', label: '2', text: '⊥', rule: 'resolution', kind: 'theorem' },
      ],
      edges: [{ from: 'a', to: 'b' }],
    };
    const r = await s.dispatch('exportHtml', { graph });
    assert.equal(r.kind, 'ok');
    if (r.kind === 'ok') {
      const html = (r.value as { html: string }).html;
      assert.match(html, /<html/i);
      assert.ok(!html.includes('T <b>'), 'title is escaped');
    }
    assert.equal((await s.dispatch('exportHtml', { graph: { nodes: 'no' } })).kind, 'invalid');
  });
});

test('model tables list every tuple in the FiniteModel row-major order', () => {
  const tables = modelTables({
    domainSize: 2,
    functions: { a: { arity: 0, table: [1] }, f: { arity: 1, table: [1, 0] } },
    predicates: { r: { arity: 2, table: [true, false, false, true] } },
  });
  assert.deepEqual(
    tables.map((t) => t.symbol),
    ['a', 'f', 'r'],
  );
  assert.deepEqual(tables[0]!.rows, [['value'], ['e1']]);
  assert.deepEqual(tables[1]!.rows, [
    ['x1', 'value'],
    ['e0', 'e1'],
    ['e1', 'e0'],
  ]);
  assert.deepEqual(tables[2]!.rows, [
    ['x1', 'x2', 'holds'],
    ['e0', 'e0', 'true'],
    ['e0', 'e1', 'false'],
    ['e1', 'e0', 'false'],
    ['e1', 'e1', 'true'],
  ]);
});

test('problem symbols: predicates, functions and constants by arity, with statement lines', () => {
  const syms = problemSymbols({
    name: 'p',
    statements: [
      {
        name: 'a',
        role: 'axiom',
        language: 'fof',
        formula: mkForall(['X'], mkImp(mkAtom('p', [mkVar('X')]), mkAtom('p', [mkApp('f', [mkVar('X')])]))),
        pos: { line: 3, col: 1 },
      },
      { name: 'b', role: 'conjecture', language: 'fof', formula: mkAtom('p', [mkApp('f', [mkConst('c')])]), pos: { line: 5, col: 1 } },
    ],
  });
  assert.deepEqual(
    syms.map((s) => [s.name, s.kind, s.arity, s.uses, s.useCount]),
    [
      ['c', 'constant', 0, [5], 1],
      ['f', 'function', 1, [3, 5], 2],
      ['p', 'predicate', 1, [3, 5], 2],
    ],
  );
});

test('a big text is parsed off the event loop, with the same answer as in-process', async (t) => {
  if (!(await engineReady(t, 'syntax'))) return;
  if (import.meta.url.endsWith('.ts')) return void t.skip('the parser worker runs from the compiled build (dist/)');
  const { createParser } = await import('./parsing.js');
  let text = '';
  for (let i = 0; text.length < 300 * 1024; i++) text += `fof(ax${i}, axiom, p${i % 100}(c${i % 7})).\n`;
  text += 'fof(bad, axiom, (p.\n';
  const inWorker = createParser(moduleLoader(), { useWorker: true });
  const inProc = createParser(moduleLoader(), { useWorker: false });
  try {
    // The event loop keeps turning while the worker parses.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const a = await inWorker.parse({ text, dialect: 'tptp', name: 'big', withProblem: false });
    clearInterval(timer);
    const c = await inProc.parse({ text, dialect: 'tptp', name: 'big', withProblem: false });
    assert.ok(a.ok && c.ok);
    if (a.ok && c.ok) {
      assert.deepEqual(a.outcome, c.outcome);
      assert.equal(a.outcome.diagnostics[0]!.line, text.split('\n').length - 1);
    }
    assert.ok(ticks > 0, 'timers fired during the parse');
  } finally {
    inWorker.dispose();
    inProc.dispose();
  }
});

test('prolog: tau-prolog answers with bindings and a proof graph; endless recursion hits the step limit', async (t) => {
  if (!(await engineReady(t, 'prolog'))) return;
  await withService(async (s) => {
    const program = 'parent(ann, bob).\nparent(bob, cid).\nanc(X, Y) :- parent(X, Y).\nanc(X, Y) :- parent(X, Z), anc(Z, Y).\n';
    const r = await s.dispatch('prolog', { program, query: 'anc(ann, W)', maxSteps: 100_000 });
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    const v = r.value as { status: string; answers: Record<string, string>[]; graph?: { nodes: unknown[] } };
    assert.equal(v.status, 'Theorem');
    assert.deepEqual(
      v.answers.map((a) => a['W']),
      ['bob', 'cid'],
    );
    assert.ok(v.graph && v.graph.nodes.length >= 2);
    const no = await s.dispatch('prolog', { program, query: 'anc(cid, ann)', maxSteps: 100_000 });
    assert.equal(no.kind === 'ok' && (no.value as { status: string }).status, 'Unknown');
    const loop = await s.dispatch('prolog', { program: 'p :- p.\n', query: 'p', maxSteps: 2000 });
    assert.equal(loop.kind === 'ok' && (loop.value as { status: string }).status, 'ResourceOut');
  });
});

test('batch: a folder of problems runs as a job with a row per problem and a summary', async (t) => {
  if (!(await engineReady(t, 'batch'))) return;
  if (import.meta.url.endsWith('.ts')) return void t.skip('batch runs use prover workers: compiled build only (dist/)');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const dir = await mkdtemp(join(tmpdir(), 'entail-batch-'));
  await withService(
    async (s, events) => {
      try {
        // Outside the opened roots: refused, nothing of the file echoed.
        const outside = await s.dispatch('batch', { paths: ['/etc/passwd'], prover: 'embedded', timeoutMs: 5000 });
        assert.equal(outside.kind, 'invalid');
        assert.doesNotMatch(JSON.stringify(outside), /root:/);
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, 'thm.p'), '% Status : Theorem\nfof(a, axiom, p(c)).\nfof(g, conjecture, p(c)).\n');
        await writeFile(join(dir, 'csat.p'), '% Status : CounterSatisfiable\nfof(a, axiom, p(c)).\nfof(g, conjecture, q(c)).\n');
        const r = await s.dispatch('batch', { paths: [dir], prover: 'embedded', timeoutMs: 5000 });
        assert.equal(r.kind, 'ok', JSON.stringify(r));
        if (r.kind !== 'ok') return;
        const jobId = (r.value as { jobId: string }).jobId;
        const st = await waitFinished(events, jobId, 60_000);
        assert.equal(st.state, 'batchDone', JSON.stringify(st));
        if (st.state !== 'batchDone') return;
        assert.equal(st.summary.total, 2);
        assert.deepEqual(st.rows.map((x) => [x.name.replace(/\.p$/, ''), x.status]).sort(), [
          ['csat', 'CounterSatisfiable'],
          ['thm', 'Theorem'],
        ]);
        assert.equal(events.filter((e) => e.type === 'batchRow' && e.jobId === jobId).length, 2);
        assert.equal((await s.dispatch('batch', { paths: [], prover: 'embedded', timeoutMs: 5000 })).kind, 'invalid');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    { allowedRoots: [dir] },
  );
});

test('prolog: `loop :- loop.` at the largest step count runs off the event loop and ends at its limit', async (t) => {
  if (!(await engineReady(t, 'prolog'))) return;
  if (import.meta.url.endsWith('.ts')) return void t.skip('worker jobs need the compiled build (dist/)');
  await withService(
    async (s) => {
      const order: string[] = [];
      const looping = s
        .dispatch('prolog', { program: 'loop :- loop.\n', query: 'loop.', maxSteps: 10_000_000 })
        .then((r) => (order.push('prolog'), r));
      // The service answers other calls while the query runs.
      const other = await s.dispatch('settingsGet', {});
      order.push('settings');
      assert.equal(other.kind, 'ok');
      const r = (await looping) as ApiResult<{ status: string; message?: string }>;
      assert.deepEqual(order, ['settings', 'prolog']);
      assert.equal(r.kind, 'ok', JSON.stringify(r));
      if (r.kind === 'ok') assert.equal(r.value.status, 'ResourceOut');
    },
    { jobs: { inWorker: true, limits: { heapMb: 128, timeoutMs: 3000 } } },
  );
});
