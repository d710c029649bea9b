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
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep, basename } from 'node:path';
import type { Formula, Problem, ProverResult } from '../provers/logic/index.js';
import {
  DEFAULT_SETTINGS,
  PROVERS,
  SESSION_VERSION,
  errorResult,
  isApiMethod,
  okResult,
  sessionSchema,
  settingsSchema,
  unavailable,
  validateInput,
} from '../electron/common/api.js';
import type {
  ApiMethod,
  ApiOutput,
  ApiResult,
  BatchRow,
  BatchSummaryView,
  JobEvent,
  JobState,
  Limits,
  NlSample,
  ProverId,
  ProverInfo,
  RunResult,
  SessionEntry,
  Settings,
} from '../electron/common/api.js';
import type { z } from 'zod';
import type { inputSchemas } from '../electron/common/api.js';
import { moduleLoader, summariseCheck } from './engines.js';
import type { EngineLoader } from './engines.js';
import type { BatchProblemResult, EngineModules, ExternalProverId } from './contracts.js';
import { modelTables } from './views.js';
import { createParser } from './parsing.js';

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
  const roots = [sessionsDir, ...(opts.allowedRoots ?? []).map((r) => resolve(r))];

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
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(settingsFile, 'utf8')));
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    } catch {
      return DEFAULT_SETTINGS;
    }
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
      const job = jobs.get(jobId);
      if (!job || job.state.state !== 'running') return okResult({ cancelled: false });
      job.controller.abort();
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

    async exportHtml({ graph }) {
      const g = await load('graph');
      if (!g.ok) return unavailable(g.reason);
      return okResult({ html: g.mod.exportHtml([graph], { title: graph.title }) });
    },

    async nlProviders() {
      const [pipe, eng] = await Promise.all([load('nlPipeline'), load('nlEngine')]);
      const ready = pipe.ok && eng.ok;
      const why = !pipe.ok ? pipe.reason : !eng.ok ? eng.reason : '';
      return okResult([
        { id: 'cnl', available: ready, detail: ready ? 'controlled English, deterministic, one sample' : why },
        {
          id: 'replay',
          available: false,
          detail: 'replays recorded LLM output for dataset problems only (use `entail eval`); free text has no recording',
        },
        { id: 'openai', available: false, detail: 'LLM providers are not wired into the workbench yet (use `entail eval`)' },
      ]);
    },

    async nlJudge({ premises, conclusion, provider, edited }) {
      if (provider !== 'cnl') return unavailable(`NL provider '${provider}' is not wired into the workbench (only 'cnl')`);
      const [pipe, eng, jm, syn] = await Promise.all([load('nlPipeline'), load('nlEngine'), load('nlJudge'), load('syntax')]);
      if (!pipe.ok) return unavailable(pipe.reason);
      if (!eng.ok) return unavailable(eng.reason);
      const engine = eng.mod.defaultEngine;
      const show = (f: Formula | undefined, fol: string): string =>
        f && syn.ok && syn.mod.printFormula ? syn.mod.printFormula(f, 'entail') : fol;
      // Judging runs the embedded prover in-process: keep each call short so the server stays responsive.
      const opts = { timeoutMs: NL_PROVER_MS, certify: true };
      const r = await pipe.mod.runProblem({ id: 'workbench', premises, conclusion }, pipe.mod.cnlTranslator(), engine, opts);
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

    async lean() {
      const l = await load('lean');
      return unavailable(l.ok ? 'Lean bridge present but not wired into the workbench yet (no Lean on this machine)' : l.reason);
    },

    async explore() {
      const g = await load('genlogic');
      return unavailable(g.ok ? 'Generative-Logic explorer present but not wired into the workbench yet' : g.reason);
    },

    async sessionSave({ session, path }) {
      const target = path ? resolve(path) : join(sessionsDir, `${slug(session.name)}.entail.json`);
      if (!within(target, roots)) return { kind: 'invalid', issues: ['sessions are saved in the sessions folder'] };
      const saved = { ...session, version: SESSION_VERSION, savedAt: new Date().toISOString() };
      await mkdir(resolve(target, '..'), { recursive: true });
      // Write-then-rename so an autosave interrupted half-way never leaves a truncated session.
      const tmp = `${target}.tmp-${process.pid}`;
      await writeFile(tmp, JSON.stringify(saved), 'utf8');
      await rename(tmp, target);
      return okResult({ name: saved.name, path: target, savedAt: saved.savedAt });
    },

    async sessionOpen({ path }) {
      const target = resolve(sessionsDir, path);
      if (!within(target, roots)) return { kind: 'invalid', issues: ['sessions are opened from the sessions folder'] };
      let raw: string;
      try {
        raw = await readFile(target, 'utf8');
      } catch (e) {
        return {
          kind: 'invalid',
          issues: [`cannot read ${basename(target)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`],
        };
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return { kind: 'invalid', issues: [`${basename(target)} is not a session file (not JSON)`] };
      }
      const s = sessionSchema.safeParse(json);
      if (!s.success)
        return { kind: 'invalid', issues: [`${basename(target)} is not a valid session: ${s.error.issues[0]?.message ?? ''}`] };
      return okResult(s.data);
    },

    async sessionList() {
      let names: string[];
      try {
        names = (await readdir(sessionsDir)).filter((n) => n.endsWith('.entail.json'));
      } catch {
        return okResult([]);
      }
      const out: SessionEntry[] = [];
      for (const n of names) {
        const p = join(sessionsDir, n);
        try {
          const st = await stat(p);
          out.push({ name: n.replace(/\.entail\.json$/, ''), path: p, savedAt: st.mtime.toISOString() });
        } catch {
          // deleted between readdir and stat
        }
      }
      out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      return okResult(out.slice(0, 50));
    },

    async settingsGet() {
      return okResult(await readSettings());
    },

    async settingsSet({ settings }) {
      await mkdir(opts.dataDir, { recursive: true });
      await writeFile(settingsFile, JSON.stringify(settings, null, 2), 'utf8');
      return okResult(settings);
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
      for (const job of jobs.values()) {
        if (job.state.state === 'running') {
          job.controller.abort();
          finish(job, { state: 'cancelled' });
        }
      }
    },
  };
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'session'
  );
}

function within(p: string, roots: readonly string[]): boolean {
  return roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
}

export type { ProverId };
