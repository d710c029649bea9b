/** The batch API beyond the run itself: the jobs bound, report download, and opening a row's file inside the roots only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchInfo } from '../api/contract.js';
import { readConfinedFile } from './batch-open.js';
import { engineReady, waitFinished, withService } from './test-support.js';
import { checkQueueRequest, scrubSecrets } from './batch-queue.js';
import { describeTarget, parseRedisUrl, queueName } from '../provers/batch/queue/connection.js';
import { freePort } from '../testing/redis.js';

async function withRoot(f: (root: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'entail-batch-api-'));
  try {
    await f(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

test('batch jobs: bounded by the schema (1..64) and by the cores the service reports', async () => {
  await withRoot(async (root) => {
    await withService(
      async (s) => {
        const info = await s.dispatch('batchInfo', {});
        assert.equal(info.kind, 'ok');
        const v = (info as { value: BatchInfo }).value;
        assert.equal(v.cores, Math.max(1, availableParallelism()));
        assert.equal(v.defaultJobs, Math.min(2, v.cores));
        assert.ok(v.roots.some((r) => r.endsWith(root.split('/').pop()!)));
        const ask = (jobs: number) => s.dispatch('batch', { paths: [root], prover: 'embedded', timeoutMs: 1000, jobs });
        for (const bad of [0, -1, 1.5, 65]) assert.equal((await ask(bad)).kind, 'invalid', `jobs ${bad}`);
        if (v.cores < 64) {
          const over = await ask(v.cores + 1);
          assert.equal(over.kind, 'invalid');
          assert.match(JSON.stringify(over), new RegExp(`at most ${v.cores}`));
        }
      },
      { allowedRoots: [root] },
    );
  });
});

test('batchOpen: reads a regular file inside the roots; refuses outside paths, escaping links, .., FIFOs, oversize', async () => {
  await withRoot(async (root) => {
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'sub', 'p.p'), 'fof(a, axiom, p).\n');
    await symlink('/etc/passwd', join(root, 'escape.p'));
    await withService(
      async (s) => {
        const ok = await s.dispatch('batchOpen', { path: join(root, 'sub', 'p.p') });
        assert.equal(ok.kind, 'ok', JSON.stringify(ok));
        assert.deepEqual((ok as { value: { name: string; text: string } }).value.text, 'fof(a, axiom, p).\n');
        for (const path of ['/etc/passwd', join(root, 'escape.p'), join(root, 'sub', '..', '..', 'etc', 'passwd'), root]) {
          const r = await s.dispatch('batchOpen', { path });
          assert.equal(r.kind, 'invalid', path);
          assert.doesNotMatch(JSON.stringify(r), /root:/);
        }
        assert.equal((await s.dispatch('batchOpen', { path: '' })).kind, 'invalid');
      },
      { allowedRoots: [root] },
    );
    // Bounded: a file above the cap is refused, not truncated; a FIFO is refused without blocking.
    await writeFile(join(root, 'big.p'), 'x'.repeat(101));
    const big = await readConfinedFile(join(root, 'big.p'), [root], root, 100);
    assert.equal(big.ok, false);
    assert.equal((await readConfinedFile('big.p', [root], root, 101)).ok, true);
    execFileSync('mkfifo', [join(root, 'fifo.p')]);
    const fifo = await readConfinedFile(join(root, 'fifo.p'), [root], root);
    assert.deepEqual(fifo.ok ? 'read' : fifo.issue, `${JSON.stringify(join(root, 'fifo.p'))} is not a regular file`);
  });
});

test('batchReport: a finished run with 2 jobs downloads as JSON and CSV rendered by provers/batch', async (t) => {
  if (!(await engineReady(t, 'batch'))) return;
  if (import.meta.url.endsWith('.ts')) return void t.skip('batch runs use prover workers: compiled build only (dist/)');
  await withRoot(async (root) => {
    await writeFile(join(root, 'thm.p'), '% Status : Theorem\nfof(a, axiom, p(c)).\nfof(g, conjecture, p(c)).\n');
    await writeFile(join(root, 'bad.p'), 'fof(a, axiom, p(c).\n');
    await withService(
      async (s, events) => {
        const r = await s.dispatch('batch', {
          paths: [root],
          prover: 'embedded',
          timeoutMs: 5000,
          jobs: Math.min(2, availableParallelism()),
        });
        assert.equal(r.kind, 'ok', JSON.stringify(r));
        const jobId = (r as { value: { jobId: string } }).value.jobId;
        assert.equal((await s.dispatch('batchReport', { jobId, format: 'json' })).kind, 'invalid', 'no report before the end');
        const st = await waitFinished(events, jobId, 60_000);
        assert.equal(st.state, 'batchDone', JSON.stringify(st));
        const json = await s.dispatch('batchReport', { jobId, format: 'json' });
        assert.equal(json.kind, 'ok');
        const jv = (json as { value: { name: string; text: string } }).value;
        assert.match(jv.name, /\.json$/);
        const parsed = JSON.parse(jv.text) as { total: number; problems: { name: string; status: string }[] };
        assert.equal(parsed.total, 2);
        assert.deepEqual(parsed.problems.map((p) => [p.name, p.status]).sort(), [
          ['bad', 'InputError'],
          ['thm', 'Theorem'],
        ]);
        const csv = await s.dispatch('batchReport', { jobId, format: 'csv' });
        const text = (csv as { value: { text: string } }).value.text;
        assert.match(text, /^path,index,name,expected,status,/);
        // One record per problem (an error cell may span lines inside its quotes).
        assert.match(text, /\n[^\n]*\/thm\.p,,thm,Theorem,Theorem,entail,[0-9.]+,true,false,/);
        assert.match(text, /\n[^\n]*\/bad\.p,,bad,,InputError,/);
        assert.equal((await s.dispatch('batchReport', { jobId: 'job-none', format: 'csv' })).kind, 'invalid');
      },
      { allowedRoots: [root] },
    );
  });
});

test('batch queue: the Redis URL is validated, its password never echoed, and only loopback hosts are reached by default', async () => {
  const secret = 'topsecret-5d1e';
  const closed = await freePort();
  await withRoot(async (root) => {
    await writeFile(join(root, 'p.p'), 'fof(a, axiom, p).\n');
    await withService(
      async (s) => {
        const run = (url: string, name = 'ui') =>
          s.dispatch('batch', { paths: [root], prover: 'embedded', timeoutMs: 1000, queue: { url, name } });
        const refused = async (url: string, why: RegExp, name?: string) => {
          for (const r of [await run(url, name), await s.dispatch('batchWorkers', { queue: { url, name: name ?? 'ui' } })]) {
            assert.equal(r.kind, 'invalid', `${url}: ${JSON.stringify(r)}`);
            const text = JSON.stringify(r);
            assert.match(text, why);
            assert.ok(!text.includes(secret), `the password is not repeated: ${text}`);
          }
        };
        await refused(`http://:${secret}@127.0.0.1:6379`, /expected a redis:\/\/ URL/);
        await refused(`rediss://:${secret}@127.0.0.1:6379`, /TLS/);
        await refused(`redis://:${secret}@127.0.0.1:99999/0`, /not a URL|bad port/);
        await refused(`redis://:${secret}@127.0.0.1:6379/x`, /bad database/);
        await refused(`redis://:${secret}@127.0.0.1:6379/0`, /run name/, 'a:b');
        await refused(`redis://:${secret}@10.1.2.3:6379/0`, /host 10\.1\.2\.3 is not allowed.*--queue-host 10\.1\.2\.3/);
        await refused(`redis://:${secret}@redis.example:6379/0`, /host redis\.example is not allowed/);
        // Allowed (loopback) but nothing listening: refused before any job starts, as host:port only.
        await refused(`redis://:${secret}@127.0.0.1:${closed}/0`, new RegExp(`Redis at 127\\.0\\.0\\.1:${closed}`));
        const info = await s.dispatch('batchInfo', {});
        assert.deepEqual(info.kind === 'ok' && (info.value as BatchInfo).queueHosts, ['redis.lan']);
      },
      { allowedRoots: [root], queueHosts: ['Redis.LAN'] },
    );
  });
});

test('batch queue hosts: loopback by default, listed hosts when allowed, hosts compared after normalisation', () => {
  const mod = { parseRedisUrl, queueName, describeTarget };
  const check = (url: string, hosts: readonly string[]) => checkQueueRequest({ url, name: 'r' }, hosts, mod);
  for (const ok of ['redis://127.0.0.1:6379', 'redis://127.1:6379', 'redis://localhost', 'redis://LOCALHOST', 'redis://[::1]:6379/2'])
    assert.ok(check(ok, []).ok, ok);
  for (const no of [
    'redis://10.0.0.1',
    'redis://0.0.0.0',
    'redis://[::ffff:10.0.0.1]',
    'redis://localhost.evil.example',
    'redis://128.0.0.1',
  ])
    assert.ok(!check(no, []).ok, no);
  const allowed = check('redis://:pw@Redis.LAN:6380/1', ['redis.lan']);
  assert.ok(allowed.ok);
  assert.deepEqual(allowed.value.target, { host: 'redis.lan', port: 6380, db: 1, password: 'pw' });
  assert.equal(allowed.value.shown, 'redis://***@redis.lan:6380/1');
  const short = check('redis://127.1', []);
  assert.equal(short.ok && short.value.target.host, '127.0.0.1', 'the checked host is the one connected to');
  assert.equal(scrubSecrets('ERR pw-x wrong', { host: 'h', port: 1, db: 0, password: 'pw-x' }), 'ERR *** wrong');
});
