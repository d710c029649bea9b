/**
 * Headless tests of the workbench shell's state (issue 19): split bounds and persistence, closed tabs that can
 * be reopened, the result tab chosen for a verdict, NL outcomes shown only for their own input, run history by
 * file name, and which panel tabs fit the strip.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docTitle, initialState, nlOutcomeIsCurrent, reduce, toSession } from '../renderer/src/state/store.js';
import type { Action, State } from '../renderer/src/state/store.js';
import { fitTabs } from '../renderer/src/state/layout.js';
import { sessionSchema } from '../api/contract.js';
import type { NlOutcome, RunResult } from '../api/contract.js';

const run = (s: State, ...as: Action[]): State => as.reduce(reduce, s);

test('split: clamped to the schema bounds, saved in ui.split, restored on open', () => {
  let s = run(initialState(), { type: 'layout/split', split: 0.95 });
  assert.equal(s.layout.split, 0.8);
  s = run(s, { type: 'layout/split', split: 0.05 });
  assert.equal(s.layout.split, 0.2);
  s = run(s, { type: 'layout/split', split: Number.NaN });
  assert.equal(s.layout.split, 0.5);
  s = run(s, { type: 'layout/split', split: 0.64 });
  assert.equal(s.session.dirty, true);
  const file = toSession(s);
  assert.equal(file.ui?.split, 0.64);
  assert.ok(sessionSchema.safeParse(file).success);
  const reopened = run(initialState(), { type: 'session/opened', session: file, path: '/x.entail.json' });
  assert.equal(reopened.layout.split, 0.64);
});

test('closing a tab keeps it reopenable (text, title), also across a session save and open', () => {
  let s = run(initialState(), { type: 'problem/new', language: 'entail', text: 'axiom a: p.', title: 'mine.ent' });
  const id = s.activeId;
  s = run(s, { type: 'problem/edit', text: 'axiom a: p & q.' }, { type: 'problem/close', id });
  assert.equal(s.problems.length, 1);
  assert.deepEqual(
    s.closed.map((p) => [p.title, p.text]),
    [['mine.ent', 'axiom a: p & q.']],
  );
  const file = toSession(s);
  assert.ok(sessionSchema.safeParse(file).success);
  s = run(initialState(), { type: 'session/opened', session: file, path: '/x.entail.json' });
  s = run(s, { type: 'problem/reopen' });
  assert.equal(s.problems.length, 2);
  assert.equal(s.closed.length, 0);
  assert.equal(s.problems.find((p) => p.id === s.activeId)?.text, 'axiom a: p & q.');
  // Nothing left to reopen: unchanged.
  assert.equal(run(s, { type: 'problem/reopen' }), s);
});

test('a reopened tab whose id was taken meanwhile gets a fresh id', () => {
  let s = run(initialState(), { type: 'problem/new', language: 'tptp', title: 'a.p' });
  s = run(s, { type: 'problem/close', id: 'p2' }, { type: 'problem/new', language: 'tptp', title: 'b.p' });
  assert.ok(s.problems.some((p) => p.id === 'p2'));
  s = run(s, { type: 'problem/reopen' });
  assert.equal(new Set(s.problems.map((p) => p.id)).size, s.problems.length);
  assert.deepEqual(s.problems.map((p) => p.title).sort(), ['a.p', 'b.p', 'untitled.p']);
});

const counterSat: RunResult = { status: 'CounterSatisfiable', prover: 'embedded', timeMs: 3 } as RunResult;
const theorem = (graph: boolean): RunResult =>
  ({
    status: 'Theorem',
    prover: 'embedded',
    timeMs: 3,
    ...(graph ? { graph: { title: 't', origin: 'entail', root: 'r', nodes: [], edges: [] } } : {}),
  }) as RunResult;

test('a result without a proof graph moves the graph tab to the result tab; other tabs stay', () => {
  let s = run(initialState(), { type: 'tab', tab: 'graph' }, { type: 'run/starting' }, { type: 'run/result', result: counterSat });
  assert.equal(s.tab, 'result');
  s = run(initialState(), { type: 'tab', tab: 'graph' }, { type: 'run/starting' }, { type: 'run/result', result: theorem(true) });
  assert.equal(s.tab, 'graph');
  s = run(initialState(), { type: 'tab', tab: 'nl' }, { type: 'run/starting' }, { type: 'run/result', result: counterSat });
  assert.equal(s.tab, 'nl');
  s = run(
    initialState(),
    { type: 'tab', tab: 'graph' },
    { type: 'run/starting' },
    { type: 'run/started', jobId: 'j1' },
    { type: 'run/finished', jobId: 'j1', state: { state: 'done', result: counterSat } },
  );
  assert.equal(s.tab, 'result');
});

test('run history names the file, including closed ones', () => {
  let s = run(initialState(), { type: 'problem/new', language: 'tptp', title: 'group.p' }, { type: 'run/starting' });
  s = run(s, { type: 'run/result', result: counterSat }, { type: 'problem/close', id: 'p2' });
  assert.equal(docTitle(s, s.runs[0]!.problemId), 'group.p');
  assert.equal(docTitle(s, 'p1'), 'untitled.p');
  assert.equal(docTitle(s, 'nope'), 'nope');
});

const outcome: NlOutcome = { provider: 'replay', vote: 'True', samples: [] };

test('an NL outcome is current only for the provider, problem id and text it was judged from', () => {
  let s = run(initialState(), {
    type: 'settings/loaded',
    settings: { ...initialState().settings, nlProvider: 'replay' },
  });
  s = run(s, { type: 'nl/problemId', problemId: 'linc_0' });
  const premises = s.nl.premises.split('\n');
  s = run(
    s,
    { type: 'nl/judging', requestId: 'r1', inputs: { provider: 'replay', problemId: 'linc_0', premises, conclusion: s.nl.conclusion } },
    { type: 'nl/judged', outcome },
  );
  assert.equal(nlOutcomeIsCurrent(s), true);
  assert.equal(nlOutcomeIsCurrent(run(s, { type: 'nl/problemId', problemId: 'linc_1' })), false);
  assert.equal(nlOutcomeIsCurrent(run(s, { type: 'nl/edit', premises: 'Cats are mammals.' })), false);
  assert.equal(nlOutcomeIsCurrent(run(s, { type: 'nl/edit', conclusion: 'Rex barks.' })), false);
  assert.equal(nlOutcomeIsCurrent(run(s, { type: 'settings/loaded', settings: { ...s.settings, nlProvider: 'cnl' } })), false);
  // Trailing blank lines and spaces are not a different input.
  assert.equal(nlOutcomeIsCurrent(run(s, { type: 'nl/edit', premises: s.nl.premises + '\n  \n' })), true);
});

test('fitTabs: all when they fit; else a prefix plus More, always with the active tab', () => {
  const tabs = ['result', 'graph', 'nl', 'sessions', 'settings', 'batch', 'lean', 'explore'] as const;
  const widths = Object.fromEntries(tabs.map((t) => [t, 100]));
  assert.deepEqual(fitTabs(tabs, widths, 800, 60, 'result'), [...tabs]);
  const some = fitTabs(tabs, widths, 500, 60, 'result');
  assert.deepEqual(some, ['result', 'graph', 'nl', 'sessions']);
  const withActive = fitTabs(tabs, widths, 500, 60, 'explore');
  assert.deepEqual(withActive, ['result', 'graph', 'nl', 'explore']);
  assert.ok(withActive.length * 100 + 60 <= 500);
  assert.deepEqual(fitTabs(tabs, widths, 50, 60, 'lean'), ['lean']);
});
