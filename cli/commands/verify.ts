/**
 * `entail verify <paths...>`: batch verification over files, folders and globs
 * with parallel jobs, per-problem limits, a resumable journal and reports.
 * A thin shell over provers/batch `runBatch`; this file only parses options,
 * draws progress and writes the report files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, basename, extname } from 'node:path';
import type { CliIo, Command } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import { defaultDeps, runBatch } from '../../provers/batch/engine.js';
import { disagreement, toCsv, toHtml, toJson, toJunit } from '../../provers/batch/report.js';
import type { BatchDeps, BatchEvent, BatchOptions, BatchReport, ProblemResult, ProverName } from '../../provers/batch/types.js';
import { detectProvers, isExternalProverId } from '../../provers/external/index.js';
import type { BatchRecord, Label } from '../../provers/batch/types.js';
import type { Dialect, Formula, Result } from '../../provers/logic/index.js';
import { parseFormula } from '../../provers/logic/syntax/index.js';
import { loadDataset } from '../../nl/datasets.js';
import { extractLinc } from '../../nl/extract.js';
import { formatCnlError, parseCnlSentence } from '../../nl/cnl/parser.js';
import type { ExternalConfig, ExternalProverId } from '../../provers/external/index.js';

export const EXIT_INTERRUPTED = 130;

const USAGE = `usage: entail verify <paths...> [options]

Verify every problem under the given files, folders and globs:
  TPTP (.p/.tptp; '% Status' is the expected answer), LADR (.in), Lean (.lean, via the Lean bridge),
  dataset records, each premises ⊢ conclusion (and its negation) → True/False/Uncertain:
    FOLIO JSONL (gold FOL vs the label), ProofWriter/Logic-LM JSON (controlled English vs the answer),
    LINC *_generations_raw.json (each sample's FOL vs the label Prover9 gave it).
Answers that contradict the expected status are flagged WRONG and make the exit code 1.

options:
  --prover LIST      portfolio, first definitive answer wins: entail,e,vampire,prover9,z3 (default entail)
  --jobs N           problems in parallel (default 2)
  --timeout S        seconds per problem (default 10)
  --mem MB           memory per prover (worker heap / prlimit --as)
  --json F  --csv F  --junit F  --html F     reports
  --proofs DIR       proof files (default: <first report without extension>-proofs/ when a report is written)
  --journal F        append-only result journal (default: <first report>.journal.jsonl, else .entail-cache/)
  --resume           skip problems already finished in the journal
  --compare          differential run: every prover of --prover runs to the end; contradicting answers are flagged
  --e-path P --vampire-path P --prover9-path P --z3-path P --tptp-to-ladr-path P   prover binaries
  --detect           list the external provers found, with versions, and exit
  --quiet            no per-problem lines (wrong answers are still printed)
exit: 0 ok, 1 wrong answers or disagreements, 2 usage, 130 interrupted (partial report written; finish with --resume)`;

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
  paths_: Partial<Record<ExternalProverId | 'tptp_to_ladr', string>>;
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
  return a;
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
    .update(JSON.stringify({ paths: a.paths.map((p) => resolve(cwd, p)).sort(), provers: a.provers, timeout: a.timeoutS }))
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

function writeReports(a: VerifyArgs, report: BatchReport, cwd: string, io: CliIo): void {
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

function parseAll(fols: readonly string[], dialect: Dialect): { ok: true; value: Formula[] } | { ok: false; error: string } {
  const out: Formula[] = [];
  for (let i = 0; i < fols.length; i++) {
    const r = parseFormula(fols[i]!, dialect);
    if (!r.ok)
      return {
        ok: false,
        error: `${i === fols.length - 1 ? 'conclusion' : `premise ${i + 1}`}: ${r.error.message} at ${r.error.line}:${r.error.col}`,
      };
    out.push(r.value);
  }
  return { ok: true, value: out };
}

function toRecord(id: string, label: Label | undefined, fs: ReturnType<typeof parseAll>): BatchRecord {
  const l = label ? { label } : {};
  if (!fs.ok) return { ok: false, id, ...l, status: 'InputError', message: fs.error };
  return { ok: true, id, ...l, premises: fs.value.slice(0, -1), conclusion: fs.value[fs.value.length - 1]! };
}

/** Prover9's recorded label per LINC sample (`*_generations_prc.json` beside the raw file), if present. */
function lincPrc(path: string): readonly (readonly string[])[] | undefined {
  try {
    const j = JSON.parse(readFileSync(path.replace(/_generations_raw\.json$/, '_generations_prc.json'), 'utf8')) as unknown;
    return Array.isArray(j) ? (j as string[][]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Dataset records through nl/'s readers:
 * - FOLIO JSONL: the gold FOL (premises ⊢ conclusion) against the label.
 * - Logic-LM lists (ProofWriter): context and question through the controlled-English parser (nl/cnl).
 * - LINC generations: every recorded sample's FOL (NLTK syntax) is one record; its expected answer is
 *   the label Prover9 gave that same sample (from `*_generations_prc.json`), so a mismatch is a real
 *   disagreement between provers on identical formulas, not an LLM translation error.
 */
export async function readRecords(path: string): Promise<Result<readonly BatchRecord[], string> | undefined> {
  const ds = await loadDataset(path);
  if (!ds.ok) return ds;
  const v = ds.value;
  const out: BatchRecord[] = [];
  if (v.kind === 'folio-jsonl') {
    for (const p of v.problems) {
      if (!p.gold)
        out.push({
          ok: false,
          id: p.id,
          ...(p.label ? { label: p.label } : {}),
          status: 'Skipped',
          message: 'no gold FOL (translate with `entail eval`)',
        });
      else out.push(toRecord(p.id, p.label, parseAll([...p.gold.premises, p.gold.conclusion], p.gold.dialect)));
    }
  } else if (v.kind === 'logiclm') {
    for (const p of v.problems) {
      const fs: Formula[] = [];
      let bad: string | undefined;
      for (const s of [...p.premises, p.conclusion]) {
        const r = parseCnlSentence(s);
        if (r.ok) fs.push(r.value);
        else {
          bad = `controlled English: ${formatCnlError(r.error, s)}`;
          break;
        }
      }
      out.push(toRecord(p.id, p.label, bad ? { ok: false, error: bad } : { ok: true, value: fs }));
    }
  } else {
    const prc = lincPrc(path);
    for (const p of v.problems) {
      const gens = v.recorded?.get(p.id) ?? [];
      const pi = Number(p.id.replace(/^linc_/, ''));
      gens.forEach((g, k) => {
        const id = `${p.id}/${k}`;
        const lab = prc?.[pi]?.[k];
        const label = lab === 'True' || lab === 'False' || lab === 'Uncertain' ? lab : undefined;
        const ex = extractLinc(g);
        if (!ex.ok) out.push({ ok: false, id, ...(label ? { label } : {}), status: 'InputError', message: ex.error });
        else
          out.push(
            toRecord(
              id,
              label,
              parseAll(
                [...ex.value.premises, ex.value.conclusion].map((l) => l.fol),
                'nltk',
              ),
            ),
          );
      });
    }
  }
  return { ok: true, value: out };
}

export interface VerifyHooks {
  /** Dependencies for runBatch (tests inject fakes); default: the real modules. */
  readonly deps?: BatchDeps;
  readonly proverModule?: string;
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
  const journal = a.journal ? resolve(cwd, a.journal) : defaultJournal(a, cwd);
  const firstReport = a.html ?? a.json ?? a.csv ?? a.junit;
  const proofs = a.proofs
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

  let lastDraw = 0;
  let resumedBase = 0;
  const draw = (e: BatchEvent & { type: 'result' }): void => {
    const now = Date.now();
    if (now - lastDraw < 100 && e.done < e.total) return;
    lastDraw = now;
    const width = 30;
    const frac = e.total === 0 ? 1 : e.done / e.total;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    // The ETA extrapolates from this run's own pace: results taken from the journal cost nothing.
    const ran = e.done - resumedBase;
    const eta = ran > 0 ? ((e.elapsedMs / 1000) * (e.total - e.done)) / ran : NaN;
    process.stderr.write(`\r[${bar}] ${e.done}/${e.total} ${(frac * 100).toFixed(0)}% ETA ${fmtTime(eta)} `);
  };
  const onEvent = (e: BatchEvent): void => {
    if (e.type === 'start') {
      resumedBase = e.resumed;
      io.err(
        `verifying ${e.total} problems with ${a.provers.join(',')} (${a.jobs} jobs, ${a.timeoutS} s each)${e.resumed ? `, ${e.resumed} already done (resumed)` : ''}; journal ${journal}`,
      );
    } else if (e.type === 'result') {
      const r = e.result;
      if (r.wrong || r.disagree) {
        if (io.isTty) process.stderr.write('\n');
        if (r.wrong) io.err(wrongLine(r));
        if (r.disagree) io.err(disagreeLine(r));
      }
      if (io.isTty) draw(e);
      else if (!a.quiet)
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
      deps: hooks.deps ?? { ...(await defaultDeps()), readRecords },
      ...(hooks.proverModule ? { proverModule: hooks.proverModule } : {}),
    };
    report = await runBatch(opts, onEvent);
  } catch (e) {
    // Only the environment gets here (journal or walk I/O failing); results so far are in the journal.
    io.err(`entail verify: ${(e as Error).message}${existsSync(journal) ? `\nresults so far are in ${journal}; rerun with --resume` : ''}`);
    return EXIT_INPUT;
  } finally {
    if (hooks.handleSigint !== false) process.removeListener('SIGINT', onSigint);
  }
  if (io.isTty) process.stderr.write('\n');
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
  return report.wrong > 0 || report.disagreements > 0 ? EXIT_INPUT : EXIT_OK;
}

export const command: Command = {
  summary: 'verify many problems in parallel (TPTP, LADR, datasets) with a journal and reports',
  usage: USAGE,
  run: (argv, io) => runVerify(argv, io),
};
