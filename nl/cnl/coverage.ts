/** How much of a set of free-text sentences the grammar understands, and where the rest stop (for bench:nl). */
import { readCnlSentence } from './parser.js';

export interface Coverage {
  readonly total: number;
  readonly understood: number;
  /** The words the grammar stopped at most often, with counts. */
  readonly stops: readonly { readonly word: string; readonly count: number }[];
}

export function coverage(sentences: readonly string[]): Coverage {
  const distinct = [...new Set(sentences.map((s) => s.trim()).filter((s) => s.length > 0))];
  let understood = 0;
  const stops = new Map<string, number>();
  for (const s of distinct) {
    const r = readCnlSentence(s);
    if (r.ok) understood++;
    else stops.set(r.error.found.toLowerCase(), (stops.get(r.error.found.toLowerCase()) ?? 0) + 1);
  }
  return {
    total: distinct.length,
    understood,
    stops: [...stops].sort((a, b) => b[1] - a[1]).map(([word, count]) => ({ word, count })),
  };
}
