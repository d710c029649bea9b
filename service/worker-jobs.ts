/**
 * The jobs that run in worker threads (service/job-worker.ts), as plain async
 * functions of an engine loader and their validated input, so the same code runs
 * in a worker (compiled build) or in-process (tests with fake engines, tsx).
 */
import type { z } from 'zod';
import type { ApiResult, GraphData, RunResult, inputSchemas } from '../api/contract.js';
import { okResult, unavailable } from '../api/contract.js';
import type { Problem } from '../provers/logic/index.js';
import { clausify } from '../provers/logic/cnf.js';

/** Clausification time for a model's notes (the model itself is already shown). */
const MODEL_NOTES_MS = 5000;
import type { EngineLoader } from './engine.js';
import { nlJudgeJob } from './nl-job.js';

export type PrologInput = z.output<(typeof inputSchemas)['prolog']>;
export interface ExportHtmlInput {
  readonly graphs: readonly GraphData[];
  readonly title: string;
}

/** Run a Prolog query (step-limited by the caller's maxSteps) and build its proof graph. */
export async function prologJob(load: EngineLoader, { program, query, maxSteps }: PrologInput): Promise<ApiResult<RunResult>> {
  const pl = await load('prolog');
  if (!pl.ok) return unavailable(pl.reason);
  const t0 = Date.now();
  const goal = query.trim().replace(/\.$/, '');
  const out = await pl.mod.runProlog(program, `${goal}.`, { maxSteps, maxAnswers: 20, proofs: true });
  const timeMs = Date.now() - t0;
  const answers = out.answers.map((a) => a.text);
  let graph: RunResult['graph'];
  const tree = out.answers[0]?.proof;
  if (tree) {
    const gi = await load('graph');
    if (gi.ok) {
      const { steps, root } = pl.mod.treeToSteps(tree);
      graph = gi.mod.fromPrologSteps(steps, root, `?- ${goal}.`);
    }
  }
  const base = { prover: 'tau-prolog', timeMs, answers, ...(graph ? { graph } : {}) };
  if (out.status === 'error')
    return okResult({ ...base, status: 'Error', message: `${out.error.kind} error in the ${out.error.in}: ${out.error.message}` });
  if (out.status === 'limit') return okResult({ ...base, status: answers.length > 0 ? 'Theorem' : 'ResourceOut', message: out.message });
  // SLD resolution is sound for Horn programs: an answer proves the query. Failure is negation as failure, not a countermodel.
  return okResult({
    ...base,
    status: answers.length > 0 ? 'Theorem' : 'Unknown',
    message:
      answers.length > 0
        ? `${answers.length}${out.exhausted ? '' : '+'} answer(s), ${out.steps} steps`
        : `no: the query fails (${out.steps} steps)`,
  });
}

export async function exportHtmlJob(load: EngineLoader, { graphs, title }: ExportHtmlInput): Promise<ApiResult<{ html: string }>> {
  const g = await load('graph');
  if (!g.ok) return unavailable(g.reason);
  return okResult({ html: g.mod.exportHtml(graphs, { title }) });
}

export interface ModelNotesInput {
  readonly problem: Problem;
}

/**
 * What each symbol the clausifier introduced stands for (Skolem functions and constants, definitions),
 * by symbol, read from the clausification of the problem whose model is shown. Clausifying is the
 * problem's own untrusted work, so it runs here and not on the service's event loop.
 */
export async function modelNotesJob(load: EngineLoader, { problem }: ModelNotesInput): Promise<ApiResult<Record<string, string>>> {
  const g = await load('graph');
  if (!g.ok) return unavailable(g.reason);
  // The worker's own wall-clock limit bounds this too; the deadline makes the clausifier stop cleanly first.
  const cl = clausify(problem, { deadline: Date.now() + MODEL_NOTES_MS });
  if (!cl.ok) return unavailable(cl.error.message);
  const notes: Record<string, string> = {};
  for (const s of g.mod.clausificationSymbols(cl.value.steps)) notes[s.symbol] = g.mod.explainIntroduced(s);
  return okResult(notes);
}

/** Every job kind the worker runs, by name. */
export const JOBS = {
  prolog: prologJob,
  exportHtml: exportHtmlJob,
  nlJudge: nlJudgeJob,
  modelNotes: modelNotesJob,
} as const satisfies Record<string, (load: EngineLoader, input: never, signal?: AbortSignal) => Promise<ApiResult<unknown>>>;
export type JobKind = keyof typeof JOBS;
export type JobInput<K extends JobKind> = Parameters<(typeof JOBS)[K]>[1];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<(typeof JOBS)[K]>>;

export function isJobKind(s: unknown): s is JobKind {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(JOBS, s);
}
