/**
 * NL benchmark (figures for docs/nl.md). Runs, with the default engine:
 *  1. LINC's recorded GPT-3.5 FOLIO 8-shot output (182 × 10) replayed through our
 *     parser and prover: time, accuracy vs LINC's published 62.6 %, per-sample
 *     agreement with LINC's recorded Prover9 verdicts, every disagreement by cause;
 *  2. ProofWriter dev (600) through controlled English, judged by first-order
 *     entailment and by ProofWriter's forward-chaining reading;
 *  3. FOLIO validation gold FOL (204);
 *  4. controlled-English coverage of FOLIO validation premise sentences (free text: informative, no target),
 *     with the words the grammar stops at most often.
 * Usage: npm run bench:nl [-- --only linc|proofwriter|folio|cnl] [--timeout S] [--no-dedupe] [--check]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { loadDataset } from '../nl/datasets.js';
import { evaluate } from '../nl/evaluate.js';
import type { EvalRun } from '../nl/evaluate.js';
import { formatSummary } from '../nl/metrics.js';
import { defaultEngine } from '../nl/engine.js';
import type { Engine } from '../nl/judge.js';
import { compareWithRecorded, CAUSES } from '../nl/compare.js';
import type { DisagreementCause } from '../nl/compare.js';
import { coverage } from '../nl/cnl/coverage.js';

const LINC = join(SHARED_CORPORA, 'linc-replay', 'gpt-3.5-turbo-16k-0613_folio-neurosymbolic-8shot_');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let proverCalls = 0;
const counting: Engine = {
  ...defaultEngine,
  prove: (p, o) => {
    proverCalls++;
    return defaultEngine.prove(p, o);
  },
};

async function run(
  file: string,
  opts: Parameters<typeof evaluate>[2],
): Promise<{ run: EvalRun; ms: number; cpuMs: number; calls: number }> {
  const ds = await loadDataset(file);
  if (!ds.ok) throw new Error(ds.error);
  proverCalls = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await evaluate(ds.value, counting, { concurrency: 1, ...opts });
  const c1 = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.error);
  return { run: r.value, ms, cpuMs: (c1.user + c1.system) / 1000, calls: proverCalls };
}

async function main(): Promise<void> {
  const only = arg('--only');
  const timeoutMs = Math.round(Number(arg('--timeout') ?? '10') * 1000);
  if (!only || only === 'linc') {
    const dedupe = !process.argv.includes('--no-dedupe');
    const check = process.argv.includes('--check');
    const { run: r, ms, cpuMs, calls } = await run(`${LINC}generations_raw.json`, { provider: 'replay', timeoutMs, dedupe, check });
    const prc = JSON.parse(readFileSync(`${LINC}generations_prc.json`, 'utf8')) as string[][];
    const a = compareWithRecorded(r.results, prc);
    const distinct = new Set(
      r.results.flatMap((p, i) =>
        p.samples
          .filter((s) => s.verdict !== 'Error' || s.stage === 'prove')
          .map((s) => `${i}:${JSON.stringify(s.conclusion?.formula)}:${s.premises.length}`),
      ),
    ).size;
    console.log(`## LINC replay (GPT-3.5, FOLIO, 8-shot, 182 × 10), per-call limit ${timeoutMs / 1000} s`);
    console.log(formatSummary(r.summary));
    console.log(
      `LINC published 62.6 %; ours ${r.summary.accuracy.toFixed(2)} % (difference ${(r.summary.accuracy - 62.6).toFixed(2)} points)`,
    );
    console.log(
      `time: ${(ms / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores) for ${r.summary.samples.total} samples (${calls} prover calls; ${dedupe ? `identical translations within a problem judged once, ~${distinct} distinct; --no-dedupe judges every sample` : 'every sample judged'})`,
    );
    console.log(`per-sample agreement with LINC's Prover9 verdicts: ${a.agree}/${a.samples} = ${a.rate.toFixed(2)} %`);
    const by = new Map<DisagreementCause, number>();
    for (const d of a.disagreements) by.set(d.cause, (by.get(d.cause) ?? 0) + 1);
    for (const [c, n] of by) console.log(`  ${n} × ${c}: ${CAUSES[c]}`);
    for (const d of a.disagreements)
      console.log(
        `    linc_${d.problem} sample ${d.sample}: ours ${d.ours}, LINC ${d.linc} [${d.cause}]${d.detail ? ` ${d.detail.slice(0, 140)}` : ''}`,
      );
    console.log('');
  }
  if (!only || only === 'proofwriter') {
    const file = join(SHARED_CORPORA, 'proofwriter', 'dev.json');
    const fol = await run(file, { provider: 'cnl', timeoutMs });
    console.log('## ProofWriter dev (600), controlled English, first-order judging');
    console.log(formatSummary(fol.run.summary));
    console.log(`time: ${(fol.ms / 1000).toFixed(2)} s wall, ${(fol.cpuMs / 1000).toFixed(2)} s CPU`);
    const fwd = await run(file, { provider: 'cnl', timeoutMs, semantics: 'forward' });
    console.log('## ProofWriter dev (600), controlled English, forward-chaining (ProofWriter) judging');
    console.log(formatSummary(fwd.run.summary));
    const byId = new Map(fwd.run.results.map((x) => [x.id, x.prediction]));
    for (const x of fol.run.results)
      if (x.prediction !== x.label) console.log(`  FOL ≠ label: ${x.id} label ${x.label}, FOL ${x.prediction}, forward ${byId.get(x.id)}`);
    console.log('');
  }
  if (!only || only === 'cnl') {
    cnlCoverage();
    console.log('');
  }
  if (!only || only === 'folio') {
    const g = await run(join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl'), { provider: 'gold', goldFol: true, timeoutMs });
    console.log('## FOLIO validation (204), gold FOL');
    console.log(formatSummary(g.run.summary));
    console.log(`time: ${(g.ms / 1000).toFixed(2)} s wall, ${(g.cpuMs / 1000).toFixed(2)} s CPU`);
    for (const x of g.run.results)
      if (x.prediction !== x.label)
        console.log(
          `  ${x.id}: label ${x.label}, ours ${x.prediction}${x.samples[0]?.error ? ` (${x.samples[0].error.split('\n')[0]})` : ''}`,
        );
  }
}

function cnlCoverage(): void {
  const rows = readFileSync(join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as { premises?: unknown });
  const premises = rows.flatMap((r) => (Array.isArray(r.premises) ? r.premises.filter((p): p is string => typeof p === 'string') : []));
  const t0 = performance.now();
  const c = coverage(premises);
  const ms = performance.now() - t0;
  console.log('## Controlled English on FOLIO validation premises (distinct sentences; free text, informative)');
  console.log(
    `understood: ${c.understood}/${c.total} = ${((100 * c.understood) / Math.max(1, c.total)).toFixed(1)} % in ${ms.toFixed(0)} ms`,
  );
  console.log(
    `most frequent stopping words: ${c.stops
      .slice(0, 12)
      .map((x) => `'${x.word}' ${x.count}`)
      .join(', ')}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
