/**
 * The one typed API between the workbench UI and the engine. The renderer codes
 * only against `EntailApi`; a transport (Electron IPC via preload, or HTTP + WebSocket
 * for the browser) turns calls into messages, and the engine service in Node
 * implements it. Every input has a zod schema that both transports enforce at the
 * boundary; every answer is an `ApiResult` value — nothing throws across it.
 *
 * Types and schemas only: no Node, no DOM, no engine code (imported by renderer,
 * preload, main, server and service alike).
 */
import { z } from 'zod';
import type { Dialect, ProverResult } from '../provers/logic/index.js';
import type { CheckFailure, CheckReport } from '../provers/check/index.js';
import type { ProofGraph } from '../provers/graph/model.js';
import type { MonacoMarker } from '../provers/lean/ops.js';
import type { ProblemResult, QueueWorkerInfo } from '../provers/batch/types.js';

// ---------------------------------------------------------------------------
// Results

/** Every API answer. `unavailable` = the engine module behind it is not built or not installed here. */
export type ApiResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly issues: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

export function okResult<T>(value: T): ApiResult<T> {
  return { kind: 'ok', value };
}
export function unavailable<T = never>(reason: string): ApiResult<T> {
  return { kind: 'unavailable', reason };
}
export function errorResult<T = never>(message: string): ApiResult<T> {
  return { kind: 'error', message };
}
/** One line for status bars and toasts. */
export function describeFailure(r: ApiResult<unknown>): string {
  switch (r.kind) {
    case 'ok':
      return 'ok';
    case 'unavailable':
      return `unavailable: ${r.reason}`;
    case 'invalid':
      return `invalid input: ${r.issues.join('; ')}`;
    case 'error':
      return `error: ${r.message}`;
  }
}

// ---------------------------------------------------------------------------
// Shared input pieces

export const DIALECTS = ['tptp', 'ladr', 'nltk', 'folio', 'entail'] as const satisfies readonly Dialect[];
/** Editor languages: the FOL dialects plus Prolog and Lean. */
export const LANGUAGES = [...DIALECTS, 'prolog', 'lean'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PROVERS = ['embedded', 'tau-prolog', 'eprover', 'vampire', 'prover9', 'z3'] as const;
export type ProverId = (typeof PROVERS)[number];

/** Inputs beyond this are refused with `invalid` instead of tying up the engine. */
export const MAX_TEXT = 8 * 1024 * 1024;

const text = z.string().max(MAX_TEXT, `text larger than ${MAX_TEXT / 1024 / 1024} MB`);
const language = z.enum(LANGUAGES);
const dialectOrAuto = z.union([z.enum(DIALECTS), z.literal('auto')]);
const jobId = z.string().regex(/^job-[0-9a-z-]{1,40}$/, 'not a job id');

export const limitsSchema = z.object({
  timeoutMs: z.number().int().min(100).max(3_600_000),
  countermodel: z.boolean(),
  check: z.boolean(),
  maxModelSize: z.number().int().min(1).max(12),
});
export type Limits = z.infer<typeof limitsSchema>;
export const DEFAULT_LIMITS: Limits = { timeoutMs: 10_000, countermodel: true, check: true, maxModelSize: 6 };

// ---------------------------------------------------------------------------
// Outputs

export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  readonly file?: string;
  /** 1-based. */
  readonly line: number;
  readonly col: number;
  readonly endLine?: number;
  readonly endCol?: number;
  readonly message: string;
}

export interface SymbolInfo {
  readonly name: string;
  readonly kind: 'predicate' | 'function' | 'constant';
  readonly arity: number;
  /** Lines (1-based) of statements using the symbol (the first MAX_USES). */
  readonly uses: readonly number[];
  /** Number of statements using it. */
  readonly useCount: number;
}

export interface ParseOutcome {
  readonly dialect: Dialect;
  readonly diagnostics: readonly Diagnostic[];
  readonly symbols: readonly SymbolInfo[];
  readonly statements: readonly { readonly name: string; readonly role: string; readonly line?: number }[];
}

/**
 * The graph the explorer draws and the HTML export consumes: the graph owner's
 * one ProofGraph model (plain data: numbered nodes, edges with substitutions).
 */
export type GraphData = ProofGraph;
export type { GraphNode, GraphEdge } from '../provers/graph/model.js';

/** Longest note a model table carries (a session file's stored result is refused beyond it). */
export const MAX_MODEL_NOTE = 2000;

export interface ModelTable {
  readonly symbol: string;
  readonly kind: 'function' | 'predicate';
  readonly arity: number;
  /** Header row then one row per argument tuple. */
  readonly rows: readonly (readonly string[])[];
  /** For a symbol the clausifier introduced (Skolem function, definition): what it stands for. */
  readonly note?: string;
}

/** The checker's report as the workbench shows it: trusted steps counted, failures with their reasons. */
export interface CheckSummary extends Pick<CheckReport, 'ok' | 'checked'> {
  readonly trusted: number;
  readonly failures: readonly Pick<CheckFailure, 'id' | 'reason'>[];
}

/**
 * A run as the workbench shows it: the engine's ProverResult (time flattened out of its stats) with what the
 * service adds for drawing — the proof graph, model tables, the check summary, Prolog's answers.
 */
export interface RunResult extends Pick<ProverResult, 'status' | 'prover' | 'message' | 'proof' | 'model'> {
  readonly timeMs: number;
  readonly graph?: GraphData;
  readonly modelTables?: readonly ModelTable[];
  readonly check?: CheckSummary | { readonly unavailable: string };
  /** Prolog runs: one row of printed bindings per answer. */
  readonly answers?: readonly Readonly<Record<string, string>>[];
}

/** One problem of a batch run: provers/batch's result, without the portfolio's attempts and artifact paths. */
export type BatchRow = Pick<
  ProblemResult,
  'name' | 'path' | 'index' | 'expected' | 'status' | 'prover' | 'time_s' | 'solved' | 'wrong' | 'error'
>;
export interface BatchSummaryView {
  readonly total: number;
  readonly solved: number;
  readonly wrong: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly complete: boolean;
}

/** Upper bound of the batch request's `jobs` whatever the machine (the service's cores bound it further). */
export const MAX_BATCH_JOBS = 64;
export const BATCH_REPORT_FORMATS = ['json', 'csv', 'junit', 'html'] as const;
export type BatchReportFormat = (typeof BATCH_REPORT_FORMATS)[number];
/** What the batch panel needs to know of the engine's machine. */
export interface BatchInfo {
  /** Cores: the most `jobs` a batch request may ask for. */
  readonly cores: number;
  readonly defaultJobs: number;
  /** Folders the user opened (resolved): batch paths and opened rows must lie inside one. */
  readonly roots: readonly string[];
  /** Redis hosts a queue run may use besides loopback (`entail serve --queue-host`). */
  readonly queueHosts?: readonly string[];
}
export type { QueueWorkerInfo };

export type JobState =
  | { readonly state: 'running'; readonly startedAt: number; readonly message: string }
  | { readonly state: 'done'; readonly result: RunResult }
  | { readonly state: 'batchDone'; readonly summary: BatchSummaryView; readonly rows: readonly BatchRow[] }
  | { readonly state: 'exploreDone'; readonly result: ExploreResult }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly failure: string };

/** Pushed to the UI (IPC event / WebSocket message). */
export type JobEvent =
  | { readonly type: 'progress'; readonly jobId: string; readonly elapsedMs: number; readonly message: string }
  | { readonly type: 'finished'; readonly jobId: string; readonly state: JobState }
  | { readonly type: 'batchRow'; readonly jobId: string; readonly row: BatchRow; readonly done: number; readonly total: number }
  | { readonly type: 'exploreProgress'; readonly jobId: string; readonly progress: ExploreProgressView };

/** Generative-Logic explorer progress (provers/genlogic `onProgress`), throttled by the worker. */
export interface ExploreProgressView {
  readonly phase: string;
  readonly elapsedMs: number;
  /** Candidate conjectures left after ground refutation and de-duplication. */
  readonly conjectures: number;
  readonly processed: number;
  readonly proofs: number;
}
export interface ExploreTheoremView {
  readonly order: number;
  readonly title: string;
  readonly method: 'direct' | 'induction';
  readonly variable?: string;
  readonly kept: boolean;
  /** Every case proof accepted by the independent checker. */
  readonly checked: boolean;
}
export interface ExploreResult {
  readonly theory: string;
  readonly stopped: 'done' | 'deadline' | 'cancelled' | 'error';
  readonly error?: string;
  readonly stats: {
    readonly terms: number;
    readonly generated: number;
    readonly refuted: number;
    readonly conjectures: number;
    readonly redundant: number;
    readonly proved: number;
    readonly failed: number;
    readonly kept: number;
    readonly timeMs: number;
  };
  readonly theorems: readonly ExploreTheoremView[];
  /** One derivation graph per theorem, same order as `theorems`. */
  readonly graphs: readonly GraphData[];
  /** The theorems as a dependency graph (axioms → lemmas → laws); node `ref` is a theorem's title. */
  readonly dependencies?: GraphData;
}

/** Lean answers, flattened for the UI: `status` is the bridge's outcome kind. */
export type LeanMarker = Omit<MonacoMarker, 'source'>;
export interface LeanHandle {
  readonly worker: number;
  readonly generation: number;
  readonly proofState: number;
}
export interface LeanView {
  readonly op: 'info' | 'check' | 'tactic' | 'export';
  readonly status: 'ok' | 'notInstalled' | 'leanError' | 'timeout' | 'crashed' | 'protocolError' | 'cancelled' | 'staleHandle';
  /** How Lean was found, or why not / what failed (one line). */
  readonly detail: string;
  readonly markers: readonly LeanMarker[];
  /** check: each sorry with its goal and the proof state to run tactics on. */
  readonly sorries: readonly { readonly line?: number; readonly goal: string; readonly proofState: LeanHandle | null }[];
  /** tactic: goals after the step. */
  readonly goals?: readonly string[];
  readonly proofState?: LeanHandle;
  readonly solved?: boolean;
  readonly errors?: number;
  readonly warnings?: number;
  /** export: the Lean theorem text (FOL problem → Lean 4, no Lean needed). */
  readonly code?: string;
  readonly theoremName?: string;
}

export interface ProverInfo {
  readonly id: ProverId;
  readonly available: boolean;
  readonly detail: string;
}

export interface NlSample {
  readonly index: number;
  /** `paraphrase`: how controlled English read the sentence, with the interpretation rules that decided it. */
  readonly pairs: readonly { readonly sentence: string; readonly formula: string; readonly paraphrase?: string }[];
  readonly verdict: 'True' | 'False' | 'Uncertain' | 'Error';
  readonly message?: string;
}
export interface NlOutcome {
  readonly provider: string;
  readonly samples: readonly NlSample[];
  readonly vote: 'True' | 'False' | 'Uncertain' | 'Error';
}

/**
 * Session files. `version` names the schema; the service migrates every older
 * version to the current one on open (service/sessions.ts) and refuses, with a
 * reason, a file it cannot read — it never drops one silently.
 */
export const SESSION_VERSION = 2;

const problemDoc = z.object({
  id: z.string().max(100),
  title: z.string().max(200),
  language,
  text,
  /** Last cursor position (1-based), restored with the document. */
  cursor: z.object({ line: z.number().int().min(1), col: z.number().int().min(1) }).optional(),
});
const runRecord = z.object({
  problemId: z.string().max(100),
  at: z.string().max(64),
  prover: z.string().max(40),
  status: z.string().max(40),
  timeMs: z.number(),
  /** Hash of the document text the run was computed from: a result whose hash differs from the text's is stale. */
  textHash: z.string().max(32).optional(),
  /** A session file is hostile input: a result the renderer could not draw is dropped (the run's status stays), not trusted. */
  result: z
    .custom<RunResult>(isStoredResult)
    .optional()
    .catch(() => undefined),
});
const nlInputs = z.object({
  premises: z.array(z.string().max(10_000)).max(200),
  conclusion: z.string().max(10_000),
});

/** Version 1 (before session identity, cursors and layout). Read-only: migrated on open and on save. */
export const sessionSchemaV1 = z.object({
  version: z.literal(1),
  name: z.string().max(200),
  savedAt: z.string().max(64),
  problems: z.array(problemDoc.omit({ cursor: true })).max(500),
  activeProblem: z.string().max(100).optional(),
  nl: nlInputs.optional(),
  runs: z.array(runRecord.omit({ textHash: true })).max(1000),
});
export type SessionV1 = z.infer<typeof sessionSchemaV1>;

export const SESSION_ID = /^[a-z0-9][a-z0-9-]{7,63}$/;

export const sessionSchema = z.object({
  version: z.literal(SESSION_VERSION),
  /** Identity of the session (stable across renames): a save onto a file holding another id is a clash. */
  id: z.string().regex(SESSION_ID, 'not a session id'),
  /** Revision the writer started from; the service refuses a save whose base revision is older than the file's. */
  rev: z.number().int().min(0),
  name: z.string().min(1).max(200),
  savedAt: z.string().max(64),
  problems: z.array(problemDoc).max(500),
  activeProblem: z.string().max(100).optional(),
  /** Tabs closed in this session, newest last: reopenable, so closing never loses text. */
  closed: z.array(problemDoc).max(50).optional(),
  nl: nlInputs.optional(),
  /** Finished runs, kept so a reopened session shows each document's results (proof objects included). */
  runs: z.array(runRecord).max(1000),
  /** Open panel and pane sizes. */
  ui: z
    .object({
      tab: z.string().max(40),
      /** Editor share of the workspace width, 0.2–0.8. */
      split: z.number().min(0.2).max(0.8),
    })
    .optional(),
});
export type Session = z.infer<typeof sessionSchema>;
/** Any session version a client may send or a file may hold. */
export const anySessionSchema = z.union([sessionSchema, sessionSchemaV1]);

export interface SessionEntry {
  readonly name: string;
  readonly path: string;
  readonly savedAt: string;
  /** Absent for files that could not be read (then `problem` says why). */
  readonly id?: string;
  readonly rev?: number;
  readonly documents?: number;
  /** Why the file cannot be opened as it is (unreadable, not JSON, newer version…); it is listed, never hidden. */
  readonly problem?: string;
}

/**
 * `saved`: written (atomically) at `entry.path`. `clash`: nothing written, because the target file holds
 * another session (`reason: 'other'`) or a newer revision of this one written by another window (`'newer'`).
 */
export type SessionSaveOutcome =
  | { readonly outcome: 'saved'; readonly path: string; readonly entry: SessionEntry }
  | { readonly outcome: 'clash'; readonly path: string; readonly reason: 'other' | 'newer'; readonly existing: SessionEntry };

export const settingsSchema = z.object({
  limits: limitsSchema,
  defaultProver: z.enum(PROVERS),
  nlProvider: z.string().max(100),
  nlSamples: z.number().int().min(1).max(20),
  externalPaths: z.record(z.string().max(40), z.string().max(1000)),
  autosave: z.boolean(),
  /** OpenAI-compatible endpoint for the `openai` NL provider (env OPENAI_BASE_URL / OPENAI_MODEL when empty). */
  nlOpenAi: z.object({ baseUrl: z.string().max(1000), model: z.string().max(200) }).optional(),
  /** LINC/Logic-LM recorded-output file for the `replay` NL provider (a path on the engine's machine). */
  nlReplayPath: z.string().max(1000).optional(),
  /**
   * Write-only: a new API key for the `openai` provider ('' clears it). The service stores it apart from the
   * settings file and never returns it; `settingsGet` reports `nlApiKeySet` instead.
   */
  nlApiKey: z.string().max(1000).optional(),
  nlApiKeySet: z.boolean().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;
/**
 * What the API may change. Executable paths are absent on purpose: a page that reached the API must not be able
 * to choose what the engine runs. They come from PATH, the environment (ENTAIL_EPROVER, …) or, on the desktop, a
 * native file dialog in the main process. Sent anyway (e.g. the settings object read back), they are dropped.
 */
export const settingsInputSchema = settingsSchema.omit({ externalPaths: true, nlApiKeySet: true });
export type SettingsInput = z.infer<typeof settingsInputSchema>;
export const DEFAULT_SETTINGS: Settings = {
  limits: DEFAULT_LIMITS,
  defaultProver: 'embedded',
  nlProvider: 'cnl',
  nlSamples: 5,
  externalPaths: {},
  autosave: true,
};

// ---------------------------------------------------------------------------
// Methods: one schema per input, one output type per method.

/** A Redis queue target: the URL may hold a password, so the service never repeats it (service/batch-queue.ts). */
const batchQueue = z.object({ url: z.string().min(1).max(2000), name: z.string().min(1).max(100) });

export const inputSchemas = {
  parse: z.object({ text, language }),
  prove: z.object({ text, dialect: dialectOrAuto, prover: z.enum(PROVERS), limits: limitsSchema, name: z.string().max(200).optional() }),
  prolog: z.object({ program: text, query: z.string().min(1).max(10_000), maxSteps: z.number().int().min(1).max(10_000_000) }),
  cancel: z.object({ jobId }),
  job: z.object({ jobId }),
  provers: z.object({}),
  exportHtml: z.object({
    graph: z.custom<GraphData>(isGraphData, 'not a proof graph'),
    /** More graphs in the same file (the explorer's theorems); `title` names the page. */
    more: z.array(z.custom<GraphData>(isGraphData, 'not a proof graph')).max(500).optional(),
    title: z.string().max(200).optional(),
  }),
  nlProviders: z.object({}),
  nlJudge: z.object({
    premises: z.array(z.string().min(1).max(10_000)).min(1).max(200),
    conclusion: z.string().min(1).max(10_000),
    provider: z.string().min(1).max(100),
    k: z.number().int().min(1).max(20),
    /** Lets `cancel` stop this judgement (client-chosen, job-id shaped). */
    requestId: jobId.optional(),
    /** Recorded-problem id for the `replay` provider (e.g. `linc_3`). */
    problemId: z.string().max(200).optional(),
    /** Formulas the user edited (sample index → formulas, conclusion last); re-judged without calling the provider. */
    edited: z
      .array(z.object({ index: z.number().int().min(0), formulas: z.array(z.string().max(10_000)).max(201) }))
      .max(20)
      .optional(),
  }),
  batch: z.object({
    /** Run through `entail worker`s on a Redis queue instead of this machine (the service is the coordinator). */
    queue: batchQueue.optional(),
    paths: z.array(z.string().min(1).max(1000)).min(1).max(1000),
    prover: z.enum(PROVERS),
    timeoutMs: z.number().int().min(100).max(600_000),
    /** Problems proved at once; the service also refuses more than its cores (`batchInfo`). Default: min(2, cores). */
    jobs: z.number().int().min(1).max(MAX_BATCH_JOBS).optional(),
  }),
  batchInfo: z.object({}),
  /** The workers whose heartbeat a queue holds (host, concurrency, jobs done, last seen). */
  batchWorkers: z.object({ queue: batchQueue }),
  /** A finished batch job's report, rendered by provers/batch's writers. */
  batchReport: z.object({ jobId, format: z.enum(BATCH_REPORT_FORMATS) }),
  /** A problem file of a batch row, read as text: only a regular file inside the opened roots, at most MAX_TEXT bytes. */
  batchOpen: z.object({ path: z.string().min(1).max(1000) }),
  lean: z.discriminatedUnion('op', [
    z.object({ op: z.literal('info') }),
    z.object({ op: z.literal('check'), code: text }),
    z.object({
      op: z.literal('tactic'),
      proofState: z.object({ worker: z.number().int().min(0), generation: z.number().int().min(0), proofState: z.number().int().min(0) }),
      tactic: z.string().min(1).max(10_000),
    }),
    z.object({ op: z.literal('export'), text, dialect: dialectOrAuto, name: z.string().max(200).optional() }),
  ]),
  explore: z.object({
    /** The shipped Peano theory, or axioms (TPTP, e.g. the editor's buffer) plus an inductive declaration (`inductive nat = zero | s(nat).`). */
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('corpus'), name: z.literal('peano') }),
      z.object({ kind: z.literal('text'), axioms: text, declarations: z.string().min(1).max(100_000) }),
    ]),
    /** Only conjectures over these functions (e.g. ['plus']). */
    only: z.array(z.string().min(1).max(100)).max(50).optional(),
    maxTermSize: z.number().int().min(3).max(9).optional(),
    timeoutMs: z.number().int().min(100).max(600_000),
  }),
  sessionSave: z.object({
    session: anySessionSchema,
    /** Explicit file (Electron "Save as"); default: the sessions folder, file named after the session. */
    path: z.string().max(1000).optional(),
    /** The file the session was last saved to: renamed (removed after the new file is written) when the name changed. */
    previousPath: z.string().max(1000).optional(),
    /** On a clash: 'report' (default) writes nothing and answers `clash`; 'newName' saves under a free name; 'overwrite' replaces it. */
    onClash: z.enum(['report', 'newName', 'overwrite']).optional(),
  }),
  sessionOpen: z.object({ path: z.string().min(1).max(1000) }),
  sessionList: z.object({}),
  settingsGet: z.object({}),
  settingsSet: z.object({ settings: settingsInputSchema }),
} as const;

export type ApiMethod = keyof typeof inputSchemas;
export const API_METHODS = Object.keys(inputSchemas) as ApiMethod[];
export type ApiInput<M extends ApiMethod> = z.input<(typeof inputSchemas)[M]>;

export interface ApiOutputs {
  parse: ParseOutcome;
  prove: { readonly jobId: string };
  prolog: RunResult;
  cancel: { readonly cancelled: boolean };
  job: JobState;
  provers: readonly ProverInfo[];
  exportHtml: { readonly html: string };
  nlProviders: readonly { readonly id: string; readonly available: boolean; readonly detail: string }[];
  nlJudge: NlOutcome;
  batch: { readonly jobId: string };
  batchInfo: BatchInfo;
  batchWorkers: readonly QueueWorkerInfo[];
  batchReport: { readonly name: string; readonly type: string; readonly text: string };
  batchOpen: { readonly name: string; readonly path: string; readonly text: string };
  lean: LeanView;
  explore: { readonly jobId: string };
  sessionSave: SessionSaveOutcome;
  sessionOpen: Session;
  sessionList: readonly SessionEntry[];
  settingsGet: Settings;
  settingsSet: Settings;
}
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];

/** What the renderer sees: every method async, every answer an ApiResult, plus an event subscription. */
export type EntailApi = {
  readonly [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>>;
} & {
  /** Subscribe to job, connection and (Electron) menu events; returns an unsubscribe function. */
  readonly onEvent: (listener: (e: ApiEvent) => void) => () => void;
};

/** Native menu commands forwarded to the renderer (Electron only). */
export type MenuEvent =
  /** `flush`: the desktop window is closing; write any pending change now (the shell waits for the save). */
  | { readonly type: 'menu'; readonly command: 'new' | 'save' | 'prove' | 'cancel' | 'flush' }
  | { readonly type: 'menu'; readonly command: 'openText'; readonly name: string; readonly text: string }
  | { readonly type: 'menu'; readonly command: 'openSession'; readonly path: string };

export type ApiEvent = JobEvent | ConnectionEvent | MenuEvent;

/** Transport state, surfaced so the UI can say "server went away — reconnecting". */
export type ConnectionEvent = { readonly type: 'connection'; readonly state: 'connected' | 'disconnected' | 'reconnecting' };

/** Validate an input at a boundary. */
export function validateInput<M extends ApiMethod>(
  method: M,
  input: unknown,
): { ok: true; value: z.output<(typeof inputSchemas)[M]> } | { ok: false; issues: string[] } {
  const r = inputSchemas[method].safeParse(input);
  if (r.success) return { ok: true, value: r.data as z.output<(typeof inputSchemas)[M]> };
  return { ok: false, issues: r.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`) };
}

export function isApiMethod(s: string): s is ApiMethod {
  return Object.prototype.hasOwnProperty.call(inputSchemas, s);
}

const storedResultShape = z.object({
  status: z.string().max(40),
  prover: z.string().max(40),
  timeMs: z.number(),
  message: z.string().max(100_000).optional(),
  graph: z.custom<GraphData>(isGraphData).optional(),
  model: z
    .object({ domainSize: z.number().int().min(0) })
    .passthrough()
    .optional(),
  modelTables: z
    .array(
      z.object({
        symbol: z.string().max(200),
        kind: z.enum(['function', 'predicate']),
        arity: z.number().int().min(0),
        rows: z.array(z.array(z.string().max(1000)).max(100)).max(100_000),
        note: z.string().max(MAX_MODEL_NOTE).optional(),
      }),
    )
    .max(10_000)
    .optional(),
  check: z
    .union([
      z.object({
        ok: z.boolean(),
        checked: z.number(),
        trusted: z.number(),
        failures: z.array(z.object({ id: z.string().max(200), reason: z.string().max(10_000) })).max(100_000),
      }),
      z.object({ unavailable: z.string().max(10_000) }),
    ])
    .optional(),
  answers: z
    .array(z.record(z.string(), z.string().max(100_000)))
    .max(100_000)
    .optional(),
});

/** Whether a stored run result has every field the workbench draws in the shape it draws it (the proof object is carried, not drawn). */
function isStoredResult(x: unknown): x is RunResult {
  return storedResultShape.safeParse(x).success;
}

const graphShape = z.object({
  title: z.string().max(1000),
  origin: z.enum(['entail', 'tstp', 'prover9', 'prolog', 'genlogic', 'other']),
  nodes: z
    .array(
      z.object({
        id: z.string().max(1000),
        label: z.string().max(1000),
        text: z.string().max(1_000_000),
        role: z.string().max(100).optional(),
        rule: z.string().max(1000),
        source: z.string().max(1000).optional(),
        kind: z.enum(['input', 'preprocessing', 'inference', 'theorem', 'lemma']),
        ref: z.string().max(1000).optional(),
        detail: z.string().max(1_000_000).optional(),
        group: z.string().max(1000).optional(),
      }),
    )
    .max(200_000),
  edges: z
    .array(z.object({ from: z.string().max(1000), to: z.string().max(1000), subst: z.string().max(100_000).optional() }))
    .max(1_000_000),
  root: z.string().max(1000).optional(),
  status: z.string().max(100).optional(),
  note: z.string().max(100_000).optional(),
  nodeRoles: z.enum(['proof', 'dependencies']).optional(),
  groups: z
    .array(z.object({ id: z.string().max(1000), label: z.string().max(1000), text: z.string().max(1_000_000) }))
    .max(10_000)
    .optional(),
});

/** Every field the explorer and the HTML export read, in the type they read it (graphs arrive from requests and session files). */
function isGraphData(x: unknown): x is GraphData {
  return graphShape.safeParse(x).success;
}

/** IPC channel names: the preload allow-list and main's handlers are generated from the same list. */
export const IPC_PREFIX = 'entail:';
export const IPC_EVENT_CHANNEL = 'entail:event';
export function ipcChannel(m: ApiMethod): string {
  return IPC_PREFIX + m;
}
