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
