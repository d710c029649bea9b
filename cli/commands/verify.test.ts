import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../testing/corpora.js';
import { runVerify, parseVerifyArgs, EXIT_INTERRUPTED, EXIT_WRONG } from './verify.js';
import { fakeDeps } from '../../provers/batch/fixtures/fake-deps.js';
import { readJournal } from '../../provers/batch/journal.js';
import type { BatchReport } from '../../provers/batch/types.js';
import { which } from '../../provers/external/index.js';
import { memoryIo as memIo } from '../testing.js';

const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const FAKE_PROVER = new URL(`../../provers/batch/fixtures/fake-prover${EXT}`, import.meta.url).href;
const CLI_SCRIPT = new URL(`./fixtures/verify-cli${EXT}`, import.meta.url).pathname;
// From sources the child needs tsx's loader, named by absolute URL since the child's cwd is a temp folder.
const TSX = pathToFileURL(join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const NODE_ARGS = EXT === '.ts' ? ['--import', TSX, CLI_SCRIPT] : [CLI_SCRIPT];

const tmp = (): string => mkdtempSync(join(tmpdir(), 'entail-verify-'));

function readReport(p: string): BatchReport {
  return JSON.parse(readFileSync(p, 'utf8')) as BatchReport;
}

function makeProblems(dir: string, n: number, behave: string): void {
  for (let i = 0; i < n; i++) {
    const status = i % 3 === 0 ? 'CounterSatisfiable' : 'Theorem';
    writeFileSync(
      join(dir, `p${String(i).padStart(2, '0')}.p`),
      `% Status : ${status}\nbehave: ${i % 3 === 0 ? 'CounterSatisfiable' : behave}\n`,
    );
  }
}

function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (cond()) resolve();
      else if (Date.now() > until) reject(new Error('timed out waiting'));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

function journalResults(p: string): number {
  if (!existsSync(p)) return 0;
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"type":"result"')).length;
}

test('option parsing', () => {
  const a = parseVerifyArgs(['x', '--jobs', '3', '--timeout=1.5', '--prover', 'entail,e', '--e-path', '/opt/e', '--resume']);
  assert.ok(typeof a !== 'string');
  assert.equal(a.jobs, 3);
  assert.equal(a.timeoutS, 1.5);
  assert.deepEqual(a.provers, ['entail', 'e']);
  assert.equal(a.paths_.e, '/opt/e');
  assert.equal(a.resume, true);
  assert.match(parseVerifyArgs(['x', '--prover', 'lean4']) as string, /unknown prover/);
  assert.match(parseVerifyArgs([]) as string, /no paths/);
  assert.match(parseVerifyArgs(['x', '--jobs', '0']) as string, /--jobs/);
});

test('kill -9 mid-run, then --resume: identical totals, no problem run twice', async () => {
  const dir = tmp();
  const probs = join(dir, 'probs');
  mkdirSync(probs);
  makeProblems(probs, 24, 'sleep:250');
  const journal = join(dir, 'run.journal.jsonl');
  const child = spawn(process.execPath, [...NODE_ARGS, 'probs', '--jobs', '2', '--timeout', '5', '--journal', journal, '--quiet'], {
    cwd: dir,
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (_c, s) => r(s === null ? _c : -1)));
  await waitFor(() => journalResults(journal) >= 5, 30_000);
  child.kill('SIGKILL');
  await exited;
  const before = readJournal(journal).results.size;
  assert.ok(before >= 5 && before < 24, `journaled before the kill: ${before}`);

  const io = memIo(dir);
  const code = await runVerify(['probs', '--jobs', '2', '--timeout', '5', '--journal', journal, '--resume', '--json', 'resumed.json'], io, {
    deps: fakeDeps,
    proverModule: FAKE_PROVER,
    handleSigint: false,
  });
  assert.equal(code, 0);
  assert.match(io.errText(), new RegExp(`${before} already done \\(resumed\\)`));
  const j = readJournal(journal);
  assert.equal(j.duplicates, 0, 'a problem was run (journaled) twice');
  assert.equal(j.results.size, 24);
  assert.equal(j.sessions.length, 2);

  const io2 = memIo(dir);
  await runVerify(['probs', '--jobs', '2', '--timeout', '5', '--journal', join(dir, 'fresh.jsonl'), '--json', 'fresh.json'], io2, {
    deps: fakeDeps,
    proverModule: FAKE_PROVER,
    handleSigint: false,
  });
  const resumed = readReport(join(dir, 'resumed.json'));
  const fresh = readReport(join(dir, 'fresh.json'));
  for (const k of ['total', 'solved', 'wrong', 'errors', 'timeouts', 'by_status', 'complete'] as const)
    assert.deepEqual(resumed[k], fresh[k], k);
  assert.deepEqual(
    resumed.problems.map((p) => [p.path, p.status]),
    fresh.problems.map((p) => [p.path, p.status]),
  );
  assert.equal(resumed.total, 24);
});

test('SIGINT writes a partial report and exits 130', async () => {
  const dir = tmp();
  makeProblems(dir, 12, 'sleep:200');
  const journal = join(dir, 'j.journal.jsonl');
  const child = spawn(
    process.execPath,
    [...NODE_ARGS, '.', '--jobs', '1', '--timeout', '5', '--journal', journal, '--json', 'partial.json', '--quiet'],
    {
      cwd: dir,
      stdio: 'ignore',
    },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  await waitFor(() => journalResults(journal) >= 2, 30_000);
  child.kill('SIGINT');
  assert.equal(await exited, EXIT_INTERRUPTED);
  const rep = readReport(join(dir, 'partial.json'));
  assert.equal(rep.complete, false);
  assert.ok(rep.pending > 0);
  assert.equal(rep.total + rep.pending, 12);
  assert.equal(rep.total, readJournal(journal).results.size);
});

test(
  'E on PATH is used and its proofs appear in the report; with E absent the run reports NotInstalled and continues',
  { skip: !which('eprover') && 'eprover not installed' },
  async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'syl.p'),
      '% Status : Theorem\nfof(a1, axiom, ![X]: (man(X) => mortal(X))).\nfof(a2, axiom, man(socrates)).\nfof(g, conjecture, mortal(socrates)).\n',
    );
    writeFileSync(
      join(dir, 'open.p'),
      '% Status : CounterSatisfiable\nfof(a2, axiom, man(socrates)).\nfof(g, conjecture, mortal(socrates)).\n',
    );
    const io = memIo(dir);
    const code = await runVerify(
      [
        '.',
        '--prover',
        'e',
        '--timeout',
        '5',
        '--json',
        'out/r.json',
        '--html',
        'out/r.html',
        '--csv',
        'out/r.csv',
        '--junit',
        'out/r.xml',
      ],
      io,
      {
        deps: fakeDeps,
        handleSigint: false,
      },
    );
    assert.equal(code, 0, io.errText());
    const rep = readReport(join(dir, 'out/r.json'));
    assert.deepEqual(
      rep.problems.map((p) => [p.name, p.status, p.prover]),
      [
        ['open', 'CounterSatisfiable', 'e'],
        ['syl', 'Theorem', 'e'],
      ],
    );
    const syl = rep.problems[1]!;
    assert.ok(syl.proof_file?.endsWith('.tstp'));
    assert.match(readFileSync(join(dir, 'out', syl.proof_file!), 'utf8'), /mortal\(socrates\)/);
    const html = readFileSync(join(dir, 'out/r.html'), 'utf8');
    assert.ok(html.includes(`href="${syl.proof_file}"`));
    assert.match(html, /<pre>[^<]*fof\(/);
    assert.match(readFileSync(join(dir, 'out/r.csv'), 'utf8'), /^path,index,name,expected,status/);
    assert.match(readFileSync(join(dir, 'out/r.xml'), 'utf8'), /<testsuite name="entail verify" tests="2" failures="0"/);

    // E absent (configured nonexistent path): NotInstalled, and the portfolio continues with the embedded prover.
    const io2 = memIo(dir);
    const code2 = await runVerify(
      ['.', '--prover', 'e,entail', '--e-path', '/nonexistent/eprover', '--timeout', '5', '--json', 'out/r2.json'],
      io2,
      {
        deps: { ...fakeDeps, loadProblem: async () => ({ ok: true, value: { name: 'x', statements: [], comments: ['GaveUp'] } }) },
        proverModule: FAKE_PROVER,
        handleSigint: false,
      },
    );
    assert.equal(code2, 0);
    const rep2 = readReport(join(dir, 'out/r2.json'));
    assert.equal(rep2.total, 2);
    for (const p of rep2.problems) {
      assert.equal(p.status, 'GaveUp');
      assert.equal(p.attempts?.[0]?.prover, 'e');
      assert.equal(p.attempts?.[0]?.status, 'NotInstalled');
    }
    const io3 = memIo(dir);
    await runVerify(['.', '--prover', 'e', '--e-path', '/nonexistent/eprover', '--json', 'out/r3.json'], io3, {
      deps: fakeDeps,
      handleSigint: false,
    });
    const rep3 = readReport(join(dir, 'out/r3.json'));
    assert.deepEqual(rep3.by_status, { NotInstalled: 2 });
    assert.match(rep3.problems[0]!.error ?? '', /not installed/);
  },
);

test('a wrong answer is printed prominently and gives exit code 3', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'w.p'), '% Status : CounterSatisfiable\nbehave: Theorem\n');
  const io = memIo(dir);
  const code = await runVerify(['.', '--journal', 'j.jsonl'], io, { deps: fakeDeps, proverModule: FAKE_PROVER, handleSigint: false });
  assert.equal(code, EXIT_WRONG);
  assert.match(io.errText(), /!!! WRONG ANSWER: w\.p: expected CounterSatisfiable, entail said Theorem/);
  assert.match(io.outText(), /1 wrong/);
});

test('dataset records through nl/: ProofWriter via controlled English, LINC samples vs Prover9 labels (real parser and prover)', async () => {
  const dir = tmp();
  const q = (s: string): string => `Based on the above information, is the following statement true, false, or unknown? ${s}`;
  const options = ['A) True', 'B) False', 'C) Unknown'];
  const context = 'Bob is big. If someone is big then they are red.';
  writeFileSync(
    join(dir, 'pw.json'),
    JSON.stringify([
      { id: 'PW_1', context, question: q('Bob is red.'), options, answer: 'A' },
      { id: 'PW_2', context, question: q('Bob is not red.'), options, answer: 'B' },
      { id: 'PW_3', context, question: q('Bob is blue.'), options, answer: 'C' },
    ]),
  );
  const sample =
    'TEXT:\tAll dogs are animals.\nFOL:\tall x. (Dog(x) -> Animal(x))\nTEXT:\tRex is a dog.\nFOL:\tDog(rex)\nTEXT:\tRex is an animal.\nFOL:\tAnimal(rex)\n';
  writeFileSync(join(dir, 'x_generations_raw.json'), JSON.stringify([[sample, 'no formulas here']]));
  writeFileSync(join(dir, 'x_generations_prc.json'), JSON.stringify([['True', 'Error']]));
  writeFileSync(join(dir, 'x_references.json'), JSON.stringify(['True']));
  const io = memIo(dir);
  const code = await runVerify(['.', '--timeout', '10', '--json', 'r.json'], io, { handleSigint: false });
  // The LINC sample without formulas is an input that could not be read: exit 1, the rest still verified.
  assert.equal(code, 1, io.errText() + io.outText());
  const rep = readReport(join(dir, 'r.json'));
  assert.deepEqual(
    rep.problems.map((p) => [p.name, p.expected, p.status]),
    [
      ['PW_1', 'True', 'True'],
      ['PW_2', 'False', 'False'],
      ['PW_3', 'Uncertain', 'Uncertain'],
      ['linc_0/0', 'True', 'True'],
      ['linc_0/1', undefined, 'InputError'],
    ],
  );
  assert.equal(rep.wrong, 0);
});

test('--compare runs every prover to the end and flags contradicting answers', async () => {
  const dir = tmp();
  // A stand-in for E that always claims CounterSatisfiable, against the fake embedded prover's answers.
  const fakeE = join(dir, 'fake-eprover');
  writeFileSync(fakeE, '#!/bin/sh\necho "% SZS status CounterSatisfiable"\n');
  chmodSync(fakeE, 0o755);
  mkdirSync(join(dir, 'probs'));
  writeFileSync(join(dir, 'probs', 'a.p'), 'behave: Theorem\nfof(g, conjecture, p).\n');
  writeFileSync(join(dir, 'probs', 'b.p'), 'behave: CounterSatisfiable\nfof(g, conjecture, p).\n');
  const io = memIo(dir);
  const code = await runVerify(
    ['probs', '--prover', 'entail,e', '--e-path', fakeE, '--compare', '--json', 'r.json', '--junit', 'r.xml'],
    io,
    {
      deps: fakeDeps,
      proverModule: FAKE_PROVER,
      handleSigint: false,
    },
  );
  assert.equal(code, EXIT_WRONG);
  const rep = readReport(join(dir, 'r.json'));
  assert.equal(rep.disagreements, 1);
  assert.deepEqual(
    rep.problems.map((p) => [p.name, p.disagree ?? false, p.attempts?.map((a) => `${a.prover}=${a.status}`).join(' ')]),
    [
      ['a', true, 'entail=Theorem e=CounterSatisfiable'],
      ['b', false, 'entail=CounterSatisfiable e=CounterSatisfiable'],
    ],
  );
  assert.match(io.errText(), /!!! PROVERS DISAGREE: probs\/a\.p: entail=Theorem, e=CounterSatisfiable/);
  assert.match(readFileSync(join(dir, 'r.xml'), 'utf8'), /type="disagreement"/);
});
