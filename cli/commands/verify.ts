/**
 * `entail verify <paths...>`: batch verification over files, folders and globs
 * with parallel jobs, per-problem limits, a resumable journal and reports.
 * A thin shell over provers/batch `runBatch`; this file only parses options,
 * draws progress and writes the report files.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, basename, extname } from 'node:path';
import type { CliIo, Command } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import { defaultDeps, runBatch } from '../../provers/batch/engine.js';
import { disagreement, toCsv, toHtml, toJson, toJunit } from '../../provers/batch/report.js';
import type { BatchDeps, BatchEvent, BatchOptions, BatchReport, ProblemResult, ProverName, Shard } from '../../provers/batch/types.js';
import { globBase } from '../../provers/batch/walk.js';
import { queueExecutor } from '../../provers/batch/queue/coordinator.js';
import { queueTarget, queueName } from '../../provers/batch/queue/connection.js';
import type { RedisTarget } from '../../provers/batch/queue/connection.js';
import { detectProvers, isExternalProverId } from '../../provers/external/index.js';
import { batchDeps } from '../../service/batch-records.js';
import type { ExternalConfig, ExternalProverId } from '../../provers/external/index.js';

export const EXIT_INTERRUPTED = 130;
/** A definitive answer that contradicts the expected status (or two provers contradicting each other). */
export const EXIT_WRONG = 3;

const USAGE = `usage: entail verify <paths...> [options]

Verify every problem under the given files, folders and globs:
  TPTP (.p/.tptp; '% Status' is the expected answer), LADR (.in), Lean (.lean, via the Lean bridge),
  dataset records, each premises ⊢ conclusion (and its negation) → True/False/Uncertain:
    FOLIO JSONL (gold FOL vs the label), ProofWriter/Logic-LM JSON (controlled English vs the answer),
    LINC *_generations_raw.json (each sample's FOL vs the label Prover9 gave it).
Answers that contradict the expected status are flagged WRONG and make the exit code 3.
Paths may be files, folders or globs (picomatch: **, *, ?, [..], {a,b}); quote globs for the shell.

options:
  --prover LIST      portfolio, first definitive answer wins: entail,e,vampire,prover9,z3 (default entail)
  --jobs N           problems in parallel (default 2)
  --timeout S        seconds per problem (default 10)
  --mem MB           memory per prover (worker heap / prlimit --as)
  --json F  --csv F  --junit F  --html F     reports (JSON schema: docs/cli-json.schema.json)
  --proofs DIR       proof files (default: <first report without extension>-proofs/ when a report is written)
  --journal F        append-only result journal (default: <first report>.journal.jsonl, else .entail-cache/)
  --resume           skip problems already finished in the journal
  --compare          differential run: every prover of --prover runs to the end; contradicting answers are flagged
  --e-path P --vampire-path P --prover9-path P --z3-path P --tptp-to-ladr-path P   prover binaries
  --detect           list the external provers found, with versions, and exit
  --require-all      an unsolved problem (timeout, gave up, error) makes the exit code 1
  --shard I/N        run only shard I of N (deterministic by problem key; join the journals with \`entail report merge\`)
  --queue URL        coordinator: send the problems to \`entail worker\`s through Redis (redis://HOST:PORT[/DB], or env:VAR)
  --name RUN         queue run name (default 'default'); workers serve the same name
  --quiet            no per-problem lines (wrong answers are still printed)
The progress bar is drawn on standard error when it is a terminal; per-problem lines go to standard output
when it is not one.
exit: 0 all inputs read and no wrong answers, 1 input errors (or unsolved problems with --require-all),
      2 usage (including a path that does not exist), 3 a wrong answer or provers contradicting each other,
      130 interrupted (partial report written; finish with --resume)`;

interface VerifyArgs {
  paths: string[];
  provers: ProverName[];
  jobs: number;
  timeoutS: number;
  memMb?: number;
  json?: string;
  csv?: string;
  junit?: string;
  html?: string;
  proofs?: string;
  journal?: string;
  resume: boolean;
  compare: boolean;
  detect: boolean;
  quiet: boolean;
  requireAll: boolean;
  shard?: Shard;
  queue?: RedisTarget;
  name: string;
  paths_: Partial<Record<ExternalProverId | 'tptp_to_ladr', string>>;
}

/** `I/N` with 1 ≤ I ≤ N. */
export function parseShard(v: string): Shard | string {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(v.trim());
  if (!m) return `--shard needs I/N (for example 2/8), not '${v}'`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${v}: I must be between 1 and N`;
  return { index, count };
}

export function parseVerifyArgs(argv: readonly string[]): VerifyArgs | string {
  const a: VerifyArgs = {
    paths: [],
    provers: ['entail'],
    jobs: 2,
    timeoutS: 10,
    resume: false,
    compare: false,
    detect: false,
    quiet: false,
    requireAll: false,
    name: 'default',
    paths_: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const takes = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    const num = (name: string, v: string | undefined, min: number): number | string => {
      const n = Number(v);
      return v === undefined || !Number.isFinite(n) || n < min ? `${name} needs a number ≥ ${min}` : n;
    };
    switch (flag) {
      case '--prover':
      case '--provers': {
        const v = takes();
        if (!v) return '--prover needs a list';
        const list = v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        for (const p of list)
          if (p !== 'entail' && !isExternalProverId(p)) return `unknown prover '${p}' (entail, e, vampire, prover9, z3)`;
        a.provers = [...new Set(list)] as ProverName[];
        break;
      }
      case '--jobs':
      case '-j': {
        const n = num('--jobs', takes(), 1);
        if (typeof n === 'string') return n;
        a.jobs = Math.floor(n);
        break;
      }
      case '--timeout': {
        const n = num('--timeout', takes(), 0.01);
        if (typeof n === 'string') return n;
        a.timeoutS = n;
        break;
      }
      case '--mem': {
        const n = num('--mem', takes(), 16);
        if (typeof n === 'string') return n;
        a.memMb = n;
        break;
      }
      case '--json':
      case '--csv':
      case '--junit':
      case '--html':
      case '--proofs':
      case '--journal': {
        const v = takes();
        if (!v) return `${flag} needs a file`;
        a[flag.slice(2) as 'json' | 'csv' | 'junit' | 'html' | 'proofs' | 'journal'] = v;
        break;
      }
      case '--e-path':
      case '--vampire-path':
      case '--prover9-path':
      case '--z3-path':
      case '--tptp-to-ladr-path': {
        const v = takes();
        if (!v) return `${flag} needs a path`;
        const id = flag === '--tptp-to-ladr-path' ? 'tptp_to_ladr' : (flag.slice(2, -5) as ExternalProverId);
        a.paths_[id] = v;
        break;
      }
      case '--resume':
        a.resume = true;
        break;
      case '--require-all':
        a.requireAll = true;
        break;
      case '--shard': {
        const v = takes();
        if (!v) return '--shard needs I/N';
        const sh = parseShard(v);
        if (typeof sh === 'string') return sh;
        a.shard = sh;
        break;
      }
      case '--queue': {
        const v = takes();
        if (!v) return '--queue needs a redis:// URL';
        const t = queueTarget(v);
        if (!t.ok) return `--queue: ${t.error}`;
        a.queue = t.value;
        break;
      }
      case '--name': {
        const v = takes();
        if (!v || !queueName(v)) return '--name needs a run name (letters, digits, . _ -; at most 100)';
        a.name = v;
        break;
      }
      case '--detect':
        a.detect = true;
        break;
      case '--compare':
        a.compare = true;
        break;
      case '--quiet':
      case '-q':
        a.quiet = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
        a.paths.push(arg);
    }
  }
  if (!a.detect && a.paths.length === 0) return 'no paths given';
  if (a.queue && a.shard) return '--shard and --queue do not go together: the queue already spreads the work';
  if (a.queue && a.compare) return '--compare runs locally (it needs every prover on one machine)';
  return a;
}

/** Paths the user named that do not exist (a glob's fixed base counts): a typo is a usage error, not "0 problems". */
export function missingPaths(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const target = globBase(abs);
    try {
      lstatSync(target);
    } catch {
      out.push(p);
    }
  }
  return out;
}

function fmtTime(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

function problemLabel(r: ProblemResult): string {
  return `${r.path}${r.index !== undefined ? `#${r.index}` : ''}${r.index !== undefined || r.name !== basename(r.path, extname(r.path)) ? ` (${r.name})` : ''}`;
}

function wrongLine(r: ProblemResult): string {
  return `!!! WRONG ANSWER: ${problemLabel(r)}: expected ${r.expected}, ${r.prover ?? 'prover'} said ${r.status}`;
}

function disagreeLine(r: ProblemResult): string {
  return `!!! PROVERS DISAGREE: ${problemLabel(r)}: ${disagreement(r)}`;
}

/** Journal path when none is given: beside the first report, else in .entail-cache keyed by the run's inputs. */
export function defaultJournal(a: VerifyArgs, cwd: string): string {
  const report = a.json ?? a.csv ?? a.junit ?? a.html;
  if (report) return resolve(cwd, report) + '.journal.jsonl';
  const h = createHash('sha1')
    .update(
      JSON.stringify({
        paths: a.paths.map((p) => resolve(cwd, p)).sort(),
        provers: a.provers,
        timeout: a.timeoutS,
        ...(a.shard ? { shard: `${a.shard.index}/${a.shard.count}` } : {}),
      }),
    )
    .digest('hex')
    .slice(0, 12);
  return join(cwd, '.entail-cache', `verify-${h}.journal.jsonl`);
}

function inlineProofs(report: BatchReport, htmlPath: string): Map<string, string> {
  // TSTP/Prover9 text is inlined (capped) so the HTML is readable on its own; HTML proofs are linked.
  const out = new Map<string, string>();
  for (const p of report.problems) {
    const textFile = p.proof_text_file ?? (p.proof_file && !p.proof_file.endsWith('.html') ? p.proof_file : undefined);
    if (!textFile) continue;
    try {
      const t = readFileSync(join(dirname(htmlPath), textFile), 'utf8');
      out.set(p.key, t.length > 20000 ? t.slice(0, 20000) + '\n… (truncated; see the linked file)' : t);
    } catch {
      // The artifact went missing: the link still shows where it was.
    }
  }
  return out;
}

/** Write the report files asked for (shared with `entail report merge`). */
export function writeReports(
  a: { readonly json?: string; readonly csv?: string; readonly junit?: string; readonly html?: string },
  report: BatchReport,
  cwd: string,
  io: CliIo,
): void {
  const write = (file: string | undefined, text: () => string): void => {
    if (!file) return;
    const p = resolve(cwd, file);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text());
    io.err(`wrote ${file}`);
  };
  write(a.json, () => toJson(report));
  write(a.csv, () => toCsv(report));
  write(a.junit, () => toJunit(report));
  write(a.html, () => toHtml(report, inlineProofs(report, resolve(cwd, a.html!))));
}

export interface VerifyHooks {
  /** Dependencies for runBatch (tests inject fakes); default: the real modules. */
  readonly deps?: BatchDeps;
  readonly proverModule?: string;
  /** Whether standard error is a terminal (the progress bar); default process.stderr.isTTY. */
  readonly stderrIsTty?: boolean;
  /** Where the bar's frames go (default process.stderr). */
  readonly writeBar?: (frame: string) => void;
  /** Install a SIGINT handler (default true; in-process tests turn it off). */
  readonly handleSigint?: boolean;
  readonly signal?: AbortSignal;
}

export async function runVerify(argv: readonly string[], io: CliIo, hooks: VerifyHooks = {}): Promise<number> {
  const a = parseVerifyArgs(argv);
  if (typeof a === 'string') {
    io.err(`entail verify: ${a}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const external: ExternalConfig = { paths: a.paths_ };
  if (a.detect) {
    for (const d of await detectProvers(external))
      io.out(`${d.id.padEnd(8)} ${d.installed ? `${d.path}  ${d.version ?? ''}` : 'not installed'}`);
    return EXIT_OK;
  }
  const cwd = io.cwd;
  const missing = missingPaths(a.paths, cwd);
  if (missing.length > 0) {
    io.err(`entail verify: no such file or folder: ${missing.join(', ')}`);
    return EXIT_USAGE;
  }
  const journal = a.journal ? resolve(cwd, a.journal) : defaultJournal(a, cwd);
  const firstReport = a.html ?? a.json ?? a.csv ?? a.junit;
  // Queue workers send answers, not proof files: there is nothing to write artifacts from.
  const proofs = a.queue
    ? undefined
    : a.proofs
      ? resolve(cwd, a.proofs)
      : firstReport
        ? resolve(cwd, firstReport).replace(/\.[^./]*$/, '') + '-proofs'
        : undefined;
  const ac = new AbortController();
  hooks.signal?.addEventListener('abort', () => ac.abort(), { once: true });
  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
    io.err('\ninterrupted: stopping, writing a partial report…');
    ac.abort();
  };
  if (hooks.handleSigint !== false) process.once('SIGINT', onSigint);

  // The bar goes to standard error, so it is standard error's terminal that decides; `2> err.log` gets no frames.
  const bar = hooks.stderrIsTty ?? Boolean(process.stderr.isTTY);
  // With both streams on the terminal, the bar replaces the per-problem lines.
  const lines = !a.quiet && !(bar && io.isTty);
  const writeBar = hooks.writeBar ?? ((f: string) => void process.stderr.write(f));
  let lastDraw = 0;
  let resumedBase = 0;
  const draw = (e: BatchEvent & { type: 'result' }): void => {
    const now = Date.now();
    if (now - lastDraw < 100 && e.done < e.total) return;
    lastDraw = now;
    const width = 30;
    const frac = e.total === 0 ? 1 : e.done / e.total;
    const cells = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    // The ETA extrapolates from this run's own pace: results taken from the journal cost nothing.
    const ran = e.done - resumedBase;
    const eta = ran > 0 ? ((e.elapsedMs / 1000) * (e.total - e.done)) / ran : NaN;
    writeBar(`\r[${cells}] ${e.done}/${e.total} ${(frac * 100).toFixed(0)}% ETA ${fmtTime(eta)} `);
  };
  const onEvent = (e: BatchEvent): void => {
    if (e.type === 'start') {
      resumedBase = e.resumed;
      const how = a.queue ? e.executor : `${a.jobs} jobs`;
      const shard = a.shard ? `, shard ${a.shard.index}/${a.shard.count}` : '';
      io.err(
        `verifying ${e.total} problems with ${a.provers.join(',')} (${how}, ${a.timeoutS} s each${shard})${e.resumed ? `, ${e.resumed} already done (resumed)` : ''}; journal ${journal}`,
      );
    } else if (e.type === 'note') {
      if (bar) writeBar('\n');
      io.err(e.message);
    } else if (e.type === 'result') {
      const r = e.result;
      if (r.wrong || r.disagree) {
        if (bar) writeBar('\n');
        if (r.wrong) io.err(wrongLine(r));
        if (r.disagree) io.err(disagreeLine(r));
      }
      if (bar) draw(e);
      if (lines)
        io.out(
          `[${e.done}/${e.total}] ${problemLabel(r)}: ${r.status}${r.prover ? ` (${r.prover}, ${r.time_s.toFixed(2)} s)` : ''}${r.error ? ` — ${r.error.split('\n')[0]}` : ''}`,
        );
    }
  };
  let report: BatchReport;
  try {
    const opts: BatchOptions = {
      paths: a.paths,
      cwd,
      provers: a.provers,
      jobs: a.jobs,
      timeoutMs: Math.round(a.timeoutS * 1000),
      ...(a.memMb !== undefined ? { memMb: a.memMb } : {}),
      journal,
      resume: a.resume,
      compare: a.compare,
      ...(proofs ? { artifactsDir: proofs } : {}),
      external,
      signal: ac.signal,
      deps: hooks.deps ?? (await batchDeps(defaultDeps)),
      ...(hooks.proverModule ? { proverModule: hooks.proverModule } : {}),
      ...(a.shard ? { shard: a.shard } : {}),
      ...(a.queue
        ? {
            executor: queueExecutor({
              target: a.queue,
              name: a.name,
              resume: a.resume,
              onNote: (message) => onEvent({ type: 'note', message }),
            }),
          }
        : {}),
    };
    report = await runBatch(opts, onEvent);
  } catch (e) {
    // Only the environment gets here (journal or walk I/O failing); results so far are in the journal.
    io.err(`entail verify: ${(e as Error).message}${existsSync(journal) ? `\nresults so far are in ${journal}; rerun with --resume` : ''}`);
    return EXIT_INPUT;
  } finally {
    if (hooks.handleSigint !== false) process.removeListener('SIGINT', onSigint);
  }
  if (bar) writeBar('\n');
  writeReports(a, report, cwd, io);
  const summary = `${report.total} problems: ${report.solved} solved, ${report.wrong} wrong,${report.disagreements ? ` ${report.disagreements} disagreements,` : ''} ${report.errors} errors, ${report.timeouts} timeouts, ${report.skipped} skipped${report.pending ? `, ${report.pending} not run` : ''}${resumedBase ? ` (${resumedBase} from the journal)` : ''}`;
  io.out(summary);
  io.out(
    'by status: ' +
      Object.entries(report.by_status)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
  if (report.wrong > 0) {
    io.err(`\n!!! ${report.wrong} WRONG ANSWER${report.wrong > 1 ? 'S' : ''}:`);
    for (const r of report.problems) if (r.wrong) io.err(wrongLine(r));
  }
  if (report.disagreements > 0) {
    io.err(`\n!!! ${report.disagreements} PROBLEM${report.disagreements > 1 ? 'S' : ''} WHERE PROVERS CONTRADICT EACH OTHER:`);
    for (const r of report.problems) if (r.disagree) io.err(disagreeLine(r));
  }
  if (interrupted || ac.signal.aborted) return EXIT_INTERRUPTED;
  return exitCode(report, a.requireAll);
}

/** 3 for a wrong answer (or provers contradicting each other), 1 for input errors or, with --require-all, anything unsolved, else 0. */
export function exitCode(report: BatchReport, requireAll: boolean): number {
  if (report.wrong > 0 || report.disagreements > 0) return EXIT_WRONG;
  if ((report.by_status['InputError'] ?? 0) > 0) return EXIT_INPUT;
  if (requireAll && (report.solved < report.total || report.pending > 0)) return EXIT_INPUT;
  return EXIT_OK;
}

export const command: Command = {
  summary: 'verify many problems in parallel (TPTP, LADR, datasets) with a journal and reports',
  usage: USAGE,
  run: (argv, io) => runVerify(argv, io),
};
