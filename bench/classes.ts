/**
 * The schedule class of a problem file (provers/saturation/heuristics/classify.ts), for the benches that look at
 * one class: load, clausify with a generous limit, classify. Undefined when the file cannot be loaded or clausified.
 */
import { loadProblem } from '../provers/load/index.js';
import { clausify } from '../provers/logic/cnf.js';
import { problemClass } from '../provers/saturation/heuristics/classify.js';
import type { ProblemClass } from '../provers/saturation/heuristics/classify.js';

export async function problemClassOf(path: string): Promise<ProblemClass | undefined> {
  const loaded = await loadProblem(path);
  const c = loaded.ok ? clausify(loaded.value, { deadline: Date.now() + 20_000 }) : undefined;
  return c?.ok ? problemClass(c.value) : undefined;
}
