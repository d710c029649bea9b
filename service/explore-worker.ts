/**
 * Worker thread for one Generative-Logic exploration (service/exploring.ts): gets
 * the request as workerData, posts throttled `progress` messages, then `done` or `failed`.
 * The parent terminates it on cancel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { moduleLoader } from './engine.js';
import { loadExploreModules, runExploration } from './exploring.js';
import type { ExploreMessage, ExploreRequest } from './exploring.js';

const req = workerData as ExploreRequest;
void (async () => {
  let out: ExploreMessage;
  try {
    const m = await loadExploreModules(moduleLoader());
    out = m.ok
      ? runExploration(m.mods, req, (progress) => parentPort!.postMessage({ type: 'progress', progress } satisfies ExploreMessage))
      : { type: 'failed', reason: m.reason };
  } catch (e) {
    out = { type: 'failed', reason: `explorer crashed: ${(e as Error).message}` };
  }
  parentPort!.postMessage(out);
})();
