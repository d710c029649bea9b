/** Natural language: the providers on offer and LINC-style judging of premises → conclusion. */
import { basename } from 'node:path';
import type { Formula } from '../provers/logic/index.js';
import { errorResult, okResult, unavailable } from '../api/contract.js';
import type { ApiOutput, ApiResult, NlSample } from '../api/contract.js';
import type { AreaHandlers, ServiceContext } from './context.js';
import type { EngineModules } from './engine.js';

/** Prover time per NL judgement call (the conclusion, then its negation). */
const NL_PROVER_MS = 3000;

type Translator = Parameters<EngineModules['nlPipeline']['runProblem']>[1];

export function nlHandlers(ctx: ServiceContext): AreaHandlers<'nlProviders' | 'nlJudge'> {
  const { load, jobs, settings } = ctx;
  return {
    async nlProviders() {
      const [pipe, eng, oa, rp] = await Promise.all([load('nlPipeline'), load('nlEngine'), load('nlOpenAi'), load('nlReplay')]);
      const ready = pipe.ok && eng.ok;
      const why = !pipe.ok ? pipe.reason : !eng.ok ? eng.reason : '';
      const prefs = await settings.read();
      const endpoint = settings.endpoint(prefs);
      const llmWhy = !ready ? why : '';
      return okResult([
        { id: 'cnl', available: ready, detail: ready ? 'controlled English, deterministic, one sample' : why },
        {
          id: 'replay',
          available: Boolean(!llmWhy && rp.ok && prefs.nlReplayPath),
          detail: llmWhy
            ? llmWhy
            : !rp.ok
              ? rp.reason
              : prefs.nlReplayPath
                ? `recorded output from ${basename(prefs.nlReplayPath)}; give the recorded problem id (e.g. linc_0)`
                : 'set a LINC / Logic-LM recorded-output file in Settings (recordings exist for dataset problems only)',
        },
        {
          id: 'openai',
          available: Boolean(!llmWhy && oa.ok && endpoint),
          detail: llmWhy
            ? llmWhy
            : !oa.ok
              ? oa.reason
              : endpoint
                ? `${endpoint.model} at ${endpoint.baseUrl}${prefs.nlApiKeySet ? ' (API key set)' : ' (no API key)'}`
                : 'set the base URL and model in Settings (or OPENAI_BASE_URL / OPENAI_MODEL)',
        },
      ]);
    },

    async nlJudge({ premises, conclusion, provider, k, edited, requestId, problemId }) {
      if (provider !== 'cnl' && provider !== 'openai' && provider !== 'replay')
        return unavailable(`NL provider '${provider}' is not offered by the workbench (cnl, openai, replay)`);
      const [pipe, eng, jm, syn] = await Promise.all([load('nlPipeline'), load('nlEngine'), load('nlJudge'), load('syntax')]);
      if (!pipe.ok) return unavailable(pipe.reason);
      if (!eng.ok) return unavailable(eng.reason);
      const engine = eng.mod.defaultEngine;
      let translator: Translator;
      if (provider === 'cnl') translator = pipe.mod.cnlTranslator();
      else {
        const prefs = await settings.read();
        if (provider === 'openai') {
          const oa = await load('nlOpenAi');
          if (!oa.ok) return unavailable(oa.reason);
          const endpoint = settings.endpoint(prefs);
          if (!endpoint)
            return unavailable('the openai provider needs a base URL and a model (Settings, or OPENAI_BASE_URL / OPENAI_MODEL)');
          const apiKey = await settings.apiKey(endpoint.baseUrl);
          const p = new oa.mod.OpenAiProvider({
            ...endpoint,
            ...(apiKey ? { apiKey } : {}),
            endpoint: 'chat',
            timeoutMs: 60_000,
            maxRetries: 2,
            concurrency: 2,
          });
          translator = pipe.mod.llmTranslator(p, engine as never, { samples: k, chat: true, repair: true });
        } else {
          const rp = await load('nlReplay');
          if (!rp.ok) return unavailable(rp.reason);
          if (!prefs.nlReplayPath) return unavailable('set the replay file (LINC / Logic-LM recorded output) in Settings');
          if (!problemId) return { kind: 'invalid', issues: ['the replay provider needs the recorded problem id (e.g. linc_0)'] };
          const r = await rp.mod.loadReplay(prefs.nlReplayPath);
          if (!r.ok) return unavailable(r.error);
          translator = pipe.mod.llmTranslator(r.value, engine as never, { samples: k });
        }
      }
      const controller = new AbortController();
      const untrack = jobs.track(requestId, controller);
      try {
        return await judgeWith(translator, engine, controller.signal);
      } finally {
        untrack();
      }

      async function judgeWith(
        translator: Translator,
        engine: EngineModules['nlEngine']['defaultEngine'],
        signal: AbortSignal,
      ): Promise<ApiResult<ApiOutput<'nlJudge'>>> {
        const show = (f: Formula | undefined, fol: string): string =>
          f && syn.ok && syn.mod.printFormula ? syn.mod.printFormula(f, 'entail') : fol;
        // Judging runs the embedded prover in-process: keep each call short so the server stays responsive.
        const opts = { timeoutMs: NL_PROVER_MS, certify: true, signal };
        if (!pipe.ok) return unavailable(pipe.reason);
        const r = await pipe.mod.runProblem({ id: problemId ?? 'workbench', premises, conclusion }, translator, engine, opts);
        if (signal.aborted) return errorResult('cancelled');
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
    },
  };
}
