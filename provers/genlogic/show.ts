/** Compact term text for keys and messages (the graph module owns display printing). */
import type { Term } from '../logic/index.js';

export function showTerm(t: Term): string {
  if (t.kind === 'var') return t.name;
  return t.args.length === 0 ? t.fn : `${t.fn}(${t.args.map(showTerm).join(', ')})`;
}
