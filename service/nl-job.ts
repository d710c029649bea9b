/**
 * LINC-style judging as a worker job (service/worker-jobs.ts): the translator
 * (controlled English, a recorded replay, or a live OpenAI-compatible endpoint),
 * K samples, each judged by the embedded prover, and the vote. The prover and the
 * model finder are CPU-bound, so this runs off the server's event loop with its own
 * heap and wall-clock limits; the caller resolves settings and the key first, so the
 * worker reads no settings file.
 */
import type { z } from 'zod';
import type { Formula } from '../provers/logic/index.js';
import { okResult, unavailable } from '../api/contract.js';
import type { ApiOutput, ApiResult, NlSample, inputSchemas } from '../api/contract.js';
import type { EngineLoader, EngineModules } from './engine.js';

/** Prover time per NL judgement call (the conclusion, then its negation). */
export const NL_PROVER_MS = 3000;

/** Where the samples come from, resolved by the service from settings before the job starts. */
export type NlSource =
  | { readonly kind: 'cnl' }
  | { readonly kind: 'replay'; readonly path: string }
  | { readonly kind: 'openai'; readonly baseUrl: string; readonly model: string; readonly apiKey?: string };

export interface NlJobInput {
  readonly request: z.output<(typeof inputSchemas)['nlJudge']>;
  readonly source: NlSource;
}

type Translator = Parameters<EngineModules['nlPipeline']['runProblem']>[1];

/** `signal` reaches the prover when the job runs in-process; in a worker, cancelling terminates the worker. */
export async function nlJudgeJob(
  load: EngineLoader,
  { request, source }: NlJobInput,
  signal?: AbortSignal,
): Promise<ApiResult<ApiOutput<'nlJudge'>>> {
  const { premises, conclusion, provider, k, edited, problemId } = request;
  const [pipe, eng, syn, jm] = await Promise.all([load('nlPipeline'), load('nlEngine'), load('syntax'), load('nlJudge')]);
  if (!pipe.ok) return unavailable(pipe.reason);
  if (!eng.ok) return unavailable(eng.reason);
  const engine = eng.mod.defaultEngine;
  let translator: Translator;
  if (source.kind === 'cnl') translator = pipe.mod.cnlTranslator();
  else if (source.kind === 'openai') {
    const oa = await load('nlOpenAi');
    if (!oa.ok) return unavailable(oa.reason);
    const p = new oa.mod.OpenAiProvider({
      baseUrl: source.baseUrl,
      model: source.model,
      ...(source.apiKey ? { apiKey: source.apiKey } : {}),
      endpoint: 'chat',
      timeoutMs: 60_000,
      maxRetries: 2,
      concurrency: 2,
    });
    translator = pipe.mod.llmTranslator(p, engine as never, { samples: k, chat: true, repair: true });
  } else {
    const rp = await load('nlReplay');
    if (!rp.ok) return unavailable(rp.reason);
    const r = await rp.mod.loadReplay(source.path);
    if (!r.ok) return unavailable(r.error);
    translator = pipe.mod.llmTranslator(r.value, engine as never, { samples: k });
  }
  const show = (f: Formula | undefined, fol: string): string =>
    f && syn.ok && syn.mod.printFormula ? syn.mod.printFormula(f, 'entail') : fol;
  const opts = { timeoutMs: NL_PROVER_MS, certify: true, ...(signal ? { signal } : {}) };
  const r = await pipe.mod.runProblem({ id: problemId ?? 'workbench', premises, conclusion }, translator, engine, opts);
  const sentences = [...premises, conclusion];
  const samples: NlSample[] = r.samples.map((s) => {
    const lines = [...s.premises, ...(s.conclusion ? [s.conclusion] : [])];
    return {
      index: s.index,
      verdict: s.verdict,
      ...(s.error ? { message: s.error } : {}),
      pairs: sentences.map((sentence, i) => ({
        sentence,
        formula: lines[i] ? show(lines[i]!.formula, lines[i]!.fol) : '',
        ...(lines[i]?.paraphrase ? { paraphrase: lines[i]!.paraphrase } : {}),
      })),
    };
  });
  // User-edited formulas: parse (Entail syntax) and judge them directly, replacing that sample.
  for (const e of edited ?? []) {
    const at = samples.findIndex((s) => s.index === e.index);
    if (at < 0 || !jm.ok) continue;
    const parsed = e.formulas.map((t) => engine.parse(t, 'entail'));
    const bad = parsed.findIndex((x) => !x.ok);
    const pairs = sentences.map((sentence, i) => ({ sentence, formula: e.formulas[i] ?? '' }));
    if (bad >= 0 || parsed.length !== sentences.length) {
      const err =
        bad >= 0 ? (parsed[bad] as { ok: false; error: { message: string } }).error.message : 'one formula per sentence is needed';
      samples[at] = { index: e.index, verdict: 'Error', message: `edited formula ${bad + 1}: ${err}`, pairs };
      continue;
    }
    const fs = parsed.map((x) => (x as { ok: true; value: Formula }).value);
    const j = await jm.mod.judge('workbench_edit', fs.slice(0, -1), fs[fs.length - 1]!, engine, opts);
    samples[at] = { index: e.index, verdict: j.verdict, ...(j.reason ? { message: j.reason } : {}), pairs };
  }
  const vm = await load('nlVote');
  const vote = edited?.length ? (vm.ok ? vm.mod.majorityVote(samples.map((s) => s.verdict)) : 'Error') : r.prediction;
  return okResult({ provider, samples, vote });
}
