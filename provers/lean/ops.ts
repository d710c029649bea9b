/**
 * What the workbench does with Lean: check code, list sorries with their goals, run tactics on
 * proof states and replay tactic scripts, plus the mapping of Lean messages to Monaco markers.
 * All results are `LeanOutcome` values.
 */
import { resolve } from 'node:path';
import type { LeanOutcome } from './outcome.js';
import type { EnvHandle, HandleHome, LeanReplPool, ProofStateHandle } from './pool.js';
import type { LeanMessage, LeanPos, LeanSorry, LeanTacticInfo, ReplResponse } from './protocol.js';

export interface OpOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface SorryGoal {
  readonly pos?: LeanPos;
  readonly endPos?: LeanPos;
  readonly goal: string;
  /** Where to run tactics on this goal; null for a sorry Lean recorded no proof state for. */
  readonly proofState: ProofStateHandle | null;
}

export interface CheckResult {
  readonly messages: readonly LeanMessage[];
  readonly sorries: readonly SorryGoal[];
  readonly tactics: readonly LeanTacticInfo[];
  /** Environment after the code, for follow-up commands (same worker only). */
  readonly env: EnvHandle | null;
  readonly errors: number;
  readonly warnings: number;
}

export interface TacticStep {
  readonly proofState: ProofStateHandle;
  readonly goals: readonly string[];
  /** "Completed" / "Incomplete: …" / "Error: …" when the REPL reports it. */
  readonly proofStatus?: string;
  readonly messages: readonly LeanMessage[];
  readonly sorries: readonly SorryGoal[];
  /** No goals left (and, when the REPL reports it, the kernel accepted the proof). */
  readonly solved: boolean;
}

export interface ReplayStep {
  readonly tactic: string;
  readonly goals: readonly string[];
  readonly proofStatus?: string;
}

export interface ReplayResult {
  readonly initialGoal: string;
  readonly steps: readonly ReplayStep[];
  /** The first tactic Lean rejected, with its messages; the replay stops there. */
  readonly failed?: { readonly index: number; readonly tactic: string; readonly messages: readonly LeanMessage[] };
  readonly completed: boolean;
}

function passFailure<T>(o: LeanOutcome<unknown>): LeanOutcome<T> {
  if (o.kind === 'ok') throw new Error('bug: passFailure on ok');
  return o;
}

function sorryGoals(sorries: readonly LeanSorry[], home: HandleHome): SorryGoal[] {
  return sorries.map((s) => ({
    ...(s.pos ? { pos: s.pos } : {}),
    ...(s.endPos ? { endPos: s.endPos } : {}),
    goal: s.goal,
    proofState: s.proofState === null ? null : { ...home, proofState: s.proofState },
  }));
}

function toCheckResult(v: ReplResponse, home: HandleHome): LeanOutcome<CheckResult> {
  if (v.type !== 'command') return { kind: 'protocolError', detail: `expected a command reply, got a ${v.type} reply` };
  return {
    kind: 'ok',
    value: {
      messages: v.messages,
      sorries: sorryGoals(v.sorries, home),
      tactics: v.tactics,
      env: v.env === undefined ? null : { ...home, env: v.env },
      errors: v.messages.filter((m) => m.severity === 'error').length,
      warnings: v.messages.filter((m) => m.severity === 'warning').length,
    },
  };
}

/** Elaborate a snippet (on top of the pool's header, if any). Lean errors in the code are data in an `ok` result. */
export async function checkSnippet(
  pool: LeanReplPool,
  code: string,
  opts: OpOptions & { env?: EnvHandle; allTactics?: boolean } = {},
): Promise<LeanOutcome<CheckResult>> {
  const r = await pool.request(
    { cmd: code, ...(opts.env ? { env: opts.env.env } : {}), ...(opts.allTactics ? { allTactics: true } : {}) },
    { ...pick(opts), ...(opts.env ? { home: opts.env } : {}) },
  );
  return r.outcome.kind === 'ok' ? toCheckResult(r.outcome.value, r.home) : passFailure(r.outcome);
}

/** Elaborate a whole file in a fresh environment (its own imports; the header is not used). */
export async function checkFile(
  pool: LeanReplPool,
  path: string,
  opts: OpOptions & { allTactics?: boolean } = {},
): Promise<LeanOutcome<CheckResult>> {
  const r = await pool.request({ path: resolve(path), ...(opts.allTactics ? { allTactics: true } : {}) }, pick(opts));
  return r.outcome.kind === 'ok' ? toCheckResult(r.outcome.value, r.home) : passFailure(r.outcome);
}

/** The sorries of a snippet with their goals and proof-state handles. */
export async function listSorries(
  pool: LeanReplPool,
  code: string,
  opts: OpOptions = {},
): Promise<LeanOutcome<{ sorries: readonly SorryGoal[]; messages: readonly LeanMessage[] }>> {
  const r = await checkSnippet(pool, code, opts);
  if (r.kind !== 'ok') return r;
  if (r.value.errors > 0) return { kind: 'leanError', messages: r.value.messages.filter((m) => m.severity === 'error') };
  return { kind: 'ok', value: { sorries: r.value.sorries, messages: r.value.messages } };
}

/** Run one tactic on a proof state (on the worker that owns it). A failing tactic is `leanError`. */
export async function runTactic(
  pool: LeanReplPool,
  state: ProofStateHandle,
  tactic: string,
  opts: OpOptions = {},
): Promise<LeanOutcome<TacticStep>> {
  const r = await pool.request({ tactic, proofState: state.proofState }, { ...pick(opts), home: state });
  if (r.outcome.kind !== 'ok') return passFailure(r.outcome);
  const v = r.outcome.value;
  if (v.type !== 'tactic') return { kind: 'protocolError', detail: `expected a tactic reply, got a ${v.type} reply` };
  const errors = v.messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) return { kind: 'leanError', messages: errors };
  const solved = v.goals.length === 0 && (v.proofStatus === undefined || v.proofStatus === 'Completed');
  return {
    kind: 'ok',
    value: {
      proofState: { ...r.home, proofState: v.proofState },
      goals: v.goals,
      ...(v.proofStatus !== undefined ? { proofStatus: v.proofStatus } : {}),
      messages: v.messages,
      sorries: sorryGoals(v.sorries, r.home),
      solved,
    },
  };
}

/** `theorem t … : T` → `theorem t … : T := by\n  sorry` (kept as is when it already ends in a sorry proof). */
export function sorryProof(statement: string): string {
  const s = statement.trimEnd();
  if (/:=\s*(by\s+)?sorry$/.test(s)) return s;
  return `${s.replace(/:=\s*(by)?$/, '').trimEnd()} := by\n  sorry`;
}

/**
 * Step through a tactic script: elaborate the statement with a `sorry` proof, then run each
 * tactic on the resulting proof state, recording the goals after every step. Stops at the first
 * tactic Lean rejects (reported in `failed`); process failures end the replay as that outcome.
 */
export async function replayTactics(
  pool: LeanReplPool,
  statement: string,
  tactics: readonly string[],
  opts: OpOptions = {},
): Promise<LeanOutcome<ReplayResult>> {
  const first = await listSorries(pool, sorryProof(statement), opts);
  if (first.kind !== 'ok') return first;
  const start = first.value.sorries.find((s) => s.proofState !== null);
  if (!start || first.value.sorries.length !== 1) {
    return {
      kind: 'leanError',
      messages: [
        {
          pos: { line: 1, column: 0 },
          endPos: null,
          severity: 'error',
          data: `expected exactly one sorry with a proof state in the statement, found ${first.value.sorries.length}`,
        },
      ],
      repl: true,
    };
  }
  let state = start.proofState!;
  const steps: ReplayStep[] = [];
  let completed = false;
  for (let i = 0; i < tactics.length; i++) {
    const tactic = tactics[i]!;
    const r = await runTactic(pool, state, tactic, opts);
    if (r.kind === 'leanError')
      return {
        kind: 'ok',
        value: { initialGoal: start.goal, steps, failed: { index: i, tactic, messages: r.messages }, completed: false },
      };
    if (r.kind !== 'ok') return r;
    steps.push({ tactic, goals: r.value.goals, ...(r.value.proofStatus !== undefined ? { proofStatus: r.value.proofStatus } : {}) });
    state = r.value.proofState;
    completed = r.value.solved;
  }
  return { kind: 'ok', value: { initialGoal: start.goal, steps, completed } };
}

function pick(o: OpOptions): OpOptions {
  return { ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}), ...(o.signal !== undefined ? { signal: o.signal } : {}) };
}

// ---------------------------------------------------------------- Monaco markers

/** Monaco's MarkerSeverity values (Hint 1, Info 2, Warning 4, Error 8); a plain copy so the engine does not import Monaco. */
export const MarkerSeverity = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

export interface MonacoMarker {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly severity: 1 | 2 | 4 | 8;
  readonly message: string;
  readonly source: 'lean';
}

/**
 * Lean positions (1-based line, 0-based column in code points) → Monaco (1-based line, 1-based
 * column in UTF-16 units). With the source text, columns after astral characters are exact;
 * without it, code points are taken as UTF-16 units. A missing end covers one character.
 * REPL-level errors (line 0) are placed at the start of the text.
 */
export function toMonacoMarkers(messages: readonly LeanMessage[], source?: string): MonacoMarker[] {
  const lines = source?.split(/\r\n|\n|\r/);
  const col = (p: LeanPos): number => {
    const text = lines?.[p.line - 1];
    if (text === undefined) return p.column + 1;
    let units = 0;
    let cps = 0;
    for (const ch of text) {
      if (cps >= p.column) break;
      units += ch.length;
      cps++;
    }
    return units + 1 + Math.max(0, p.column - cps);
  };
  return messages.map((m) => {
    const start = m.pos.line >= 1 ? m.pos : { line: 1, column: 0 };
    const end = m.endPos && m.endPos.line >= 1 ? m.endPos : undefined;
    const startColumn = col(start);
    let endLineNumber = start.line;
    let endColumn = startColumn + 1;
    if (end) {
      endLineNumber = end.line;
      endColumn = col(end);
      if (endLineNumber === start.line && endColumn <= startColumn) endColumn = startColumn + 1;
    }
    const severity =
      m.severity === 'error'
        ? MarkerSeverity.Error
        : m.severity === 'warning'
          ? MarkerSeverity.Warning
          : m.severity === 'info'
            ? MarkerSeverity.Info
            : MarkerSeverity.Hint;
    return { startLineNumber: start.line, startColumn, endLineNumber, endColumn, severity, message: m.data, source: 'lean' };
  });
}
