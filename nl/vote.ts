/**
 * Majority vote over samples, exactly as LINC does it (eval/base.py `metric`):
 * Error samples are dropped; among the rest `Counter(gens).most_common(1)` wins,
 * and Python's Counter breaks ties by first occurrence in sample order. When every
 * sample is Error there is no prediction: LINC counts it wrong, we report Error.
 */
import type { Verdict } from './types.js';

export function tally(verdicts: readonly Verdict[]): Record<Verdict, number> {
  const t: Record<Verdict, number> = { True: 0, False: 0, Uncertain: 0, Error: 0 };
  for (const v of verdicts) t[v]++;
  return t;
}

export function majorityVote(verdicts: readonly Verdict[]): Verdict {
  const counts = new Map<Verdict, number>(); // insertion order = first occurrence
  for (const v of verdicts) if (v !== 'Error') counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: Verdict = 'Error';
  let bestN = 0;
  for (const [v, n] of counts) {
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}
