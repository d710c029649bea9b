/**
 * Compare a replay of LINC's recorded output with LINC's own per-sample Prover9
 * verdicts (`*_generations_prc.json`), and sort every disagreement into a known,
 * explained cause. Used by the benchmark (figures for docs/nl.md) and by the test
 * that pins the reproduction.
 */
import type { ProblemResult, Verdict } from './types.js';

export type DisagreementCause =
  | 'fol-with-space'
  | 'quantifier-scope'
  | 'implication-chain'
  | 'forall-keyword'
  | 'formula-as-argument'
  | 'dollar-in-term'
  | 'negated-term'
  | 'unexplained';

export const CAUSES: Readonly<Record<DisagreementCause, string>> = {
  'fol-with-space':
    'The completion writes `FOL: ` with a space instead of a tab. LINC recorded Error for every such completion (19 of 19), although its published postprocessing (`line.replace("FOL:", "")`) accepts them; the cause lies outside the published code. We accept them.',
  'quantifier-scope':
    "NLTK reads `exists x. P(x) & Q(x)` as `(exists x. P(x)) & Q(x)` with a free x, which Prover9 then takes as universally quantified. Our 'nltk' parser rejects a variable used outside its quantifier's scope as a likely mistake, so the sample is an Error for us.",
  'implication-chain':
    "NLTK groups `a -> b -> c` silently; our 'nltk' parser asks for parentheses (the grouping is rarely what was meant).",
  'forall-keyword': 'NLTK accepts `forall` as a synonym of `all`; our parser does not.',
  'formula-as-argument':
    'NLTK accepts a formula as a predicate argument (`Exists(y, (Child(x, y)))`, higher-order); a first-order parser rejects it.',
  'dollar-in-term': 'NLTK tokenizes `2000$` as a name; our lexer expects a word after `$`.',
  'negated-term':
    '`-x=Michael`: NLTK prints it for Prover9 as `-(x) = Michael`, which Prover9 reads as an equation with the function term -(x); we read ¬(x = Michael), which makes the premise `all x. (… & x != Michael)` inconsistent, so everything follows.',
  unexplained:
    'Not explained: no parse or type problem on either side, and our prover decides both proofs in milliseconds. LINC turns any Prover9 limit exit (time, memory, given clauses) into Error, which may be the cause; Prover9 is not installable here to check.',
};

export interface Disagreement {
  readonly problem: number;
  readonly sample: number;
  readonly ours: Verdict;
  readonly linc: string;
  readonly cause: DisagreementCause;
  readonly detail?: string;
}

export function classify(completion: string, ours: Verdict, linc: string, error: string | undefined): DisagreementCause {
  if (/FOL: /.test(completion) && !/FOL:\t/.test(completion) && linc === 'Error') return 'fol-with-space';
  const e = error ?? '';
  if (/outside the scope of its quantifier/.test(e)) return 'quantifier-scope';
  if (/'->' is not associative/.test(e)) return 'implication-chain';
  if (/\bforall\s+[a-z]/.test(e)) return 'forall-keyword';
  if (/Exists\(\w+, \(/.test(e)) return 'formula-as-argument';
  if (/after '\$'/.test(e)) return 'dollar-in-term';
  if (/-[a-z]=\w/.test(completion) && ours !== 'Error' && linc !== 'Error') return 'negated-term';
  return 'unexplained';
}

export interface Agreement {
  readonly samples: number;
  readonly agree: number;
  /** Percent. */
  readonly rate: number;
  readonly disagreements: readonly Disagreement[];
}

export function compareWithRecorded(results: readonly ProblemResult[], recorded: readonly (readonly string[])[]): Agreement {
  let samples = 0;
  let agree = 0;
  const dis: Disagreement[] = [];
  results.forEach((r, i) => {
    r.samples.forEach((s, k) => {
      samples++;
      const linc = recorded[i]?.[k] ?? '(missing)';
      if (s.verdict === linc) {
        agree++;
        return;
      }
      dis.push({
        problem: i,
        sample: k,
        ours: s.verdict,
        linc,
        cause: classify(s.completion ?? '', s.verdict, linc, s.error),
        ...(s.error ? { detail: s.error.split('\n')[0]! } : {}),
      });
    });
  });
  return { samples, agree, rate: samples === 0 ? 0 : (100 * agree) / samples, disagreements: dis };
}
