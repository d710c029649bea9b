/**
 * Controlled English → first-order formulas, after Attempto Controlled English:
 * a documented set of constructions (docs/cnl.md), deterministic interpretation
 * rules reported when they decide a reading (rules.ts), a paraphrase of every
 * sentence, and for a sentence not understood the position, what the grammar
 * expected there and a rewrite it would read. Never a guess.
 */
import type { Formula, Result } from '../../provers/logic/index.js';
import { ok, err } from '../../provers/logic/index.js';
import { tokenize, MAX_TOKENS } from './lexer.js';
import { runGrammar } from './grammar.js';
import { paraphrase } from './paraphrase.js';
import type { AmbiguityRule } from './rules.js';
import { ruleOf } from './rules.js';
import type { CnlError } from './errors.js';
import { suggest } from './errors.js';

export type { CnlError } from './errors.js';
export { formatCnlError } from './errors.js';
export { verbLemma, singular } from './morphology.js';

/** How one sentence was read. */
export interface CnlReading {
  readonly formula: Formula;
  /** The reading said back in explicit English. */
  readonly paraphrase: string;
  /** The interpretation rules that decided this reading. */
  readonly rules: readonly AmbiguityRule[];
  readonly question: boolean;
}

export function readCnlSentence(sentence: string): Result<CnlReading, CnlError> {
  const toks = tokenize(sentence);
  if (toks.length > MAX_TOKENS) {
    return err({
      word: MAX_TOKENS + 1,
      found: toks[MAX_TOKENS]!.raw,
      message: `sentence longer than ${MAX_TOKENS} words`,
      suggestion: 'split it into shorter sentences.',
    });
  }
  const r = runGrammar(toks);
  if (!r.ok) {
    const words = toks.map((t) => t.w);
    const expected = r.error.expected.length > 0 ? r.error.expected : ['a sentence'];
    return err({
      word: r.error.at + 1,
      found: r.error.found,
      message: `expected ${expected.slice(0, 4).join(' or ')}`,
      expected,
      suggestion: suggest(words, r.error.at + 1),
    });
  }
  const v = r.value;
  return ok({ formula: v.formula, paraphrase: paraphrase(v.formula, v), rules: v.rules.map(ruleOf), question: v.question });
}

/** Parse one sentence to its formula. */
export function parseCnlSentence(sentence: string): Result<Formula, CnlError> {
  const r = readCnlSentence(sentence);
  return r.ok ? ok(r.value.formula) : r;
}
