import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { collectFiles, globMatcher } from './walk.js';
import { JournalWriter, readJournal } from './journal.js';
import { buildReport, toCsv, toJunit, toHtml } from './report.js';
import { combineLabel, conflicting, isWrong } from './queries.js';
import { tptpExpectedStatus, looksBinary, formatOf } from './formats.js';
import type { ProblemResult } from './types.js';
import type { ProverResult } from '../logic/proof.js';
import type { SzsStatus } from '../logic/szs.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'entail-parts-'));

function res(path: string, status: ProblemResult['status'], extra: Partial<ProblemResult> = {}): ProblemResult {
  return { key: path, path, name: path, format: 'tptp', status, time_s: 0.5, solved: status === 'Theorem', wrong: false, ...extra };
}

test('globs: ** across folders, * within a segment, braces', () => {
  const m = globMatcher('**/*.p');
  assert.ok(m('a.p'));
  assert.ok(m('x/y/a.p'));
  assert.ok(!m('x/a.px'));
  assert.ok(globMatcher('SYN00?+1.p')('SYN001+1.p'));
  assert.ok(!globMatcher('SYN00?+1.p')('SYN0011+1.p'));
  assert.ok(globMatcher('[ab]*.p')('b1.p'));
  assert.ok(globMatcher('{SYN-FOF,SET}/*.p')('SET/x.p'));
  assert.ok(!globMatcher('{SYN-FOF,SET}/*.p')('SYN-SAT/x.p'));
});

test('walking: a brace glob picks files from each alternative folder', async () => {
  const dir = tmp();
  for (const d of ['SYN-FOF', 'SET', 'SYN-SAT']) {
    mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, d, `${d}1.p`), 'x');
  }
  const got = await collectFiles([join(dir, '{SYN-FOF,SET}/*.p')], dir);
  assert.deepEqual(
    got.map((e) => [e.path, e.kind]),
    [
      ['SET/SET1.p', 'file'],
      ['SYN-FOF/SYN-FOF1.p', 'file'],
    ],
  );
});

test('walking: folders, globs, loops, duplicates through links, sorted output', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'a', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'a', 'z.p'), 'x');
  writeFileSync(join(dir, 'a', 'deep', 'b.p'), 'x');
  writeFileSync(join(dir, 'a', 'notes.txt'), 'x');
  symlinkSync(join(dir, 'a'), join(dir, 'a', 'deep', 'back')); // loop to an ancestor
  symlinkSync(join(dir, 'a', 'z.p'), join(dir, 'a', 'zz.p')); // same file twice
  const got = await collectFiles(['a'], dir);
  assert.deepEqual(
    got.map((e) => [e.path, e.kind]),
    [
      ['a/deep/b.p', 'file'],
      ['a/deep/back', 'issue'],
      ['a/z.p', 'file'],
    ],
  );
  const globbed = await collectFiles(['a/**/*.p'], dir);
  assert.deepEqual(
    globbed.filter((e) => e.kind === 'file').map((e) => e.path),
    ['a/deep/b.p', 'a/z.p'],
  );
  const none = await collectFiles(['nothing/*.p', 'missing.p'], dir);
  assert.deepEqual(
    none.map((e) => e.kind),
    ['issue', 'issue'],
  );
});

test('journal: a torn last line (kill mid-write) is ignored and the next write starts a fresh line', () => {
  const dir = tmp();
  const p = join(dir, 'j.jsonl');
  const w = new JournalWriter(p, true);
  w.session({ started: 'now', resume: false, provers: ['entail'], timeout_s: 1, paths: ['x'] });
  w.result(res('a.p', 'Theorem'));
  w.close();
  appendFileSync(p, '{"type":"result","result":{"key":"b.p","pa'); // torn
  assert.equal(readJournal(p).results.size, 1);
  assert.equal(readJournal(p).badLines, 1);
  const w2 = new JournalWriter(p, false);
  w2.result(res('c.p', 'Theorem'));
  w2.result(res('a.p', 'Theorem'));
  w2.close();
  const j = readJournal(p);
  assert.deepEqual([...j.results.keys()], ['a.p', 'c.p']);
  assert.equal(j.duplicates, 1);
});

test('reports: counts, sorting, CSV quoting, JUnit failures for wrong answers, HTML escaping', () => {
  const rs = [
    res('b.p', 'Timeout', { error: 'limit' }),
    res('a.p', 'Theorem', { expected: 'CounterSatisfiable', wrong: true, solved: true }),
    res('c "q".p', 'InputError', { error: 'line 1: <bad>' }),
    res('d.p', 'Skipped', { error: 'symlink loop' }),
  ];
  const r = buildReport(rs, { provers: ['entail'], timeoutS: 2, pending: 0 });
  assert.deepEqual(
    r.problems.map((p) => p.path),
    ['a.p', 'b.p', 'c "q".p', 'd.p'],
  );
  assert.deepEqual([r.total, r.solved, r.wrong, r.errors, r.timeouts, r.skipped], [4, 1, 1, 1, 1, 1]);
  assert.deepEqual(r.by_status, { InputError: 1, Skipped: 1, Theorem: 1, Timeout: 1 });
  assert.match(toCsv(r), /\n"c ""q"".p",,/);
  const j = toJunit(r);
  assert.match(j, /failures="1" errors="1" skipped="2"/);
  assert.match(j, /<failure message="WRONG: expected CounterSatisfiable, got Theorem/);
  const h = toHtml(r);
  assert.match(h, /1 WRONG ANSWER/);
  assert.ok(h.includes('&lt;bad&gt;') && !h.includes('<bad>'));
});

const pr = (status: SzsStatus): ProverResult => ({ status, prover: 'entail', stats: { timeMs: 1 } });

test('labels from the two queries', () => {
  assert.equal(combineLabel(pr('Theorem'), pr('CounterSatisfiable')).status, 'True');
  assert.equal(combineLabel(pr('CounterSatisfiable'), pr('Theorem')).status, 'False');
  assert.equal(combineLabel(pr('CounterSatisfiable'), pr('CounterSatisfiable')).status, 'Uncertain');
  assert.equal(combineLabel(pr('CounterSatisfiable'), pr('Timeout')).status, 'Timeout');
  assert.equal(combineLabel(pr('GaveUp'), pr('Timeout')).status, 'Timeout');
  assert.equal(isWrong('True', 'Uncertain'), true);
  assert.equal(isWrong('True', 'Timeout'), false);
  assert.equal(isWrong('Theorem', 'CounterSatisfiable'), true);
  assert.equal(isWrong('Theorem', 'Unsatisfiable'), false);
  assert.equal(isWrong(undefined, 'Theorem'), false);
});

test('wrong is symmetric in the proved/disproved split and never set by failures', () => {
  const all: SzsStatus[] = [
    'Theorem',
    'Unsatisfiable',
    'CounterSatisfiable',
    'Satisfiable',
    'ContradictoryAxioms',
    'Timeout',
    'GaveUp',
    'Error',
  ];
  fc.assert(
    fc.property(fc.constantFrom(...all), fc.constantFrom(...all), (a, b) => {
      if (['Timeout', 'GaveUp', 'Error'].includes(b)) assert.equal(isWrong(a, b), false);
      assert.equal(isWrong(a, b), isWrong(b, a));
    }),
  );
});

test('format sniffing and TPTP headers', () => {
  assert.equal(tptpExpectedStatus('%--\n% Status   : CounterSatisfiable\n%--\n'), 'CounterSatisfiable');
  assert.equal(tptpExpectedStatus('% Status : Open\n'), undefined);
  assert.equal(looksBinary(new Uint8Array([65, 0, 66])), true);
  assert.equal(looksBinary(new TextEncoder().encode('fof(a,axiom,p).')), false);
  assert.equal(formatOf('x.txt', 'fof(a, axiom, p).'), 'tptp');
  assert.equal(formatOf('x', 'formulas(assumptions).\np.\nend_of_list.'), 'ladr');
  assert.equal(formatOf('x.md', '# hello'), undefined);
});

test('conflicting answers between provers', () => {
  assert.equal(conflicting('Theorem', 'CounterSatisfiable'), true);
  assert.equal(conflicting('Theorem', 'Unsatisfiable'), false);
  assert.equal(conflicting('True', 'Uncertain'), true);
  assert.equal(conflicting('True', 'True'), false);
  assert.equal(conflicting('True', 'ContradictoryAxioms'), false);
  assert.equal(conflicting('Uncertain', 'ContradictoryAxioms'), true);
  assert.equal(conflicting('Theorem', 'Timeout'), false);
});

test('CSV: cells starting with = + - @ are neutralised, numbers are not', async () => {
  const { csvCell } = await import('./report.js');
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('-cmd'), "'-cmd");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell(-1.5), '-1.5');
  assert.equal(csvCell('Theorem'), 'Theorem');
  const csv = toCsv(buildReport([res('=evil.p', 'Theorem')], { provers: ['entail'], timeoutS: 1, pending: 0 }));
  assert.ok(!/^=|,=/m.test(csv), csv);
});
