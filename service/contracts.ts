/**
 * The engine contracts the service codes against (from the project brief), written
 * as types so the service compiles before — and independently of — the modules.
 * Only what the service calls is listed; modules may export more.
 */
import type {
  Clause,
  Dialect,
  FiniteModel,
  Formula,
  Problem,
  Proof,
  ProofStep,
  ProverResult,
  Result,
  Rule,
} from '../provers/logic/index.js';
import type { ProofGraph } from '../provers/graph/model.js';
import type { BatchSummaryView } from '../api/contract.js';

export interface SyntaxModule {
  parseProblem(text: string, opts: { dialect?: Dialect; file?: string; name?: string }): Result<Problem>;
  detectDialect(text: string, fileName?: string): Dialect;
  printClause(c: Clause, dialect: Dialect): string;
  printFormula?(f: Formula, dialect: Dialect): string;
  printProblem?(p: Problem, dialect: Dialect): string;
}

export interface RunModule {
  proveProblem(
    problem: Problem,
    opts: {
      timeoutMs?: number;
      signal?: AbortSignal;
      inWorker?: boolean;
      check?: boolean;
      countermodel?: boolean;
      maxModelSize?: number;
    },
  ): Promise<ProverResult>;
}

export interface CheckReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly trusted: readonly { id: string; rule: Rule }[];
  readonly failures: readonly { id: string; rule: Rule; reason: string }[];
}
export interface CheckModule {
  checkProof(proof: Proof): CheckReport;
}

export interface ModelsModule {
  formatModel(model: FiniteModel): string;
}

export interface GraphModule {
  fromProof(
    proof: Proof,
    opts?: { title?: string; origin?: ProofGraph['origin']; status?: string; note?: string; keepUnused?: boolean },
  ): ProofGraph;
  /** Self-contained HTML page showing the graphs (provers/graph/html.ts). */
  exportHtml(graphs: readonly ProofGraph[], opts?: { title?: string }): string;
}

/** provers/batch, as far as the workbench uses it. */
export interface BatchProblemResult {
  readonly path: string;
  readonly name: string;
  readonly expected?: string;
  readonly status: string;
  readonly prover?: string;
  readonly time_s: number;
  readonly error?: string;
  readonly solved: boolean;
  readonly wrong: boolean;
}
/** A batch report as the service reads it: the API's summary plus one result per problem. */
export interface BatchReportLike extends BatchSummaryView {
  readonly problems: readonly BatchProblemResult[];
}
export type BatchEventLike =
  | { readonly type: 'start'; readonly total: number }
  | { readonly type: 'result'; readonly result: BatchProblemResult; readonly done: number; readonly total: number }
  | { readonly type: 'end'; readonly report: BatchReportLike };
export interface BatchModule {
  runBatch(
    opts: { paths: readonly string[]; cwd: string; provers?: readonly string[]; jobs?: number; timeoutMs?: number; signal?: AbortSignal },
    onEvent?: (e: BatchEventLike) => void,
  ): Promise<BatchReportLike>;
}

/** provers/prolog: tau-prolog with step limits and proof trees. */
export interface PrologTree {
  readonly goal: unknown;
  readonly kind: string;
  readonly children: readonly PrologTree[];
}
export interface PrologModule {
  runProlog(
    program: string,
    goal: string,
    opts?: { maxSteps?: number; maxAnswers?: number; proofs?: boolean },
  ): Promise<
    | {
        status: 'ok';
        answers: readonly { text: Readonly<Record<string, string>>; proof?: PrologTree }[];
        exhausted: boolean;
        steps: number;
      }
    | {
        status: 'limit';
        answers: readonly { text: Readonly<Record<string, string>>; proof?: PrologTree }[];
        steps: number;
        message: string;
      }
    | {
        status: 'error';
        answers: readonly { text: Readonly<Record<string, string>>; proof?: PrologTree }[];
        steps: number;
        error: { kind: string; in: string; message: string };
      }
  >;
  treeToSteps(tree: PrologTree, opts?: { prefix?: string }): { steps: ProofStep[]; root: string };
}

/** provers/external: E, Vampire, Prover9, z3 as child processes. */
export type ExternalProverId = 'e' | 'vampire' | 'prover9' | 'z3';
export interface ExternalModule {
  runExternal(
    id: ExternalProverId,
    input: { kind: 'problem'; problem: Problem },
    opts: {
      timeoutMs: number;
      signal?: AbortSignal;
      config?: { paths?: Partial<Record<ExternalProverId, string>> };
      codec?: { printTptp(p: Problem): string };
    },
  ): Promise<ProverResult & { proofText?: string; proofFormat?: 'tstp' | 'prover9' }>;
  detectProvers(config?: {
    paths?: Partial<Record<ExternalProverId, string>>;
  }): Promise<{ id: ExternalProverId; name: string; installed: boolean; path?: string; version?: string }[]>;
}
/** provers/graph importers for external proof text. */
export interface GraphImportModule {
  fromTstp(text: string, opts?: { title?: string }): Result<ProofGraph, { line: number; message: string }>;
  fromProver9(text: string, title?: string): Result<ProofGraph, { line: number; message: string }>;
  fromPrologSteps(steps: readonly ProofStep[], root: string, title?: string): ProofGraph;
}

/** nl/pipeline.ts and nl/engine.ts, as far as the workbench uses them. */
export interface NlFolLine {
  readonly text?: string;
  readonly fol: string;
  readonly formula?: Formula;
}
export interface NlSampleResult {
  readonly index: number;
  readonly verdict: 'True' | 'False' | 'Uncertain' | 'Error';
  readonly error?: string;
  readonly premises: readonly NlFolLine[];
  readonly conclusion?: NlFolLine;
}
export interface NlProblemResult {
  readonly prediction: 'True' | 'False' | 'Uncertain' | 'Error';
  readonly samples: readonly NlSampleResult[];
}
export interface NlEngine {
  parse(text: string, dialect: Dialect): Result<Formula>;
}
export interface NlTranslator {
  readonly id: string;
}
export interface NlPipelineModule {
  cnlTranslator(): NlTranslator;
  runProblem(
    p: { id: string; premises: readonly string[]; conclusion: string },
    translator: NlTranslator,
    engine: NlEngine,
    opts: { timeoutMs: number; certify?: boolean; signal?: AbortSignal },
  ): Promise<NlProblemResult>;
}
export interface NlJudgeModule {
  judge(
    name: string,
    premises: readonly Formula[],
    conclusion: Formula,
    engine: NlEngine,
    opts: { timeoutMs: number; certify?: boolean },
  ): Promise<{ verdict: NlSampleResult['verdict']; reason?: string }>;
}
export interface NlEngineModule {
  defaultEngine: NlEngine;
}

/** Modules whose contract was not fixed when this was written: probed by export name. */
export type OpenModule = Readonly<Record<string, unknown>>;

export interface EngineModules {
  syntax: SyntaxModule;
  run: RunModule;
  check: CheckModule;
  models: ModelsModule;
  graph: GraphModule;
  external: ExternalModule;
  graphImport: GraphImportModule;
  prolog: PrologModule;
  batch: BatchModule;
  lean: LeanModule;
  genlogic: GenlogicModule;
  explorerGraphs: ExplorerGraphsModule;
  nlLlm: NlLlmModule;
  nlOpenAi: NlOpenAiModule;
  nlReplay: NlReplayModule;
  nlPipeline: NlPipelineModule;
  nlJudge: NlJudgeModule;
  nlEngine: NlEngineModule;
  nlVote: { majorityVote(vs: readonly NlSampleResult['verdict'][]): NlSampleResult['verdict'] };
}

/** provers/lean: the Lean REPL bridge (types from the module itself: it is built in this tree). */
export interface LeanModule {
  LeanService: typeof import('../provers/lean/index.js').LeanService;
  toMonacoMarkers: typeof import('../provers/lean/index.js').toMonacoMarkers;
  describeFailure: typeof import('../provers/lean/index.js').describeFailure;
}

/** provers/genlogic: the Generative-Logic explorer (pure; run in a worker by service/exploring.ts). */
export interface GenlogicModule {
  explore: typeof import('../provers/genlogic/index.js').explore;
  parseDeclarations: typeof import('../provers/genlogic/index.js').parseDeclarations;
  defaultFunctions: typeof import('../provers/genlogic/index.js').defaultFunctions;
  theoryPrecedence: typeof import('../provers/genlogic/index.js').theoryPrecedence;
  rewritingProver: typeof import('../provers/genlogic/index.js').rewritingProver;
  equationText: typeof import('../provers/genlogic/index.js').equationText;
}
/** The derivation → proof-graph converter (one graph per theorem) lives with the explorer. */
export interface ExplorerGraphsModule {
  derivationGraphs: typeof import('../provers/genlogic/index.js').derivationGraphs;
}

/** nl/: LLM translation and the two LLM providers the workbench offers. */
export interface NlLlmModule {
  llmTranslator: typeof import('../nl/pipeline.js').llmTranslator;
}
export interface NlOpenAiModule {
  OpenAiProvider: typeof import('../nl/providers/openai.js').OpenAiProvider;
}
export interface NlReplayModule {
  loadReplay: typeof import('../nl/providers/replay.js').loadReplay;
}
