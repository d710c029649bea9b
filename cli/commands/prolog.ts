/**
 * `entail prolog <file.pl> --query 'goal.'`: run a Prolog query through tau-prolog
 * with a step budget and print each answer with the proof tree that produced it.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { CliIo, Command } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import { caretExcerpt } from '../../provers/logic/source.js';
import { formatProofTree, runProlog, treeToSteps } from '../../provers/prolog/index.js';
import type { CliJson } from '../json-output.js';

const usage = `usage: entail prolog <file.pl> --query 'goal.' [--max-steps N] [--max-answers N] [--no-proof] [--unknown-fails] [--json]

Consults the program, runs the query and prints every answer (bindings) with its
proof tree: which clause (name/arity#n, in program order) proved each subgoal.

  --query G         the goal, e.g. 'anc(tom, X).' (required)
  --max-steps N     inference-step budget over all answers (default 100000); a
                    looping program stops with "step limit exceeded"
  --max-answers N   stop after N answers (default 50)
  --no-proof        answers only (faster)
  --unknown-fails   calls to undefined predicates fail instead of raising an error
  --json            print {"status", "answers": [{"bindings", "proof", "steps"}], ...}
                    (schema: docs/cli-json.schema.json)

Exit status: 0 when the query ran (with or without answers), 1 on errors or when
the step limit was hit, 2 on usage errors.`;

interface Args {
  readonly file: string;
  readonly query: string;
  readonly maxSteps: number;
  readonly maxAnswers: number;
  readonly proofs: boolean;
  readonly unknownFails: boolean;
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let file: string | undefined;
  let query: string | undefined;
  let maxSteps = 100_000;
  let maxAnswers = 50;
  let proofs = true;
  let unknownFails = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--no-proof') proofs = false;
    else if (a === '--unknown-fails') unknownFails = true;
    else if (a === '--query' || a === '-q') {
      query = argv[++i];
      if (query === undefined) return '--query needs a goal';
    } else if (a === '--max-steps' || a === '--max-answers') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v <= 0) return `${a} needs a positive integer`;
      if (a === '--max-steps') maxSteps = v;
      else maxAnswers = v;
    } else if (a.startsWith('--')) return `unknown option '${a}'`;
    else if (file === undefined) file = a;
    else return 'give exactly one program file';
  }
  if (file === undefined) return 'no program file given';
  if (query === undefined) return 'no --query given';
  const q = query.trim();
  return { file, query: q.endsWith('.') ? q : q + '.', maxSteps, maxAnswers, proofs, unknownFails, json };
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`entail prolog: ${args}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const path = isAbsolute(args.file) ? args.file : join(io.cwd, args.file);
  let program: string;
  try {
    program = await readFile(path, 'utf8');
  } catch (e) {
    io.err(`${args.file}: cannot read file: ${(e as Error).message}`);
    return EXIT_INPUT;
  }
  const r = await runProlog(program, args.query, {
    maxSteps: args.maxSteps,
    maxAnswers: args.maxAnswers,
    proofs: args.proofs,
    unknownFails: args.unknownFails,
  });
  if (args.json) {
    io.out(
      JSON.stringify({
        ...r,
        answers: r.answers.map((a, i) => ({ ...a, ...(a.proof ? { steps: treeToSteps(a.proof, { prefix: `a${i + 1}_` }).steps } : {}) })),
      } satisfies CliJson<'prolog'>),
    );
    return r.status === 'ok' ? EXIT_OK : EXIT_INPUT;
  }
  r.answers.forEach((a, i) => {
    const b = Object.entries(a.text);
    io.out(`answer ${i + 1}: ${b.length === 0 ? 'true' : b.map(([k, v]) => `${k} = ${v}`).join(', ')}`);
    if (a.proof) io.out(formatProofTree(a.proof, '  '));
  });
  if (r.status === 'ok') {
    if (r.answers.length === 0) io.out('false.');
    else if (!r.exhausted) io.out(`(stopped after ${r.answers.length} answers; --max-answers raises the cap)`);
    io.out(`% ${r.steps} inference steps`);
    return EXIT_OK;
  }
  if (r.status === 'limit') {
    io.err(`entail prolog: ${r.message} after ${r.answers.length} answer(s); --max-steps raises the budget`);
    return EXIT_INPUT;
  }
  const e = r.error;
  const where = e.in === 'program' ? args.file : '<query>';
  io.err(`${where}${e.line !== undefined ? `:${e.line}:${e.col ?? 1}` : ''}: ${e.message}`);
  if (e.line !== undefined && e.col !== undefined) io.err(caretExcerpt(e.in === 'program' ? program : args.query, e.line, e.col));
  return EXIT_INPUT;
}

export const command: Command = {
  summary: 'run a Prolog query (tau-prolog) with a step limit and proof trees',
  usage,
  run,
};
