/**
 * `entail model <file>`: clausify a problem (negating its conjecture) and search
 * for a finite model; a model found is a countermodel to the conjecture, or a model
 * of the axioms when there is none. Prints the model (TPTP finite interpretation by
 * default) in an SZS output block, then re-evaluates every original statement in it.
 */
import { EXIT_INPUT, EXIT_OK } from '../io.js';
import { defineCommand, positiveNumber } from '../args.js';
import { introducedLines } from '../common.js';
import { DIALECT_OPTION, FORMAT_OPTION, INCLUDE_ANYWHERE_OPTION, JSON_OPTION, modelBlock } from '../common.js';
import type { ModelFormat } from '../common.js';
import { loadInput } from '../input.js';
import { loadFailureJson, reportLoadFailure, szsStatusLines } from '../szs.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { universalClosure } from '../../provers/logic/formula.js';
import { clausify, clausifyErrorStatus } from '../../provers/logic/cnf.js';
import { evalFormula, findModel } from '../../provers/models/index.js';
import type { CliJsonPart } from '../json-output.js';

export const command = defineCommand(
  {
    name: 'model',
    summary: 'find a finite (counter)model of a problem',
    synopsis: '<file|->',
    description: `Searches for a finite model of the problem's axioms together with the negation of
its conjecture (a countermodel: the conjecture does not follow), or of the axioms
alone when there is no conjecture. Domain sizes 1..N are tried in turn. The model is
printed between SZS output markers as a TPTP finite interpretation (elements e0, e1, ...).`,
    options: {
      'max-size': { type: 'string', short: 'n', arg: 'N', help: 'largest domain size (default 8)' },
      timeout: { type: 'string', short: 't', arg: 'S', help: 'seconds (default 10)' },
      format: FORMAT_OPTION,
      dialect: DIALECT_OPTION,
      json: JSON_OPTION,
      'allow-include-anywhere': INCLUDE_ANYWHERE_OPTION,
    },
    minPositionals: 1,
    maxPositionals: 1,
    footer: 'Exit status: 0 when a model was found, 1 when none was (or on input errors), 2 on usage errors.',
  },
  async ({ values, positionals, io, usageError }) => {
    const maxSize = positiveNumber('max-size', values['max-size'], 8, true);
    const timeoutS = positiveNumber('timeout', values.timeout, 10);
    if (typeof maxSize === 'string') return usageError(maxSize);
    if (typeof timeoutS === 'string') return usageError(timeoutS);
    const format = (values.format ?? 'tptp') as ModelFormat;
    const loaded = await loadInput(positionals[0]!, io, {
      ...(values.dialect ? { dialect: values.dialect as Dialect } : {}),
      allowIncludeAnywhere: values['allow-include-anywhere'],
    });
    if (!loaded.ok) {
      if (values.json) io.out(JSON.stringify(loadFailureJson(loaded.error)));
      else reportLoadFailure(loaded.error, io.out, io.err);
      return EXIT_INPUT;
    }
    const problem = loaded.value;
    // One deadline for clausification and the search.
    const deadline = Date.now() + timeoutS * 1000;
    const clausified = clausify(problem, { deadline });
    if (!clausified.ok) {
      const szs = clausifyErrorStatus(clausified.error);
      const message = clausified.error.message;
      if (values.json) io.out(JSON.stringify({ szs, problem: problem.name, error: { message } } satisfies CliJsonPart<'clausify-failure'>));
      else {
        // An input error is positioned on stderr; running out of time or space is the status's comment.
        io.out([...szsStatusLines(szs, problem.name), ...(szs === 'InputError' ? [] : [`% ${message}`])].join('\n'));
        if (szs === 'InputError') io.err(`entail model: ${message}`);
      }
      return EXIT_INPUT;
    }
    const cnf = clausified.value;
    const result = findModel(
      cnf.clauses.map((c) => c.clause),
      { maxSize, deadline },
    );
    const szs =
      result.status === 'found'
        ? cnf.hasConjecture
          ? 'CounterSatisfiable'
          : 'Satisfiable'
        : result.status === 'timeout'
          ? 'Timeout'
          : 'GaveUp';
    // Independent check: evaluate each original statement (not the clauses) in the model.
    const checks =
      result.status === 'found'
        ? problem.statements.map((s) => {
            const v = evalFormula(result.model, universalClosure(s.formula));
            const expected = s.role !== 'conjecture';
            return {
              name: s.name,
              role: s.role,
              value: v.ok ? v.value : null,
              ok: v.ok ? v.value === expected : null,
              ...(v.ok ? {} : { error: v.error }),
            };
          })
        : [];
    if (values.json) {
      io.out(
        JSON.stringify({
          problem: problem.name,
          status: result.status,
          szs,
          ...(result.status === 'found' ? { model: result.model } : { message: result.message }),
          stats: result.stats,
          skolems: cnf.skolems,
          definitions: cnf.definitions,
          checks,
        } satisfies CliJsonPart<'model-result'>),
      );
      return result.status === 'found' ? EXIT_OK : EXIT_INPUT;
    }
    const lines = szsStatusLines(szs, problem.name);
    if (result.status !== 'found') {
      lines.push(`% ${result.message ?? result.status} (${result.stats.timeMs} ms)`);
      io.out(lines.join('\n'));
      return EXIT_INPUT;
    }
    lines.push(`% ${cnf.hasConjecture ? 'countermodel' : 'model'} of size ${result.model.domainSize} found in ${result.stats.timeMs} ms`);
    lines.push(...modelBlock(result.model, problem.name, format));
    lines.push(...introducedLines(cnf));
    lines.push('% statements in this model:');
    for (const c of checks) {
      const mark = c.ok === null ? `? (${c.error})` : c.ok ? 'ok' : 'MISMATCH';
      lines.push(`%   ${c.name} (${c.role}): ${c.value === null ? 'not evaluable' : c.value} ${mark}`);
    }
    io.out(lines.join('\n'));
    return EXIT_OK;
  },
);
