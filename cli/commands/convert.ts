/** `entail convert`: print a problem in another dialect. */
import { isAbsolute, join } from 'node:path';
import type { Command, CliIo } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { formatParseError } from '../../provers/logic/source.js';
import { DIALECTS, isDialect, printProblem } from '../../provers/logic/syntax/index.js';
import { loadProblem } from '../../provers/load/index.js';

const usage = `usage: entail convert <file> --to tptp|ladr|nltk|folio|entail [--from D]

Parses <file> (dialect from --from, else by extension, then content) and prints it
in the target dialect. Names a dialect cannot write are quoted or sanitized; NLTK and
FOLIO have no statement names (the last line is the conjecture).`;

export async function runConvert(argv: readonly string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let to: Dialect | undefined;
  let from: Dialect | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--to' || a === '--from') {
      const v = argv[++i];
      if (v === undefined || !isDialect(v)) {
        io.err(`entail convert: ${a} needs one of ${DIALECTS.join(', ')}\n\n${usage}`);
        return EXIT_USAGE;
      }
      if (a === '--to') to = v;
      else from = v;
    } else if (a.startsWith('--')) {
      io.err(`entail convert: unknown option '${a}'\n\n${usage}`);
      return EXIT_USAGE;
    } else if (file === undefined) file = a;
    else {
      io.err(`entail convert: only one file, got '${file}' and '${a}'\n\n${usage}`);
      return EXIT_USAGE;
    }
  }
  if (file === undefined || to === undefined) {
    io.err(`entail convert: ${file === undefined ? 'no file given' : '--to is required'}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const path = isAbsolute(file) ? file : join(io.cwd, file);
  const res = await loadProblem(path, from ? { dialect: from } : {});
  if (!res.ok) {
    const e = res.error.file === path ? { ...res.error, file } : res.error;
    io.err(e.excerpt ? formatParseError(e) : `${e.file}:${e.line}:${e.col}: ${e.message}`);
    return EXIT_INPUT;
  }
  io.out(printProblem(res.value, to).replace(/\n$/, ''));
  return EXIT_OK;
}

export const command: Command = {
  summary: 'convert a problem between tptp, ladr, nltk, folio and entail syntax',
  usage,
  run: runConvert,
};
