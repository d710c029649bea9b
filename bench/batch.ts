/**
 * Batch benchmark (not a test): 1,000 ProofWriter problems through `runBatch`
 * with 2 jobs, each record = context ⊢ question and its negation → True/False/
 * Uncertain vs the dataset answer. Target: < 30 s on this 2-core machine.
 *
 *   npm run bench:batch                      # embedded prover, 1000 problems, 2 jobs
 *   npm run bench:batch -- --prover e --n 200 --jobs 2 --timeout 10
 *   npm run bench:batch -- --source folio    # FOLIO gold FOL instead (204 records)
 *
 * ProofWriter records come from ../shared/corpora/proofwriter/{dev,train}.json
 * (dev's 600, then train) through nl/'s controlled-English parser; they are
 * written to one temp Logic-LM JSON file so the run is one dataset file.
 */
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch, defaultDeps } from '../provers/batch/engine.js';
import type { ProverName } from '../provers/batch/types.js';
import { readRecords } from '../service/batch-records.js';
import { SHARED_CORPORA } from '../testing/corpora.js';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}

const n = Number(arg('n', '1000'));
const jobs = Number(arg('jobs', '2'));
const timeoutS = Number(arg('timeout', '10'));
const provers = arg('prover', 'entail').split(',') as ProverName[];
const source = arg('source', 'proofwriter');

const dir = mkdtempSync(join(tmpdir(), 'entail-bench-batch-'));
let input: string;
if (source === 'folio') input = join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl');
else {
  const dev = JSON.parse(readFileSync(join(SHARED_CORPORA, 'proofwriter', 'dev.json'), 'utf8')) as unknown[];
  const train = JSON.parse(readFileSync(join(SHARED_CORPORA, 'proofwriter', 'train.json'), 'utf8')) as unknown[];
  input = join(dir, `proofwriter-${n}.json`);
  writeFileSync(input, JSON.stringify([...dev, ...train].slice(0, n)));
}

const deps = { ...(await defaultDeps()), readRecords };
const t0 = Date.now();
let last = 0;
const rep = await runBatch(
  { paths: [input], cwd: dir, provers, jobs, timeoutMs: timeoutS * 1000, deps, journal: join(dir, 'journal.jsonl') },
  (e) => {
    if (e.type === 'result' && (e.done - last >= 100 || e.done === e.total)) {
      last = e.done;
      process.stderr.write(`  ${e.done}/${e.total} after ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
  },
);
const wall = (Date.now() - t0) / 1000;
const labelled = rep.problems.filter((p) => p.expected !== undefined);
const correct = labelled.filter((p) => p.status === p.expected).length;
console.log(
  JSON.stringify(
    {
      source,
      problems: rep.total,
      provers,
      jobs,
      timeout_s: timeoutS,
      wall_s: Number(wall.toFixed(2)),
      per_problem_ms: Number(((wall * 1000) / Math.max(1, rep.total)).toFixed(1)),
      solved: rep.solved,
      correct,
      wrong: rep.wrong,
      errors: rep.errors,
      timeouts: rep.timeouts,
      by_status: rep.by_status,
    },
    null,
    2,
  ),
);
for (const p of rep.problems.filter((x) => x.wrong || x.status === 'Error').slice(0, 10))
  console.log(`  ${p.wrong ? 'WRONG' : p.status}: ${p.name} expected ${p.expected} got ${p.status} ${p.error ?? ''}`);
rmSync(dir, { recursive: true, force: true });
process.exitCode = rep.wrong > 0 ? 1 : 0;
