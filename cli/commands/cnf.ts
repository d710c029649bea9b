/**
 * `entail cnf <file>`: the clausified problem as TPTP `cnf(...)` lines, each with
 * an `inference(clausify, ...)` source naming the statement it came from, so the
 * output is a TPTP problem that Entail and other provers read back.
 */
import { EXIT_INPUT, EXIT_OK } from '../io.js';
import { defineCommand, positiveNumber } from '../args.js';
import { introducedLines } from '../common.js';
import { DIALECT_OPTION, INCLUDE_ANYWHERE_OPTION, JSON_OPTION } from '../common.js';
import { loadInput } from '../input.js';
import { loadFailureJson, reportLoadFailure, szsBlock, szsStatusLines } from '../szs.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { clausify, clausifyErrorStatus } from '../../provers/logic/cnf.js';
import type { Clausified } from '../../provers/logic/cnf.js';
import { printClause, tptpName } from '../../provers/logic/syntax/index.js';
import type { CliJsonPart } from '../json-output.js';

const TPTP_NAME = /^(?:[a-z][A-Za-z0-9_]*|[0-9]+)$/;

/** The TPTP text of a clausification: one `cnf` line per clause. */
export function cnfToTptp(cnf: Clausified): string {
  return cnf.clauses
    .map((c, i) => {
      const sources = c.source.split(',').map(tptpName);
      const id = TPTP_NAME.test(c.id) ? c.id : `c${i + 1}`;
      return `cnf(${id}, ${c.role}, ${printClause(c.clause, 'tptp')}, inference(clausify, [status(esa)], [${sources.join(', ')}])).`;
    })
    .join('\n');
}

export const command = defineCommand(
  {
    name: 'cnf',
    summary: 'print the clausified problem as TPTP cnf(...) lines',
    synopsis: '<file|->',
    description: `Clausifies the problem (the conjecture negated, Skolem functions and definitions
introduced as needed) and prints the clause set as TPTP cnf(...) lines between SZS
output markers, each with an inference(clausify, ...) source. The output is itself a
TPTP problem (e.g. for E or Vampire).`,
    options: {
      timeout: { type: 'string', short: 't', arg: 'S', help: 'wall-clock limit in seconds (default 10)' },
      json: JSON_OPTION,
      dialect: DIALECT_OPTION,
      'allow-include-anywhere': INCLUDE_ANYWHERE_OPTION,
    },
    minPositionals: 1,
    maxPositionals: 1,
    footer:
      'Exit status: 0 when the problem was clausified, 1 on input errors or when clausification ran out of time or space (SZS Timeout, ResourceOut), 2 on usage errors.',
  },
  async ({ values, positionals, io, usageError }) => {
    const timeoutS = positiveNumber('timeout', values.timeout, 10);
    if (typeof timeoutS === 'string') return usageError(timeoutS);
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
    const clausified = clausify(problem, { deadline: Date.now() + timeoutS * 1000 });
    if (!clausified.ok) {
      const szs = clausifyErrorStatus(clausified.error);
      const message = clausified.error.message;
      if (values.json) io.out(JSON.stringify({ szs, problem: problem.name, error: { message } } satisfies CliJsonPart<'clausify-failure'>));
      else {
        // An input error is positioned on stderr; running out of time or space is the status's comment.
        io.out([...szsStatusLines(szs, problem.name), ...(szs === 'InputError' ? [] : [`% ${message}`])].join('\n'));
        if (szs === 'InputError') io.err(`entail cnf: ${message}`);
      }
      return EXIT_INPUT;
    }
    const cnf = clausified.value;
    if (values.json) {
      io.out(
        JSON.stringify({
          problem: problem.name,
          clauses: cnf.clauses.map((c) => ({ id: c.id, role: c.role, source: c.source, clause: printClause(c.clause, 'tptp') })),
          skolems: cnf.skolems,
          definitions: cnf.definitions,
          hasConjecture: cnf.hasConjecture,
        } satisfies CliJsonPart<'cnf-result'>),
      );
      return EXIT_OK;
    }
    const lines = [`% ${cnf.clauses.length} clauses from ${problem.statements.length} statements of ${problem.name}`];
    lines.push(...introducedLines(cnf));
    lines.push(...szsBlock('ListOfCNF', problem.name, cnfToTptp(cnf)));
    io.out(lines.join('\n'));
    return EXIT_OK;
  },
);
