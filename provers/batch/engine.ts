/**
 * The batch engine: walk → problems → N parallel jobs → journal → report.
 *
 * Ordering: problems are sorted by (path, record index) up front and the report
 * is sorted the same way, so finish order never shows. Durability: each result
 * is journaled (fsync'd) before it is announced; on resume the journal's results
 * are taken as they are and their problems are not run again. Cancellation
 * (opts.signal) stops scheduling and kills running attempts; those problems are
 * not journaled and count as pending in the partial report.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Problem } from '../logic/problem.js';
import type { ProverResult } from '../logic/proof.js';
import { runExternal } from '../external/index.js';
import type { ExternalResult } from '../external/index.js';
import { problemsOf, recordProblems } from './formats.js';
import { JournalWriter, readJournal } from './journal.js';
import { WorkerSlot, graceMs } from './pool.js';
export { WorkerSlot } from './pool.js';
import { conflicting, isSolved, isWrong, runQueries } from './queries.js';
import type { QueryOutcome } from './queries.js';
import { buildReport } from './report.js';
import type {
  Attempt,
  BatchDeps,
  BatchEvent,
  BatchExecutor,
  BatchOptions,
  BatchReport,
  BatchStatus,
  ProblemRef,
  ProblemResult,
  ProverName,
} from './types.js';
import { collectFiles } from './walk.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

/** The modules the engine uses by default (loaded lazily so tests and fakes never import them). */
export async function defaultDeps(): Promise<BatchDeps> {
  const m = await import('./default-deps.js');
  return m.makeDefaultDeps();
}

function defaultProverModule(): string {
  return new URL(import.meta.url.endsWith('.ts') ? '../run/index.ts' : '../run/index.js', import.meta.url).href;
}

interface AttemptResult {
  readonly prover: ProverName;
  readonly status: BatchStatus;
  readonly message?: string;
  readonly ms: number;
  /** Artifact content for the report: TSTP/Prover9 text or an embedded ProverResult with its proof. */
  readonly proofText?: string;
  readonly proofExt?: string;
  readonly proofResult?: ProverResult;
}

interface JobContext {
  readonly deps: BatchDeps;
  readonly opts: BatchOptions;
  readonly timeoutMs: number;
  readonly slot: WorkerSlot;
  readonly wantProof: boolean;
}

/** Problems to give the embedded prover / to print for external provers. */
export async function queryProblems(
  ref: ProblemRef,
  deps: BatchDeps,
): Promise<{ ok: true; problems: Problem[] } | { ok: false; status: BatchStatus; message: string }> {
  if (ref.inline) return { ok: true, problems: [...ref.inline] };
  if (ref.record) {
    if (!ref.record.ok) return { ok: false, status: ref.record.status, message: ref.record.message };
    const { pos, neg } = recordProblems(ref.record, ref.name);
    return { ok: true, problems: [pos, neg] };
  }
  const r = await deps.loadProblem(ref.absPath);
  if (!r.ok) return { ok: false, status: 'InputError', message: r.error };
  return { ok: true, problems: [r.value] };
}

async function attemptEmbedded(ref: ProblemRef, ctx: JobContext, signal: AbortSignal): Promise<AttemptResult> {
  const start = Date.now();
  const q = await queryProblems(ref, ctx.deps);
  if (!q.ok) return { prover: 'entail', status: q.status, message: q.message, ms: Date.now() - start };
  const loadMs = Date.now() - start;
  const remaining = Math.max(1, ctx.timeoutMs - loadMs);
  const o = await ctx.slot.run(q.problems, remaining, ctx.wantProof, signal);
  // Thread start-up is not billed to the problem: loading + the prover's own time.
  const ms = loadMs + (o.kind === 'crashed' ? 0 : o.ms);
  switch (o.kind) {
    case 'done': {
      const proof = o.outcome.decisive?.proof ? o.outcome.decisive : undefined;
      return {
        prover: 'entail',
        status: o.outcome.status,
        ...(o.outcome.message ? { message: o.outcome.message } : {}),
        ms,
        ...(proof ? { proofResult: proof } : {}),
      };
    }
    case 'killed':
      return o.reason === 'timeout'
        ? {
            prover: 'entail',
            status: 'Timeout',
            message: `worker terminated at the limit (${ctx.timeoutMs} ms + ${graceMs(ctx.timeoutMs)} ms grace)`,
            ms,
          }
        : { prover: 'entail', status: 'GaveUp', message: 'cancelled', ms };
    case 'crashed':
      return { prover: 'entail', status: o.outOfMemory ? 'ResourceOut' : 'Error', message: o.message, ms };
  }
}

async function attemptExternal(
  ref: ProblemRef,
  prover: Exclude<ProverName, 'entail' | 'lean'>,
  ctx: JobContext,
  signal: AbortSignal,
): Promise<AttemptResult> {
  const start = Date.now();
  const codec = {
    printTptp: (p: Problem) => ctx.deps.printTptp(p),
    loadTptp: (path: string) => ctx.deps.loadProblem(path),
  };
  const common = { config: ctx.opts.external ?? {}, codec, signal, ...(ctx.opts.memMb !== undefined ? { memMb: ctx.opts.memMb } : {}) };
  let q: QueryOutcome;
  if (!ref.inline && ((ref.format === 'tptp' && !ref.hasIncludes) || ref.format === 'ladr')) {
    const r = await runExternal(
      prover,
      ref.format === 'tptp' ? { kind: 'tptpFile', path: ref.absPath } : { kind: 'ladrFile', path: ref.absPath },
      {
        ...common,
        timeoutMs: ctx.timeoutMs,
      },
    );
    q = { status: r.status, ...(r.message ? { message: r.message } : {}), decisive: r, results: [r] };
  } else {
    const qp = await queryProblems(ref, ctx.deps);
    if (!qp.ok) return { prover, status: qp.status, message: qp.message, ms: Date.now() - start };
    q = await runQueries(qp.problems, ctx.timeoutMs, (p, ms) =>
      runExternal(prover, { kind: 'problem', problem: p }, { ...common, timeoutMs: ms }),
    );
  }
  const d = q.decisive as ExternalResult | undefined;
  const proofText = d?.proofText;
  return {
    prover,
    status: q.status,
    ...(q.message ? { message: q.message } : {}),
    ms: Date.now() - start,
    ...(proofText ? { proofText, proofExt: d?.proofFormat === 'prover9' ? '.prover9.txt' : '.tstp' } : {}),
  };
}

async function attemptLean(ref: ProblemRef, ctx: JobContext, signal: AbortSignal): Promise<AttemptResult> {
  if (!ctx.deps.checkLean) return { prover: 'lean', status: 'Skipped', message: 'skipped: Lean not installed (no Lean bridge)', ms: 0 };
  const start = Date.now();
  const r = await ctx.deps.checkLean(ref.absPath, ctx.timeoutMs, signal);
  return { prover: 'lean', status: r.status, ...(r.message ? { message: r.message } : {}), ms: Date.now() - start };
}

async function attempt(ref: ProblemRef, prover: ProverName, ctx: JobContext, signal: AbortSignal): Promise<AttemptResult> {
  if (prover === 'lean') return attemptLean(ref, ctx, signal);
  if (prover === 'entail') return attemptEmbedded(ref, ctx, signal);
  if (ref.format === 'ladr' && prover !== 'prover9')
    return { prover, status: 'Skipped', message: `${prover} does not read LADR input`, ms: 0 };
  return attemptExternal(ref, prover, ctx, signal);
}

/** Portfolio: all provers start together; the first definitive answer wins and the others are cancelled. */
async function solvePortfolio(
  ref: ProblemRef,
  ctx: JobContext,
  outer: AbortSignal,
): Promise<{ win?: AttemptResult; attempts: AttemptResult[] } | 'cancelled'> {
  // A .lean file has one checker whatever the portfolio says.
  const provers: readonly ProverName[] =
    ref.format === 'lean' ? ['lean'] : ctx.opts.provers && ctx.opts.provers.length > 0 ? ctx.opts.provers : ['entail'];
  const ac = new AbortController();
  const onOuter = (): void => ac.abort();
  outer.addEventListener('abort', onOuter, { once: true });
  try {
    const attempts: (AttemptResult | undefined)[] = provers.map(() => undefined);
    let win: AttemptResult | undefined;
    await Promise.all(
      provers.map(async (p, i) => {
        const r = await attempt(ref, p, ctx, ac.signal).catch(
          // A throw from a dependency (loader, reader, exporter) is a bug there: report it against this problem only.
          (e: unknown): AttemptResult => ({
            prover: p,
            status: 'Error',
            message: `internal error: ${e instanceof Error ? e.message : String(e)}`,
            ms: 0,
          }),
        );
        attempts[i] = r;
        if (!win && isSolved(r.status) && !ac.signal.aborted) {
          win = r;
          if (!ctx.opts.compare) ac.abort();
        }
      }),
    );
    if (outer.aborted) return 'cancelled';
    return { ...(win ? { win } : {}), attempts: attempts.map((a) => a!) };
  } finally {
    outer.removeEventListener('abort', onOuter);
  }
}

/** Which failed attempt speaks for the problem when none solved it (portfolio order, but real answers over NotInstalled/Skipped). */
function representative(attempts: readonly AttemptResult[]): AttemptResult {
  const weak = (s: BatchStatus): boolean => s === 'NotInstalled' || s === 'Skipped';
  return attempts.find((a) => !weak(a.status)) ?? attempts[0]!;
}

function safeName(ref: ProblemRef): string {
  const h = createHash('sha1').update(ref.key).digest('hex').slice(0, 8);
  const b = (ref.index !== undefined ? `${basename(ref.path)}-${ref.index}` : basename(ref.path)).replace(/[^A-Za-z0-9._-]/g, '_');
  return `${b}-${h}`;
}

/** Write a file under the artifacts folder; undefined when it cannot be written (the result matters more than the link). */
function writeUnder(dir: string, name: string, content: string): string | undefined {
  const file = join(dir, name);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, content);
  } catch {
    return undefined;
  }
  return relative(dirname(dir), file);
}

/** Proof files of the winning attempt: raw text (external) and an HTML page when the graph exporter can read it. */
function writeArtifacts(ref: ProblemRef, a: AttemptResult, ctx: JobContext): { proof_file?: string; proof_text_file?: string } {
  const dir = ctx.opts.artifactsDir;
  if (!dir) return {};
  const base = safeName(ref);
  const title = `${ref.name} (${a.status}, ${a.prover})`;
  // Exporters are other modules' code: a throw there costs the HTML page, not the result.
  const tryHtml = (f: () => string | undefined): string | undefined => {
    try {
      return f() || undefined;
    } catch {
      return undefined;
    }
  };
  if (a.proofText) {
    const text = writeUnder(dir, base + (a.proofExt ?? '.txt'), a.proofText);
    const format = a.proofExt === '.prover9.txt' ? 'prover9' : 'tstp';
    const html = tryHtml(() => ctx.deps.exportTextProofHtml?.(a.proofText!, format, title));
    const page = html ? writeUnder(dir, base + '.html', html) : undefined;
    const file = page ?? text;
    return { ...(file ? { proof_file: file } : {}), ...(text ? { proof_text_file: text } : {}) };
  }
  if (a.proofResult?.proof) {
    const html = tryHtml(() => ctx.deps.exportProofHtml?.(a.proofResult!, title));
    const file = html
      ? writeUnder(dir, base + '.html', html)
      : writeUnder(dir, base + '.proof.json', JSON.stringify(a.proofResult.proof, null, 1));
    return file ? { proof_file: file } : {};
  }
  return {};
}

function resultOf(ref: ProblemRef, status: BatchStatus, fields: Partial<ProblemResult>): ProblemResult {
  return {
    key: ref.key,
    path: ref.path,
    ...(ref.index !== undefined ? { index: ref.index } : {}),
    name: ref.name,
    format: ref.format,
    ...(ref.expected !== undefined ? { expected: ref.expected } : {}),
    status,
    time_s: 0,
    solved: isSolved(status),
    wrong: isWrong(ref.expected, status),
    ...fields,
  };
}

async function solveRef(ref: ProblemRef, ctx: JobContext, signal: AbortSignal): Promise<ProblemResult | 'cancelled'> {
  if (ref.preError) return resultOf(ref, ref.preError.status, { error: ref.preError.message });
  const start = Date.now();
  const p = await solvePortfolio(ref, ctx, signal);
  if (p === 'cancelled') return 'cancelled';
  const chosen = p.win ?? representative(p.attempts);
  const attempts: Attempt[] = p.attempts.map((a) => ({
    prover: a.prover,
    status: a.status,
    time_s: a.ms / 1000,
    ...(a.message ? { message: a.message } : {}),
  }));
  const files = p.win ? writeArtifacts(ref, p.win, ctx) : {};
  const solved = p.attempts.filter((a) => isSolved(a.status));
  const disagree = solved.some((a, i) => solved.slice(i + 1).some((b) => conflicting(a.status, b.status)));
  return resultOf(ref, chosen.status, {
    prover: chosen.prover,
    time_s: (p.win ? p.win.ms : Date.now() - start) / 1000,
    ...(chosen.message && !isSolved(chosen.status) ? { error: chosen.message } : {}),
    ...(attempts.length > 1 ? { attempts } : {}),
    ...(disagree ? { disagree } : {}),
    ...files,
  });
}

/** Which of `count` shards a problem key falls in (0-based): a hash, so shards are deterministic and even whatever the order. */
export function shardOf(key: string, count: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % count;
}

/** Walk the inputs into problems, sorted by (path, record index); bad files are problems with a preError. */
export async function collectProblems(opts: BatchOptions, deps: BatchDeps): Promise<ProblemRef[]> {
  // The journal may sit inside a folder being verified: never take it as an input.
  const journalAbs = opts.journal ? resolve(opts.cwd, opts.journal) : undefined;
  const entries = (await collectFiles(opts.paths, opts.cwd)).filter((e) => e.absPath !== journalAbs);
  const refs: ProblemRef[] = [];
  for (const e of entries) {
    try {
      refs.push(...(await problemsOf(e, deps)));
    } catch (err) {
      // problemsOf handles bad files itself; a throw is a bug in an injected reader or parser.
      refs.push({
        key: e.absPath,
        path: e.path,
        absPath: e.absPath,
        name: basename(e.path),
        format: 'tptp',
        preError: { status: 'Error', message: `internal error reading the file: ${(err as Error).message}` },
      });
    }
  }
  // Keys are unique per file/record; ordering is by (path, index) — collectFiles already sorted paths.
  refs.sort((a, b) => (a.path !== b.path ? (a.path < b.path ? -1 : 1) : (a.index ?? -1) - (b.index ?? -1)));
  const shard = opts.shard;
  return shard ? refs.filter((r) => shardOf(r.key, shard.count) === shard.index - 1) : refs;
}

/** The default executor: `jobs` worker threads on this machine, each taking the next problem. */
export function localExecutor(): BatchExecutor {
  return {
    describe: 'local',
    async run(todo, run) {
      const jobs = Math.max(1, Math.floor(run.opts.jobs ?? 2));
      const proverModule = run.opts.proverModule ?? defaultProverModule();
      const wantProof = run.opts.artifactsDir !== undefined;
      const slots = Array.from({ length: Math.min(jobs, Math.max(1, todo.length)) }, () => new WorkerSlot(proverModule, run.opts.memMb));
      let next = 0;
      try {
        await Promise.all(
          slots.map(async (slot) => {
            const ctx: JobContext = { deps: run.deps, opts: run.opts, timeoutMs: run.timeoutMs, slot, wantProof };
            while (!run.signal.aborted && next < todo.length) {
              const ref = todo[next++]!;
              const r = await solveRef(ref, ctx, run.signal);
              if (r === 'cancelled') break;
              run.deliver(r);
            }
          }),
        );
      } finally {
        await Promise.all(slots.map((s) => s.close()));
      }
    },
  };
}

/** What a remote worker sends back for one job: the portfolio's answer, without the coordinator's path fields. */
export type SolvedOutcome = Pick<ProblemResult, 'status' | 'prover' | 'time_s' | 'error' | 'attempts' | 'disagree'>;

/** A queue worker's side: prove self-contained queries with the run's settings in a worker-thread slot (no files, no artifacts). */
export async function solveInline(
  job: { readonly name: string; readonly format: ProblemRef['format']; readonly problems: readonly Problem[] },
  settings: Pick<BatchOptions, 'provers' | 'compare' | 'memMb' | 'external'> & { readonly timeoutMs: number },
  slot: WorkerSlot,
  deps: BatchDeps,
  signal: AbortSignal,
): Promise<SolvedOutcome | 'cancelled'> {
  const ref: ProblemRef = { key: job.name, path: job.name, absPath: '', name: job.name, format: job.format, inline: job.problems };
  const opts: BatchOptions = { paths: [], cwd: '', ...settings };
  const r = await solveRef(ref, { deps, opts, timeoutMs: settings.timeoutMs, slot, wantProof: false }, signal);
  if (r === 'cancelled') return r;
  return {
    status: r.status,
    time_s: r.time_s,
    ...(r.prover !== undefined ? { prover: r.prover } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.attempts !== undefined ? { attempts: r.attempts } : {}),
    ...(r.disagree !== undefined ? { disagree: r.disagree } : {}),
  };
}

/** A problem's result from an outcome computed elsewhere (a queue worker): solved/wrong are judged here, against this ref. */
export function resultFromOutcome(ref: ProblemRef, o: SolvedOutcome): ProblemResult {
  const { status, ...rest } = o;
  return resultOf(ref, status, rest);
}

/** A result for a problem that could not be run (input error found by the coordinator, a job failed for good). */
export function failedResult(ref: ProblemRef, status: BatchStatus, message: string): ProblemResult {
  return resultOf(ref, status, { error: message });
}

/** Run a batch. Never throws for bad inputs (they are results); resolves with the (possibly partial) report. */
export async function runBatch(opts: BatchOptions, onEvent: (e: BatchEvent) => void = () => undefined): Promise<BatchReport> {
  const deps = opts.deps ?? (await defaultDeps());
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const provers: readonly ProverName[] = opts.provers && opts.provers.length > 0 ? opts.provers : ['entail'];
  const signal = opts.signal ?? new AbortController().signal;
  const executor = opts.executor ?? localExecutor();
  const started = Date.now();
  const journalAbs = opts.journal ? resolve(opts.cwd, opts.journal) : undefined;
  let journal: JournalWriter | undefined;
  const done = new Map<string, ProblemResult>();
  try {
    const refs = await collectProblems(opts, deps);
    let resumed = 0;
    if (journalAbs && opts.resume) {
      const j = readJournal(journalAbs);
      for (const r of refs) {
        const prev = j.results.get(r.key);
        if (prev) {
          done.set(r.key, prev);
          resumed++;
        }
      }
    }
    journal = journalAbs ? new JournalWriter(journalAbs, !opts.resume) : undefined;
    journal?.session({
      started: new Date(started).toISOString(),
      resume: Boolean(opts.resume),
      provers,
      timeout_s: timeoutMs / 1000,
      paths: opts.paths,
      problems: refs.length,
      ...(opts.shard ? { shard: `${opts.shard.index}/${opts.shard.count}` } : {}),
    });
    onEvent({ type: 'start', total: refs.length, resumed, executor: executor.describe, ...(journalAbs ? { journal: journalAbs } : {}) });

    const keys = new Set(refs.map((r) => r.key));
    const deliver = (r: ProblemResult): void => {
      // First result per key wins: a queue delivers at least once, and a late duplicate must not count twice.
      if (done.has(r.key) || !keys.has(r.key)) return;
      journal?.result(r);
      done.set(r.key, r);
      onEvent({ type: 'result', result: r, done: done.size, total: refs.length, elapsedMs: Date.now() - started });
    };
    // Known-bad inputs are results without a prover: no thread, no queue round trip.
    for (const r of refs) if (r.preError && !done.has(r.key)) deliver(resultOf(r, r.preError.status, { error: r.preError.message }));
    const todo = refs.filter((r) => !done.has(r.key));
    if (todo.length > 0 && !signal.aborted)
      await executor.run(todo, { opts, deps, timeoutMs, provers, signal, deliver, isDone: (k) => done.has(k) });
    const report = buildReport([...done.values()], { provers, timeoutS: timeoutMs / 1000, pending: refs.length - done.size });
    onEvent({ type: 'end', report });
    return report;
  } finally {
    journal?.close();
    // Only deps we created are ours to dispose; injected ones belong to the caller.
    if (!opts.deps) await deps.dispose?.();
  }
}
