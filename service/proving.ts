/**
 * Proving: parse for the editor, prove with the embedded or an external prover (as a
 * job), Prolog queries, the prover list, and HTML export of proof graphs.
 */
import type { Problem, ProverResult } from '../provers/logic/index.js';
import { MAX_MODEL_NOTE, PROVERS, errorResult, okResult, unavailable } from '../api/contract.js';
import type { Limits, ProverId, ProverInfo, RunResult } from '../api/contract.js';
import type { AreaHandlers, ServiceContext } from './context.js';
import { safe } from './context.js';
import type { EngineModules } from './engine.js';
import { summariseCheck } from './engine.js';
import { modelTables, problemSymbols } from './views.js';
import { describeOutcome } from './workers.js';
import type { Job } from './jobs.js';

type ExternalProverId = Parameters<EngineModules['external']['runExternal']>[0];

/** Workbench prover ids → provers/external ids. */
export const EXTERNAL_IDS: Partial<Record<ProverId, ExternalProverId>> = { eprover: 'e', vampire: 'vampire', prover9: 'prover9', z3: 'z3' };

/** The model-notes job re-clausifies the problem; past this it is dropped and the model is shown without notes. */
const NOTES_TIMEOUT_MS = 10_000;

export function provingHandlers(ctx: ServiceContext): AreaHandlers<'parse' | 'prove' | 'prolog' | 'provers' | 'exportHtml'> {
  const { load, parser, jobs, settings } = ctx;

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

  /** A model's tables with a note on each symbol the clausifier introduced; without notes if that job fails. */
  async function finishWithNotes(job: Job, result: RunResult, problem: Problem): Promise<void> {
    // Only a symbol the problem does not have can need a note: most models need no second clausification.
    const own = new Set(problemSymbols(problem).map((s) => s.name));
    if (!result.modelTables?.some((t) => !own.has(t.symbol))) return jobs.finish(job, { state: 'done', result });
    const o = await ctx.runner.run('modelNotes', { problem }, job.controller.signal, { timeoutMs: NOTES_TIMEOUT_MS });
    const notes = o.kind === 'ok' && o.value.kind === 'ok' ? o.value.value : {};
    const tables = result.modelTables.map((t) =>
      Object.hasOwn(notes, t.symbol) && !own.has(t.symbol) ? { ...t, note: notes[t.symbol]!.slice(0, MAX_MODEL_NOTE) } : t,
    );
    jobs.finish(job, { state: 'done', result: { ...result, modelTables: tables } });
  }

  /** An external prover's answer: its TSTP / Prover9 proof text becomes a graph through the graph importers. */
  async function externalResult(
    r: ProverResult & { proofText?: string; proofFormat?: 'tstp' | 'prover9' },
    title: string,
  ): Promise<RunResult> {
    let graph: RunResult['graph'];
    let note: string | undefined;
    if (r.proofText) {
      const gi = await load('graph');
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

  return {
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
      const job = jobs.start();
      jobs.progress(job, `proving ${problem.statements.length} statements with ${prover}`);
      const signal = job.controller.signal;
      const syntax = syn.mod;
      void ctx.runner.limiter.run(async () => {
        try {
          let result: RunResult;
          if (external) {
            const ext = run.mod as EngineModules['external'];
            const printProblem = syntax.printProblem;
            if (!printProblem)
              return jobs.finish(job, {
                state: 'failed',
                failure: 'the syntax module has no printProblem (needed to hand the problem to an external prover)',
              });
            const prefs = await settings.read();
            const path = prefs.externalPaths[prover];
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
            if (signal.aborted) return jobs.finish(job, { state: 'cancelled' });
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
            if (signal.aborted) return jobs.finish(job, { state: 'cancelled' });
            result = await toRunResult(r, problem, limits);
            // Not awaited: the notes job takes a limiter slot of its own, and this one must be given back first.
            if (result.modelTables?.length) return void finishWithNotes(job, result, problem);
          }
          jobs.finish(job, { state: 'done', result });
        } catch (e) {
          jobs.finish(
            job,
            signal.aborted ? { state: 'cancelled' } : { state: 'failed', failure: `prover crashed: ${(e as Error).message}` },
          );
        }
      }, signal);
      return okResult({ jobId: job.id });
    },

    async prolog(input) {
      // A worker with its own heap and wall-clock limits: `loop :- loop.` at the maximum step count must not stall the server.
      const t0 = Date.now();
      const o = await ctx.runner.run('prolog', input);
      if (o.kind === 'ok') return o.value;
      if (o.kind === 'timeout' || o.kind === 'memory')
        return okResult<RunResult>({
          status: 'ResourceOut',
          prover: 'tau-prolog',
          timeMs: Date.now() - t0,
          answers: [],
          message: describeOutcome(o),
        });
      return errorResult(`prolog: ${describeOutcome(o)}`);
    },

    async provers() {
      const [run, ext] = await Promise.all([load('run'), load('external')]);
      const prefs = await settings.read();
      const paths = Object.fromEntries(
        Object.entries(EXTERNAL_IDS)
          .filter(([ui]) => prefs.externalPaths[ui])
          .map(([ui, id]) => [id, prefs.externalPaths[ui]!]),
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
              : `${d?.name ?? id} not found (put it on PATH, or set ENTAIL_${id.toUpperCase()} or executables.json)`,
          });
        }
      }
      return okResult(out);
    },

    async exportHtml({ graph, more, title }) {
      const o = await ctx.runner.run('exportHtml', { graphs: [graph, ...(more ?? [])], title: title ?? graph.title });
      return o.kind === 'ok' ? o.value : errorResult(`exportHtml: ${describeOutcome(o)}`);
    },
  };
}
