/**
 * `entail prove <file>`: run the embedded saturation prover and print the SZS
 * status (and with --proof the refutation in TSTP).
 */
import { isAbsolute, join } from 'node:path';
import type { Command, CliIo } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { formatParseError } from '../../provers/logic/source.js';
import { isDialect, DIALECTS } from '../../provers/logic/syntax/index.js';
import { loadProblem } from '../../provers/load/index.js';
import { proveProblem } from '../../provers/run/index.js';
import { proofToTptp, strategyByName, PORTFOLIO } from '../../provers/saturation/index.js';
import { formatModel } from '../../provers/models/index.js';

const usage = `usage: entail prove <file> [--timeout S] [--json] [--proof] [--check] [--no-model] [--dialect D] [--strategy NAME] [--ordering kbo|lpo] [--worker]

Runs Entail's superposition prover (strategy portfolio) and prints
"% SZS status <Status> for <name>".

  --timeout S     wall-clock limit in seconds (default 10)
  --proof         print the refutation in TSTP between SZS output markers
  --check         re-verify the proof with the independent checker
  --no-model      do not look for a finite (counter)model (by default the model finder gets 3 % of the
                  limit before the prover and what the prover leaves; never past the limit)
  --json          print the whole result (status, stats, proof steps, check report) as JSON
  --dialect D     force the input dialect (${DIALECTS.join(', ')})
  --strategy N    run one strategy only (${PORTFOLIO.map((s) => s.name).join(', ')})
  --ordering O    term ordering for every strategy: kbo (default) or lpo
  --worker        run the prover in a worker thread

Exit status: 0 when the prover ran (whatever the SZS status), 1 on input errors, 2 on usage errors.`;

interface Args {
  file: string;
  timeoutS: number;
  json: boolean;
  proof: boolean;
  check: boolean;
  model: boolean;
  worker: boolean;
  dialect?: Dialect;
  strategy?: string;
  ordering?: 'kbo' | 'lpo';
}

function parseArgs(argv: readonly string[]): Args | string {
  const a: Partial<Args> & { timeoutS: number } = { timeoutS: 10, json: false, proof: false, check: false, model: true, worker: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--json') a.json = true;
    else if (x === '--proof') a.proof = true;
    else if (x === '--check') a.check = true;
    else if (x === '--model') a.model = true;
    else if (x === '--no-model') a.model = false;
    else if (x === '--worker') a.worker = true;
    else if (x === '--timeout') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) return '--timeout needs a positive number of seconds';
      a.timeoutS = v;
    } else if (x === '--dialect') {
      const v = argv[++i];
      if (v === undefined || !isDialect(v)) return `--dialect needs one of ${DIALECTS.join(', ')}`;
      a.dialect = v;
    } else if (x === '--strategy') {
      const v = argv[++i];
      if (v === undefined || !strategyByName(v)) return `--strategy needs one of ${PORTFOLIO.map((s) => s.name).join(', ')}`;
      a.strategy = v;
    } else if (x === '--ordering') {
      const v = argv[++i];
      if (v !== 'kbo' && v !== 'lpo') return '--ordering needs kbo or lpo';
      a.ordering = v;
    } else if (x.startsWith('-')) return `unknown option ${x}`;
    else if (a.file === undefined) a.file = x;
    else return 'only one problem file is accepted';
  }
  if (a.file === undefined) return 'missing problem file';
  return a as Args;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`entail prove: ${args}\n${usage}`);
    return EXIT_USAGE;
  }
  const path = isAbsolute(args.file) ? args.file : join(io.cwd, args.file);
  const loaded = await loadProblem(path, { dialect: args.dialect });
  if (!loaded.ok) {
    io.err(formatParseError(loaded.error));
    return EXIT_INPUT;
  }
  const problem = loaded.value;
  const strategy = args.strategy ? strategyByName(args.strategy) : undefined;
  const r = await proveProblem(problem, {
    timeoutMs: Math.round(args.timeoutS * 1000),
    check: args.check,
    countermodel: args.model,
    inWorker: args.worker,
    strategies: strategy ? [strategy] : undefined,
    ordering: args.ordering,
  });
  if (args.json) {
    io.out(JSON.stringify(r, null, 1));
    return EXIT_OK;
  }
  const lines: string[] = [`% SZS status ${r.status} for ${problem.name}`];
  if (r.message) lines.push(`% ${r.message}`);
  const st = r.stats;
  lines.push(`% ${r.prover}: ${st.timeMs} ms, ${st.processed ?? 0} processed, ${st.generated ?? 0} generated`);
  if (r.check)
    lines.push(
      `% proof check: ${r.check.ok ? 'OK' : 'FAILED'}, ${r.check.checked} verified, ${r.check.trusted.length} trusted, ${r.check.failures.length} failed`,
    );
  if (args.proof && r.proof) {
    lines.push(
      `% SZS output start CNFRefutation for ${problem.name}`,
      proofToTptp(r.proof),
      `% SZS output end CNFRefutation for ${problem.name}`,
    );
  }
  if (r.model)
    lines.push(
      `% SZS output start FiniteModel for ${problem.name}`,
      formatModel(r.model),
      `% SZS output end FiniteModel for ${problem.name}`,
    );
  io.out(lines.join('\n'));
  return EXIT_OK;
}

export const command: Command = { summary: 'prove a problem with the embedded superposition prover', usage, run };
