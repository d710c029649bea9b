/**
 * `entail prove <file>`: run the embedded saturation prover and print the SZS
 * status (and with --proof the refutation in TSTP, with a model the finite
 * interpretation), each between SZS output markers.
 */
import { EXIT_INPUT, EXIT_OK } from '../io.js';
import { defineCommand, positiveNumber } from '../args.js';
import { DIALECT_OPTION, FORMAT_OPTION, INCLUDE_ANYWHERE_OPTION, JSON_OPTION, modelBlock } from '../common.js';
import type { ModelFormat } from '../common.js';
import { loadInput } from '../input.js';
import { loadFailureJson, reportLoadFailure, szsBlock, szsStatusLines } from '../szs.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { proveProblem } from '../../provers/run/index.js';
import { proofToTptp, strategyByName, PORTFOLIO } from '../../provers/saturation/index.js';

export const command = defineCommand(
  {
    name: 'prove',
    summary: 'prove a problem with the embedded superposition prover',
    synopsis: '<file|->',
    description: `Runs Entail's superposition prover (strategy portfolio) and prints
"% SZS status <Status> for <name>". By default the model finder gets 3 % of the limit
before the prover and what the prover leaves (never past the limit).`,
    options: {
      timeout: { type: 'string', short: 't', arg: 'S', help: 'wall-clock limit in seconds (default 10)' },
      proof: { type: 'boolean', short: 'p', help: 'print the refutation in TSTP between SZS output markers' },
      check: { type: 'boolean', help: 're-verify the proof with the independent checker' },
      model: { type: 'boolean', help: 'look for a finite (counter)model (the default)' },
      'no-model': { type: 'boolean', help: 'do not look for a finite (counter)model' },
      format: FORMAT_OPTION,
      json: JSON_OPTION,
      dialect: DIALECT_OPTION,
      strategy: { type: 'string', arg: 'N', help: 'run one strategy only', choices: PORTFOLIO.map((s) => s.name) },
      ordering: { type: 'string', arg: 'O', help: 'term ordering for every strategy (default kbo)', choices: ['kbo', 'lpo'] },
      worker: { type: 'boolean', help: 'run the prover in a worker thread' },
      'allow-include-anywhere': INCLUDE_ANYWHERE_OPTION,
    },
    minPositionals: 1,
    maxPositionals: 1,
    footer: 'Exit status: 0 when the prover ran (whatever the SZS status), 1 on input errors, 2 on usage errors.',
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
    const strategy = values.strategy ? strategyByName(values.strategy) : undefined;
    const r = await proveProblem(problem, {
      timeoutMs: Math.round(timeoutS * 1000),
      check: values.check,
      countermodel: !values['no-model'],
      inWorker: values.worker,
      strategies: strategy ? [strategy] : undefined,
      ordering: values.ordering as 'kbo' | 'lpo' | undefined,
    });
    if (values.json) {
      io.out(JSON.stringify({ ...r, problem: problem.name }, null, 1));
      return EXIT_OK;
    }
    const lines = szsStatusLines(r.status, problem.name);
    if (r.message) lines.push(`% ${r.message}`);
    const st = r.stats;
    lines.push(`% ${r.prover}: ${st.timeMs} ms, ${st.processed ?? 0} processed, ${st.generated ?? 0} generated`);
    if (r.check)
      lines.push(
        `% proof check: ${r.check.ok ? 'OK' : 'FAILED'}, ${r.check.checked} verified, ${r.check.trusted.length} trusted, ${r.check.failures.length} failed`,
      );
    if (values.proof && r.proof) lines.push(...szsBlock('CNFRefutation', problem.name, proofToTptp(r.proof)));
    if (r.model) lines.push(...modelBlock(r.model, problem.name, (values.format ?? 'tptp') as ModelFormat));
    io.out(lines.join('\n'));
    return EXIT_OK;
  },
);
