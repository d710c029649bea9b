/**
 * Schedule search over measured per-strategy solve times. NOT part of the tests.
 *
 *   npx tsx bench/schedule.ts --budget 9.3 [--class small] [--keep uniqmax,tfo] [--current] bench/data/casc-j11-3s/*.txt
 *
 * Each input file is the `--list` output of bench/strategy.ts for one strategy (the file name, less `.txt`, is the
 * strategy's name; the first line is the summary). The model: an entry with a slice of s seconds solves every
 * problem its strategy solved alone within s; a schedule solves the union. Slices beyond the measured limit buy
 * nothing in the model, so it never credits a strategy with what it was not seen to do. The search is greedy
 * (the entry and slice that add the most problems per second), then a local search that moves 0.05 s between
 * entries while the count does not fall, preferring schedules whose solves come early (a lower median time).
 * `--class` keeps only the problems of one class of provers/saturation/heuristics/classify.ts. `--table` prints, as
 * markdown, how many problems of each class every strategy solved alone and how many only it solved.
 *
 * Several sets are searched jointly by naming each before its files:
 *   --set CASC-J11-FOF bench/data/casc-j11-3s/*.txt --set SET bench/data/set-3s/*.txt [--weight SET=2]
 * A problem then counts with its set's weight (default 1), and the counts are printed per set. `--robust 0.7` adds
 * to the score what the schedule solves when every slice shrinks to 70 % (a loaded machine), so solves at the
 * edge of a slice count for less. The first entry is always a complete strategy (provers/saturation/portfolio.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { isDisprovedStatus, isProvedStatus, isSzsStatus } from '../provers/logic/szs.js';
import { problemClassOf } from './classes.js';
import { isComplete, strategyByName } from '../provers/saturation/index.js';

type Times = ReadonlyMap<string, number>; // SET/problem → seconds, solved ones only

function readTimes(set: string, file: string, into: Map<string, number>): void {
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [problem, status, ms] = line.trim().split(/\s+/);
    if (!problem || !status || !ms) continue;
    if (isSzsStatus(status) && (isProvedStatus(status) || isDisprovedStatus(status))) into.set(`${set}/${problem}`, Number(ms) / 1000);
  }
}

const setOf = (key: string): string => key.slice(0, key.indexOf('/'));

/** How schedules are scored: each set's weight (`--weight SET=W`, default 1) and `--robust F`. */
interface Scoring {
  readonly weights: ReadonlyMap<string, number>;
  /** Also count what the schedule solves with every slice scaled by this factor (a loaded machine). */
  readonly robust?: number;
}

interface Entry {
  name: string;
  slice: number;
}

function solvedBy(schedule: readonly Entry[], data: ReadonlyMap<string, Times>, problems: ReadonlySet<string>): Map<string, number> {
  // problem → the time at which the schedule solves it (sum of earlier slices + its own time)
  const at = new Map<string, number>();
  let start = 0;
  for (const e of schedule) {
    for (const [p, t] of data.get(e.name)!) if (problems.has(p) && t <= e.slice && !at.has(p)) at.set(p, start + t);
    start += e.slice;
  }
  return at;
}

const scaled = (schedule: readonly Entry[], f: number): Entry[] => schedule.map((e) => ({ ...e, slice: e.slice * f }));

function score(schedule: readonly Entry[], data: ReadonlyMap<string, Times>, problems: ReadonlySet<string>, how: Scoring): number {
  const full = scoreAt(schedule, data, problems, how);
  return how.robust === undefined ? full : full + scoreAt(scaled(schedule, how.robust), data, problems, how);
}

function scoreAt(schedule: readonly Entry[], data: ReadonlyMap<string, Times>, problems: ReadonlySet<string>, how: Scoring): number {
  const at = solvedBy(schedule, data, problems);
  let sum = 0;
  let count = 0;
  for (const [p, t] of at) {
    sum += t;
    count += how.weights.get(setOf(p)) ?? 1;
  }
  // count first; among equal counts, earlier solves (the sum of solve times, scaled below one problem)
  return count - sum / (1e4 * (at.size + 1));
}

function greedy(
  names: readonly string[],
  data: ReadonlyMap<string, Times>,
  problems: ReadonlySet<string>,
  budget: number,
  keep: readonly string[],
  how: Scoring,
): Entry[] {
  const slices = new Map<string, number>(names.map((n) => [n, 0]));
  for (const k of keep) slices.set(k, 0.05);
  let used = [...slices.values()].reduce((a, b) => a + b, 0);
  const build = (): Entry[] => names.filter((n) => slices.get(n)! > 0).map((n) => ({ name: n, slice: slices.get(n)! }));
  for (;;) {
    const base = score(build(), data, problems, how);
    let best: { name: string; slice: number; gain: number } | undefined;
    for (const n of names)
      for (const t of [...data.get(n)!.values()]) {
        const cur = slices.get(n)!;
        const next = Math.ceil((t + 0.005) * 20) / 20;
        if (next <= cur || used - cur + next > budget) continue;
        slices.set(n, next);
        const gain = (score(build(), data, problems, how) - base) / (next - cur);
        slices.set(n, cur);
        if (gain > 0 && (!best || gain > best.gain)) best = { name: n, slice: next, gain };
      }
    if (!best) break;
    used += best.slice - slices.get(best.name)!;
    slices.set(best.name, best.slice);
  }
  // What is left of the budget goes to the entries in proportion, so no time is idle.
  const sched = completeFirst(build());
  const total = sched.reduce((a, e) => a + e.slice, 0);
  return sched.map((e) => ({ name: e.name, slice: (e.slice * budget) / total }));
}

/** A schedule must start complete (provers/saturation/portfolio.ts), so a saturation there is an answer. */
const completeEntry = (e: Entry): boolean => isComplete(strategyByName(e.name) ?? { sos: true });
const startsComplete = (sched: readonly Entry[]): boolean => sched.length === 0 || completeEntry(sched[0]!);

function completeFirst(sched: Entry[]): Entry[] {
  const i = sched.findIndex(completeEntry);
  return i <= 0 ? sched : [sched[i]!, ...sched.slice(0, i), ...sched.slice(i + 1)];
}

function localSearch(sched: Entry[], data: ReadonlyMap<string, Times>, problems: ReadonlySet<string>, how: Scoring): Entry[] {
  let cur = sched.map((e) => ({ ...e }));
  let best = score(cur, data, problems, how);
  for (let improved = true; improved;) {
    improved = false;
    for (let i = 0; i < cur.length; i++)
      for (let j = 0; j < cur.length; j++) {
        if (i === j) continue;
        // move time from j to i, or swap their order
        const moved = cur.map((e) => ({ ...e }));
        moved[i]!.slice += 0.05;
        moved[j]!.slice -= 0.05;
        if (moved[j]!.slice >= 0.05) {
          const s = score(moved, data, problems, how);
          if (s > best + 1e-12) {
            cur = moved;
            best = s;
            improved = true;
          }
        }
        const swapped = cur.map((e) => ({ ...e }));
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        const s2 = startsComplete(swapped) ? score(swapped, data, problems, how) : -Infinity;
        if (s2 > best + 1e-12) {
          cur = swapped;
          best = s2;
          improved = true;
        }
      }
  }
  return cur;
}

async function classes(set: string, problems: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of problems) out.set(`${set}/${p}`, (await problemClassOf(join(SHARED_CORPORA, 'tptp', set, p))) ?? 'error');
  return out;
}

function perSet(keys: Iterable<string>): string {
  const n = new Map<string, number>();
  for (const k of keys) n.set(setOf(k), (n.get(setOf(k)) ?? 0) + 1);
  return [...n].map(([set, c]) => `${set} ${c}`).join(', ');
}

function show(label: string, sched: readonly Entry[], data: ReadonlyMap<string, Times>, problems: ReadonlySet<string>, how: Scoring): void {
  const at = solvedBy(sched, data, problems);
  const times = [...at.values()].sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)]! : 0; // as bench/prover.ts
  const factor = how.robust ?? 0.7;
  const shrunk = solvedBy(scaled(sched, factor), data, problems);
  console.log(
    `${label}: ${at.size} of ${problems.size} solved in the model (${perSet(at.keys())}), median ${(median * 1000).toFixed(0)} ms; at ${factor} of every slice ${shrunk.size} (${perSet(shrunk.keys())})`,
  );
  const total = sched.reduce((a, e) => a + e.slice, 0);
  for (const e of sched) {
    const without = solvedBy(
      sched.filter((x) => x !== e),
      data,
      problems,
    ).size;
    console.log(
      `  ${e.name.padEnd(16)} ${e.slice.toFixed(2)} s  share ${(e.slice / total).toFixed(3)}  alone ${[...data.get(e.name)!.keys()].filter((p) => problems.has(p)).length}  only-here ${at.size - without}`,
    );
  }
}

function printTable(data: ReadonlyMap<string, Times>, klass: ReadonlyMap<string, string>): void {
  const names = [...new Set(klass.values())].sort();
  const size = (c: string): number => [...klass.values()].filter((k) => k === c).length;
  console.log(`| strategy | ${names.map((c) => `${c} (${size(c)})`).join(' | ')} | all (${klass.size}) | only this one |`);
  console.log(`|---|${names.map(() => '---|').join('')}---|---|`);
  for (const [name, times] of data) {
    const mine = [...times.keys()];
    const only = mine.filter((p) => ![...data].some(([other, t]) => other !== name && t.has(p))).length;
    const per = names.map((c) => mine.filter((p) => klass.get(p) === c).length);
    console.log(`| ${name} | ${per.join(' | ')} | ${mine.length} | ${only} |`);
  }
  const union = new Set([...data.values()].flatMap((t) => [...t.keys()]));
  console.log(`| any | ${names.map((c) => [...union].filter((p) => klass.get(p) === c).length).join(' | ')} | ${union.size} | |`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let budget = 9.3;
  let cls: string | undefined;
  let set = 'CASC-J11-FOF';
  let keep: string[] = [];
  let current: string | undefined;
  let table = false;
  const files: { set: string; file: string }[] = [];
  const weights = new Map<string, number>();
  let robust: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--budget') budget = Number(argv[++i]);
    else if (a === '--class') cls = argv[++i];
    else if (a === '--set') set = argv[++i]!;
    else if (a === '--keep') keep = argv[++i]!.split(',');
    else if (a === '--current') current = argv[++i];
    else if (a === '--table') table = true;
    else if (a === '--robust') robust = Number(argv[++i]);
    else if (a === '--weight') {
      const [s, v] = argv[++i]!.split('=');
      weights.set(s!, Number(v));
    } else files.push({ set, file: a });
  }
  const how: Scoring = { weights, robust };
  const data = new Map<string, Map<string, number>>();
  const seen = new Map<string, Set<string>>(); // set → strategies measured on it
  for (const { set: s, file } of files) {
    const name = basename(file).replace(/\.txt$/, '');
    if (!data.has(name)) data.set(name, new Map());
    readTimes(s, file, data.get(name)!);
    if (!seen.has(s)) seen.set(s, new Set());
    seen.get(s)!.add(name);
  }
  for (const [s, names] of seen)
    for (const name of data.keys())
      if (!names.has(name)) console.log(`warning: ${name} has no times on ${s}; the model credits it with nothing there`);
  const all: string[] = [];
  const klass = new Map<string, string>();
  for (const s of seen.keys()) {
    const ps = readdirSync(join(SHARED_CORPORA, 'tptp', s)).filter((f) => f.endsWith('.p'));
    for (const [k, c] of await classes(s, ps)) klass.set(k, c);
    all.push(...ps.map((p) => `${s}/${p}`));
  }
  const counts = new Map<string, number>();
  for (const c of klass.values()) counts.set(c, (counts.get(c) ?? 0) + 1);
  console.log(`classes in ${[...seen.keys()].join(' + ')}: ${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  if (table) return printTable(data, klass);
  const problems = new Set(all.filter((p) => !cls || klass.get(p) === cls));
  const names = [...data.keys()];
  if (current) {
    // name:share,name:share — the schedule in use, for comparison
    const cur = current.split(',').map((x) => {
      const [name, share] = x.split(':');
      return { name: name!, slice: Number(share) * budget };
    });
    show('current', cur, data, problems, how);
  }
  const sched = localSearch(greedy(names, data, problems, budget, keep, how), data, problems, how);
  show('searched', sched, data, problems, how);
  const union = new Set<string>();
  for (const t of data.values()) for (const p of t.keys()) if (problems.has(p)) union.add(p);
  console.log(`union of all strategies: ${union.size}`);
}

void main();
