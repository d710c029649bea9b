/**
 * The default Engine: the project's parser ('nltk'/'folio' dialects), the
 * embedded prover through provers/run's synchronous entry (clausify + strategy
 * portfolio, in this thread: an NL evaluation is thousands of tiny problems, and
 * worker start-up would cost more than the proving), and the finite model finder
 * for certifying Uncertain answers.
 */
import type { Formula } from '../provers/logic/index.js';
import { mkNot } from '../provers/logic/index.js';
import { parseFormula } from '../provers/logic/syntax/index.js';
import { clausifyFormulas } from '../provers/logic/cnf.js';
import { proveProblemSync } from '../provers/run/index.js';
import { findModel } from '../provers/models/index.js';
import type { Engine } from './judge.js';

export const defaultEngine: Engine = {
  parse: (text, dialect) => parseFormula(text, dialect),
  prove: (problem, opts) =>
    Promise.resolve(
      proveProblemSync(problem, {
        timeoutMs: opts.timeoutMs,
        ...(opts.check ? { check: true } : {}),
        ...(opts.signal ? { shouldStop: () => opts.signal!.aborted } : {}),
      }),
    ),
  countermodel: (premises: readonly Formula[], goal: Formula, opts) => {
    const clauses = clausifyFormulas([...premises, mkNot(goal)], { deadline: opts.deadline });
    if (!clauses.ok) return { note: `${clauses.error.kind}: ${clauses.error.message}` };
    const r = findModel(clauses.value, { maxSize: opts.maxSize, deadline: opts.deadline });
    return r.status === 'found' ? { model: r.model } : { note: `${r.status}${r.message ? `: ${r.message}` : ''}` };
  },
};
