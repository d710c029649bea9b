/**
 * The Generative-Logic explorer for the service. `explore()` (provers/genlogic) is
 * pure and synchronous and a full Peano run takes 10–20 s, so each exploration runs
 * in its own worker thread (compiled build): progress comes back as messages while it
 * runs, and cancel terminates the worker at once. Under tsx (development, where Node 20
 * workers cannot load .ts files) it runs in-process, stopped by its deadline only.
 */
import { Worker } from 'node:worker_threads';
import type { ExploreProgressView, ExploreResult } from '../api/contract.js';
import type { EngineLoader } from './engine.js';
import type { EngineModules } from './engine.js';

export interface ExploreRequest {
  readonly name: string;
  /** TPTP axioms. */
  readonly axioms: string;
  /** `inductive nat = zero | s(nat).` (+ optional `explore f, g.` / `variables x, y.`). */
  readonly declarations: string;
  readonly only?: readonly string[];
  readonly maxTermSize?: number;
  /** Date.now() ms. */
  readonly deadline: number;
}

export type ExploreMessage =
  | { readonly type: 'progress'; readonly progress: ExploreProgressView }
  | { readonly type: 'done'; readonly result: ExploreResult }
  | { readonly type: 'failed'; readonly reason: string };

export type ExploreEnd = Exclude<ExploreMessage, { type: 'progress' }>;

export interface ExploreModules {
  readonly syntax: EngineModules['syntax'];
  readonly genlogic: EngineModules['genlogic'];
}

/** Progress messages at most this often. */
const PROGRESS_EVERY_MS = 200;

/** Parse the theory and explore it; `failed` for a theory that does not parse. */
export function runExploration(
  m: ExploreModules,
  req: ExploreRequest,
  onProgress: (p: ExploreProgressView) => void,
  shouldStop: () => boolean = () => false,
): ExploreEnd {
  const ax = m.syntax.parseProblem(req.axioms, { dialect: 'tptp', file: `${req.name}.p`, name: req.name });
  if (!ax.ok) return { type: 'failed', reason: `axioms, line ${ax.error.line}:${ax.error.col}: ${ax.error.message}` };
  const decl = m.genlogic.parseDeclarations(req.declarations, `${req.name}.ind`);
  if (!decl.ok) return { type: 'failed', reason: `declarations, line ${decl.error.line}:${decl.error.col}: ${decl.error.message}` };
  const theory = { name: req.name, axioms: ax.value.statements.filter((s) => s.role !== 'conjecture'), nat: decl.value.nat };
  const all = m.genlogic.defaultFunctions(theory);
  const wanted = decl.value.explore;
  const functions = wanted ? all.filter((f) => wanted.includes(f.name)) : all;
  const prec = m.genlogic.theoryPrecedence(decl.value.nat, functions);
  let last = -PROGRESS_EVERY_MS;
  const d = m.genlogic.explore(theory, {
    functions,
    provers: [m.genlogic.rewritingProver(prec)],
    deadline: req.deadline,
    shouldStop,
    ...(decl.value.variables ? { variables: decl.value.variables } : {}),
    ...(req.only && req.only.length > 0 ? { onlySymbols: req.only } : {}),
    ...(req.maxTermSize !== undefined ? { maxTermSize: req.maxTermSize } : {}),
    onProgress: (p) => {
      if (p.phase !== 'done' && p.elapsedMs - last < PROGRESS_EVERY_MS) return;
      last = p.elapsedMs;
      onProgress({ phase: p.phase, elapsedMs: p.elapsedMs, conjectures: p.conjectures, processed: p.processed, proofs: p.proofs });
    },
  });
  if (d.stopped === 'error') return { type: 'failed', reason: d.error ?? 'the theory could not be explored' };
  const graphs = m.genlogic.derivationGraphs(d);
  const s = d.stats;
  return {
    type: 'done',
    result: {
      theory: d.theory,
      stopped: d.stopped,
      stats: {
        terms: s.terms,
        generated: s.generated,
        refuted: s.refuted,
        conjectures: s.conjectures,
        redundant: s.redundant,
        proved: s.proved,
        failed: s.failed,
        kept: s.kept,
        timeMs: s.timeMs,
      },
      theorems: d.theorems.map((t, i) => ({
        order: t.order,
        title: graphs[i]?.title ?? `T${t.order}: ${m.genlogic.equationText(t.equation)}`,
        method: t.method,
        ...(t.variable !== undefined ? { variable: t.variable } : {}),
        kept: t.kept,
        checked: t.cases.every((c) => c.check.ok),
      })),
      graphs,
      dependencies: m.genlogic.dependencyProofGraph(m.genlogic.dependencyGraph(d), d),
    },
  };
}

export async function loadExploreModules(load: EngineLoader): Promise<{ ok: true; mods: ExploreModules } | { ok: false; reason: string }> {
  const [syntax, genlogic] = await Promise.all([load('syntax'), load('genlogic')]);
  if (!syntax.ok) return { ok: false, reason: syntax.reason };
  if (!genlogic.ok) return { ok: false, reason: genlogic.reason };
  return { ok: true, mods: { syntax: syntax.mod, genlogic: genlogic.mod } };
}

export interface Exploration {
  /** Resolves with the final message (never rejects). */
  readonly done: Promise<ExploreEnd>;
  /** Stop now (terminates the worker). */
  stop(): void;
}

/** Start one exploration: a worker thread in the compiled build, in-process otherwise. */
export function startExploration(
  load: EngineLoader,
  req: ExploreRequest,
  onProgress: (p: ExploreProgressView) => void,
  opts: { useWorker?: boolean } = {},
): Exploration {
  const useWorker = opts.useWorker ?? import.meta.url.endsWith('.js');
  if (!useWorker) {
    let stopped = false;
    const done = (async (): Promise<ExploreEnd> => {
      const m = await loadExploreModules(load);
      if (!m.ok) return { type: 'failed', reason: m.reason };
      // Let the caller return the job id before the synchronous run starts.
      await new Promise((r) => setTimeout(r, 0));
      return runExploration(m.mods, req, onProgress, () => stopped);
    })();
    return { done, stop: () => (stopped = true) };
  }
  const worker = new Worker(new URL('./explore-worker.js', import.meta.url), { workerData: req });
  let settle: (m: ExploreEnd) => void = () => {};
  const done = new Promise<ExploreEnd>((res) => (settle = res));
  let finished = false;
  const end = (m: ExploreEnd): void => {
    if (finished) return;
    finished = true;
    settle(m);
    void worker.terminate();
  };
  worker.on('message', (m: ExploreMessage) => {
    if (m.type === 'progress') onProgress(m.progress);
    else end(m);
  });
  worker.on('error', (e) => end({ type: 'failed', reason: `explorer worker failed: ${e.message}` }));
  worker.on('exit', (code) => end({ type: 'failed', reason: `explorer worker exited (${code})` }));
  return { done, stop: () => end({ type: 'failed', reason: 'cancelled' }) };
}
