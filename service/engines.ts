/**
 * Late binding to the engine modules. The service is built while the engine is
 * being written, and a desktop build may ship without some parts (Lean, LLM
 * providers), so each module is loaded on first use and checked for the exports
 * its contract names. A missing module or export becomes an `unavailable` reason,
 * never a fake answer.
 */
import type { CheckReport, EngineModules } from './contracts.js';

export type Loaded<T> = { readonly ok: true; readonly mod: T } | { readonly ok: false; readonly reason: string };

/** Module path (relative to service/) and the function exports its contract requires. */
export const ENGINE_SPECS = {
  syntax: { path: '../provers/logic/syntax/index.js', needs: ['parseProblem', 'detectDialect', 'printClause'] },
  run: { path: '../provers/run/index.js', needs: ['proveProblem'] },
  check: { path: '../provers/check/index.js', needs: ['checkProof'] },
  models: { path: '../provers/models/index.js', needs: ['formatModel'] },
  graph: { path: '../provers/graph/index.js', needs: ['fromProof', 'exportHtml'] },
  external: { path: '../provers/external/index.js', needs: ['runExternal', 'detectProvers'] },
  graphImport: { path: '../provers/graph/index.js', needs: ['fromTstp', 'fromProver9', 'fromPrologSteps'] },
  prolog: { path: '../provers/prolog/index.js', needs: ['runProlog', 'treeToSteps'] },
  batch: { path: '../provers/batch/index.js', needs: ['runBatch'] },
  lean: { path: '../provers/lean/index.js', needs: ['LeanService', 'toMonacoMarkers', 'describeFailure'] },
  genlogic: {
    path: '../provers/genlogic/index.js',
    needs: ['explore', 'parseDeclarations', 'defaultFunctions', 'theoryPrecedence', 'rewritingProver', 'equationText'],
  },
  explorerGraphs: { path: '../provers/genlogic/index.js', needs: ['derivationGraphs'] },
  nlLlm: { path: '../nl/pipeline.js', needs: ['llmTranslator'] },
  nlOpenAi: { path: '../nl/providers/openai.js', needs: ['OpenAiProvider'] },
  nlReplay: { path: '../nl/providers/replay.js', needs: ['loadReplay'] },
  nlPipeline: { path: '../nl/pipeline.js', needs: ['cnlTranslator', 'runProblem'] },
  nlJudge: { path: '../nl/judge.js', needs: ['judge'] },
  nlEngine: { path: '../nl/engine.js', needs: [] },
  nlVote: { path: '../nl/vote.js', needs: ['majorityVote'] },
} as const satisfies Record<keyof EngineModules, { path: string; needs: readonly string[] }>;

export type EngineName = keyof EngineModules;
export type EngineLoader = <K extends EngineName>(name: K) => Promise<Loaded<EngineModules[K]>>;

/** The real loader: dynamic import relative to this file, memoised per loader instance. */
export function moduleLoader(): EngineLoader {
  const cache = new Map<EngineName, Promise<Loaded<unknown>>>();
  return (<K extends EngineName>(name: K): Promise<Loaded<EngineModules[K]>> => {
    let p = cache.get(name);
    if (!p) {
      p = importChecked(name);
      cache.set(name, p);
      // A module that is not there yet may land while the app runs (development): retry next time.
      void p.then((r) => {
        if (!r.ok) cache.delete(name);
      });
    }
    return p as Promise<Loaded<EngineModules[K]>>;
  }) as EngineLoader;
}

async function importChecked(name: EngineName): Promise<Loaded<unknown>> {
  const spec = ENGINE_SPECS[name];
  let mod: Record<string, unknown>;
  try {
    // A variable specifier: the engine module may not exist when this file is compiled.
    const path: string = spec.path;
    mod = (await import(path)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND') return { ok: false, reason: `engine module ${spec.path.replace('../', '')} is not built yet` };
    return { ok: false, reason: `engine module ${spec.path.replace('../', '')} failed to load: ${(e as Error).message}` };
  }
  const missing = spec.needs.filter((n) => typeof mod[n] !== 'function');
  if (missing.length > 0) return { ok: false, reason: `engine module ${spec.path.replace('../', '')} lacks ${missing.join(', ')}` };
  return { ok: true, mod };
}

/** Summarise a checker report for the UI. */
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
