/**
 * `entail eval <dataset> --provider <spec>`: translate NL problems to FOL (LLM,
 * recorded output, controlled English or gold FOL), judge them with the embedded
 * prover, majority-vote, and report accuracy, the confusion matrix, Error counts
 * and per-depth accuracy.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import { loadDataset } from '../../nl/datasets.js';
import { evaluate, compactResult, DEFAULT_CACHE_DIR } from '../../nl/evaluate.js';
import type { EvalOptions } from '../../nl/evaluate.js';
import { formatSummary } from '../../nl/metrics.js';
import { defaultEngine } from '../../nl/engine.js';

const USAGE = `usage: entail eval <dataset-file> [--provider SPEC] [options]

Datasets (recognized by content): FOLIO JSONL, Logic-LM JSON lists (ProofWriter, FOLIO),
LINC *_generations_raw.json (with *_references.json beside it).

Provider SPEC:
  cnl                      controlled English (deterministic, offline; default for non-LINC data)
  replay                   the dataset's own recorded output (LINC files; default for them)
  replay:FILE              recorded output aligned by id (LINC raw or Logic-LM result file)
  openai:MODEL[@BASE_URL]  OpenAI-compatible server (key from OPENAI_API_KEY)
  gguf:PATH                local GGUF model (needs the optional node-llama-cpp module)

Options:
  --gold-fol         judge the dataset's human-written FOL (FOLIO) instead of a provider
  --samples K        samples per problem (default 10)
  --timeout S        prover time limit per call, seconds (default 10, as LINC's Prover9)
  --json FILE        write {dataset, provider, total, correct, accuracy, errors, confusion, ...}
                     (schema: docs/cli-json.schema.json)
  --limit N          only the first N problems
  --check            re-verify every proof with the independent checker (a rejected proof → Error)
  --certify          certify Uncertain answers with finite countermodels
  --repair           send a parse error back to the model once
  --semantics M      fol (default: first-order entailment, as LINC) or proofwriter (rules fire
                     forward on known literals only: ProofWriter's own reading)
  --strict           our own parsing semantics instead of LINC's (no Prover9 u-z variable rule)
  --no-cache         do not use .entail-cache/nl for model completions
  --stream           stream completions (SSE)
  --grammar          openai: send the NLTK-FOL GBNF grammar (llama.cpp server), one request per sample
  --temperature T    sampling temperature (default 0.8)
  --concurrency N    problems in flight (default 4)`;

interface Parsed {
  file: string;
  json?: string;
  opts: EvalOptions;
}

function parseArgs(argv: readonly string[], cwd: string): { ok: true; value: Parsed } | { ok: false; error: string } {
  let file: string | undefined;
  let provider: string | undefined;
  let json: string | undefined;
  const o: { -readonly [K in keyof EvalOptions]?: EvalOptions[K] } = {};
  let cache = true;
  const num = (flag: string, v: string | undefined, min: number): number | string => {
    const n = Number(v);
    return v === undefined || !Number.isFinite(n) || n < min ? `${flag} needs a number ≥ ${min}` : n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    const take = (): string | undefined => {
      i++;
      return v;
    };
    switch (a) {
      case '--provider':
        provider = take();
        if (provider === undefined) return { ok: false, error: '--provider needs a spec' };
        break;
      case '--json':
        json = take();
        if (json === undefined) return { ok: false, error: '--json needs a file' };
        break;
      case '--gold-fol':
        o.goldFol = true;
        break;
      case '--certify':
        o.certify = true;
        break;
      case '--check':
        o.check = true;
        break;
      case '--grammar':
        o.grammar = true;
        break;
      case '--repair':
        o.repair = true;
        break;
      case '--strict':
        o.lincCompat = false;
        break;
      case '--semantics': {
        const m = take();
        if (m !== 'fol' && m !== 'proofwriter') return { ok: false, error: '--semantics is fol or proofwriter' };
        o.semantics = m === 'fol' ? 'fol' : 'forward';
        break;
      }
      case '--no-cache':
        cache = false;
        break;
      case '--stream':
        o.stream = true;
        break;
      case '--samples':
      case '--timeout':
      case '--limit':
      case '--concurrency':
      case '--temperature': {
        const n = num(a, take(), a === '--temperature' || a === '--timeout' ? 0 : 1);
        if (typeof n === 'string') return { ok: false, error: n };
        if (a === '--samples') o.samples = n;
        else if (a === '--timeout') o.timeoutMs = Math.round(n * 1000);
        else if (a === '--limit') o.limit = n;
        else if (a === '--concurrency') o.concurrency = n;
        else o.temperature = n;
        break;
      }
      default:
        if (a.startsWith('-')) return { ok: false, error: `unknown option ${a}` };
        if (file !== undefined) return { ok: false, error: 'only one dataset file' };
        file = a;
    }
  }
  if (file === undefined) return { ok: false, error: 'missing <dataset-file>' };
  const abs = resolve(cwd, file);
  const prov = provider ?? (/_generations_raw\.json$/.test(abs) ? 'replay' : 'cnl');
  return {
    ok: true,
    value: {
      file: abs,
      ...(json !== undefined ? { json: resolve(cwd, json) } : {}),
      opts: { ...o, provider: prov, ...(cache ? { cacheDir: resolve(cwd, DEFAULT_CACHE_DIR) } : {}) },
    },
  };
}

export const command: Command = {
  summary: 'evaluate NL→FOL translation + proving on FOLIO / ProofWriter / LINC data',
  usage: USAGE,
  async run(argv, io) {
    const a = parseArgs(argv, io.cwd);
    if (!a.ok) {
      io.err(`entail eval: ${a.error}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    const ds = await loadDataset(a.value.file);
    if (!ds.ok) {
      io.err(`entail eval: ${ds.error}`);
      return EXIT_INPUT;
    }
    const started = Date.now();
    let done = 0;
    const total = a.value.opts.limit !== undefined ? Math.min(a.value.opts.limit, ds.value.problems.length) : ds.value.problems.length;
    const run = await evaluate(ds.value, defaultEngine, {
      ...a.value.opts,
      onResult: () => {
        done++;
        if (io.isTty && (done % 10 === 0 || done === total)) process.stderr.write(`\r${done}/${total} problems`);
      },
    });
    if (io.isTty) process.stderr.write('\n');
    if (!run.ok) {
      io.err(`entail eval: ${run.error}`);
      return EXIT_INPUT;
    }
    io.out(formatSummary(run.value.summary));
    io.out(`time:     ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (a.value.json !== undefined) {
      try {
        await writeFile(a.value.json, JSON.stringify({ ...run.value.summary, problems: run.value.results.map(compactResult) }, null, 1));
      } catch (e) {
        io.err(`entail eval: cannot write ${a.value.json}: ${(e as Error).message}`);
        return EXIT_INPUT;
      }
    }
    return EXIT_OK;
  },
};
