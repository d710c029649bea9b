/** Accuracy, confusion matrix, Error count and per-depth accuracy of an evaluation run. */
import type { Label, ProblemResult, Verdict } from './types.js';
import { VERDICTS } from './types.js';

export interface EvalSummary {
  readonly dataset: string;
  readonly provider: string;
  readonly total: number;
  readonly correct: number;
  /** Percent, two decimals. */
  readonly accuracy: number;
  /** Problems whose prediction is Error (every sample failed). */
  readonly errors: number;
  /** gold label → predicted verdict → count. */
  readonly confusion: Record<Label, Record<Verdict, number>>;
  readonly samples: { readonly total: number; readonly errors: number };
  readonly byDepth?: Record<string, { total: number; correct: number; accuracy: number }>;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function summarize(dataset: string, provider: string, results: readonly ProblemResult[]): EvalSummary {
  const confusion = {} as Record<Label, Record<Verdict, number>>;
  for (const l of ['True', 'False', 'Uncertain'] as const) confusion[l] = { True: 0, False: 0, Uncertain: 0, Error: 0 };
  let correct = 0;
  let errors = 0;
  let sTotal = 0;
  let sErr = 0;
  const depth = new Map<number, { total: number; correct: number }>();
  for (const r of results) {
    if (r.prediction === 'Error') errors++;
    const hit = r.label !== undefined && r.prediction === r.label;
    if (hit) correct++;
    if (r.label) confusion[r.label][r.prediction]++;
    for (const s of r.samples) {
      sTotal++;
      if (s.verdict === 'Error') sErr++;
    }
    if (r.depth !== undefined) {
      const d = depth.get(r.depth) ?? { total: 0, correct: 0 };
      d.total++;
      if (hit) d.correct++;
      depth.set(r.depth, d);
    }
  }
  const total = results.length;
  const summary: EvalSummary = {
    dataset,
    provider,
    total,
    correct,
    accuracy: total === 0 ? 0 : round2((100 * correct) / total),
    errors,
    confusion,
    samples: { total: sTotal, errors: sErr },
  };
  if (depth.size === 0) return summary;
  const byDepth: Record<string, { total: number; correct: number; accuracy: number }> = {};
  for (const [d, v] of [...depth].sort((a, b) => a[0] - b[0])) byDepth[String(d)] = { ...v, accuracy: round2((100 * v.correct) / v.total) };
  return { ...summary, byDepth };
}

export function formatSummary(s: EvalSummary): string {
  const lines = [
    `dataset:  ${s.dataset}`,
    `provider: ${s.provider}`,
    `accuracy: ${s.accuracy.toFixed(2)} % (${s.correct}/${s.total}), ${s.errors} problem(s) with no usable sample; ${s.samples.errors}/${s.samples.total} samples Error`,
    '',
    `gold \\ predicted ${VERDICTS.map((v) => v.padStart(10)).join('')}`,
  ];
  for (const l of ['True', 'False', 'Uncertain'] as const)
    lines.push(`${l.padEnd(17)}${VERDICTS.map((v) => String(s.confusion[l][v]).padStart(10)).join('')}`);
  if (s.byDepth) {
    lines.push('', 'by depth:');
    for (const [d, v] of Object.entries(s.byDepth)) lines.push(`  D${d}: ${v.accuracy.toFixed(2)} % (${v.correct}/${v.total})`);
  }
  return lines.join('\n');
}
