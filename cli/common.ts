/** Options and output shared by the commands that load problems and print models. */
import type { OptionSpec } from './args.js';
import type { FiniteModel } from '../provers/logic/proof.js';
import { DIALECTS } from '../provers/logic/syntax/index.js';
import { formatModel, modelToMace4, modelToTptp } from '../provers/models/index.js';
import { szsBlock } from './szs.js';
import type { Clausified } from '../provers/logic/cnf.js';
import { clausificationSymbols, explainIntroduced } from '../provers/graph/index.js';

export const DIALECT_OPTION = {
  type: 'string',
  arg: 'D',
  help: 'force the input dialect',
  choices: DIALECTS,
} as const satisfies OptionSpec;
export const INCLUDE_ANYWHERE_OPTION = {
  type: 'boolean',
  help: 'let include() read files outside the problem folder and $TPTP',
} as const satisfies OptionSpec;
export const JSON_OPTION = {
  type: 'boolean',
  help: 'print the result as JSON (schema: docs/cli-json.schema.json)',
} as const satisfies OptionSpec;
export const MODEL_FORMATS = ['tptp', 'mace4', 'table'] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];
export const FORMAT_OPTION = {
  type: 'string',
  arg: 'F',
  help: 'model output format (default tptp)',
  choices: MODEL_FORMATS,
} as const satisfies OptionSpec;

/** A model in an SZS output block, in the chosen format. */
export function modelBlock(model: FiniteModel, name: string, format: ModelFormat): string[] {
  const body = format === 'tptp' ? modelToTptp(model, name) : format === 'mace4' ? modelToMace4(model) : formatModel(model);
  return szsBlock('FiniteModel', name, body);
}

/** Comment lines naming the symbols clausification introduced, each with what it stands for. */
export function introducedLines(cnf: Pick<Clausified, 'steps' | 'skolems' | 'definitions'>): string[] {
  if (cnf.skolems.length + cnf.definitions.length === 0) return [];
  const lines = [`% introduced by clausification: ${[...cnf.skolems, ...cnf.definitions].join(', ')}`];
  for (const s of clausificationSymbols(cnf.steps)) lines.push(`%   ${explainIntroduced(s)}`);
  return lines;
}
