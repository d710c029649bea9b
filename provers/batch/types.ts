/** Data types of the batch verifier: what is run, what comes back, what is reported. Plain serializable data. */
import type { Formula } from '../logic/formula.js';
import type { Problem } from '../logic/problem.js';
import type { ProverResult } from '../logic/proof.js';
import type { Result } from '../logic/source.js';
import type { SzsStatus } from '../logic/szs.js';
import type { ExternalConfig, ExternalProverId } from '../external/index.js';

export type Label = 'True' | 'False' | 'Uncertain';
/** SZS for files, a dataset label for records, 'Skipped' for what was not run (with the reason in `error`). */
export type BatchStatus = SzsStatus | Label | 'Skipped';

/** 'lean' is never asked for: it is what answers for .lean files. */
export type ProverName = 'entail' | ExternalProverId | 'lean';

export type InputFormat = 'tptp' | 'ladr' | 'records' | 'lean';

/** One problem to run: a whole file, or one record of a dataset file. */
export interface ProblemRef {
  /** Unique and stable across runs: `<absolute path>` or `<absolute path>#<record index>`. */
  readonly key: string;
  /** The path as reported (relative to the batch cwd when inside it). */
  readonly path: string;
  readonly absPath: string;
  readonly index?: number;
  readonly name: string;
  readonly format: InputFormat;
  readonly expected?: BatchStatus;
  /** TPTP with `include(...)`: external provers get our expanded print, so includes resolve the way our loader does. */
  readonly hasIncludes?: boolean;
  /** Set when the problem is known bad before running (binary, empty, symlink loop, unreadable). */
  readonly preError?: { readonly status: 'InputError' | 'Skipped' | 'Error'; readonly message: string };
  /** For records: the formulas (parsed at read time) or why they are unavailable. */
  readonly record?: BatchRecord;
  /** Self-contained queries (includes expanded, records turned into their pos/neg pair): what a queue worker proves, with no file to read. */
  readonly inline?: readonly Problem[];
}

export type BatchRecord =
  | {
      readonly ok: true;
      readonly id: string;
      readonly label?: Label;
      readonly premises: readonly Formula[];
      readonly conclusion: Formula;
    }
  | {
      readonly ok: false;
      readonly id: string;
      readonly label?: Label;
      readonly status: 'InputError' | 'Skipped';
      readonly message: string;
    };

/** One prover's try at a problem. */
export interface Attempt {
  readonly prover: ProverName;
  readonly status: BatchStatus;
  readonly time_s: number;
  readonly message?: string;
}

/** A finished problem as journaled and reported. Field names follow the JSON report schema. */
export interface ProblemResult {
  readonly key: string;
  readonly path: string;
  readonly index?: number;
  readonly name: string;
  readonly format: InputFormat;
  readonly expected?: BatchStatus;
  readonly status: BatchStatus;
  /** The prover whose answer was taken (first definitive answer in a portfolio). */
  readonly prover?: ProverName;
  readonly time_s: number;
  readonly error?: string;
  /** Definitive answer (proved, disproved, or a label). */
  readonly solved: boolean;
  /** Contradicts the expected status/label. */
  readonly wrong: boolean;
  /** Compare mode: two provers gave contradicting definitive answers (attempts has them all). */
  readonly disagree?: boolean;
  readonly attempts?: readonly Attempt[];
  /** Proof artifact written for this problem (HTML when it could be exported), relative to the artifacts folder's parent (the report folder). */
  readonly proof_file?: string;
  /** The external prover's raw proof text (TSTP / Prover9), same base. */
  readonly proof_text_file?: string;
}

export interface BatchSummary {
  readonly total: number;
  readonly solved: number;
  readonly wrong: number;
  /** Problems on which provers contradicted each other (compare mode). */
  readonly disagreements: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly skipped: number;
  readonly by_status: Readonly<Record<string, number>>;
}

export interface BatchReport extends BatchSummary {
  readonly complete: boolean;
  /** Problems not finished (interrupted run). */
  readonly pending: number;
  readonly provers: readonly ProverName[];
  readonly timeout_s: number;
  readonly problems: readonly ProblemResult[];
}

/** Everything the engine needs from other modules, injectable for tests and for the server. */
export interface BatchDeps {
  /** provers/load: read a file (TPTP with includes, LADR) into a Problem. */
  loadProblem(path: string): Promise<Result<Problem, string>>;
  /** provers/logic/syntax: parse one formula of a dataset record. */
  parseFormula(text: string, dialect: 'folio' | 'nltk' | 'tptp' | 'entail'): Result<Formula, string>;
  /** provers/logic/syntax: print a problem as TPTP for the external provers. */
  printTptp(p: Problem): string;
  /**
   * Dataset reader for JSON/JSONL record files (nl/ owns the formats; the CLI injects it).
   * Returns undefined when the file is not a dataset it knows. Without it, FOLIO JSONL
   * with gold FOL is read by the built-in reader.
   */
  readRecords?(path: string, text: string): Promise<Result<readonly BatchRecord[], string> | undefined>;
  /** Lean bridge, when present: check one .lean file. */
  checkLean?(path: string, timeoutMs: number, signal: AbortSignal): Promise<{ status: BatchStatus; message?: string }>;
  /** Release what the deps started (the Lean REPL); called once at the end of a batch. */
  dispose?(): Promise<void>;
  /** Export an external prover's proof text (TSTP or Prover9) as a self-contained HTML page; undefined if it cannot be read. */
  exportTextProofHtml?(text: string, format: 'tstp' | 'prover9', title: string): string | undefined;
  /** Export an embedded proof as a self-contained HTML page (provers/graph/html.ts), when present. */
  exportProofHtml?(result: ProverResult, title: string): string;
}

export interface BatchOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  /** Portfolio in order; the first definitive answer wins. Default ['entail']. */
  readonly provers?: readonly ProverName[];
  readonly jobs?: number;
  readonly timeoutMs?: number;
  readonly memMb?: number;
  /** Journal file (append-only JSONL). */
  readonly journal?: string;
  /** Differential mode: every prover runs to the end (no first-answer cancellation); contradicting answers are flagged. */
  readonly compare?: boolean;
  /** Skip problems already finished in the journal. Without it an existing journal is truncated. */
  readonly resume?: boolean;
  /** Folder for proof artifacts (TSTP text, proof HTML); none written when absent. */
  readonly artifactsDir?: string;
  readonly external?: ExternalConfig;
  readonly signal?: AbortSignal;
  readonly deps?: BatchDeps;
  /** Module exporting `proveProblem` for the worker threads (default provers/run). For tests. */
  readonly proverModule?: string;
  /** Run only this deterministic share of the problems (cluster job arrays): 1-based `index` of `count`. */
  readonly shard?: Shard;
  /** Who solves the problems (default: local worker threads, `jobs` of them); the queue coordinator is another. */
  readonly executor?: BatchExecutor;
}

/** `--shard I/N`: problem keys are hashed into N buckets; shard I takes bucket I−1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** What an executor's caller provides: the run's settings and where results go. */
export interface ExecutorRun {
  readonly opts: BatchOptions;
  readonly deps: BatchDeps;
  readonly timeoutMs: number;
  readonly provers: readonly ProverName[];
  readonly signal: AbortSignal;
  /** A finished problem. The engine keeps the first result per key (at-least-once delivery may repeat one) and journals it. */
  readonly deliver: (r: ProblemResult) => void;
  /** Whether a key is already finished (journaled or delivered). */
  readonly isDone: (key: string) => boolean;
}

/** Solves a batch's problems (none pre-errored): locally in worker threads, or through a queue of remote workers. */
export interface BatchExecutor {
  /** A line for the start message ("2 jobs", "queue redis://…/0 as 'nightly'"), never with secrets. */
  readonly describe: string;
  /** Resolves when every problem of `todo` is delivered, or when the run's signal aborts. */
  run(todo: readonly ProblemRef[], run: ExecutorRun): Promise<void>;
}

export type BatchEvent =
  | { readonly type: 'start'; readonly total: number; readonly resumed: number; readonly journal?: string; readonly executor: string }
  | { readonly type: 'note'; readonly message: string }
  | { readonly type: 'result'; readonly result: ProblemResult; readonly done: number; readonly total: number; readonly elapsedMs: number }
  | { readonly type: 'end'; readonly report: BatchReport };

/**
 * A queue worker as its heartbeat record announces it (provers/batch/queue/heartbeat.ts): what the
 * workbench lists. The record expires when the worker stops beating, so a dead worker disappears.
 */
export interface QueueWorkerInfo {
  /** `host:pid:cN`, the worker's BullMQ name too. */
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  /** Jobs it proves at once. */
  readonly concurrency: number;
  /** Jobs it has answered since it started. */
  readonly jobs: number;
  /** ISO times: when it started, when it last beat. */
  readonly started: string;
  readonly lastSeen: string;
}
