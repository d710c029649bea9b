/**
 * Worker heartbeats on a real Redis (redis-server on a loopback port, started and stopped here): a
 * running worker is listed with its host, pid, concurrency and jobs done; a clean stop removes it; a
 * record that is not refreshed disappears after its time to live; records of another shape are ignored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../engine.js';
import { fakeDeps } from '../fixtures/fake-deps.js';
import { queueExecutor } from './coordinator.js';
import { parseRedisUrl, queueName } from './connection.js';
import { listWorkers, publishHeartbeat, queueWorkers, withRedis } from './heartbeat.js';
import { runQueueWorker } from './worker.js';
import { redisSkip, startRedis, until } from '../../../testing/redis.js';

const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const FAKE_PROVER = new URL(`../fixtures/fake-prover${EXT}`, import.meta.url).href;

test(
  'worker heartbeat: listed with concurrency and jobs done, removed on stop, expired when not refreshed',
  { skip: redisSkip, timeout: 60_000 },
  async () => {
    const secret = 'hb-secret-91c2';
    const redis = await startRedis(secret);
    const ac = new AbortController();
    try {
      const t = parseRedisUrl(redis.url);
      assert.ok(t.ok);
      const target = t.value;
      const queue = queueName('hb')!;
      const list = async () => {
        const r = await queueWorkers(target, queue, 3000);
        assert.ok(r.ok, r.ok ? '' : r.error);
        return r.value;
      };
      assert.deepEqual(await list(), [], 'no worker yet');
      const worker = runQueueWorker({
        target,
        name: 'hb',
        concurrency: 2,
        deps: fakeDeps,
        proverModule: FAKE_PROVER,
        heartbeatMs: 200,
        signal: ac.signal,
      });
      await until(async () => (await list()).length === 1, 10_000, 'the worker listed');
      const [w] = await list();
      assert.equal(w!.host, hostname());
      assert.equal(w!.pid, process.pid);
      assert.equal(w!.concurrency, 2);
      assert.equal(w!.jobs, 0);

      // Three problems through a coordinator: the record counts the jobs done.
      const dir = mkdtempSync(join(tmpdir(), 'entail-hb-'));
      for (const [i, b] of ['Theorem', 'CounterSatisfiable', 'GaveUp'].entries()) writeFileSync(join(dir, `p${i}.p`), `behave: ${b}\n`);
      const report = await runBatch(
        {
          paths: [dir],
          cwd: dir,
          provers: ['entail'],
          jobs: 1,
          timeoutMs: 5000,
          deps: fakeDeps,
          executor: queueExecutor({ target, name: 'hb', resume: false }),
        },
        () => undefined,
      );
      assert.equal(report.total, 3);
      await until(async () => (await list())[0]?.jobs === 3, 10_000, 'jobs done = 3 in the heartbeat');
      const seen = (await list())[0]!;
      assert.ok(Date.parse(seen.lastSeen) >= Date.parse(seen.started));

      // A hostile record under the prefix is not a worker; a worker that stops beating expires.
      await withRedis(target, 3000, async (c) => {
        await c.send('SET', [`entail:workers:${queue}:junk`, '{"id":1}']);
        await publishHeartbeat(c, queue, { ...seen, id: 'dead:1:c1', pid: 1, host: 'dead' }, 300);
        assert.equal((await listWorkers(c, queue)).length, 2, 'the live worker and the one that just beat');
      });
      await until(async () => (await list()).length === 1, 10_000, 'the dead worker expired');

      ac.abort();
      assert.equal((await worker).jobs, 3);
      assert.deepEqual(await list(), [], 'a clean stop removes the record');
      const bad = await queueWorkers({ ...target, password: 'wrong-pw-x' }, queue, 3000);
      assert.ok(!bad.ok && !bad.error.includes('wrong-pw-x') && !bad.error.includes(secret), bad.ok ? '' : bad.error);
    } finally {
      ac.abort();
      await redis.stop();
    }
  },
);
