/** Shared helpers for the service's tests: a service over a temporary data folder, and job waiting. */
import type { TestContext } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService } from './index.js';
import type { EngineService, ServiceOptions } from './index.js';
import { moduleLoader } from './engine.js';
import type { JobEvent, JobState } from '../api/contract.js';

export async function withService(
  f: (s: EngineService, events: JobEvent[], dir: string) => Promise<void>,
  extra: Partial<ServiceOptions> = {},
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'entail-service-'));
  const events: JobEvent[] = [];
  const s = createService({ dataDir: dir, emit: (e) => events.push(e), progressMs: 50, ...extra });
  try {
    await f(s, events, dir);
  } finally {
    s.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

/** True when the engine module is built; otherwise the test is skipped with the loader's reason. */
export async function engineReady(t: TestContext, name: Parameters<ReturnType<typeof moduleLoader>>[0]): Promise<boolean> {
  const m = await moduleLoader()(name);
  if (!m.ok) t.skip(m.reason);
  return m.ok;
}

export function waitFinished(events: JobEvent[], jobId: string, ms = 60_000): Promise<JobState> {
  const t0 = Date.now();
  return new Promise((res, rej) => {
    const tick = (): void => {
      const e = events.find((x) => x.type === 'finished' && x.jobId === jobId);
      if (e && e.type === 'finished') return res(e.state);
      if (Date.now() - t0 > ms) return rej(new Error(`job ${jobId} did not finish`));
      setTimeout(tick, 20);
    };
    tick();
  });
}
