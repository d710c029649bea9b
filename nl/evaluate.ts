/**
 * `entail eval` as a library call: dataset + provider spec → results + summary.
 * Node I/O (dataset and replay files, the cache folder) lives here and in the
 * CLI command; the pipeline itself only sees injected interfaces.
 */
import { join } from 'node:path';
import type { Result } from '../provers/logic/index.js';
import { ok, err } from '../provers/logic/index.js';
import type { Dataset } from './datasets.js';
import type { Engine } from './judge.js';
import type { Translator } from './pipeline.js';
import { llmTranslator, cnlTranslator, goldTranslator, runDataset } from './pipeline.js';
import type { LlmProvider } from './providers/types.js';
import { parseProviderSpec } from './providers/spec.js';
import { ReplayProvider, loadReplay } from './providers/replay.js';
import { OpenAiProvider } from './providers/openai.js';
import { GgufProvider } from './providers/gguf.js';
import { NLTK_FOL_GBNF } from './providers/grammar.js';
import { CachedProvider } from './cache.js';
import type { Label, ProblemResult, SampleStage, SymbolClash, Verdict } from './types.js';
import type { EvalSummary } from './metrics.js';
import { summarize } from './metrics.js';

export interface EvalOptions {
  readonly provider: string;
  readonly goldFol?: boolean;
  readonly samples?: number;
  readonly timeoutMs?: number;
  readonly limit?: number;
  /** Folder for the completion cache; undefined = no cache. */
  readonly cacheDir?: string;
  readonly certify?: boolean;
  readonly repair?: boolean;
  readonly lincCompat?: boolean;
  readonly concurrency?: number;
  readonly temperature?: number;
  readonly stream?: boolean;
  readonly semantics?: 'fol' | 'forward';
  readonly dedupe?: boolean;
  readonly check?: boolean;
  /** openai: send the NLTK-FOL GBNF grammar (llama.cpp server's `grammar` field), one request per sample. */
  readonly grammar?: boolean;
  readonly signal?: AbortSignal;
  readonly onResult?: (r: ProblemResult, index: number) => void;
}

export interface EvalRun {
  readonly summary: EvalSummary;
  readonly results: readonly ProblemResult[];
}

export const DEFAULT_CACHE_DIR = join('.entail-cache', 'nl');

export async function makeTranslator(
  ds: Dataset,
  engine: Engine,
  opts: EvalOptions,
): Promise<Result<{ translator: Translator; label: string }, string>> {
  if (opts.goldFol)
    return ok({
      translator: goldTranslator(engine, opts.lincCompat !== undefined ? { lincCompat: opts.lincCompat } : {}),
      label: 'gold-fol',
    });
  const spec = parseProviderSpec(opts.provider);
  if (!spec.ok) return spec;
  const s = spec.value;
  let provider: LlmProvider;
  const common = {
    ...(opts.samples !== undefined ? { samples: opts.samples } : {}),
    ...(opts.lincCompat !== undefined ? { lincCompat: opts.lincCompat } : {}),
  };
  switch (s.kind) {
    case 'cnl':
      return ok({ translator: cnlTranslator(), label: 'cnl' });
    case 'gold':
      return ok({ translator: goldTranslator(engine), label: 'gold-fol' });
    case 'replay': {
      if (s.file === undefined) {
        if (!ds.recorded) return err('--provider replay needs recorded output: use a LINC *_generations_raw.json dataset, or replay:FILE');
        provider = new ReplayProvider(`replay:${ds.name}`, ds.recorded);
      } else {
        const r = await loadReplay(s.file);
        if (!r.ok) return r;
        provider = r.value;
      }
      // Recorded output is already on disk: no cache needed.
      return ok({ translator: llmTranslator(provider, engine, { samples: opts.samples ?? 10, ...common }), label: provider.id });
    }
    case 'openai':
      provider = new OpenAiProvider({
        baseUrl: s.baseUrl,
        model: s.model,
        ...(opts.stream ? { stream: true } : {}),
        ...(opts.grammar ? { sendGrammar: true, nativeN: false } : {}),
      });
      break;
    case 'gguf':
      provider = new GgufProvider(s.path);
      break;
  }
  if (opts.cacheDir !== undefined) provider = new CachedProvider(provider, opts.cacheDir);
  return ok({
    translator: llmTranslator(provider, engine, {
      samples: opts.samples ?? 10,
      ...common,
      ...(opts.repair ? { repair: true } : {}),
      ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
      ...(s.kind === 'gguf' || opts.grammar ? { grammar: NLTK_FOL_GBNF } : {}),
      chat: s.kind === 'openai',
    }),
    label: provider.id,
  });
}

export async function evaluate(ds: Dataset, engine: Engine, opts: EvalOptions): Promise<Result<EvalRun, string>> {
  const t = await makeTranslator(ds, engine, opts);
  if (!t.ok) return t;
  const problems = opts.limit !== undefined ? ds.problems.slice(0, opts.limit) : ds.problems;
  const results = await runDataset(problems, t.value.translator, engine, {
    timeoutMs: opts.timeoutMs ?? 10_000,
    concurrency: opts.concurrency ?? 4,
    ...(opts.certify ? { certify: true } : {}),
    ...(opts.semantics ? { semantics: opts.semantics } : {}),
    ...(opts.dedupe === false ? { dedupe: false } : {}),
    ...(opts.check ? { check: true } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onResult ? { onResult: opts.onResult } : {}),
  });
  const label = opts.semantics === 'forward' ? `${t.value.label} (forward-chaining semantics)` : t.value.label;
  return ok({ summary: summarize(ds.name, label, results), results });
}

/** Compact per-problem record for --json (proof objects are left out to keep files small). */
export interface CompactResult {
  readonly id: string;
  readonly label: Label | null;
  readonly prediction: Verdict;
  readonly votes: Readonly<Record<Verdict, number>>;
  readonly samples: readonly {
    readonly verdict: Verdict;
    readonly stage?: SampleStage;
    readonly error?: string;
    readonly repaired?: true;
  }[];
  readonly reconciliation?: readonly SymbolClash[];
}

export function compactResult(r: ProblemResult): CompactResult {
  return {
    id: r.id,
    label: r.label ?? null,
    prediction: r.prediction,
    votes: r.votes,
    samples: r.samples.map((s) => ({
      verdict: s.verdict,
      ...(s.error ? { stage: s.stage, error: s.error } : {}),
      ...(s.repaired ? { repaired: true } : {}),
    })),
    ...(r.reconciliation.length > 0 ? { reconciliation: r.reconciliation } : {}),
  };
}
