/**
 * Model finder on FOLIO: for every validation problem with parseable gold FOL,
 * search for a model of premises ∧ ¬conclusion (a countermodel) and of
 * premises ∧ conclusion, as the NL pipeline does to certify Uncertain.
 * Run: npx tsx bench/models-folio.ts [--max-size N] [--timeout-ms T]
 * Prints per-status counts, timing percentiles, and label disagreements (a model of
 * premises ∧ ¬conclusion for a 'True' item means the gold FOL does not entail it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { parseFormula } from '../provers/logic/syntax/index.js';
import type { Formula } from '../provers/logic/formula.js';
import { mkNot } from '../provers/logic/formula.js';
import { clausifyFormulas } from '../provers/logic/cnf.js';
import { findModel } from '../provers/models/index.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const maxSize = opt('--max-size', 6);
const timeoutMs = opt('--timeout-ms', 2000);

interface Item {
  'premises-FOL': string[];
  'conclusion-FOL': string;
  label: string;
}
const lines = readFileSync(join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const times: number[] = [];
const counts: Record<string, number> = {};
const disagreements: string[] = [];
let parsed = 0;
lines.forEach((line, idx) => {
  const item = JSON.parse(line) as Item;
  const fs: Formula[] = [];
  for (const s of [...item['premises-FOL'], item['conclusion-FOL']]) {
    const r = parseFormula(s, 'folio');
    if (!r.ok) return;
    fs.push(r.value);
  }
  parsed++;
  const premises = fs.slice(0, -1);
  const concl = fs[fs.length - 1]!;
  for (const [tag, goal] of [
    ['counter', mkNot(concl)],
    ['model', concl],
  ] as const) {
    const clausified = clausifyFormulas([...premises, goal]);
    if (!clausified.ok) throw new Error(clausified.error.message);
    const clauses = clausified.value;
    const t0 = performance.now();
    const r = findModel(clauses, { maxSize, deadline: Date.now() + timeoutMs });
    times.push(performance.now() - t0);
    const key = `${tag}:${r.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (r.status === 'found' && ((tag === 'counter' && item.label === 'True') || (tag === 'model' && item.label === 'False')))
      disagreements.push(
        `#${idx + 1} label ${item.label} but a ${tag === 'counter' ? 'countermodel' : 'model of the conclusion'} of size ${r.model.domainSize} exists`,
      );
  }
});
times.sort((a, b) => a - b);
const pct = (p: number): string => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
console.log(
  `FOLIO validation: ${lines.length} items, ${parsed} with parseable gold FOL, ${times.length} searches (max size ${maxSize}, ${timeoutMs} ms each)`,
);
console.log(counts);
console.log(
  `time per search ms: p50 ${pct(50)}, p90 ${pct(90)}, p99 ${pct(99)}, max ${times[times.length - 1]!.toFixed(1)}, total ${times.reduce((a, b) => a + b, 0).toFixed(0)}`,
);
console.log(`label disagreements (gold FOL vs label): ${disagreements.length}`);
for (const d of disagreements.slice(0, 10)) console.log('  ' + d);
