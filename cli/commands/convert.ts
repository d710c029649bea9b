/** `entail convert`: print a problem in another dialect. */
import { EXIT_INPUT, EXIT_OK } from '../io.js';
import { defineCommand } from '../args.js';
import { INCLUDE_ANYWHERE_OPTION } from '../common.js';
import { loadInput } from '../input.js';
import { reportLoadFailure } from '../szs.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { DIALECTS, printProblem } from '../../provers/logic/syntax/index.js';

export const command = defineCommand(
  {
    name: 'convert',
    summary: 'convert a problem between tptp, ladr, nltk, folio and entail syntax',
    synopsis: '<file|-> --to D',
    description: `Parses <file> (dialect from --from, else by extension, then content) and prints it
in the target dialect. Names a dialect cannot write are quoted or sanitized; NLTK and
FOLIO have no statement names (the last line is the conjecture).`,
    options: {
      to: { type: 'string', arg: 'D', help: 'target dialect (required)', choices: DIALECTS },
      from: { type: 'string', arg: 'D', help: 'force the input dialect', choices: DIALECTS },
      'allow-include-anywhere': INCLUDE_ANYWHERE_OPTION,
    },
    minPositionals: 1,
    maxPositionals: 1,
    footer: 'Exit status: 0 when converted, 1 on input errors, 2 on usage errors.',
  },
  async ({ values, positionals, io, usageError }) => {
    if (values.to === undefined) return usageError('--to is required');
    const res = await loadInput(positionals[0]!, io, {
      ...(values.from ? { dialect: values.from as Dialect } : {}),
      allowIncludeAnywhere: values['allow-include-anywhere'],
    });
    if (!res.ok) {
      reportLoadFailure(res.error, io.out, io.err);
      return EXIT_INPUT;
    }
    io.out(printProblem(res.value, values.to as Dialect).replace(/\n$/, ''));
    return EXIT_OK;
  },
);
