/**
 * The engine modules the service drives, typed by the modules themselves (no restated
 * contracts) and imported on first use, so `entail serve` starts without paying for
 * the prover, the explorer or the LLM clients. A module that fails to load (a broken
 * install, a missing optional native package) becomes an `unavailable` reason.
 * Tests inject their own loader.
 */
import type { CheckReport } from '../provers/check/index.js';

export interface EngineModules {
  syntax: typeof import('../provers/logic/syntax/index.js');
  run: typeof import('../provers/run/index.js');
  check: typeof import('../provers/check/index.js');
  models: typeof import('../provers/models/index.js');
  graph: typeof import('../provers/graph/index.js');
  external: typeof import('../provers/external/index.js');
  prolog: typeof import('../provers/prolog/index.js');
  batch: typeof import('../provers/batch/index.js');
  lean: typeof import('../provers/lean/index.js');
  genlogic: typeof import('../provers/genlogic/index.js');
  nlPipeline: typeof import('../nl/pipeline.js');
  nlOpenAi: typeof import('../nl/providers/openai.js');
  nlReplay: typeof import('../nl/providers/replay.js');
  nlJudge: typeof import('../nl/judge.js');
  nlEngine: typeof import('../nl/engine.js');
  nlVote: typeof import('../nl/vote.js');
}
export type EngineName = keyof EngineModules;

const IMPORTS: { readonly [K in EngineName]: () => Promise<EngineModules[K]> } = {
  syntax: () => import('../provers/logic/syntax/index.js'),
  run: () => import('../provers/run/index.js'),
  check: () => import('../provers/check/index.js'),
  models: () => import('../provers/models/index.js'),
  graph: () => import('../provers/graph/index.js'),
  external: () => import('../provers/external/index.js'),
  prolog: () => import('../provers/prolog/index.js'),
  batch: () => import('../provers/batch/index.js'),
  lean: () => import('../provers/lean/index.js'),
  genlogic: () => import('../provers/genlogic/index.js'),
  nlPipeline: () => import('../nl/pipeline.js'),
  nlOpenAi: () => import('../nl/providers/openai.js'),
  nlReplay: () => import('../nl/providers/replay.js'),
  nlJudge: () => import('../nl/judge.js'),
  nlEngine: () => import('../nl/engine.js'),
  nlVote: () => import('../nl/vote.js'),
};

export type Loaded<T> = { readonly ok: true; readonly mod: T } | { readonly ok: false; readonly reason: string };
export type EngineLoader = <K extends EngineName>(name: K) => Promise<Loaded<EngineModules[K]>>;

/** The real loader, memoised per instance. */
export function moduleLoader(): EngineLoader {
  const cache = new Map<EngineName, Promise<Loaded<unknown>>>();
  return (<K extends EngineName>(name: K): Promise<Loaded<EngineModules[K]>> => {
    let p = cache.get(name);
    if (!p) {
      p = IMPORTS[name]().then(
        (mod): Loaded<unknown> => ({ ok: true, mod }),
        (e: unknown): Loaded<unknown> => ({ ok: false, reason: `engine module ${name} failed to load: ${(e as Error).message}` }),
      );
      cache.set(name, p);
    }
    return p as Promise<Loaded<EngineModules[K]>>;
  }) as EngineLoader;
}

/** A checker report as the UI shows it. */
export function summariseCheck(r: CheckReport): {
  ok: boolean;
  checked: number;
  trusted: number;
  failures: { id: string; reason: string }[];
} {
  return {
    ok: r.ok,
    checked: r.checked,
    trusted: r.trusted.length,
    failures: r.failures.slice(0, 50).map((f) => ({ id: f.id, reason: f.reason })),
  };
}
