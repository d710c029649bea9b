/** The Generative-Logic explorer as a job (each exploration in its own worker thread). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { okResult, unavailable } from '../api/contract.js';
import type { AreaHandlers, ServiceContext } from './context.js';
import { startExploration } from './exploring.js';

export function explorerHandlers(ctx: ServiceContext): AreaHandlers<'explore'> {
  const { load, jobs } = ctx;
  return {
    async explore({ source, only, maxTermSize, timeoutMs }) {
      const g = await load('genlogic');
      if (!g.ok) return unavailable(g.reason);
      let req: { name: string; axioms: string; declarations: string };
      if (source.kind === 'corpus') {
        const dir = corpusDir(source.name);
        if (!dir) return unavailable(`the shipped corpus corpora/${source.name} was not found beside the service`);
        req = {
          name: source.name,
          axioms: await readFile(join(dir, `${source.name}.p`), 'utf8'),
          declarations: await readFile(join(dir, 'nat.ind'), 'utf8'),
        };
      } else req = { name: 'editor', axioms: source.axioms, declarations: source.declarations };
      const job = jobs.start();
      jobs.progress(job, `exploring ${req.name}`);
      const run = startExploration(
        load,
        { ...req, ...(only ? { only } : {}), ...(maxTermSize !== undefined ? { maxTermSize } : {}), deadline: Date.now() + timeoutMs },
        (progress) => {
          if (job.state.state !== 'running') return;
          job.state = {
            state: 'running',
            startedAt: job.startedAt,
            message: `${progress.phase}: ${progress.processed}/${progress.conjectures} conjectures, ${progress.proofs} proofs`,
          };
          ctx.opts.emit({ type: 'exploreProgress', jobId: job.id, progress });
        },
        ctx.opts.exploreInWorker === undefined ? {} : { useWorker: ctx.opts.exploreInWorker },
      );
      job.controller.signal.addEventListener('abort', () => run.stop());
      ctx.onDispose(() => run.stop());
      void run.done.then((m) => {
        if (job.controller.signal.aborted) return jobs.finish(job, { state: 'cancelled' });
        if (m.type === 'done') jobs.finish(job, { state: 'exploreDone', result: m.result });
        else jobs.finish(job, { state: 'failed', failure: m.reason });
      });
      return okResult({ jobId: job.id });
    },
  };
}

/** The shipped corpora folder (corpora/<name> at the project root, found from this file in sources and in dist/). */
function corpusDir(name: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const c = join(dir, 'corpora', name);
    if (existsSync(join(c, 'nat.ind'))) return c;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
