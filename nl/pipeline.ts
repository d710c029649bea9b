/**
 * NL → logic → verdict, LINC-style. For each problem a Translator yields samples
 * (completions turned into FOL lines, or a failure at the provider, extraction or
 * parse stage); each usable sample is judged with the prover (conclusion, then its
 * negation) and the non-Error verdicts are majority-voted (vote.ts). Every sample,
 * formula, proof and countermodel is kept in the ProblemResult for the UI/export.
 * A failing sample never stops the run: failures are values at every stage.
 */
import type { Formula } from '../provers/logic/index.js';
import { formatParseError, mkNot } from '../provers/logic/index.js';
import type { Engine, JudgeOptions } from './judge.js';
import { judge } from './judge.js';
import type { FolLine, Judgement, NlProblem, ProblemResult, SampleResult, SampleStage } from './types.js';
import type { CompletionFormat, Extracted } from './extract.js';
import { detectFormat, extract, lincReformat } from './extract.js';
import type { LlmProvider, CompletionRequest } from './providers/types.js';
import { formatProviderError } from './providers/types.js';
import { buildMessages, buildPrompt, repairMessage, STOP } from './prompt.js';
import { proverFreeVariables, closeUniversally, reconcile, symbolTypeErrors } from './symbols.js';
import { majorityVote, tally } from './vote.js';
import { readCnlSentence, formatCnlError } from './cnl/parser.js';
import { forwardJudge } from './forward.js';

/** A sample before judging: parsed FOL lines, or the stage where it failed. */
export interface Draft {
  readonly completion?: string;
  readonly premises: readonly FolLine[];
  readonly conclusion?: FolLine;
  /** The formula to prove for "False" when it is not simply ¬conclusion (free variables closed after negating). */
  readonly negation?: Formula;
  readonly failure?: { readonly stage: SampleStage; readonly message: string };
  readonly repaired?: boolean;
}

export interface Translator {
  readonly id: string;
  translate(p: NlProblem, signal?: AbortSignal): Promise<Draft[]>;
}

// ---------------------------------------------------------------- parsing drafts

export interface ParseOptions {
  /** Reproduce LINC's string rewriting and Prover9's u–z free-variable rule (default true). */
  readonly lincCompat?: boolean;
  /** Reject translations that use one symbol as predicate and term, or with two arities (default true). */
  readonly typeCheck?: boolean;
}

function fail(stage: SampleStage, message: string, completion?: string, premises: readonly FolLine[] = []): Draft {
  return { ...(completion !== undefined ? { completion } : {}), premises, failure: { stage, message } };
}

/** Parse extracted FOL lines with the engine's parser. */
export function parseExtracted(ex: Extracted, engine: Engine, opts: ParseOptions, completion?: string): Draft {
  const compat = opts.lincCompat ?? true;
  const all = [...ex.premises, ex.conclusion];
  const parsed: FolLine[] = [];
  let negation: Formula | undefined;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const text = compat && ex.dialect === 'nltk' ? lincReformat(line.fol) : line.fol;
    const r = engine.parse(text, ex.dialect);
    if (!r.ok) {
      const which = i === all.length - 1 ? 'conclusion' : `premise ${i + 1}`;
      return fail('parse', `${which}: ${formatParseError({ ...r.error, file: undefined })}`, completion, parsed);
    }
    parsed.push({ ...line, formula: compat ? proverFreeVariables(r.value) : closeUniversally(r.value) });
    // LINC negates the conclusion's text (`-(c)`) and Prover9 closes free variables afterwards:
    // ∀x ¬C(x), not ¬∀x C(x). Keep that reading for the negation.
    if (i === all.length - 1) negation = compat ? proverFreeVariables(mkNot(r.value)) : closeUniversally(mkNot(r.value));
  }
  if (opts.typeCheck ?? true) {
    const problems = symbolTypeErrors(parsed.map((l) => l.formula!));
    if (problems.length > 0) return fail('parse', `ill-typed: ${problems.join('; ')}`, completion, parsed);
  }
  return {
    ...(completion !== undefined ? { completion } : {}),
    premises: parsed.slice(0, -1),
    conclusion: parsed[parsed.length - 1]!,
    ...(negation ? { negation } : {}),
  };
}

export function draftFromCompletion(completion: string, engine: Engine, opts: ParseOptions & { format?: CompletionFormat } = {}): Draft {
  const ex = extract(opts.format ?? detectFormat(completion), completion);
  if (!ex.ok) return fail('extract', ex.error, completion);
  return parseExtracted(ex.value, engine, opts, completion);
}

// ---------------------------------------------------------------- translators

export interface LlmTranslatorOptions extends ParseOptions {
  readonly samples?: number;
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly format?: CompletionFormat;
  /** Send a parse error back to the model once and use its corrected answer. */
  readonly repair?: boolean;
  /** Use the chat form of the prompt (system + user) rather than a plain completion prompt. */
  readonly chat?: boolean;
  readonly grammar?: string;
}

export function llmTranslator(provider: LlmProvider, engine: Engine, opts: LlmTranslatorOptions = {}): Translator {
  const n = opts.samples ?? 10;
  return {
    id: provider.id,
    async translate(p, signal) {
      const base: CompletionRequest = {
        ...(opts.chat ? { messages: buildMessages(p) } : { prompt: buildPrompt(p) }),
        temperature: opts.temperature ?? 0.8,
        stop: [STOP],
        problemId: p.id,
        ...(opts.maxTokens !== undefined ? { maxTokens: opts.maxTokens } : {}),
        ...(opts.grammar !== undefined ? { grammar: opts.grammar } : {}),
        ...(signal ? { signal } : {}),
      };
      // One request for n samples when the server supports it; else n requests, each failing on its own.
      const batches = provider.nativeN
        ? [provider.complete({ ...base, n })]
        : Array.from({ length: n }, () => provider.complete({ ...base, n: 1 }));
      const results = await Promise.all(batches);
      const drafts: Draft[] = [];
      for (const r of results) {
        if (!r.ok) {
          const count = provider.nativeN ? n : 1;
          for (let k = 0; k < count; k++) drafts.push(fail('provider', formatProviderError(r.error)));
          continue;
        }
        for (const c of r.value.slice(0, provider.nativeN ? n : 1)) drafts.push(draftFromCompletion(c, engine, opts));
      }
      if (!opts.repair || provider.id.startsWith('replay:')) return drafts;
      const messages = buildMessages(p);
      return Promise.all(
        drafts.map(async (d) => {
          if (d.failure === undefined || d.failure.stage === 'provider' || d.completion === undefined) return d;
          const r = await provider.complete({
            ...base,
            prompt: undefined,
            messages: [
              ...messages,
              { role: 'assistant', content: d.completion },
              { role: 'user', content: repairMessage(d.failure.message) },
            ],
            n: 1,
          });
          if (!r.ok || r.value.length === 0) return d;
          const again = draftFromCompletion(r.value[0]!, engine, opts);
          return again.failure ? d : { ...again, repaired: true };
        }),
      );
    },
  };
}

/** Controlled English: deterministic, one sample; a sentence it does not understand fails the sample. */
export function cnlTranslator(): Translator {
  return {
    id: 'cnl',
    translate(p) {
      const lines: FolLine[] = [];
      const sentences = [...p.premises, p.conclusion];
      for (let i = 0; i < sentences.length; i++) {
        const s = sentences[i]!;
        const r = readCnlSentence(s);
        if (!r.ok) {
          const which = i === sentences.length - 1 ? 'conclusion' : `premise ${i + 1}`;
          return Promise.resolve([fail('parse', `${which}: ${formatCnlError(r.error, s)}`, undefined, lines)]);
        }
        const rules = r.value.rules.length > 0 ? ` (rules: ${r.value.rules.map((x) => x.id).join(', ')})` : '';
        lines.push({ text: s, fol: '', formula: r.value.formula, paraphrase: `${r.value.paraphrase}${rules}` });
      }
      return Promise.resolve([{ premises: lines.slice(0, -1), conclusion: lines[lines.length - 1]! }]);
    },
  };
}

/** FOLIO's human-written FOL ('folio' dialect), one sample. */
export function goldTranslator(engine: Engine, opts: ParseOptions = {}): Translator {
  return {
    id: 'gold-fol',
    translate(p) {
      if (!p.gold) return Promise.resolve([fail('extract', 'this problem has no gold FOL')]);
      const ex: Extracted = {
        premises: p.gold.premises.map((fol, i) => ({ fol, ...(p.premises[i] !== undefined ? { text: p.premises[i] } : {}) })),
        conclusion: { fol: p.gold.conclusion, text: p.conclusion },
        dialect: p.gold.dialect,
      };
      return Promise.resolve([parseExtracted(ex, engine, { lincCompat: opts.lincCompat ?? false })]);
    },
  };
}

// ---------------------------------------------------------------- running

export interface RunOptions extends JudgeOptions {
  /** Judgements of identical translations, shared within a run (runDataset makes one per problem). */
  readonly memo?: Map<string, Promise<Judgement>>;
  /**
   * 'fol' (default): first-order entailment with the prover, as LINC. 'forward': ProofWriter's own
   * reading (rules fire forward on known literals only; see forward.ts).
   */
  readonly semantics?: 'fol' | 'forward';
  /** Judge identical translations of one problem once (default true). */
  readonly dedupe?: boolean;
  /** Problems translated at once (network-bound translators). */
  readonly concurrency?: number;
  readonly onResult?: (r: ProblemResult, index: number) => void;
}

export async function runProblem(p: NlProblem, translator: Translator, engine: Engine, opts: RunOptions): Promise<ProblemResult> {
  const drafts = await translator.translate(p, opts.signal);
  const samples: SampleResult[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const common = {
      index: i,
      ...(d.completion !== undefined ? { completion: d.completion } : {}),
      premises: d.premises,
      ...(d.repaired ? { repaired: true } : {}),
    };
    if (d.failure || !d.conclusion?.formula) {
      samples.push({ ...common, verdict: 'Error', stage: d.failure?.stage ?? 'parse', error: d.failure?.message ?? 'no conclusion' });
      continue;
    }
    const premises = d.premises.map((l) => l.formula).filter((f): f is Formula => f !== undefined);
    if (opts.semantics === 'forward') {
      const fj = forwardJudge(premises, d.conclusion.formula);
      const j: Judgement = fj.ok ? { verdict: fj.value } : { verdict: 'Error', reason: fj.error };
      samples.push({
        ...common,
        conclusion: d.conclusion,
        verdict: j.verdict,
        judgement: j,
        ...(fj.ok ? {} : { stage: 'prove' as const, error: fj.error }),
      });
      continue;
    }
    // Samples often agree word for word; the prover is deterministic, so identical translations are judged once.
    const key = opts.memo ? JSON.stringify([premises, d.conclusion.formula, d.negation ?? null]) : '';
    let pending = opts.memo?.get(key);
    if (!pending) {
      pending = judge(`${p.id}_s${i}`, premises, d.conclusion.formula, engine, opts, d.negation);
      opts.memo?.set(key, pending);
    }
    const j = await pending;
    samples.push({
      ...common,
      conclusion: d.conclusion,
      verdict: j.verdict,
      judgement: j,
      ...(j.verdict === 'Error' ? { stage: 'prove' as const, error: j.reason ?? 'prover failed' } : {}),
    });
  }
  const verdicts = samples.map((s) => s.verdict);
  const formulas = drafts
    .filter((d) => !d.failure)
    .map((d) =>
      [...d.premises, ...(d.conclusion ? [d.conclusion] : [])].map((l) => l.formula).filter((f): f is Formula => f !== undefined),
    );
  return {
    id: p.id,
    ...(p.label ? { label: p.label } : {}),
    ...(p.depth !== undefined ? { depth: p.depth } : {}),
    prediction: majorityVote(verdicts),
    votes: tally(verdicts),
    samples,
    reconciliation: formulas.length > 1 ? reconcile(formulas) : [],
  };
}

/** Run every problem; results keep dataset order. Nothing computed is dropped when a problem fails. */
export async function runDataset(
  problems: readonly NlProblem[],
  translator: Translator,
  engine: Engine,
  opts: RunOptions,
): Promise<ProblemResult[]> {
  const out = new Array<ProblemResult>(problems.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= problems.length || opts.signal?.aborted) return;
      const r = await runProblem(problems[i]!, translator, engine, opts.dedupe === false ? opts : { ...opts, memo: new Map() });
      out[i] = r;
      opts.onResult?.(r, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
  return out.filter((r) => r !== undefined);
}
