/**
 * `entail model <file>`: clausify a problem (negating its conjecture) and search
 * for a finite model; a model found is a countermodel to the conjecture, or a model
 * of the axioms when there is none. Prints the model as tables, then re-evaluates
 * every original statement in it as an independent check.
 */
import { isAbsolute, join } from 'node:path';
import type { CliIo, Command } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { universalClosure } from '../../provers/logic/formula.js';
import { formatParseError } from '../../provers/logic/source.js';
import { DIALECTS, isDialect } from '../../provers/logic/syntax/index.js';
import { loadProblem } from '../../provers/load/index.js';
import { clausify } from '../../provers/logic/cnf.js';
import type { Clausified } from '../../provers/logic/cnf.js';
import { evalFormula, findModel, formatModel } from '../../provers/models/index.js';

const usage = `usage: entail model <file> [--max-size N] [--timeout S] [--dialect D] [--json]

Searches for a finite model of the problem's axioms together with the negation of
its conjecture (a countermodel: the conjecture does not follow), or of the axioms
alone when there is no conjecture. Domain sizes 1..N are tried in turn.

  --max-size N   largest domain size (default 8)
  --timeout S    seconds (default 10)
  --dialect D    force the dialect (${DIALECTS.join(', ')})
  --json         print {"status", "szs", "model", "stats", "checks"} instead of tables

Exit status: 0 when a model was found, 1 when none was (or on input errors), 2 on usage errors.`;

interface Args {
  readonly file: string;
  readonly maxSize: number;
  readonly timeoutS: number;
  readonly json: boolean;
  readonly dialect?: Dialect;
}

function parseArgs(argv: readonly string[]): Args | string {
  let file: string | undefined;
  let maxSize = 8;
  let timeoutS = 10;
  let json = false;
  let dialect: Dialect | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--max-size' || a === '--timeout') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0 || (a === '--max-size' && !Number.isInteger(v))) return `${a} needs a positive number`;
      if (a === '--max-size') maxSize = v;
      else timeoutS = v;
    } else if (a === '--dialect') {
      const v = argv[++i];
      if (v === undefined || !isDialect(v)) return `--dialect needs one of ${DIALECTS.join(', ')}`;
      dialect = v;
    } else if (a.startsWith('--')) return `unknown option '${a}'`;
    else if (file === undefined) file = a;
    else return 'give exactly one problem file';
  }
  if (file === undefined) return 'no problem file given';
  return { file, maxSize, timeoutS, json, ...(dialect ? { dialect } : {}) };
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`entail model: ${args}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const path = isAbsolute(args.file) ? args.file : join(io.cwd, args.file);
  const loaded = await loadProblem(path, args.dialect ? { dialect: args.dialect } : {});
  if (!loaded.ok) {
    io.err(formatParseError(loaded.error));
    return EXIT_INPUT;
  }
  const problem = loaded.value;
  let cnf: Clausified;
  try {
    cnf = clausify(problem);
  } catch (e) {
    io.err(`entail model: ${(e as Error).message}`);
    return EXIT_INPUT;
  }
  const result = findModel(
    cnf.clauses.map((c) => c.clause),
    { maxSize: args.maxSize, deadline: Date.now() + args.timeoutS * 1000 },
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
  if (args.json) {
    io.out(
      JSON.stringify({
        status: result.status,
        szs,
        ...(result.status === 'found' ? { model: result.model } : { message: result.message }),
        stats: result.stats,
        skolems: cnf.skolems,
        definitions: cnf.definitions,
        checks,
      }),
    );
    return result.status === 'found' ? EXIT_OK : EXIT_INPUT;
  }
  io.out(`% SZS status ${szs} for ${problem.name}`);
  if (result.status !== 'found') {
    io.out(`% ${result.message ?? result.status} (${result.stats.timeMs} ms)`);
    return EXIT_INPUT;
  }
  io.out(`% ${cnf.hasConjecture ? 'countermodel' : 'model'} of size ${result.model.domainSize} found in ${result.stats.timeMs} ms`);
  io.out(formatModel(result.model));
  if (cnf.skolems.length + cnf.definitions.length > 0)
    io.out(`\nintroduced by clausification: ${[...cnf.skolems, ...cnf.definitions].join(', ')}`);
  io.out('\nstatements in this model:');
  for (const c of checks) {
    const mark = c.ok === null ? `? (${c.error})` : c.ok ? 'ok' : 'MISMATCH';
    io.out(`  ${c.name} (${c.role}): ${c.value === null ? 'not evaluable' : c.value} ${mark}`);
  }
  return EXIT_OK;
}

export const command: Command = {
  summary: 'find a finite (counter)model of a problem and print it as tables',
  usage,
  run,
};
