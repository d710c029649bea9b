import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, symlinkSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from './engine.js';
import { readJournal } from './journal.js';
import { fakeDeps } from './fixtures/fake-deps.js';
import type { BatchEvent, ProblemResult } from './types.js';

const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const FAKE_PROVER = new URL(`./fixtures/fake-prover${EXT}`, import.meta.url).href;
const RECORD_PROVER = new URL(`./fixtures/record-prover${EXT}`, import.meta.url).href;

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'entail-batch-'));
}

function byName(ps: readonly ProblemResult[], suffix: string): ProblemResult {
  const r = ps.find((p) => p.path.endsWith(suffix));
  assert.ok(r, `no result for ${suffix}: ${ps.map((p) => p.path).join(', ')}`);
  return r;
}

test('a folder of bad inputs completes, each reported with its reason', async () => {
  const dir = tmp();
  const d = join(dir, 'probs');
  mkdirSync(join(d, 'sub'), { recursive: true });
  writeFileSync(join(d, 'good.p'), '% Status : Theorem\nbehave: Theorem\n');
  writeFileSync(join(d, 'malformed.p'), 'fof(oops, axiom, (p & ).\nbehave: malformed\n');
  writeFileSync(join(d, 'binary.p'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0, 255]));
  writeFileSync(join(d, 'empty.p'), '');
  writeFileSync(join(d, 'runaway.p'), '% Status : Satisfiable\nbehave: loop\n');
  writeFileSync(join(d, 'crash.p'), 'behave: throw\n');
  writeFileSync(join(d, 'README.md'), 'not a problem, ignored in folder walks\n');
  symlinkSync('..', join(d, 'sub', 'up')); // loop back to probs/
  symlinkSync('self.p', join(d, 'self.p')); // self-referencing link (ELOOP)
  const events: BatchEvent[] = [];
  // The runaway problem spins forever in its worker: the run completing at all shows the thread was terminated.
  const rep = await runBatch({ paths: ['probs'], cwd: dir, jobs: 2, timeoutMs: 1000, deps: fakeDeps, proverModule: FAKE_PROVER }, (e) =>
    events.push(e),
  );
  const ps = rep.problems;
  assert.equal(byName(ps, 'good.p').status, 'Theorem');
  assert.equal(byName(ps, 'good.p').solved, true);
  assert.equal(byName(ps, 'malformed.p').status, 'InputError');
  assert.match(byName(ps, 'malformed.p').error ?? '', /expected 'behave:'/);
  assert.equal(byName(ps, 'binary.p').status, 'InputError');
  assert.match(byName(ps, 'binary.p').error ?? '', /binary/);
  assert.equal(byName(ps, 'empty.p').status, 'InputError');
  assert.match(byName(ps, 'empty.p').error ?? '', /empty/);
  assert.equal(byName(ps, 'runaway.p').status, 'Timeout');
  assert.match(byName(ps, 'runaway.p').error ?? '', /terminated at the limit/);
  assert.equal(byName(ps, 'crash.p').status, 'Error');
  assert.match(byName(ps, 'crash.p').error ?? '', /fake prover bug/);
  assert.equal(byName(ps, 'sub/up').status, 'Skipped');
  assert.match(byName(ps, 'sub/up').error ?? '', /symlink loop/);
  assert.equal(byName(ps, 'self.p').status, 'Skipped');
  assert.match(byName(ps, 'self.p').error ?? '', /symlink loop/);
  assert.ok(!ps.some((p) => p.path.endsWith('README.md')));
  assert.equal(rep.total, 8);
  assert.equal(rep.timeouts, 1);
  assert.equal(rep.errors, 4);
  assert.equal(rep.skipped, 2);
  assert.equal(rep.complete, true);
  // Deterministic order: sorted by path whatever the finish order.
  const paths = ps.map((p) => p.path);
  assert.deepEqual(paths, [...paths].sort());
  assert.equal(events[0]!.type, 'start');
  assert.equal(events.at(-1)!.type, 'end');
  assert.equal(events.filter((e) => e.type === 'result').length, 8);
});

test('wrong answers are flagged against % Status and counted', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.p'), '% Status : CounterSatisfiable\nbehave: Theorem\n');
  writeFileSync(join(dir, 'b.p'), '% Status : Theorem\nbehave: Theorem\n');
  writeFileSync(join(dir, 'c.p'), '% Status : Theorem\nbehave: GaveUp\n');
  const rep = await runBatch({ paths: ['.'], cwd: dir, jobs: 1, timeoutMs: 2000, deps: fakeDeps, proverModule: FAKE_PROVER });
  assert.deepEqual(
    rep.problems.map((p) => [p.path, p.status, p.wrong]),
    [
      ['a.p', 'Theorem', true],
      ['b.p', 'Theorem', false],
      ['c.p', 'GaveUp', false],
    ],
  );
  assert.equal(rep.wrong, 1);
  assert.equal(rep.solved, 2);
});

test('dataset records: premises ⊢ conclusion and its negation give True/False/Uncertain vs the label', async () => {
  const dir = tmp();
  const lines = [
    { 'premises-FOL': ['t_a'], 'conclusion-FOL': 't_b', label: 'True' },
    { 'premises-FOL': ['t_a'], 'conclusion-FOL': 'f_b', label: 'False' },
    { 'premises-FOL': ['t_a'], 'conclusion-FOL': 'u_b', label: 'Uncertain' },
    { 'premises-FOL': ['t_a'], 'conclusion-FOL': 't_c', label: 'False' }, // the prover disagrees: wrong
    { 'premises-FOL': ['t_a'], 'conclusion-FOL': 'Bad(', label: 'True' },
    { premises: ['no FOL here'], label: 'True' },
  ];
  writeFileSync(join(dir, 'set.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const rep = await runBatch({ paths: ['set.jsonl'], cwd: dir, jobs: 2, timeoutMs: 2000, deps: fakeDeps, proverModule: RECORD_PROVER });
  assert.deepEqual(
    rep.problems.map((p) => [p.index, p.expected, p.status, p.wrong]),
    [
      [0, 'True', 'True', false],
      [1, 'False', 'False', false],
      [2, 'Uncertain', 'Uncertain', false],
      [3, 'False', 'True', true],
      [4, 'True', 'InputError', false],
      [5, 'True', 'Skipped', false],
    ],
  );
  assert.equal(rep.wrong, 1);
  assert.equal(rep.solved, 4);
});

test('the journal records each result once; resume skips them and gives the same totals', async () => {
  const dir = tmp();
  for (let i = 0; i < 6; i++)
    writeFileSync(join(dir, `p${i}.p`), `% Status : Theorem\nbehave: ${i % 2 ? 'Theorem' : 'CounterSatisfiable'}\n`);
  const journal = join(dir, 'j.jsonl');
  const full = await runBatch({ paths: ['.'], cwd: dir, jobs: 2, timeoutMs: 2000, journal, deps: fakeDeps, proverModule: FAKE_PROVER });
  const j = readJournal(journal);
  assert.equal(j.results.size, 6);
  assert.equal(j.duplicates, 0);
  // Resume with everything done runs nothing.
  let ran = 0;
  const again = await runBatch(
    { paths: ['.'], cwd: dir, jobs: 2, timeoutMs: 2000, journal, resume: true, deps: fakeDeps, proverModule: FAKE_PROVER },
    (e) => {
      if (e.type === 'result') ran++;
    },
  );
  assert.equal(ran, 0);
  assert.deepEqual({ ...again, problems: again.problems.map((p) => p.key) }, { ...full, problems: full.problems.map((p) => p.key) });
  assert.equal(readJournal(journal).duplicates, 0);
});

test('cancellation stops the run and leaves a partial report with pending problems', async () => {
  const dir = tmp();
  for (let i = 0; i < 8; i++) writeFileSync(join(dir, `p${i}.p`), 'behave: sleep:300\n');
  const ac = new AbortController();
  const journal = join(dir, 'j.jsonl');
  const rep = await runBatch(
    { paths: ['.'], cwd: dir, jobs: 2, timeoutMs: 5000, journal, signal: ac.signal, deps: fakeDeps, proverModule: FAKE_PROVER },
    (e) => {
      if (e.type === 'result' && e.done === 2) ac.abort();
    },
  );
  assert.equal(rep.complete, false);
  assert.ok(rep.total >= 2 && rep.total < 8, `total ${rep.total}`);
  assert.equal(rep.pending, 8 - rep.total);
  assert.equal(readJournal(journal).results.size, rep.total);
});

test('proof artifacts are written for solved problems', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.p'), 'behave: Theorem\n');
  const art = join(dir, 'report-proofs');
  const rep = await runBatch({ paths: ['a.p'], cwd: dir, timeoutMs: 2000, artifactsDir: art, deps: fakeDeps, proverModule: FAKE_PROVER });
  const f = rep.problems[0]!.proof_file;
  assert.ok(f, 'proof_file set');
  assert.ok(existsSync(join(dir, f)));
  assert.match(readFileSync(join(dir, f), 'utf8'), /resolution/);
});

test('a prover that exhausts the worker heap limit is ResourceOut, and the batch goes on', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a-hog.p'), 'behave: hog\n');
  writeFileSync(join(dir, 'b-fine.p'), 'behave: Theorem\n');
  const rep = await runBatch({ paths: ['.'], cwd: dir, jobs: 1, timeoutMs: 20_000, memMb: 64, deps: fakeDeps, proverModule: FAKE_PROVER });
  assert.deepEqual(
    rep.problems.map((p) => [p.path, p.status]),
    [
      ['a-hog.p', 'ResourceOut'],
      ['b-fine.p', 'Theorem'],
    ],
  );
  assert.match(rep.problems[0]!.error ?? '', /out of memory/);
});

test('a dependency that throws is reported against that problem only', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.p'), 'behave: Theorem\n');
  writeFileSync(join(dir, 'b.p'), 'behave: Theorem\n');
  const deps = {
    ...fakeDeps,
    loadProblem: async (path: string) => {
      if (path.endsWith('a.p')) throw new Error('loader bug');
      return fakeDeps.loadProblem(path);
    },
  };
  const rep = await runBatch({ paths: ['.'], cwd: dir, timeoutMs: 2000, deps, proverModule: FAKE_PROVER });
  assert.deepEqual(
    rep.problems.map((p) => [p.path, p.status, p.error ?? '']),
    [
      ['a.p', 'Error', 'internal error: loader bug'],
      ['b.p', 'Theorem', ''],
    ],
  );
});
