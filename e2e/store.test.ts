/**
 * Headless UI tests: the renderer's store (reducer over a closed action union,
 * frozen state) and the graph-view computations, without a browser. They live
 * here because the root tsconfig compiles e2e/ (the renderer's own tsconfig is
 * noEmit), and both modules are DOM-free.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { activeProblem, createWorkbenchStore, currentDiagnostics, initialState, reduce, toSession } from '../renderer/src/state/store.js';
import type { Action } from '../renderer/src/state/store.js';
import { collapsePreprocessing, ancestorsOf, layeredLayout, parentsOf, searchNodes, graphToSvg } from '../renderer/src/state/graphview.js';
import { createEffects, looksBinary, splitPrologQuery } from '../renderer/src/state/effects.js';
import { sessionSchema } from '../api/contract.js';
import type { ApiEvent, EntailApi, GraphData, RunResult } from '../api/contract.js';

const graph: GraphData = {
  title: 't',
  origin: 'entail',
  root: 'r',
  nodes: [
    { id: 'a', label: '1', text: 'p(a)', rule: 'input', kind: 'input' },
    { id: 'b', label: '2', text: '∀X. ¬p(X) ∨ q(X)', rule: 'input', kind: 'input' },
    { id: 'n', label: '3', text: '¬p(X) ∨ q(X)', rule: 'clausify', kind: 'preprocessing' },
    { id: 'c', label: '4', text: 'q(a)', rule: 'resolution', kind: 'inference' },
    { id: 'r', label: '5', text: '⊥', rule: 'resolution', kind: 'theorem' },
    { id: 'z', label: '6', text: '¬q(a)', rule: 'input', kind: 'input' },
  ],
  edges: [
    { from: 'b', to: 'n' },
    { from: 'a', to: 'c' },
    { from: 'n', to: 'c', subst: 'X ↦ a' },
    { from: 'c', to: 'r' },
    { from: 'z', to: 'r' },
  ],
};

test('the store state is frozen and changed only through actions', () => {
  const store = createWorkbenchStore({ freeze: true });
  const before = store.getState();
  assert.throws(() => {
    (before as { tab: string }).tab = 'graph';
  }, TypeError);
  store.dispatch({ type: 'tab', tab: 'graph' });
  assert.equal(store.getState().tab, 'graph');
  assert.equal(before.tab, 'result', 'old states are not mutated');
});

test('editing marks the session dirty; parse results for stale text are ignored', () => {
  let s = initialState();
  s = reduce(s, { type: 'problem/edit', text: 'fof(a, axiom, p).' });
  assert.equal(s.session.dirty, true);
  s = reduce(s, {
    type: 'parse/done',
    forText: 'old text',
    outcome: { dialect: 'tptp', diagnostics: [{ severity: 'error', line: 1, col: 1, message: 'x' }], symbols: [], statements: [] },
  });
  assert.deepEqual(currentDiagnostics(s), [], 'diagnostics of an older keystroke are not shown');
  s = reduce(s, {
    type: 'parse/done',
    forText: 'fof(a, axiom, p).',
    outcome: { dialect: 'tptp', diagnostics: [{ severity: 'error', line: 1, col: 5, message: 'y' }], symbols: [], statements: [] },
  });
  assert.equal(currentDiagnostics(s)[0]!.message, 'y');
});

test('job events for another job are ignored; a finished run is recorded', () => {
  let s = reduce(initialState(), { type: 'run/started', jobId: 'job-1' });
  s = reduce(s, { type: 'run/progress', jobId: 'job-2', elapsedMs: 999, message: 'other' });
  assert.equal(s.run.elapsedMs, 0);
  const result: RunResult = { status: 'Theorem', prover: 'x', timeMs: 5, graph };
  s = reduce(s, { type: 'run/finished', jobId: 'job-2', state: { state: 'done', result } });
  assert.equal(s.result, undefined);
  s = reduce(s, { type: 'run/finished', jobId: 'job-1', state: { state: 'done', result } });
  assert.equal(s.result?.status, 'Theorem');
  assert.equal(s.runs.length, 1);
  assert.equal(s.run.phase, 'done');
});

test('a session saved from the state validates and reopens to the same problems', () => {
  let s = reduce(initialState(), { type: 'problem/new', language: 'ladr', text: 'formulas(assumptions).\nend_of_list.' });
  s = reduce(s, { type: 'session/rename', name: 'round trip' });
  const saved = toSession(s);
  const parsed = sessionSchema.parse(JSON.parse(JSON.stringify(saved)));
  const back = reduce(initialState(), { type: 'session/opened', session: parsed, path: '/x.entail.json' });
  assert.deepEqual(back.problems, s.problems);
  assert.equal(activeProblem(back).language, 'ladr');
  assert.equal(back.session.name, 'round trip');
  assert.equal(back.session.dirty, false);
});

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.string().map((text) => ({ type: 'problem/edit', text }) as Action),
  fc.constantFrom<Action>(
    { type: 'problem/new', language: 'tptp' },
    { type: 'problem/new', language: 'prolog' },
    { type: 'tab', tab: 'nl' },
    { type: 'run/starting' },
  ),
  fc.constantFrom('p1', 'p2', 'p3', 'nope').map((id) => ({ type: 'problem/select', id }) as Action),
  fc.constantFrom('p1', 'p2', 'p3').map((id) => ({ type: 'problem/close', id }) as Action),
  fc.constantFrom<'connected' | 'disconnected'>('connected', 'disconnected').map((state) => ({ type: 'connection', state }) as Action),
  fc.string().map((text) => ({ type: 'notice', level: 'info', text }) as Action),
);

test('property: any action sequence keeps the state well-formed', () => {
  fc.assert(
    fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
      const store = createWorkbenchStore({ freeze: true });
      for (const a of actions) store.dispatch(a);
      const s = store.getState();
      assert.ok(s.problems.length >= 1);
      assert.ok(
        s.problems.some((p) => p.id === s.activeId),
        'the active problem exists',
      );
      assert.equal(new Set(s.problems.map((p) => p.id)).size, s.problems.length, 'problem ids are unique');
      assert.ok(s.notices.length <= 5);
      assert.doesNotThrow(() => sessionSchema.parse(JSON.parse(JSON.stringify(toSession(s)))));
    }),
    { numRuns: 200, seed: 4242 },
  );
});

test('collapsing preprocessing keeps the proof connected through the hidden steps', () => {
  const c = collapsePreprocessing(graph);
  assert.deepEqual(
    c.nodes.map((n) => n.id),
    ['a', 'b', 'c', 'r', 'z'],
  );
  assert.deepEqual(
    parentsOf(c, 'c')
      .map((p) => p.node.id)
      .sort(),
    ['a', 'b'],
  );
  assert.deepEqual([...ancestorsOf(c, 'r')].sort(), ['a', 'b', 'c', 'z']);
});

test('parents carry their substitution; search matches number, rule and text', () => {
  assert.deepEqual(
    parentsOf(graph, 'c').map((p) => [p.node.id, p.subst]),
    [
      ['a', undefined],
      ['n', 'X ↦ a'],
    ],
  );
  assert.deepEqual(searchNodes(graph, '4'), ['c']);
  assert.deepEqual(searchNodes(graph, 'CLAUSIFY'), ['n']);
  assert.deepEqual(searchNodes(graph, 'q(a)'), ['c', 'z']);
  assert.deepEqual(searchNodes(graph, '  '), []);
});

test('layered layout puts every node below all of its parents, on cycles too', () => {
  const pos = layeredLayout(graph, () => 100);
  assert.equal(pos.size, graph.nodes.length);
  for (const e of graph.edges) assert.ok(pos.get(e.from)!.y < pos.get(e.to)!.y, `${e.from} above ${e.to}`);
  // nodes in one rank do not overlap
  const byY = new Map<number, number[]>();
  for (const p of pos.values()) byY.set(p.y, [...(byY.get(p.y) ?? []), p.x]);
  for (const xs of byY.values()) {
    xs.sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! - xs[i - 1]! >= 100);
  }
  const cyclic: GraphData = { ...graph, edges: [...graph.edges, { from: 'r', to: 'a' }] };
  assert.equal(layeredLayout(cyclic, () => 50).size, graph.nodes.length);
});

test('SVG export escapes text and draws every node and edge', () => {
  const evil: GraphData = {
    ...graph,
    title: '<script>x</script>',
    nodes: graph.nodes.map((n) => (n.id === 'a' ? { ...n, text: '<img onerror=1>' } : n)),
  };
  const pos = new Map([...layeredLayout(evil, () => 80)].map(([id, p]) => [id, { ...p, w: 80, h: 20 }]));
  const svg = graphToSvg(evil, pos);
  assert.ok(!svg.includes('<script>') && !svg.includes('<img'));
  assert.equal((svg.match(/<rect /g) ?? []).length, evil.nodes.length);
  assert.equal((svg.match(/<line /g) ?? []).length, evil.edges.length);
});

test('binary detection: control bytes are refused, Unicode logic text is not', () => {
  assert.equal(looksBinary('∀x (P(x) → Q(x))\n¬R(a) ⊕ S\n'), false);
  assert.equal(looksBinary('fof(a, axiom, p).\r\n\tfof(b, axiom, q).'), false);
  assert.equal(looksBinary(String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 37) % 256))), true);
  assert.equal(looksBinary(''), false);
});

test('a Prolog buffer splits into program and its last `?-` query', () => {
  assert.deepEqual(splitPrologQuery('p(a).\n?- p(X).\nq(b).\n?- q(Y).\n'), { program: 'p(a).\n?- p(X).\nq(b).\n', query: 'q(Y)' });
  assert.deepEqual(splitPrologQuery('  ?-   member(X, [1,2])  .'), { program: '', query: 'member(X, [1,2])' });
  assert.equal(splitPrologQuery('p(a).\np :- q.'), undefined);
});

test('the desktop shell’s flush command writes a pending edit at once, not after the autosave delay', async () => {
  const saves: unknown[] = [];
  let emit: ((e: ApiEvent) => void) | undefined;
  const api = new Proxy({} as EntailApi, {
    get(_t, m: string) {
      if (m === 'onEvent')
        return (l: (e: ApiEvent) => void) => {
          emit = l;
          return () => undefined;
        };
      if (m === 'sessionSave')
        return async (input: unknown) => {
          saves.push(input);
          return { kind: 'unavailable', reason: 'test' };
        };
      return async () => ({ kind: 'unavailable', reason: 'test' });
    },
  });
  const store = createWorkbenchStore({ freeze: true });
  const effects = createEffects(api, store);
  try {
    store.dispatch({ type: 'problem/edit', text: 'fof(a, axiom, p).' });
    assert.equal(effects.unsaved(), true);
    assert.equal(saves.length, 0, 'the debounce has not fired yet');
    emit!({ type: 'menu', command: 'flush' });
    assert.equal(saves.length, 1, 'flush sent the save synchronously');
    // Nothing pending: a second flush writes nothing.
    emit!({ type: 'menu', command: 'flush' });
    await new Promise((r) => setImmediate(r));
    assert.equal(saves.length, 1);
  } finally {
    effects.dispose();
  }
});
