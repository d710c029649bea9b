/**
 * What `entail <command> --json` prints (or, for eval and verify, writes to the --json file),
 * as zod schemas: the one description `scripts/schema-cli.mjs` turns into
 * docs/cli-json.schema.json and `cli/json-output.test.ts` checks real outputs against.
 *
 * Objects are strict (an unknown field is an error, `additionalProperties: false`) unless a
 * comment says why the shape is open. Where the output is an engine type, `TypeChecks` below
 * ties the schema to that type in both directions, so changing the type without the schema
 * breaks the build; where a command builds its output inline, the command types the literal
 * with `CliJson<…>` (`satisfies`), which ties it the same way.
 */
import { z } from 'zod';
import type { Clause, Literal } from '../provers/logic/clause.js';
import type { Formula } from '../provers/logic/formula.js';
import type { Problem, Statement } from '../provers/logic/problem.js';
import { ROLES } from '../provers/logic/problem.js';
import type { FiniteModel, Proof, ProofStep, ProverStats, Rule } from '../provers/logic/proof.js';
import { SZS_STATUSES } from '../provers/logic/szs.js';
import type { Term } from '../provers/logic/term.js';
import { DIALECTS } from '../provers/logic/syntax/index.js';
import type { CheckReport } from '../provers/check/index.js';
import type { CheckedResult } from '../provers/run/index.js';
import type { Derivation } from '../provers/genlogic/index.js';
import type { PrologOutcome, ProofTree } from '../provers/prolog/index.js';
import type { LeanFailure } from '../provers/lean/outcome.js';
import type { LeanInstall, NotInstalled } from '../provers/lean/discover.js';
import type { CheckResult } from '../provers/lean/ops.js';
import type { BatchReport } from '../provers/batch/types.js';
import type { EvalSummary } from '../nl/metrics.js';
import type { CompactResult } from '../nl/evaluate.js';
import type { loadFailureJson } from './szs.js';

// ------------------------------------------------------------------ logic core

const term: z.ZodType<Term> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('var'), name: z.string() }),
    z.strictObject({ kind: z.literal('app'), fn: z.string(), args: z.array(term) }),
  ]),
);

const formula: z.ZodType<Formula> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('atom'), pred: z.string(), args: z.array(term) }),
    z.strictObject({ kind: z.literal('eq'), left: term, right: term }),
    z.strictObject({ kind: z.enum(['true', 'false']) }),
    z.strictObject({ kind: z.literal('not'), arg: formula }),
    z.strictObject({ kind: z.enum(['and', 'or']), args: z.array(formula) }),
    z.strictObject({ kind: z.enum(['imp', 'iff', 'xor']), left: formula, right: formula }),
    z.strictObject({ kind: z.enum(['forall', 'exists']), vars: z.array(z.string()), body: formula }),
  ]),
);

const literal = z.strictObject({ positive: z.boolean(), pred: z.string(), args: z.array(term) });
const clause = z.strictObject({ literals: z.array(literal) });

const szsStatus = z.enum(SZS_STATUSES);
const role = z.enum(ROLES);
const nat = z.number().int().nonnegative();

const rule = z.enum([
  'input',
  'negated_conjecture',
  'nnf',
  'skolemize',
  'definition',
  'clausify',
  'resolution',
  'factoring',
  'superposition',
  'equality_resolution',
  'equality_factoring',
  'demodulation',
  'subsumption_resolution',
  'duplicate_literal_removal',
  'trivial_literal_removal',
  'paramodulation',
  'hyper_resolution',
  'instantiation',
  'rewrite',
  'modus_ponens',
  'induction',
  'lemma',
  'prolog',
  'external',
  'other',
]);

const proofStep = z.strictObject({
  id: z.string(),
  rule,
  parents: z.array(z.strictObject({ id: z.string(), subst: z.record(z.string(), term).optional() })),
  conclusion: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('clause'), clause }),
    z.strictObject({ kind: z.literal('formula'), formula }),
  ]),
  source: z.strictObject({ name: z.string().optional(), file: z.string().optional(), role: z.string().optional() }).optional(),
  info: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

const proof = z.strictObject({ steps: z.array(proofStep), root: z.string() });

const finiteModel = z.strictObject({
  domainSize: nat,
  functions: z.record(z.string(), z.strictObject({ arity: nat, table: z.array(nat) })),
  predicates: z.record(z.string(), z.strictObject({ arity: nat, table: z.array(z.boolean()) })),
});

// Open: every strategy and external prover reports counters of its own (ProverStats has an index signature).
const proverStats = z
  .object({ timeMs: z.number(), generated: z.number().optional(), processed: z.number().optional(), kept: z.number().optional() })
  .catchall(z.number().optional());

const checkReport = z.strictObject({
  ok: z.boolean(),
  checked: nat,
  trusted: z.array(z.strictObject({ id: z.string(), rule, note: z.string().optional() })),
  failures: z.array(z.strictObject({ id: z.string(), rule, reason: z.string() })),
});

const statement = z.strictObject({
  name: z.string(),
  role,
  language: z.enum(['fof', 'cnf']),
  formula,
  pos: z.strictObject({ file: z.string().optional(), line: z.number().int(), col: z.number().int() }).optional(),
  annotation: z.string().optional(),
});

const problem = z.strictObject({
  name: z.string(),
  file: z.string().optional(),
  dialect: z.enum(DIALECTS).optional(),
  statements: z.array(statement),
  expected: szsStatus.optional(),
  rating: z.number().optional(),
  comments: z.array(z.string()).optional(),
});

// ------------------------------------------------------------------ shared failures

/** A problem that could not be read or parsed (cnf, model, check-model, prove). */
const loadFailure = z.strictObject({
  szs: z.enum(['SyntaxError', 'InputError', 'OSError']),
  problem: z.string(),
  error: z.strictObject({ file: z.string().optional(), line: z.number().int(), col: z.number().int(), message: z.string() }),
});

/** Clausification ran out of time or space, or met input it cannot clausify (cnf, model). */
const clausifyFailure = z.strictObject({ szs: szsStatus, problem: z.string(), error: z.strictObject({ message: z.string() }) });

// ------------------------------------------------------------------ commands

const parseOutput = z.strictObject({
  files: nat,
  records: nat,
  formulas: nat,
  errors: z.array(
    z.strictObject({
      file: z.string(),
      line: z.number().int(),
      col: z.number().int(),
      message: z.string(),
      /** Dataset files: the record id and which formula of it. */
      record: z.string().optional(),
      formula: z.string().optional(),
    }),
  ),
});

const cnfResult = z.strictObject({
  problem: z.string(),
  clauses: z.array(z.strictObject({ id: z.string(), role, source: z.string(), clause: z.string().describe('TPTP text of the clause') })),
  skolems: z.array(z.string()),
  definitions: z.array(z.string()),
  hasConjecture: z.boolean(),
});

const modelResult = z.strictObject({
  problem: z.string(),
  status: z.enum(['found', 'none', 'timeout', 'gaveUp']),
  szs: z.enum(['CounterSatisfiable', 'Satisfiable', 'Timeout', 'GaveUp']),
  model: finiteModel.optional().describe('present when status is found'),
  message: z.string().optional(),
  stats: z.strictObject({ timeMs: z.number(), exhaustedUpTo: nat, satVars: nat, satClauses: nat }),
  skolems: z.array(z.string()),
  definitions: z.array(z.string()),
  checks: z.array(
    z.strictObject({
      name: z.string(),
      role,
      value: z.boolean().nullable(),
      ok: z.boolean().nullable().describe('the value is the expected one (true for premises, false for the conjecture)'),
      error: z.string().optional(),
    }),
  ),
});

const checkModelResult = z.strictObject({
  problem: z.string(),
  szs: z.enum(['CounterSatisfiable', 'Satisfiable']).optional().describe('present when the file is a model of the premises'),
  model: z.boolean(),
  domainSize: nat,
  checks: z.array(z.strictObject({ name: z.string(), role, value: z.boolean().nullable(), error: z.string().optional() })),
});

/** The model file could not be read (OSError) or parsed (SyntaxError). */
const modelFileFailure = z.strictObject({
  szs: z.enum(['SyntaxError', 'OSError']),
  problem: z.string(),
  error: z.strictObject({ file: z.string(), message: z.string() }),
});

const proveResult = z.strictObject({
  status: szsStatus,
  prover: z.string(),
  problem: z.string(),
  proof: proof.optional(),
  model: finiteModel.optional(),
  stats: proverStats,
  message: z.string().optional(),
  check: checkReport.optional(),
});

const proofTree: z.ZodType<ProofTree> = z.lazy(() =>
  z.strictObject({
    goal: term,
    kind: z.enum(['clause', 'builtin', 'naf']),
    clause: z.string().optional(),
    children: z.array(proofTree),
  }),
);

const prologAnswer = z.strictObject({
  bindings: z.record(z.string(), term),
  text: z.record(z.string(), z.string()),
  proof: proofTree.optional(),
  steps: z.array(proofStep).optional().describe('the proof tree as proof steps (ids a<answer>_<n>)'),
});

const prologOutput = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ok'), answers: z.array(prologAnswer), exhausted: z.boolean(), steps: nat }),
  z.strictObject({ status: z.literal('limit'), answers: z.array(prologAnswer), steps: nat, message: z.string() }),
  z.strictObject({
    status: z.literal('error'),
    answers: z.array(prologAnswer),
    steps: nat,
    error: z.strictObject({
      kind: z.enum(['syntax', 'runtime']),
      in: z.enum(['program', 'query']),
      message: z.string(),
      line: z.number().int().optional(),
      col: z.number().int().optional(),
    }),
  }),
]);

const equation = z.strictObject({ left: term, right: term });

const derivation = z.strictObject({
  theory: z.string(),
  stats: z.strictObject({
    generated: nat,
    refuted: nat,
    duplicates: nat,
    untestable: nat,
    terms: nat,
    conjectures: nat,
    redundant: nat,
    proved: nat,
    failed: nat,
    kept: nat,
    proofAttempts: nat,
    retries: nat,
    checkFailures: nat,
    timeMs: z.number(),
  }),
  theorems: z.array(
    z.strictObject({
      key: z.string(),
      equation,
      size: nat,
      method: z.enum(['direct', 'induction']),
      variable: z.string().optional(),
      cases: z.array(
        z.strictObject({
          name: z.enum(['base', 'step', 'direct']),
          problem,
          proof,
          prover: z.string(),
          check: checkReport,
          lemmas: z.record(z.string(), z.string()),
        }),
      ),
      kept: z.boolean(),
      order: nat,
    }),
  ),
  stopped: z.enum(['done', 'deadline', 'cancelled', 'error']),
  error: z.string().optional(),
});

const leanPos = z.strictObject({ line: nat, column: nat });
const leanMessage = z.strictObject({
  pos: leanPos,
  endPos: leanPos.nullable(),
  severity: z.enum(['trace', 'info', 'warning', 'error']),
  data: z.string(),
});

const leanNotInstalled = z.strictObject({ status: z.literal('notInstalled'), reason: z.string() });

const leanFailureOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('leanError'), messages: z.array(leanMessage), repl: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('timeout'), ms: nat }),
  z.strictObject({ kind: z.literal('crashed'), code: z.number().int().nullable(), signal: z.string().nullable(), stderr: z.string() }),
  z.strictObject({ kind: z.literal('protocolError'), detail: z.string() }),
  z.strictObject({ kind: z.literal('notInstalled'), reason: z.string() }),
  z.strictObject({ kind: z.literal('cancelled') }),
  z.strictObject({ kind: z.literal('staleHandle'), detail: z.string() }),
]);

/** Lean ran but the request failed: `status` repeats `outcome.kind`. */
const leanFailure = z.strictObject({
  status: z.enum(['leanError', 'timeout', 'crashed', 'protocolError', 'notInstalled', 'cancelled', 'staleHandle']),
  outcome: leanFailureOutcome,
});

const leanCheck = z.strictObject({
  status: z.literal('ok'),
  file: z.string(),
  errors: nat,
  warnings: nat,
  messages: z.array(leanMessage),
  sorries: nat.describe('how many sorries (`entail lean goals` lists them)'),
});

const leanGoals = z.strictObject({
  status: z.literal('ok'),
  file: z.string(),
  sorries: z.array(
    z.strictObject({
      pos: leanPos.optional(),
      endPos: leanPos.optional(),
      goal: z.string(),
      proofState: nat.nullable().describe('REPL proof-state number; null when Lean recorded none'),
    }),
  ),
});

/** `entail lean info --json`: how the REPL was found (its environment left out), or why not. */
const leanInfo = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('found'),
    command: z.string(),
    args: z.array(z.string()),
    cwd: z.string().optional(),
    via: z.enum(['configured', 'lake', 'path']),
    leanVersion: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('notInstalled'), reason: z.string() }),
]);

const label = z.enum(['True', 'False', 'Uncertain']);
const verdict = z.enum(['True', 'False', 'Uncertain', 'Error']);

const evalReport = z.strictObject({
  dataset: z.string(),
  provider: z.string(),
  total: nat,
  correct: nat,
  accuracy: z.number().describe('percent, two decimals'),
  errors: nat,
  confusion: z.record(label, z.record(verdict, nat)).describe('gold label → predicted verdict → count'),
  samples: z.strictObject({ total: nat, errors: nat }),
  byDepth: z.record(z.string(), z.strictObject({ total: nat, correct: nat, accuracy: z.number() })).optional(),
  problems: z.array(
    z.strictObject({
      id: z.string(),
      label: label.nullable(),
      prediction: verdict,
      votes: z.record(verdict, nat),
      samples: z.array(
        z.strictObject({
          verdict,
          stage: z.enum(['provider', 'extract', 'parse', 'prove']).optional(),
          error: z.string().optional(),
          repaired: z.literal(true).optional(),
        }),
      ),
      reconciliation: z
        .array(z.strictObject({ kind: z.enum(['near-duplicate', 'arity']), symbols: z.array(z.string()), note: z.string() }))
        .optional(),
    }),
  ),
});

const batchStatus = z.enum([...SZS_STATUSES, 'True', 'False', 'Uncertain', 'Skipped']);
const proverName = z.enum(['entail', 'e', 'vampire', 'prover9', 'z3', 'lean']);

const verifyReport = z.strictObject({
  total: nat,
  solved: nat,
  wrong: nat,
  disagreements: nat,
  errors: nat,
  timeouts: nat,
  skipped: nat,
  by_status: z.record(z.string(), nat),
  complete: z.boolean(),
  pending: nat,
  provers: z.array(proverName),
  timeout_s: z.number(),
  problems: z.array(
    z.strictObject({
      key: z.string(),
      path: z.string(),
      index: nat.optional(),
      name: z.string(),
      format: z.enum(['tptp', 'ladr', 'records', 'lean']),
      expected: batchStatus.optional(),
      status: batchStatus,
      prover: proverName.optional(),
      time_s: z.number(),
      error: z.string().optional(),
      solved: z.boolean(),
      wrong: z.boolean(),
      disagree: z.boolean().optional(),
      attempts: z
        .array(z.strictObject({ prover: proverName, status: batchStatus, time_s: z.number(), message: z.string().optional() }))
        .optional(),
      proof_file: z.string().optional(),
      proof_text_file: z.string().optional(),
    }),
  ),
});

// ------------------------------------------------------------------ per command

/** What each command prints with --json: one JSON document (prove indents it; the others print one line). */
export const CLI_JSON = {
  parse: parseOutput,
  cnf: z.union([cnfResult, loadFailure, clausifyFailure]),
  model: z.union([modelResult, loadFailure, clausifyFailure]),
  'check-model': z.union([checkModelResult, loadFailure, modelFileFailure]),
  prove: z.union([proveResult, loadFailure]),
  prolog: prologOutput,
  explore: derivation,
  lean: z.union([leanCheck, leanGoals, leanInfo, leanNotInstalled, leanFailure]),
  eval: evalReport,
  verify: verifyReport,
} as const;

export type CliJsonCommand = keyof typeof CLI_JSON;

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The type of one command's --json output; commands that build it inline type the literal with this. */
export type CliJson<C extends CliJsonCommand> = DeepReadonly<z.output<(typeof CLI_JSON)[C]>>;

/** The type of one named part (a `$defs` entry that is not a command), for commands that print it. */
export type CliJsonPart<P extends keyof typeof CLI_JSON_PARTS> = DeepReadonly<z.output<(typeof CLI_JSON_PARTS)[P]>>;

/** The named part-schemas the JSON Schema document puts in `$defs` (besides one entry per command). */
export const CLI_JSON_PARTS = {
  term,
  formula,
  clause,
  proof,
  'proof-step': proofStep,
  'finite-model': finiteModel,
  'prover-stats': proverStats,
  'check-report': checkReport,
  problem,
  'load-failure': loadFailure,
  'clausify-failure': clausifyFailure,
  'model-file-failure': modelFileFailure,
  'prove-result': proveResult,
  'cnf-result': cnfResult,
  'model-result': modelResult,
  'check-model-result': checkModelResult,
  'prolog-proof-tree': proofTree,
  'lean-check': leanCheck,
  'lean-goals': leanGoals,
  'lean-info': leanInfo,
  'lean-not-installed': leanNotInstalled,
  'lean-failure': leanFailure,
} as const;

const WHERE: Record<CliJsonCommand, string> = {
  parse: 'entail parse --json: stdout, one line',
  cnf: 'entail cnf --json: stdout, one line; the clauses, or why the problem could not be read or clausified',
  model: 'entail model --json: stdout, one line; the model search, or why the problem could not be read or clausified',
  'check-model': 'entail check-model --json: stdout, one line; the evaluation, or why the problem or the model file could not be read',
  prove: 'entail prove --json: stdout, one indented document; the prover result (with --check the checker report), or a load failure',
  prolog: 'entail prolog --json: stdout, one line',
  explore: 'entail explore --json: stdout, one line; the derivation (also what `entail export` reads as derivation JSON)',
  lean: 'entail lean check|goals|info --json: stdout, one line; check and goals print lean-not-installed or lean-failure when Lean is missing or fails',
  eval: 'entail eval --json FILE: written to FILE (stdout keeps the text summary)',
  verify: 'entail verify --json FILE (and entail report merge --json FILE): written to FILE',
};

/**
 * The JSON Schema document for every command: `$defs` holds one entry per command (named
 * as the command) and the shared parts; the root accepts any command's output. The root is
 * `anyOf`, not `oneOf`: a load failure is the same document whichever command printed it.
 */
export function cliJsonSchema(): Record<string, unknown> {
  // A registry of our own (not zod's global one), built per call: ids are only needed here.
  const registry = z.registry<{ id: string; description?: string }>();
  for (const [id, s] of Object.entries(CLI_JSON_PARTS)) registry.add(s, { id });
  for (const [id, s] of Object.entries(CLI_JSON)) registry.add(s, { id, description: WHERE[id as CliJsonCommand] });
  const root = z.union(Object.values(CLI_JSON));
  const doc = z.toJSONSchema(root, {
    metadata: registry,
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    // zod bounds every integer by the safe-integer range; JSON integers need no such bound.
    override: ({ jsonSchema: j }) => {
      if (j.maximum === Number.MAX_SAFE_INTEGER) delete j.maximum;
      if (j.minimum === Number.MIN_SAFE_INTEGER) delete j.minimum;
    },
  }) as Record<string, unknown>;
  return {
    $schema: doc.$schema,
    title: 'entail --json outputs',
    description:
      'The JSON the entail commands print with --json (eval and verify write it to the --json file). Generated from cli/json-output.ts by `npm run schema:cli`; do not edit. `entail export` has no --json; it reads the explore output ($defs/explore) and Entail proofs ($defs/proof).',
    anyOf: doc.anyOf,
    $defs: doc.$defs,
  };
}

// ------------------------------------------------------------------ ties to the engine types

/** True when the JSON form of `Real` (readonly, undefined fields absent) and the schema's output agree both ways. */
type Agrees<Real, S extends z.ZodType> = [Real] extends [DeepReadonly<z.output<S>>] ? ([z.output<S>] extends [Real] ? true : false) : false;
type Expect<T extends true> = T;

/** Compile-time only: each schema that describes an engine type agrees with it. */
export type TypeChecks = [
  Expect<Agrees<Literal, typeof literal>>,
  Expect<Agrees<Clause, typeof clause>>,
  Expect<Agrees<Rule, typeof rule>>,
  Expect<Agrees<ProofStep, typeof proofStep>>,
  Expect<Agrees<Proof, typeof proof>>,
  Expect<Agrees<FiniteModel, typeof finiteModel>>,
  Expect<Agrees<ProverStats, typeof proverStats>>,
  Expect<Agrees<CheckReport, typeof checkReport>>,
  Expect<Agrees<Statement, typeof statement>>,
  Expect<Agrees<Problem, typeof problem>>,
  Expect<Agrees<ReturnType<typeof loadFailureJson>, typeof loadFailure>>,
  Expect<Agrees<CheckedResult & { readonly problem: string }, typeof proveResult>>,
  Expect<Agrees<PrologOutcome, typeof prologOutput>>,
  Expect<Agrees<Derivation, typeof derivation>>,
  Expect<Agrees<CheckResult['messages'][number], typeof leanMessage>>,
  Expect<Agrees<LeanFailure, typeof leanFailureOutcome>>,
  Expect<Agrees<Omit<LeanInstall, 'env'> | NotInstalled, typeof leanInfo>>,
  Expect<Agrees<EvalSummary & { readonly problems: readonly CompactResult[] }, typeof evalReport>>,
  Expect<Agrees<BatchReport, typeof verifyReport>>,
];
