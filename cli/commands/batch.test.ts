/**
 * `entail verify` telling the truth (exit codes, the real portfolio, the progress
 * bar's stream, brace globs) and shards joined by `entail report merge`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_CORPORA } from '../../testing/corpora.js';
import { main } from '../main.js';
import { runVerify, EXIT_WRONG } from './verify.js';
import { command as reportCommand } from './report.js';
import { fakeDeps } from '../../provers/batch/fixtures/fake-deps.js';
import type { BatchReport, ProblemResult } from '../../provers/batch/types.js';
import { memoryIo } from '../testing.js';

const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const FAKE_PROVER = new URL(`../../provers/batch/fixtures/fake-prover${EXT}`, import.meta.url).href;
const FAKE = { deps: fakeDeps, proverModule: FAKE_PROVER, handleSigint: false } as const;
const tmp = (): string => mkdtempSync(join(tmpdir(), 'entail-batch-'));
const readReport = (p: string): BatchReport => JSON.parse(readFileSync(p, 'utf8')) as BatchReport;

/** A report without its clock readings: what must be identical between two runs of the same problems. */
function timeless(r: BatchReport): unknown {
  const strip = (p: ProblemResult): unknown => ({
    ...p,
    time_s: 0,
    ...(p.attempts ? { attempts: p.attempts.map((a) => ({ ...a, time_s: 0 })) } : {}),
  });
  return { ...r, problems: r.problems.map(strip) };
}

function fixtures(dir: string, n: number): void {
  const kinds = ['Theorem', 'CounterSatisfiable', 'Timeout', 'GaveUp', 'malformed'];
  for (let i = 0; i < n; i++) {
    const k = kinds[i % kinds.length]!;
    const sub = join(dir, i % 2 === 0 ? 'even' : 'odd');
    mkdirSync(sub, { recursive: true });
    const header = k === 'Theorem' ? '% Status : Theorem\n' : k === 'CounterSatisfiable' ? '% Status : CounterSatisfiable\n' : '';
    writeFileSync(join(sub, `q${String(i).padStart(2, '0')}.p`), `${header}behave: ${k}\n`);
  }
}

test('verify: a path that does not exist is a usage error (exit 2), through the real dispatcher', async () => {
  const dir = tmp();
  const io = memoryIo(dir);
  assert.equal(await main(['verify', '/no/such/path'], io), 2);
  assert.match(io.errText(), /no such file or folder: \/no\/such\/path/);
  const io2 = memoryIo(dir);
  assert.equal(await main(['verify', 'missing-dir/**/*.p'], io2), 2, 'a glob whose folder is missing is a typo too');
});

test('verify: exit 1 on input errors, 0 when all inputs read, 1 for unsolved only with --require-all, 3 on a wrong answer', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'a.p'), 'behave: malformed\n');
  writeFileSync(join(dir, 'bad', 'b.p'), '');
  const io = memoryIo(dir);
  assert.equal(await runVerify(['bad', '--journal', 'j1'], io, FAKE), 1, 'a folder full of input errors must fail CI');
  mkdirSync(join(dir, 'ok'));
  writeFileSync(join(dir, 'ok', 'a.p'), '% Status : Theorem\nbehave: Theorem\n');
  writeFileSync(join(dir, 'ok', 'b.p'), 'behave: Timeout\n');
  assert.equal(await runVerify(['ok', '--journal', 'j2'], memoryIo(dir), FAKE), 0);
  assert.equal(await runVerify(['ok', '--journal', 'j3', '--require-all'], memoryIo(dir), FAKE), 1);
  assert.equal(await runVerify(['ok/*.{p,tptp}', '--journal', 'j5'], memoryIo(dir), FAKE), 0, 'a brace glob is read, not silently empty');
  assert.equal(await runVerify(['ok/nothing-*.p', '--journal', 'j6'], memoryIo(dir), FAKE), 1, 'a glob matching no file is an input error');
  writeFileSync(join(dir, 'ok', 'c.p'), '% Status : CounterSatisfiable\nbehave: Theorem\n');
  assert.equal(await runVerify(['ok', '--journal', 'j4'], memoryIo(dir), FAKE), EXIT_WRONG);
});

test('verify: the progress bar follows standard error, per-problem lines follow standard output', async () => {
  const dir = tmp();
  fixtures(dir, 4);
  const frames: string[] = [];
  const io = memoryIo(dir);
  await runVerify(['even', 'odd', '--journal', 'j'], io, { ...FAKE, stderrIsTty: false, writeBar: (f) => frames.push(f) });
  assert.equal(frames.length, 0, '`2> err.log` must not fill the log with \\r frames');
  assert.match(io.outText(), /\[4\/4\]/);
  const io2 = memoryIo(dir);
  await runVerify(['even', 'odd', '--journal', 'j'], io2, { ...FAKE, stderrIsTty: true, writeBar: (f) => frames.push(f) });
  assert.ok(
    frames.some((f) => f.startsWith('\r[') && f.includes('4/4')),
    '`> log` keeps the bar on the terminal',
  );
  assert.match(io2.outText(), /\[4\/4\]/, 'stdout redirected: the lines still go to the log');
});

test('verify: brace globs through the CLI pick each alternative', async () => {
  const dir = tmp();
  fixtures(dir, 6);
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'z.p'), 'behave: Theorem\n');
  const io = memoryIo(dir);
  await runVerify(['{even,odd}/*.p', '--journal', 'j', '--json', 'r.json'], io, FAKE);
  const rep = readReport(join(dir, 'r.json'));
  assert.equal(rep.total, 6);
  assert.ok(!rep.problems.some((p) => p.path.startsWith('other')));
});

test('shards: 3 shards merged with `entail report merge` give the unsharded report', async () => {
  const dir = tmp();
  fixtures(dir, 24);
  const whole = memoryIo(dir);
  await runVerify(['even', 'odd', '--json', 'all.json', '--proofs', 'proofs'], whole, FAKE);
  const sizes: number[] = [];
  for (let i = 1; i <= 3; i++) {
    await runVerify(['even', 'odd', '--shard', `${i}/3`, '--journal', `s${i}.jsonl`, '--proofs', 'proofs'], memoryIo(dir), FAKE);
    sizes.push(
      readFileSync(join(dir, `s${i}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.includes('"type":"result"')).length,
    );
  }
  assert.equal(
    sizes.reduce((a, b) => a + b, 0),
    24,
    'every problem in exactly one shard',
  );
  assert.ok(
    sizes.every((n) => n > 0),
    `shards are all used: ${sizes.join(',')}`,
  );
  const io = memoryIo(dir);
  const code = await reportCommand.run(['merge', 's1.jsonl', 's2.jsonl', 's3.jsonl', '--json', 'merged.json'], io);
  assert.equal(code, 1, 'the fixtures hold input errors: same exit as the unsharded run');
  assert.deepEqual(timeless(readReport(join(dir, 'merged.json'))), timeless(readReport(join(dir, 'all.json'))));
  // Shard assignment is a function of the key: a second run puts each problem in the same shard.
  await runVerify(['even', 'odd', '--shard', '2/3', '--journal', 's2b.jsonl'], memoryIo(dir), FAKE);
  const keys = (f: string): string[] =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"type":"result"'))
      .map((l) => (JSON.parse(l) as { result: ProblemResult }).result.key)
      .sort();
  assert.deepEqual(keys('s2b.jsonl'), keys('s2.jsonl'));
  const partial = memoryIo(dir);
  assert.equal(await reportCommand.run(['merge', 's1.jsonl', 's3.jsonl', '--json', 'p.json'], partial), 1);
  assert.match(partial.errText(), /missing shard\(s\) 2\/3/);
});

const SYN036 = join(SHARED_CORPORA, 'tptp', 'SYN-SAT', 'SYN036-2.p');
test(
  'verify runs the finite model finder like `entail prove`: SYN036-2 is Satisfiable at --timeout 3 (real prover)',
  { skip: existsSync(SYN036) ? false : `no ${SYN036}` },
  async () => {
    const dir = tmp();
    const io = memoryIo(dir);
    const code = await runVerify([SYN036, '--timeout', '3', '--json', join(dir, 'r.json')], io, { handleSigint: false });
    const rep = readReport(join(dir, 'r.json'));
    assert.equal(rep.problems[0]!.status, 'Satisfiable', io.outText() + io.errText());
    assert.equal(code, 0);
  },
);
