/**
 * Joining journals: the shards of one run (`verify --shard I/N`, one journal each)
 * into the report an unsharded run would have written. Results are keyed by
 * problem; the first result for a key wins, as within one journal.
 */
import { existsSync } from 'node:fs';
import { readJournal } from './journal.js';
import type { JournalSession } from './journal.js';
import { buildReport } from './report.js';
import type { BatchReport, ProblemResult, ProverName } from './types.js';

export interface MergeOutcome {
  readonly report: BatchReport;
  /** Things the user should know (a shard missing, a key in two journals); the report is still written. */
  readonly warnings: readonly string[];
  /** Shards that were expected (from `I/N`) but no journal held them. */
  readonly missingShards: readonly string[];
}

export function mergeJournals(paths: readonly string[]): { ok: true; value: MergeOutcome } | { ok: false; error: string } {
  const results = new Map<string, ProblemResult>();
  const warnings: string[] = [];
  let first: JournalSession | undefined;
  let pending = 0;
  let duplicates = 0;
  const shards = new Map<string, string>();
  let shardCount: number | undefined;
  for (const p of paths) {
    if (!existsSync(p)) return { ok: false, error: `no such journal: ${p}` };
    const j = readJournal(p);
    const last = j.sessions[j.sessions.length - 1];
    if (!last) return { ok: false, error: `${p}: not a batch journal (no session line)` };
    if (!first) first = last;
    else if (JSON.stringify(first.provers) !== JSON.stringify(last.provers) || first.timeout_s !== last.timeout_s)
      return {
        ok: false,
        error: `${p}: a different run (provers ${last.provers.join(',')}, ${last.timeout_s} s) from ${paths[0]} (provers ${first.provers.join(',')}, ${first.timeout_s} s)`,
      };
    if (last.shard) {
      const [i, n] = last.shard.split('/').map(Number) as [number, number];
      if (shardCount !== undefined && shardCount !== n)
        return { ok: false, error: `${p}: shard ${last.shard} of a ${n}-way split, others are ${shardCount}-way` };
      shardCount = n;
      const prev = shards.get(String(i));
      if (prev) warnings.push(`shard ${last.shard} appears twice (${prev} and ${p})`);
      shards.set(String(i), p);
    }
    if (j.badLines > 0) warnings.push(`${p}: ${j.badLines} unreadable line(s) ignored (a run killed mid-write)`);
    let mine = 0;
    for (const [k, r] of j.results) {
      mine++;
      if (results.has(k)) duplicates++;
      else results.set(k, r);
    }
    if (last.problems !== undefined) pending += Math.max(0, last.problems - mine);
  }
  if (duplicates > 0) warnings.push(`${duplicates} problem(s) found in more than one journal: the first journal's result is kept`);
  const missingShards: string[] = [];
  if (shardCount !== undefined) for (let i = 1; i <= shardCount; i++) if (!shards.has(String(i))) missingShards.push(`${i}/${shardCount}`);
  if (missingShards.length > 0) warnings.push(`missing shard(s) ${missingShards.join(', ')}: the report covers only the shards given`);
  const provers = (first?.provers ?? ['entail']) as readonly ProverName[];
  const report = buildReport([...results.values()], { provers, timeoutS: first?.timeout_s ?? 0, pending });
  return { ok: true, value: { report, warnings, missingShards } };
}
