/**
 * Queue mode end to end on a real Redis: `redis-server` on a loopback port, two
 * `entail worker` processes and an `entail verify --queue` coordinator (all with
 * the fake prover, so answers are known). A worker is killed with -9 mid-run,
 * then the coordinator is, and `--resume` finishes; each time the totals and
 * statuses must be those of a local run, with no key journaled twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../testing/corpora.js';
import { accepts, exitOf, freePort, REDIS_SERVER as REDIS, until } from '../../testing/redis.js';
import { runVerify } from './verify.js';
import { fakeDeps } from '../../provers/batch/fixtures/fake-deps.js';
import { readJournal } from '../../provers/batch/journal.js';
import type { BatchReport } from '../../provers/batch/types.js';
import { memoryIo } from '../testing.js';
import { parseRedisUrl, queueTarget, redactRedisUrl } from '../../provers/batch/queue/connection.js';

const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const FAKE_PROVER = new URL(`../../provers/batch/fixtures/fake-prover${EXT}`, import.meta.url).href;
const VERIFY_CLI = new URL(`./fixtures/verify-cli${EXT}`, import.meta.url).pathname;
const WORKER_CLI = new URL(`./fixtures/worker-cli${EXT}`, import.meta.url).pathname;
const TSX = pathToFileURL(join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const nodeArgs = (script: string): string[] => (EXT === '.ts' ? ['--import', TSX, script] : [script]);

const readReport = (p: string): BatchReport => JSON.parse(readFileSync(p, 'utf8')) as BatchReport;

function results(journal: string): number {
  if (!existsSync(journal)) return 0;
  return readFileSync(journal, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"type":"result"')).length;
}

/** 24 problems: quick answers and slow ones (so a kill lands mid-run), one input error, one wrong answer. */
function fixtures(dir: string): void {
  for (let i = 0; i < 24; i++) {
    const kind = i === 5 ? 'malformed' : i % 4 === 0 ? 'CounterSatisfiable' : i % 4 === 1 ? 'GaveUp' : 'sleep:250';
    const status = i === 7 ? 'CounterSatisfiable' : kind === 'sleep:250' ? 'Theorem' : kind === 'CounterSatisfiable' ? kind : undefined;
    writeFileSync(join(dir, `p${String(i).padStart(2, '0')}.p`), `${status ? `% Status : ${status}\n` : ''}behave: ${kind}\n`);
  }
}

const statuses = (r: BatchReport): [string, string, boolean][] => r.problems.map((p) => [p.key, p.status, p.wrong]);
const totals = (r: BatchReport): unknown => ({
  total: r.total,
  solved: r.solved,
  wrong: r.wrong,
  errors: r.errors,
  by_status: r.by_status,
  complete: r.complete,
});

test('redis URLs: the password is never shown', () => {
  assert.equal(redactRedisUrl('redis://user:s3cret@h:1/2'), 'redis://***@h:1/2');
  const bad = parseRedisUrl('redis://:s3cret@h:99999');
  assert.ok(!bad.ok && !bad.error.includes('s3cret'));
  const good = parseRedisUrl('redis://:s3cret@10.0.0.5:6380/3');
  assert.ok(good.ok);
  assert.deepEqual(good.value, { host: '10.0.0.5', port: 6380, db: 3, password: 's3cret' });
  const fromEnv = queueTarget('env:Q_URL', { Q_URL: 'redis://h:7/1' });
  assert.ok(fromEnv.ok && fromEnv.value.port === 7);
  assert.ok(!queueTarget('env:NOPE', {}).ok);
});

test(
  'queue mode: 2 workers and a coordinator over 24 fixtures, a worker killed -9, then the coordinator killed and resumed: same as local',
  { skip: existsSync(REDIS) ? false : 'redis-server is not installed', timeout: 120_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entail-queue-'));
    mkdirSync(join(dir, 'probs'));
    fixtures(join(dir, 'probs'));
    const local = memoryIo(dir);
    await runVerify(['probs', '--json', join(dir, 'local.json'), '--journal', join(dir, 'local.jsonl')], local, {
      deps: fakeDeps,
      proverModule: FAKE_PROVER,
      handleSigint: false,
    });
    const expected = readReport(join(dir, 'local.json'));
    assert.equal(expected.total, 24);

    const port = await freePort();
    const children: ChildProcess[] = [];
    const start = (script: string, args: string[]): ChildProcess => {
      const c = spawn(process.execPath, [...nodeArgs(script), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      c.stdout!.resume();
      let err = '';
      c.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
      Object.defineProperty(c, 'errTail', { get: () => err });
      children.push(c);
      return c;
    };
    const tail = (c: ChildProcess): string => (c as unknown as { errTail: string }).errTail;
    const secret = 'pw-never-shown-7f3a';
    const redis = spawn(
      REDIS,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--requirepass', secret],
      {
        stdio: 'ignore',
      },
    );
    try {
      await until(() => accepts(port), 10_000, 'redis-server');
      // The URL carries the password: it must reach no output, journal or report.
      const url = `redis://:${secret}@127.0.0.1:${port}/0`;
      const worker = (): ChildProcess =>
        start(WORKER_CLI, ['--queue', url, '--name', 'qt', '--concurrency', '2', '--lock-ms', '1500', '--stalled-ms', '500', '--quiet']);
      const w1 = worker();
      const w2 = worker();
      const coordinator = (journal: string, json: string, resume: boolean): ChildProcess =>
        start(VERIFY_CLI, ['probs', '--queue', url, '--name', 'qt', '--journal', journal, '--json', json, ...(resume ? ['--resume'] : [])]);

      // Phase 1: kill a worker with -9 once at least 5 results are journaled.
      const j1 = join(dir, 'q1.jsonl');
      const c1 = coordinator(j1, join(dir, 'q1.json'), false);
      await until(() => results(j1) >= 5, 30_000, '5 results in phase 1');
      w1.kill('SIGKILL');
      const code1 = await exitOf(c1);
      const r1 = readReport(join(dir, 'q1.json'));
      assert.deepEqual(totals(r1), totals(expected), tail(c1));
      assert.deepEqual(statuses(r1), statuses(expected));
      assert.equal(readJournal(j1).duplicates, 0, 'no key journaled twice');
      assert.equal(code1, 3, 'the wrong answer gives the same exit code as locally');

      // Phase 2: a fresh run; the coordinator is killed -9 mid-run and resumed.
      const w3 = worker();
      void w3;
      const j2 = join(dir, 'q2.jsonl');
      const c2 = coordinator(j2, join(dir, 'q2.json'), false);
      await until(() => results(j2) >= 5, 30_000, '5 results in phase 2');
      c2.kill('SIGKILL');
      await exitOf(c2);
      const before = results(j2);
      assert.ok(before < 24, 'the coordinator was killed before the end');
      const c3 = coordinator(j2, join(dir, 'q2.json'), true);
      const code3 = await exitOf(c3);
      const r2 = readReport(join(dir, 'q2.json'));
      assert.deepEqual(totals(r2), totals(expected), tail(c3));
      assert.deepEqual(statuses(r2), statuses(expected));
      assert.equal(readJournal(j2).duplicates, 0, 'resume journals no key twice');
      assert.equal(code3, 3);
      assert.match(tail(c3), /already done \(resumed\)/);
      assert.match(tail(c3), /queue redis:\/\/\*\*\*@127\.0\.0\.1/);
      for (const text of [tail(c1), tail(c3), tail(w2), readFileSync(j2, 'utf8'), readFileSync(join(dir, 'q2.json'), 'utf8')])
        assert.ok(!text.includes(secret), 'the Redis password is never printed or written');
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await Promise.all(children.map(exitOf));
      redis.kill('SIGKILL');
      await exitOf(redis);
    }
  },
);
