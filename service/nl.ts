/** Natural language: the providers on offer and LINC-style judging of premises → conclusion. */
import { basename } from 'node:path';
import { errorResult, okResult, unavailable } from '../api/contract.js';
import type { AreaHandlers, ServiceContext } from './context.js';
import { NL_PROVER_MS } from './nl-job.js';
import type { NlSource } from './nl-job.js';
import { describeOutcome } from './workers.js';

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

    async nlJudge(request) {
      const { provider, k, requestId, problemId } = request;
      if (provider !== 'cnl' && provider !== 'openai' && provider !== 'replay')
        return unavailable(`NL provider '${provider}' is not offered by the workbench (cnl, openai, replay)`);
      let source: NlSource;
      if (provider === 'cnl') source = { kind: 'cnl' };
      else {
        const prefs = await settings.read();
        if (provider === 'openai') {
          const endpoint = settings.endpoint(prefs);
          if (!endpoint)
            return unavailable('the openai provider needs a base URL and a model (Settings, or OPENAI_BASE_URL / OPENAI_MODEL)');
          // The key bound to this very origin, or none: a base URL changed through the API never receives another host's key.
          const apiKey = await settings.apiKey(endpoint.baseUrl);
          source = { kind: 'openai', ...endpoint, ...(apiKey ? { apiKey } : {}) };
        } else {
          if (!prefs.nlReplayPath) return unavailable('set the replay file (LINC / Logic-LM recorded output) in Settings');
          if (!problemId) return { kind: 'invalid', issues: ['the replay provider needs the recorded problem id (e.g. linc_0)'] };
          source = { kind: 'replay', path: prefs.nlReplayPath };
        }
      }
      const controller = new AbortController();
      const untrack = jobs.track(requestId, controller);
      try {
        // Every sample's proving (and an LLM's answers) off the event loop, within a wall clock that grows with K.
        const timeoutMs = k * (2 * NL_PROVER_MS + 2000) + (source.kind === 'openai' ? 180_000 : 10_000);
        const o = await ctx.runner.run('nlJudge', { request, source }, controller.signal, { timeoutMs });
        if (o.kind === 'ok') return o.value;
        if (o.kind === 'cancelled' || controller.signal.aborted) return errorResult('cancelled');
        return errorResult(`NL judging: ${describeOutcome(o)}`);
      } finally {
        untrack();
      }
    },
  };
}
