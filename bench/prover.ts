/**
 * Differential benchmark: Entail's embedded prover vs E 2.6 on TPTP sets, same
 * per-problem limit, 2 processes at a time. NOT part of the tests.
 *
 *   npm run bench:prover -- [--timeout S] [--sets SYN-FOF,SET] [--limit N] [--jobs 2] [--no-e] [--check] [--no-model] [--json out.json]
 *                           [--class small|equational|large] [--baseline earlier.json]
 *
 * The finite model finder runs as in `entail prove` (proveProblem's countermodel option: 3 % of the limit
 * before the prover, and what the prover leaves); --no-model measures the prover alone.
 * Every problem runs in its own child process, killed at limit + 3 s. Prints per
 * set: problems, solved by each, ratio Entail/E, wrong answers (status contradicting
 * the header's `% Status`) and median time of solved problems. `--class` keeps the problems of one schedule class
 * (provers/saturation/heuristics/classify.ts), to measure a change to one class's schedule; `--baseline` names the
 * problems Entail gained and lost against an earlier run's `--json` file.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { contradicts, isDisprovedStatus, isProvedStatus, isSzsStatus } from '../provers/logic/szs.js';
import type { SzsStatus } from '../provers/logic/szs.js';
import { problemClassOf } from './classes.js';

interface Opts {
  timeout: number;
  sets: string[];
  limit: number;
  jobs: number;
  e: boolean;
  check: boolean;
  model: boolean;
  json?: string;
  klass?: string;
  baseline?: string;
}

function parseArgs(argv: string[]): Opts {
  const o: Opts = {
    timeout: 10,
    sets: ['SYN-FOF', 'SYN-SAT', 'SET', 'CASC-J11-FOF'],
    limit: Infinity,
    jobs: 2,
    e: true,
    check: false,
    model: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--timeout') o.timeout = Number(argv[++i]);
    else if (a === '--sets') o.sets = argv[++i]!.split(',');
    else if (a === '--limit') o.limit = Number(argv[++i]);
    else if (a === '--jobs') o.jobs = Number(argv[++i]);
    else if (a === '--no-e') o.e = false;
    else if (a === '--check') o.check = true;
    else if (a === '--model') o.model = true;
    else if (a === '--no-model') o.model = false;
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--class') o.klass = argv[++i];
    else if (a === '--baseline') o.baseline = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

interface Outcome {
  status: SzsStatus | string;
  ms: number;
  checked?: boolean;
}

function runChild(cmd: string, args: string[], killMs: number, parse: (out: string) => string): Promise<Outcome> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const ch = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    ch.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => ch.kill('SIGKILL'), killMs);
    ch.on('close', () => {
      clearTimeout(timer);
      const ms = Date.now() - t0;
      try {
        const status = parse(out);
        // The child's own timing (after module loading) when it reports one; wall time otherwise.
        let checked: boolean | undefined;
        let own: number | undefined;
        try {
          const j = JSON.parse(out.trim().split('\n').pop()!) as { checked?: boolean; ms?: number };
          checked = j.checked;
          own = j.ms;
        } catch {
          checked = undefined;
        }
        resolve({ status, ms: own ?? ms, checked });
      } catch {
        resolve({ status: 'Timeout', ms });
      }
    });
    ch.on('error', () => resolve({ status: 'NotInstalled', ms: 0 }));
  });
}

function entail(file: string, o: Opts): Promise<Outcome> {
  const here = dirname(fileURLToPath(import.meta.url));
  const isTs = import.meta.url.endsWith('.ts');
  const entry = join(here, isTs ? 'prove-one.ts' : 'prove-one.js');
  return runChild(
    process.execPath,
    [...process.execArgv, entry, file, String(o.timeout), o.check ? 'check' : '-', o.model ? 'model' : '-'],
    o.timeout * 1000 + 3000,
    (out) => {
      const j = JSON.parse(out.trim().split('\n').pop()!) as { status: string };
      return j.status;
    },
  );
}

function eprover(file: string, o: Opts): Promise<Outcome> {
  return runChild(
    'eprover',
    ['--auto-schedule', `--cpu-limit=${o.timeout}`, '-s', '--tstp-format', file],
    o.timeout * 1000 + 3000,
    (out) => {
      const m = /SZS status (\w+)/.exec(out);
      return m ? m[1]! : 'GaveUp';
    },
  );
}

const solved = (s: string): boolean => isSzsStatus(s) && (isProvedStatus(s) || isDisprovedStatus(s));

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Evenly spaced subset, so `--limit` samples the whole set rather than its first letters. */
function sample<T>(xs: T[], n: number): T[] {
  if (n >= xs.length) return xs;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(xs[Math.floor((i * xs.length) / n)]!);
  return out;
}

/** The problems of one schedule class (clausified here, in the parent, once). */
async function ofClass(dir: string, files: string[], klass: string): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) if ((await problemClassOf(join(dir, f))) === klass) out.push(f);
  return out;
}

type Row = { set: string; problem: string; expected: string; entail: Outcome; e?: Outcome };

/** Problems solved now and not in the baseline run (gained), and the other way round (lost), in one set. */
function gainedLost(rows: readonly Row[], baseline: readonly Row[], baselineFile: string, set: string): string[] {
  const before = new Map(baseline.filter((r) => r.set === set).map((r) => [r.problem, solved(r.entail.status)]));
  const gained: string[] = [];
  const lost: string[] = [];
  for (const r of rows) {
    if (r.set !== set || !before.has(r.problem)) continue;
    const now = solved(r.entail.status);
    if (now && !before.get(r.problem)) gained.push(`${r.problem} (${r.entail.ms} ms)`);
    if (!now && before.get(r.problem)) lost.push(r.problem);
  }
  return [
    `  against ${baselineFile}: gained ${gained.length}${gained.length ? ': ' + gained.join(', ') : ''}`,
    `  lost ${lost.length}${lost.length ? ': ' + lost.join(', ') : ''}`,
  ];
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  const tasks: Array<() => Promise<void>> = [];
  for (const set of o.sets) {
    const dir = join(SHARED_CORPORA, 'tptp', set);
    if (!existsSync(dir)) throw new Error(`no such set ${dir}`);
    let all = readdirSync(dir)
      .filter((f) => f.endsWith('.p'))
      .sort();
    if (o.klass) all = await ofClass(dir, all, o.klass);
    const files = sample(all, o.limit);
    for (const f of files) {
      const path = join(dir, f);
      const expected = /% Status\s*:\s*(\w+)/.exec(readFileSync(path, 'utf8').slice(0, 20000))?.[1] ?? 'Unknown';
      const row = { set, problem: f, expected, entail: { status: 'Unknown', ms: 0 } as Outcome, e: undefined as Outcome | undefined };
      rows.push(row);
      tasks.push(async () => {
        row.entail = await entail(path, o);
      });
      if (o.e)
        tasks.push(async () => {
          row.e = await eprover(path, o);
        });
    }
  }
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const t = tasks[next++]!;
      await t();
      done++;
      if (process.stderr.isTTY) process.stderr.write(`\r${done}/${tasks.length}`);
    }
  };
  const baseline = o.baseline ? (JSON.parse(readFileSync(o.baseline, 'utf8')) as Row[]) : undefined;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: o.jobs }, worker));
  if (process.stderr.isTTY) process.stderr.write('\n');
  const lines: string[] = [`limit ${o.timeout} s, ${o.jobs} jobs, wall ${((Date.now() - t0) / 1000).toFixed(0)} s`];
  lines.push('set            problems  E-solved  Entail-solved  ratio   wrong(Entail/E)  median-ms(Entail/E)  proof-check-failures');
  for (const set of o.sets) {
    const rs = rows.filter((r) => r.set === set);
    const es = rs.filter((r) => r.e && solved(r.e.status));
    const ns = rs.filter((r) => solved(r.entail.status));
    const wrongN = rs.filter((r) => isSzsStatus(r.expected) && isSzsStatus(r.entail.status) && contradicts(r.expected, r.entail.status));
    const wrongE = rs.filter((r) => r.e && isSzsStatus(r.expected) && isSzsStatus(r.e.status) && contradicts(r.expected, r.e.status));
    const badCheck = rs.filter((r) => r.entail.checked === false).length;
    const ratio = o.e && es.length > 0 ? (ns.length / es.length).toFixed(2) : '-';
    lines.push(
      `${set.padEnd(14)} ${String(rs.length).padStart(8)}  ${String(o.e ? es.length : '-').padStart(8)}  ${String(ns.length).padStart(13)}  ${ratio.padStart(5)}   ${`${wrongN.length}/${o.e ? wrongE.length : '-'}`.padStart(15)}  ${`${median(ns.map((r) => r.entail.ms))}/${o.e ? median(es.map((r) => r.e!.ms)) : '-'}`.padStart(19)}  ${o.check ? badCheck : '-'}`,
    );
    for (const r of wrongN) lines.push(`  WRONG: ${r.problem} expected ${r.expected}, Entail said ${r.entail.status}`);
    // The child is killed 3 s after the limit; an answer in that grace is counted above but said here.
    const late = ns.filter((r) => r.entail.ms > o.timeout * 1000).length;
    if (late > 0) lines.push(`  ${late} Entail answers came after the ${o.timeout} s limit (process start and exit included)`);
    if (o.baseline && baseline) lines.push(...gainedLost(rows, baseline, o.baseline, set));
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (o.json) writeFileSync(o.json, JSON.stringify(rows, null, 1));
}

void main();
