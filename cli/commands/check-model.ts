/**
 * `entail check-model problem.p model.p`: reads a finite model (TPTP finite
 * interpretation or Mace4 `interpretation(...)`) and evaluates every statement of
 * the problem in it: a model must make each axiom true; it is a countermodel when it
 * also makes the conjecture false.
 */
import { readFile, stat } from 'node:fs/promises';
import { EXIT_INPUT, EXIT_OK } from '../io.js';
import { defineCommand } from '../args.js';
import { DIALECT_OPTION, INCLUDE_ANYWHERE_OPTION, JSON_OPTION } from '../common.js';
import { loadInput, problemNameOf, resolvePath } from '../input.js';
import { loadFailureJson, reportLoadFailure, szsStatusLines } from '../szs.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { universalClosure } from '../../provers/logic/formula.js';
import { decodeText } from '../../provers/load/index.js';
import { evalFormula, readModel } from '../../provers/models/index.js';
import type { CliJsonPart } from '../json-output.js';

/** A model file larger than this is refused (a size-8 binary function is 64 lines). */
const MAX_MODEL_BYTES = 16 * 1024 * 1024;

async function readModelText(path: string): Promise<string | { error: string }> {
  try {
    const st = await stat(path);
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > MAX_MODEL_BYTES) return { error: `larger than ${MAX_MODEL_BYTES} bytes` };
    const t = decodeText(await readFile(path));
    return t.ok ? t.value : { error: t.error };
  } catch (e) {
    return { error: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

export const command = defineCommand(
  {
    name: 'check-model',
    summary: 'check a finite model (TPTP or Mace4 format) against a problem',
    synopsis: '<problem|-> <model>',
    description: `Evaluates every statement of the problem in the model. The model is a TPTP finite
interpretation (fi_domain / fi_functors / fi_predicates, as \`entail model\` prints) or
Mace4's interpretation(...). Prints "% SZS status CounterSatisfiable" (axioms true,
conjecture false) or "Satisfiable" (axioms true, no conjecture, or conjecture true too).`,
    options: { json: JSON_OPTION, dialect: DIALECT_OPTION, 'allow-include-anywhere': INCLUDE_ANYWHERE_OPTION },
    minPositionals: 2,
    maxPositionals: 2,
    footer: 'Exit status: 0 when every axiom holds in the model, 1 when one fails or on input errors, 2 on usage errors.',
  },
  async ({ values, positionals, io }) => {
    const [problemArg, modelArg] = positionals as [string, string];
    const loaded = await loadInput(problemArg, io, {
      ...(values.dialect ? { dialect: values.dialect as Dialect } : {}),
      allowIncludeAnywhere: values['allow-include-anywhere'],
    });
    if (!loaded.ok) {
      if (values.json) io.out(JSON.stringify(loadFailureJson(loaded.error)));
      else reportLoadFailure(loaded.error, io.out, io.err);
      return EXIT_INPUT;
    }
    const problem = loaded.value;
    const text = await readModelText(resolvePath(modelArg, io));
    const model = typeof text === 'string' ? readModel(text, modelArg) : { ok: false as const, error: `${modelArg}: ${text.error}` };
    if (!model.ok) {
      const szs = typeof text === 'string' ? 'SyntaxError' : 'OSError';
      if (values.json)
        io.out(
          JSON.stringify({
            szs,
            problem: problem.name,
            error: { file: modelArg, message: model.error },
          } satisfies CliJsonPart<'model-file-failure'>),
        );
      else {
        io.out(szsStatusLines(szs, problemNameOf(modelArg)).join('\n'));
        io.err(model.error);
      }
      return EXIT_INPUT;
    }
    const checks = problem.statements.map((s) => {
      const v = evalFormula(model.value, universalClosure(s.formula));
      return { name: s.name, role: s.role, value: v.ok ? v.value : null, ...(v.ok ? {} : { error: v.error }) };
    });
    const premisesHold = checks.every((c) => c.role === 'conjecture' || c.value === true);
    const conj = checks.filter((c) => c.role === 'conjecture');
    const evaluable = checks.every((c) => c.value !== null);
    const isModel = evaluable && premisesHold;
    // Only a model has a status; what is not one says which statement failed.
    const szs = conj.some((c) => c.value === false) ? 'CounterSatisfiable' : 'Satisfiable';
    if (values.json)
      io.out(
        JSON.stringify({
          problem: problem.name,
          ...(isModel ? { szs } : {}),
          model: isModel,
          domainSize: model.value.domainSize,
          checks,
        } satisfies CliJsonPart<'check-model-result'>),
      );
    else {
      const lines = isModel ? szsStatusLines(szs, problem.name) : [`% not a model of ${problem.name}`];
      for (const c of checks) {
        const mark =
          c.value === null ? `not evaluable: ${c.error}` : c.role === 'conjecture' ? String(c.value) : c.value ? 'true' : 'FALSE';
        lines.push(`%   ${c.name} (${c.role}): ${mark}`);
      }
      io.out(lines.join('\n'));
    }
    return isModel ? EXIT_OK : EXIT_INPUT;
  },
);
