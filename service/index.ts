/**
 * The engine service: implements the workbench API in Node on top of provers/ and
 * nl/. Used by both the Electron main process and the local HTTP server, so it
 * knows nothing about transports: `dispatch(method, rawInput)` validates the input
 * with the contract's zod schema and always resolves to an ApiResult (a throw
 * inside a handler is a bug, reported as an `error` value, never re-thrown).
 *
 * State (jobs, settings cache) lives in the instance returned by createService,
 * never in module globals, so tests can run several services side by side.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Formula, Problem, ProverResult } from '../provers/logic/index.js';
import {
  DEFAULT_SETTINGS,
  PROVERS,
  errorResult,
  isApiMethod,
  okResult,
  settingsSchema,
  unavailable,
  validateInput,
} from '../api/contract.js';
import type {
  ApiMethod,
  ApiOutput,
  ApiResult,
  BatchRow,
  BatchSummaryView,
  JobEvent,
  JobState,
  LeanView,
  Limits,
  NlSample,
  ProverId,
  ProverInfo,
  RunResult,
  Settings,
} from '../api/contract.js';
import type { z } from 'zod';
import type { inputSchemas } from '../api/contract.js';
import { moduleLoader, summariseCheck } from './engines.js';
import type { EngineLoader } from './engines.js';
import type { BatchProblemResult, EngineModules, ExternalProverId, NlTranslator } from './contracts.js';
import type { LeanServiceOptions } from '../provers/lean/index.js';
import { startExploration } from './exploring.js';
import type { Exploration } from './exploring.js';
import { modelTables } from './views.js';
import { createParser } from './parsing.js';
import { createSessionStore } from './sessions.js';

export interface ServiceOptions {
  /** Where settings and sessions are stored. */
  readonly dataDir: string;
  /** Receives job events (the transport forwards them to the UI). */
  readonly emit: (e: JobEvent) => void;
  /** Engine module loader (tests inject fakes; default: the real modules). */
  readonly engines?: EngineLoader;
  /** Progress event period. */
  readonly progressMs?: number;
  /** Extra folders sessionOpen may read from (Electron passes the folders the user picked in dialogs). */
  readonly allowedRoots?: readonly string[];
  /** Lean discovery and pool (tests point it at a fake REPL or an empty PATH); default: ENTAIL_LEAN_REPL / ENTAIL_LEAN_PROJECT / PATH. */
  readonly lean?: LeanServiceOptions;
  /** Run explorations in worker threads (default: in the compiled build). */
  readonly exploreInWorker?: boolean;
}

type Input<M extends ApiMethod> = z.output<(typeof inputSchemas)[M]>;
type Handlers = { [M in ApiMethod]: (input: Input<M>) => Promise<ApiResult<ApiOutput<M>>> };

export interface EngineService {
  dispatch(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Cancel every running job (shutdown). */
  dispose(): void;
  readonly handlers: Handlers;
}

interface Job {
  readonly id: string;
  readonly controller: AbortController;
  readonly startedAt: number;
  state: JobState;
  timer?: ReturnType<typeof setInterval>;
}

/** Workbench prover ids → provers/batch prover names. */
const BATCH_PROVERS: Partial<Record<ProverId, string>> = {
  embedded: 'entail',
  eprover: 'e',
  vampire: 'vampire',
  prover9: 'prover9',
  z3: 'z3',
};

/** Workbench prover ids → provers/external ids. */
const EXTERNAL_IDS: Partial<Record<ProverId, ExternalProverId>> = { eprover: 'e', vampire: 'vampire', prover9: 'prover9', z3: 'z3' };

/** Prover time per NL judgement call (the conclusion, then its negation). */
const NL_PROVER_MS = 3000;

/** Finished jobs kept for `job` polling; older ones are dropped. */
const KEEP_JOBS = 200;

export function createService(opts: ServiceOptions): EngineService {
  const load = opts.engines ?? moduleLoader();
  const parser = createParser(load);
  const jobs = new Map<string, Job>();
  let jobCounter = 0;
  const sessionsDir = resolve(opts.dataDir, 'sessions');
  const settingsFile = resolve(opts.dataDir, 'settings.json');
  const secretsFile = resolve(opts.dataDir, 'secrets.json');
  const sessions = createSessionStore({ dir: sessionsDir, roots: opts.allowedRoots ?? [] });
  /** NL judgements in flight, by the client's request id (cancel aborts them). */
  const nlRequests = new Map<string, AbortController>();
  const explorations = new Map<string, Exploration>();
  let leanService: InstanceType<EngineModules['lean']['LeanService']> | undefined;

  function finish(job: Job, state: JobState): void {
    if (job.state.state !== 'running') return;
    job.state = state;
    if (job.timer) clearInterval(job.timer);
    opts.emit({ type: 'finished', jobId: job.id, state });
    if (jobs.size > KEEP_JOBS) {
      for (const [id, j] of jobs) {
        if (jobs.size <= KEEP_JOBS) break;
        if (j.state.state !== 'running') jobs.delete(id);
      }
    }
  }

  function startJob(): Job {
    jobCounter++;
    const id = `job-${Date.now().toString(36)}-${jobCounter}`;
    const job: Job = {
      id,
      controller: new AbortController(),
      startedAt: Date.now(),
      state: { state: 'running', startedAt: Date.now(), message: 'starting' },
    };
    jobs.set(id, job);
    job.timer = setInterval(() => {
      if (job.state.state === 'running')
        opts.emit({ type: 'progress', jobId: id, elapsedMs: Date.now() - job.startedAt, message: job.state.message });
    }, opts.progressMs ?? 500);
    return job;
  }

  async function toRunResult(r: ProverResult, problem: Problem, limits: Limits): Promise<RunResult> {
    let check: RunResult['check'];
    let graph: RunResult['graph'];
    if (r.proof) {
      const g = await load('graph');
      if (g.ok)
        graph = g.mod.fromProof(r.proof, {
          title: problem.name,
          origin: 'entail',
          status: r.status,
          note: `${r.prover}, ${r.stats.timeMs} ms`,
        });
      if (limits.check) {
        const chk = await load('check');
        check = chk.ok
          ? safe<RunResult['check']>(() => summariseCheck(chk.mod.checkProof(r.proof!)), { unavailable: 'checker crashed' })
          : { unavailable: chk.reason };
      }
    }
    return {
      status: r.status,
      prover: r.prover,
      timeMs: r.stats.timeMs,
      ...(r.message !== undefined ? { message: r.message } : {}),
      ...(r.proof ? { proof: r.proof } : {}),
      ...(graph ? { graph } : {}),
      ...(r.model ? { model: r.model, modelTables: modelTables(r.model) } : {}),
      ...(check ? { check } : {}),
    };
  }

  /** An external prover's answer: its TSTP / Prover9 proof text becomes a graph through the graph importers. */
  async function externalResult(
    r: ProverResult & { proofText?: string; proofFormat?: 'tstp' | 'prover9' },
    title: string,
  ): Promise<RunResult> {
    let graph: RunResult['graph'];
    let note: string | undefined;
    if (r.proofText) {
      const gi = await load('graphImport');
      if (gi.ok) {
        const g = r.proofFormat === 'prover9' ? gi.mod.fromProver9(r.proofText, title) : gi.mod.fromTstp(r.proofText, { title });
        if (g.ok) graph = g.value;
        else note = `proof text not imported: line ${g.error.line}: ${g.error.message}`;
      } else note = gi.reason;
    }
    const message = [r.message, note].filter(Boolean).join('; ');
    return {
      status: r.status,
      prover: r.prover,
      timeMs: r.stats.timeMs,
      ...(message ? { message } : {}),
      ...(graph ? { graph } : {}),
      ...(r.model ? { model: r.model, modelTables: modelTables(r.model) } : {}),
      ...(graph ? { check: { unavailable: 'external proofs are not re-checked by the Entail checker' } } : {}),
    };
  }

  async function readSettings(): Promise<Settings> {
    let settings = DEFAULT_SETTINGS;
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(settingsFile, 'utf8')));
      if (parsed.success) settings = parsed.data;
    } catch {
      // no settings yet
    }
    // The API key never leaves the service: only whether one is set.
    const { nlApiKey: _drop, ...rest } = settings;
    void _drop;
    return { ...rest, nlApiKeySet: (await readApiKey()) !== undefined };
  }

  /** The `openai` provider's key: the one set in Settings (kept in secrets.json, mode 0600), else env OPENAI_API_KEY. */
  async function readApiKey(): Promise<string | undefined> {
    try {
      const j = JSON.parse(await readFile(secretsFile, 'utf8')) as { nlApiKey?: unknown };
      if (typeof j.nlApiKey === 'string' && j.nlApiKey !== '') return j.nlApiKey;
    } catch {
      // none stored
    }
    return process.env.OPENAI_API_KEY || undefined;
  }

  function openAiEndpoint(settings: Settings): { baseUrl: string; model: string } | undefined {
    const baseUrl = settings.nlOpenAi?.baseUrl || process.env.OPENAI_BASE_URL || '';
    const model = settings.nlOpenAi?.model || process.env.OPENAI_MODEL || '';
    return baseUrl && model ? { baseUrl, model } : undefined;
  }

  async function lean(): Promise<
    { ok: true; svc: NonNullable<typeof leanService>; mod: EngineModules['lean'] } | { ok: false; reason: string }
  > {
    const l = await load('lean');
    if (!l.ok) return l;
    leanService ??= new l.mod.LeanService(opts.lean ?? {});
    return { ok: true, svc: leanService, mod: l.mod };
  }

  const handlers: Handlers = {
    async parse({ text, language }) {
      if (language === 'prolog' || language === 'lean')
        return okResult({ dialect: 'entail', diagnostics: [], symbols: [], statements: [] });
      // Off the event loop for big texts (a worker thread in the compiled build).
      const r = await parser.parse({ text, dialect: language, name: 'editor', withProblem: false });
      return r.ok ? okResult(r.outcome) : unavailable(r.reason);
    },

    async prove({ text, dialect, prover, limits, name }) {
      if (prover === 'tau-prolog')
        return { kind: 'invalid', issues: ['tau-prolog runs Prolog buffers: set the language to prolog and add a `?- goal.` line'] };
      const external = EXTERNAL_IDS[prover];
      const [syn, run] = await Promise.all([load('syntax'), external ? load('external') : load('run')]);
      if (!syn.ok) return unavailable(syn.reason);
      if (!run.ok) return unavailable(run.reason);
      const parsed = await parser.parse({ text, dialect, name: name ?? 'editor', withProblem: true });
      if (!parsed.ok) return unavailable(parsed.reason);
      if (!parsed.problem) return { kind: 'invalid', issues: [parsed.error ?? 'the problem did not parse'] };
      const problem = parsed.problem;
      const job = startJob();
      job.state = { state: 'running', startedAt: job.startedAt, message: `proving ${problem.statements.length} statements with ${prover}` };
      const signal = job.controller.signal;
      const syntax = syn.mod;
      void (async () => {
        try {
          let result: RunResult;
          if (external) {
            const ext = run.mod as EngineModules['external'];
            const printProblem = syntax.printProblem;
            if (!printProblem)
              return finish(job, {
                state: 'failed',
                failure: 'the syntax module has no printProblem (needed to hand the problem to an external prover)',
              });
            const settings = await readSettings();
            const path = settings.externalPaths[prover];
            const r = await ext.runExternal(
              external,
              { kind: 'problem', problem },
              {
                timeoutMs: limits.timeoutMs,
                signal,
                codec: { printTptp: (p) => printProblem(p, 'tptp') },
                ...(path ? { config: { paths: { [external]: path } } } : {}),
              },
            );
            if (signal.aborted) return finish(job, { state: 'cancelled' });
            result = await externalResult(r, problem.name);
          } else {
            const r = await (run.mod as EngineModules['run']).proveProblem(problem, {
              timeoutMs: limits.timeoutMs,
              signal,
              inWorker: true,
              check: limits.check,
              countermodel: limits.countermodel,
              maxModelSize: limits.maxModelSize,
            });
            if (signal.aborted) return finish(job, { state: 'cancelled' });
            result = await toRunResult(r, problem, limits);
          }
          finish(job, { state: 'done', result });
        } catch (e) {
          finish(job, signal.aborted ? { state: 'cancelled' } : { state: 'failed', failure: `prover crashed: ${(e as Error).message}` });
        }
      })();
      return okResult({ jobId: job.id });
    },

    async prolog({ program, query, maxSteps }) {
      const pl = await load('prolog');
      if (!pl.ok) return unavailable(pl.reason);
      const t0 = Date.now();
      // Step-limited, so an endless recursion ends as 'limit' rather than hanging the service.
      const goal = query.trim().replace(/\.$/, '');
      const out = await pl.mod.runProlog(program, `${goal}.`, { maxSteps, maxAnswers: 20, proofs: true });
      const timeMs = Date.now() - t0;
      const answers = out.answers.map((a) => a.text);
      let graph: RunResult['graph'];
      const tree = out.answers[0]?.proof;
      if (tree) {
        const gi = await load('graphImport');
        if (gi.ok) {
          const { steps, root } = pl.mod.treeToSteps(tree);
          graph = gi.mod.fromPrologSteps(steps, root, `?- ${goal}.`);
        }
      }
      const base = { prover: 'tau-prolog', timeMs, answers, ...(graph ? { graph } : {}) };
      if (out.status === 'error')
        return okResult({ ...base, status: 'Error', message: `${out.error.kind} error in the ${out.error.in}: ${out.error.message}` });
      if (out.status === 'limit')
        return okResult({ ...base, status: answers.length > 0 ? 'Theorem' : 'ResourceOut', message: out.message });
      // SLD resolution is sound for Horn programs: an answer proves the query. Failure is negation as failure, not a countermodel.
      return okResult({
        ...base,
        status: answers.length > 0 ? 'Theorem' : 'Unknown',
        message:
          answers.length > 0
            ? `${answers.length}${out.exhausted ? '' : '+'} answer(s), ${out.steps} steps`
            : `no: the query fails (${out.steps} steps)`,
      });
    },

    async cancel({ jobId }) {
      const nl = nlRequests.get(jobId);
      if (nl) {
        nl.abort();
        nlRequests.delete(jobId);
        return okResult({ cancelled: true });
      }
      const job = jobs.get(jobId);
      if (!job || job.state.state !== 'running') return okResult({ cancelled: false });
      job.controller.abort();
      explorations.get(jobId)?.stop();
      // Report cancellation now: the worker's termination is the engine's business, the UI must not wait on it.
      finish(job, { state: 'cancelled' });
      return okResult({ cancelled: true });
    },

    async job({ jobId }) {
      const job = jobs.get(jobId);
      return job ? okResult(job.state) : { kind: 'invalid', issues: [`unknown job ${jobId}`] };
    },

    async provers() {
      const [run, ext] = await Promise.all([load('run'), load('external')]);
      const settings = await readSettings();
      const paths = Object.fromEntries(
        Object.entries(EXTERNAL_IDS)
          .filter(([ui]) => settings.externalPaths[ui])
          .map(([ui, id]) => [id, settings.externalPaths[ui]!]),
      );
      const detected = ext.ok ? await ext.mod.detectProvers({ paths }) : [];
      const out: ProverInfo[] = [];
      for (const id of PROVERS) {
        const extId = EXTERNAL_IDS[id];
        if (id === 'embedded')
          out.push({ id, available: run.ok, detail: run.ok ? 'Entail superposition prover (worker thread)' : run.reason });
        else if (!extId) {
          const pl = await load('prolog');
          out.push({
            id,
            available: pl.ok,
            detail: pl.ok ? 'tau-prolog: open a Prolog buffer with a `?- goal.` line and press Prove' : pl.reason,
          });
        } else if (!ext.ok) out.push({ id, available: false, detail: ext.reason });
        else {
          const d = detected.find((x) => x.id === extId);
          out.push({
            id,
            available: Boolean(d?.installed),
            detail: d?.installed
              ? `${d.name}${d.version ? ' ' + d.version : ''} at ${d.path}`
              : `${d?.name ?? id} not found (set its path in Settings)`,
          });
        }
      }
      return okResult(out);
    },

    async exportHtml({ graph, more, title }) {
      const g = await load('graph');
      if (!g.ok) return unavailable(g.reason);
      return okResult({ html: g.mod.exportHtml([graph, ...(more ?? [])], { title: title ?? graph.title }) });
    },

    async nlProviders() {
      const [pipe, eng, llm, oa, rp] = await Promise.all([
        load('nlPipeline'),
        load('nlEngine'),
        load('nlLlm'),
        load('nlOpenAi'),
        load('nlReplay'),
      ]);
      const ready = pipe.ok && eng.ok;
      const why = !pipe.ok ? pipe.reason : !eng.ok ? eng.reason : '';
      const settings = await readSettings();
      const endpoint = openAiEndpoint(settings);
      const llmWhy = !ready ? why : !llm.ok ? llm.reason : '';
      return okResult([
        { id: 'cnl', available: ready, detail: ready ? 'controlled English, deterministic, one sample' : why },
        {
          id: 'replay',
          available: Boolean(!llmWhy && rp.ok && settings.nlReplayPath),
          detail: llmWhy
            ? llmWhy
            : !rp.ok
              ? rp.reason
              : settings.nlReplayPath
                ? `recorded output from ${basename(settings.nlReplayPath)}; give the recorded problem id (e.g. linc_0)`
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
                ? `${endpoint.model} at ${endpoint.baseUrl}${settings.nlApiKeySet ? ' (API key set)' : ' (no API key)'}`
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
      let translator: NlTranslator;
      if (provider === 'cnl') translator = pipe.mod.cnlTranslator();
      else {
        const llm = await load('nlLlm');
        if (!llm.ok) return unavailable(llm.reason);
        const settings = await readSettings();
        if (provider === 'openai') {
          const oa = await load('nlOpenAi');
          if (!oa.ok) return unavailable(oa.reason);
          const endpoint = openAiEndpoint(settings);
          if (!endpoint)
            return unavailable('the openai provider needs a base URL and a model (Settings, or OPENAI_BASE_URL / OPENAI_MODEL)');
          const apiKey = await readApiKey();
          const p = new oa.mod.OpenAiProvider({
            ...endpoint,
            ...(apiKey ? { apiKey } : {}),
            endpoint: 'chat',
            timeoutMs: 60_000,
            maxRetries: 2,
            concurrency: 2,
          });
          translator = llm.mod.llmTranslator(p, engine as never, { samples: k, chat: true, repair: true });
        } else {
          const rp = await load('nlReplay');
          if (!rp.ok) return unavailable(rp.reason);
          if (!settings.nlReplayPath) return unavailable('set the replay file (LINC / Logic-LM recorded output) in Settings');
          if (!problemId) return { kind: 'invalid', issues: ['the replay provider needs the recorded problem id (e.g. linc_0)'] };
          const r = await rp.mod.loadReplay(settings.nlReplayPath);
          if (!r.ok) return unavailable(r.error);
          translator = llm.mod.llmTranslator(r.value, engine as never, { samples: k });
        }
      }
      const controller = new AbortController();
      if (requestId) nlRequests.set(requestId, controller);
      try {
        return await judgeWith(translator, engine, controller.signal);
      } finally {
        if (requestId) nlRequests.delete(requestId);
      }

      async function judgeWith(
        translator: NlTranslator,
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
            pairs: sentences.map((sentence, i) => ({ sentence, formula: lines[i] ? show(lines[i]!.formula, lines[i]!.fol) : '' })),
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

    async batch({ paths, prover, timeoutMs }) {
      const id = BATCH_PROVERS[prover];
      if (!id) return { kind: 'invalid', issues: [`batch runs use the embedded or an external prover, not ${prover}`] };
      const b = await load('batch');
      if (!b.ok) return unavailable(b.reason);
      const job = startJob();
      const signal = job.controller.signal;
      const rows: BatchRow[] = [];
      const toRow = (r: BatchProblemResult): BatchRow => ({
        name: r.name,
        path: r.path,
        status: r.status,
        time_s: r.time_s,
        solved: r.solved,
        wrong: r.wrong,
        ...(r.expected !== undefined ? { expected: r.expected } : {}),
        ...(r.prover !== undefined ? { prover: r.prover } : {}),
        ...(r.error !== undefined ? { error: r.error } : {}),
      });
      void (async () => {
        try {
          // One problem at a time: the workbench shares the machine with the user's editor and other runs.
          const report = await b.mod.runBatch({ paths, cwd: process.cwd(), provers: [id], jobs: 1, timeoutMs, signal }, (e) => {
            if (e.type === 'start') job.state = { state: 'running', startedAt: job.startedAt, message: `0/${e.total} problems` };
            else if (e.type === 'result') {
              const row = toRow(e.result);
              rows.push(row);
              job.state = { state: 'running', startedAt: job.startedAt, message: `${e.done}/${e.total} problems` };
              opts.emit({ type: 'batchRow', jobId: job.id, row, done: e.done, total: e.total });
            }
          });
          if (signal.aborted) return finish(job, { state: 'cancelled' });
          const summary: BatchSummaryView = {
            total: report.total,
            solved: report.solved,
            wrong: report.wrong,
            errors: report.errors,
            timeouts: report.timeouts,
            complete: report.complete,
          };
          finish(job, { state: 'batchDone', summary, rows: report.problems.map(toRow) });
        } catch (e) {
          finish(job, signal.aborted ? { state: 'cancelled' } : { state: 'failed', failure: `batch run failed: ${(e as Error).message}` });
        }
      })();
      return okResult({ jobId: job.id });
    },

    async lean(input) {
      const l = await lean();
      if (!l.ok) return unavailable(l.reason);
      const { svc, mod } = l;
      const base = { op: input.op, markers: [], sorries: [] } as const;
      if (input.op === 'export') {
        // FOL → Lean is pure translation: no Lean needed.
        const syn = await load('syntax');
        if (!syn.ok) return unavailable(syn.reason);
        const parsed = await parser.parse({ text: input.text, dialect: input.dialect, name: input.name ?? 'problem', withProblem: true });
        if (!parsed.ok) return unavailable(parsed.reason);
        if (!parsed.problem) return { kind: 'invalid', issues: [parsed.error ?? 'the problem did not parse'] };
        const t = svc.exportProblem(parsed.problem);
        return okResult<LeanView>({
          ...base,
          status: 'ok',
          detail: `theorem ${t.theoremName} (${t.symbols.length} symbols)`,
          code: t.code,
          theoremName: t.theoremName,
        });
      }
      const info = await svc.info();
      if (info.kind === 'notInstalled') return okResult<LeanView>({ ...base, status: 'notInstalled', detail: info.reason });
      const found = `Lean REPL: ${[info.command, ...info.args].join(' ')}${info.leanVersion ? ` (${info.leanVersion})` : ''}`;
      if (input.op === 'info') return okResult<LeanView>({ ...base, status: 'ok', detail: found });
      const fail = (o: Parameters<typeof mod.describeFailure>[0]): ApiResult<LeanView> =>
        okResult<LeanView>({
          ...base,
          status: o.kind,
          detail: mod.describeFailure(o),
          markers: o.kind === 'leanError' ? mod.toMonacoMarkers(o.messages, input.op === 'check' ? input.code : undefined) : [],
        });
      if (input.op === 'check') {
        const r = await svc.check(input.code, { timeoutMs: 60_000 });
        if (r.kind !== 'ok') return fail(r);
        const v = r.value;
        return okResult<LeanView>({
          ...base,
          status: 'ok',
          detail: `${v.errors} error(s), ${v.warnings} warning(s), ${v.sorries.length} sorry(ies)`,
          markers: mod.toMonacoMarkers(v.messages, input.code),
          sorries: v.sorries.map((x) => ({ ...(x.pos ? { line: x.pos.line } : {}), goal: x.goal, proofState: x.proofState })),
          errors: v.errors,
          warnings: v.warnings,
        });
      }
      const r = await svc.tactic(input.proofState, input.tactic, { timeoutMs: 60_000 });
      if (r.kind !== 'ok') return fail(r);
      const v = r.value;
      return okResult<LeanView>({
        ...base,
        status: 'ok',
        detail: v.solved ? 'no goals left' : `${v.goals.length} goal(s)${v.proofStatus ? ` — ${v.proofStatus}` : ''}`,
        markers: mod.toMonacoMarkers(v.messages),
        goals: v.goals,
        proofState: v.proofState,
        solved: v.solved,
      });
    },

    async explore({ source, only, maxTermSize, timeoutMs }) {
      const g = await load('genlogic');
      if (!g.ok) return unavailable(g.reason);
      let req: { name: string; axioms: string; declarations: string };
      if (source.kind === 'corpus') {
        const dir = corpusDir(source.name);
        if (!dir) return unavailable(`the shipped corpus corpora/${source.name} was not found beside the service`);
        req = {
          name: source.name,
          axioms: await readFile(join(dir, `${source.name}.p`), 'utf8'),
          declarations: await readFile(join(dir, 'nat.ind'), 'utf8'),
        };
      } else req = { name: 'editor', axioms: source.axioms, declarations: source.declarations };
      const job = startJob();
      job.state = { state: 'running', startedAt: job.startedAt, message: `exploring ${req.name}` };
      const run = startExploration(
        load,
        { ...req, ...(only ? { only } : {}), ...(maxTermSize !== undefined ? { maxTermSize } : {}), deadline: Date.now() + timeoutMs },
        (progress) => {
          if (job.state.state !== 'running') return;
          job.state = {
            state: 'running',
            startedAt: job.startedAt,
            message: `${progress.phase}: ${progress.processed}/${progress.conjectures} conjectures, ${progress.proofs} proofs`,
          };
          opts.emit({ type: 'exploreProgress', jobId: job.id, progress });
        },
        opts.exploreInWorker === undefined ? {} : { useWorker: opts.exploreInWorker },
      );
      explorations.set(job.id, run);
      void run.done.then((m) => {
        explorations.delete(job.id);
        if (job.controller.signal.aborted) return finish(job, { state: 'cancelled' });
        if (m.type === 'done') finish(job, { state: 'exploreDone', result: m.result });
        else finish(job, { state: 'failed', failure: m.reason });
      });
      return okResult({ jobId: job.id });
    },

    sessionSave: (input) => sessions.save(input),
    sessionOpen: ({ path }) => sessions.open(path),
    sessionList: () => sessions.list(),

    async settingsGet() {
      return okResult(await readSettings());
    },

    async settingsSet({ settings }) {
      await mkdir(opts.dataDir, { recursive: true });
      const { nlApiKey, nlApiKeySet: _set, ...rest } = settings;
      void _set;
      if (nlApiKey !== undefined) {
        // Kept apart from settings.json, owner-only, and never sent back.
        const tmp = `${secretsFile}.tmp-${process.pid}`;
        await writeFile(tmp, JSON.stringify(nlApiKey === '' ? {} : { nlApiKey }), { encoding: 'utf8', mode: 0o600 });
        await chmod(tmp, 0o600);
        await rename(tmp, secretsFile);
      }
      await writeFile(settingsFile, JSON.stringify(rest, null, 2), 'utf8');
      return okResult(await readSettings());
    },
  };

  return {
    handlers,
    async dispatch(method, input) {
      if (!isApiMethod(method)) return { kind: 'invalid', issues: [`unknown method ${method}`] };
      const v = validateInput(method, input);
      if (!v.ok) return { kind: 'invalid', issues: v.issues };
      try {
        return await (handlers[method] as (i: unknown) => Promise<ApiResult<unknown>>)(v.value);
      } catch (e) {
        // A bug in a handler or an engine module: report it, keep the service alive.
        return errorResult(`${method} failed: ${(e as Error).message ?? String(e)}`);
      }
    },
    dispose() {
      parser.dispose();
      for (const c of nlRequests.values()) c.abort();
      for (const e of explorations.values()) e.stop();
      void leanService?.close();
      for (const job of jobs.values()) {
        if (job.state.state === 'running') {
          job.controller.abort();
          finish(job, { state: 'cancelled' });
        }
      }
    },
  };
}

/** The shipped corpora folder (corpora/<name> at the project root, found from this file in sources and in dist/). */
function corpusDir(name: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const c = join(dir, 'corpora', name);
    if (existsSync(join(c, 'nat.ind'))) return c;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

export type { ProverId };
