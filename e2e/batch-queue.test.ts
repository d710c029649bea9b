/**
 * End-to-end: the batch panel through a Redis queue. A real redis-server on a loopback port (with a
 * password) and one `entail worker` process (concurrency 2); the panel runs a small folder locally, then
 * through the queue as coordinator, lists the worker with its concurrency and jobs done, and gets the
 * same verdicts both ways. The password never shows in the page's text. A solved row opens with its proof.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, skipReason, Workbench } from './harness.js';
import type { Harness } from './harness.js';
import { PROJECT_ROOT } from '../testing/corpora.js';
import { exitOf, redisSkip, startRedis } from '../testing/redis.js';
import type { RedisServer } from '../testing/redis.js';

const skip = skipReason() ?? redisSkip;

declare const document: { querySelector(sel: string): { textContent: string | null } | null; body: { innerText: string } };

const PROBLEMS: Record<string, string> = {
  'thm.p': '% Status : Theorem\nfof(thm_marker_axiom, axiom, p(c)).\nfof(goal, conjecture, p(c)).\n',
  'csat.p': '% Status : CounterSatisfiable\nfof(a, axiom, p(c)).\nfof(goal, conjecture, q(c)).\n',
  'bad.p': 'fof(a, axiom, p(c).\n',
};
const SECRET = 'e2e-queue-pw-3b7';

describe('batch panel through a Redis queue', { skip: skip || false, timeout: 180_000 }, () => {
  let h: Harness;
  let redis: RedisServer;
  let worker: ChildProcess | undefined;
  let dir = '';
  before(async () => {
    h = await launch();
    dir = join(h.dataDir, 'problems');
    await mkdir(dir);
    for (const [name, text] of Object.entries(PROBLEMS)) await writeFile(join(dir, name), text);
    redis = await startRedis(SECRET);
  });
  after(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    if (worker) await exitOf(worker);
    await redis?.stop();
    await h?.close();
  });

  test('local run, then the same folder through one entail worker: same verdicts, the worker listed with concurrency and jobs done', async () => {
    const wb = await Workbench.open(h);
    await wb.tid('tab-batch').click();
    const table = async (): Promise<[string, string][]> => {
      const out: [string, string][] = [];
      for (const r of await wb.tid('batch-row').all()) {
        const cells = await r.locator('td').allInnerTexts();
        out.push([cells[0]!, cells[2]!]);
      }
      return out.sort();
    };
    await wb.tid('batch-paths').fill(dir);
    await wb.tid('batch-run').click();
    await wb.tid('batch-summary').waitFor({ timeout: 60_000 });
    const local = await table();
    assert.deepEqual(local, [
      ['bad', 'InputError'],
      ['csat', 'CounterSatisfiable'],
      ['thm', 'Theorem'],
    ]);

    await wb.tid('batch-target-queue').check();
    await wb.tid('batch-queue-url').fill(redis.url);
    await wb.tid('batch-queue-name').fill('e2e');
    await wb.tid('batch-workers-none').waitFor({ timeout: 10_000 });

    worker = spawn(
      process.execPath,
      [
        join(PROJECT_ROOT, 'bin', 'entail.js'),
        'worker',
        '--queue',
        'env:E2E_REDIS',
        '--name',
        'e2e',
        '--concurrency',
        '2',
        '--heartbeat-ms',
        '500',
      ],
      { env: { ...process.env, E2E_REDIS: redis.url }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let werr = '';
    worker.stderr!.on('data', (b: Buffer) => (werr = (werr + b.toString()).slice(-4000)));
    await wb.tid('batch-worker').first().waitFor({ timeout: 30_000 });
    const cells = await wb.tid('batch-worker').first().locator('td').allInnerTexts();
    assert.equal(cells[2], '2', 'concurrency');
    assert.equal(cells[3], '0', 'no job done yet');

    await wb.tid('batch-run').click();
    // The local run's summary goes when the queue run starts.
    await wb.page.waitForFunction(() => document.querySelector('[data-testid="batch-summary"]') === null, null, { timeout: 10_000 });
    await wb.page.waitForFunction(
      () => /Solved \d+ of 3/.test(document.querySelector('[data-testid="batch-summary"]')?.textContent ?? ''),
      null,
      {
        timeout: 90_000,
      },
    );
    assert.deepEqual(await table(), local, `the queue gives the local verdicts (worker: ${werr})`);
    // The input error is found by the coordinator; the two good problems were proved by the worker.
    await wb.page.waitForFunction(() => document.querySelector('[data-testid="batch-worker"] td:nth-child(4)')?.textContent === '2', null, {
      timeout: 10_000,
    });
    assert.ok(!(await wb.page.evaluate(() => document.body.innerText)).includes(SECRET), 'the Redis password is not shown back');

    for (const [w, hgt] of [
      [1024, 700],
      [1440, 900],
    ] as const)
      for (const scheme of ['light', 'dark'] as const) {
        await wb.page.setViewportSize({ width: w, height: hgt });
        await wb.page.emulateMedia({ colorScheme: scheme });
        await wb.page.waitForTimeout(200);
        await wb.shot(`batch-panel-queue-${w}x${hgt}-${scheme}`);
      }

    // A solved row opens with its proof: the problem becomes the active document and its proof graph is drawn.
    await wb.page.setViewportSize({ width: 1400, height: 860 });
    await wb.tid('batch-row').filter({ hasText: 'thm' }).first().getByTestId('batch-open-proof').click();
    await wb.page.waitForFunction(() => document.querySelector('.doc-tab.active .doc-title')?.textContent === 'thm.p');
    await wb.page.waitForFunction(
      () => (globalThis as { __entailGraph?: { readyMs?: number } }).__entailGraph?.readyMs !== undefined,
      null,
      {
        timeout: 30_000,
      },
    );

    // A stopped worker leaves the list (clean stop: its record is removed).
    worker.kill('SIGTERM');
    await exitOf(worker);
    await wb.tid('tab-batch').click();
    await wb.tid('batch-workers-none').waitFor({ timeout: 10_000 });
    await wb.page.close();
  });
});
