/**
 * The wire protocol of the Lean community REPL (github.com/leanprover-community/repl),
 * declared once: request shapes, response shapes with validation, and the framing rule.
 *
 * Field names follow REPL/JSON.lean and REPL/Main.lean of that repository:
 * - requests: `{cmd, env?, allTactics?, infotree?}`, `{path, allTactics?}`,
 *   `{tactic, proofState}`, `{pickleTo, env}`, `{pickleTo, proofState}`,
 *   `{unpickleEnvFrom}`, `{unpickleProofStateFrom, env?}`;
 * - command replies: `{env, messages?, sorries?, tactics?, infotree?}` (empty lists are omitted);
 * - tactic replies: `{proofState, goals, messages?, sorries?, traces?, proofStatus?}`;
 * - REPL-level errors: `{message}` (unknown env / proof state, a tactic that threw, an unreadable file).
 *
 * Positions: Lean lines are 1-based, columns 0-based and counted in Unicode code points.
 * Framing: the REPL reads lines up to a blank line and answers with (possibly pretty-printed,
 * multi-line) JSON followed by a blank line. A request that is not valid JSON makes the real REPL
 * throw and exit, so we only ever send `JSON.stringify` output, which is one line.
 */
import { z } from 'zod';

// ---------------------------------------------------------------- requests

export interface CommandRequest {
  readonly cmd: string;
  readonly env?: number;
  readonly allTactics?: boolean;
  readonly infotree?: 'full' | 'tactics' | 'original' | 'substantive';
}
export interface FileRequest {
  readonly path: string;
  readonly allTactics?: boolean;
}
export interface TacticRequest {
  readonly tactic: string;
  readonly proofState: number;
}
export interface PickleEnvRequest {
  readonly pickleTo: string;
  readonly env: number;
}
export interface PickleProofStateRequest {
  readonly pickleTo: string;
  readonly proofState: number;
}
export interface UnpickleEnvRequest {
  readonly unpickleEnvFrom: string;
}
export interface UnpickleProofStateRequest {
  readonly unpickleProofStateFrom: string;
  readonly env?: number;
}

export type ReplRequest =
  | CommandRequest
  | FileRequest
  | TacticRequest
  | PickleEnvRequest
  | PickleProofStateRequest
  | UnpickleEnvRequest
  | UnpickleProofStateRequest;

/** Which reply shape a request gets: an environment (command) or a proof state (tactic). */
export function replyKind(req: ReplRequest): 'command' | 'tactic' {
  if ('tactic' in req || 'unpickleProofStateFrom' in req) return 'tactic';
  if ('pickleTo' in req && 'proofState' in req) return 'tactic';
  return 'command';
}

/** The env / proof-state handles a request refers to (for per-process bookkeeping). */
export function requestHandles(req: ReplRequest): { env?: number; proofState?: number } {
  const out: { env?: number; proofState?: number } = {};
  if ('env' in req && req.env !== undefined) out.env = req.env;
  if ('proofState' in req) out.proofState = req.proofState;
  return out;
}

/** One request on the wire: single-line JSON and the blank line that ends it. */
export function encodeRequest(req: ReplRequest): string {
  return JSON.stringify(req) + '\n\n';
}

// ---------------------------------------------------------------- responses

const nat = z.number().int().nonnegative();
const posSchema = z.object({ line: nat, column: nat });
export type LeanPos = z.infer<typeof posSchema>;

const severitySchema = z.enum(['trace', 'info', 'warning', 'error']);
export type LeanSeverity = z.infer<typeof severitySchema>;

const messageSchema = z.object({
  pos: posSchema,
  endPos: posSchema.nullable().optional(),
  severity: severitySchema,
  data: z.string(),
});
export interface LeanMessage {
  readonly pos: LeanPos;
  readonly endPos: LeanPos | null;
  readonly severity: LeanSeverity;
  readonly data: string;
}

// Upstream names the goal field `goal`; some forks emit `goals` (a string). Accept both.
const sorrySchema = z.object({
  pos: posSchema.optional(),
  endPos: posSchema.optional(),
  goal: z.string().optional(),
  goals: z.string().optional(),
  proofState: nat.nullable().optional(),
});
export interface LeanSorry {
  /** Absent when Lean reported line 0 (synthetic position). */
  readonly pos?: LeanPos;
  readonly endPos?: LeanPos;
  readonly goal: string;
  /** Proof-state handle at this sorry; null for term-mode sorries without a recorded state. */
  readonly proofState: number | null;
}

const tacticInfoSchema = z.object({
  pos: posSchema,
  endPos: posSchema,
  goals: z.string(),
  tactic: z.string(),
  proofState: nat.nullable().optional(),
  usedConstants: z.array(z.string()).optional(),
});
export interface LeanTacticInfo {
  readonly pos: LeanPos;
  readonly endPos: LeanPos;
  readonly goals: string;
  readonly tactic: string;
  readonly proofState: number | null;
  readonly usedConstants?: readonly string[];
}

const commandResponseSchema = z.object({
  env: nat.optional(),
  messages: z.array(messageSchema).optional(),
  sorries: z.array(sorrySchema).optional(),
  tactics: z.array(tacticInfoSchema).optional(),
  infotree: z.unknown().optional(),
});
export interface CommandResponse {
  readonly type: 'command';
  /** Environment handle after the command (absent only in reply to some pickling requests). */
  readonly env: number | undefined;
  readonly messages: readonly LeanMessage[];
  readonly sorries: readonly LeanSorry[];
  readonly tactics: readonly LeanTacticInfo[];
  readonly infotree?: unknown;
}

const proofStepResponseSchema = z.object({
  proofState: nat,
  goals: z.array(z.string()),
  messages: z.array(messageSchema).optional(),
  sorries: z.array(sorrySchema).optional(),
  traces: z.array(z.string()).optional(),
  proofStatus: z.string().optional(),
});
export interface ProofStepResponse {
  readonly type: 'tactic';
  readonly proofState: number;
  readonly goals: readonly string[];
  readonly messages: readonly LeanMessage[];
  readonly sorries: readonly LeanSorry[];
  readonly traces: readonly string[];
  /** "Completed", "Incomplete: …", "Error: …" (newer REPL versions only). */
  readonly proofStatus?: string;
}

export interface ReplErrorResponse {
  readonly type: 'error';
  readonly message: string;
}

export type ReplResponse = CommandResponse | ProofStepResponse | ReplErrorResponse;

function normMessage(m: z.infer<typeof messageSchema>): LeanMessage {
  return { pos: m.pos, endPos: m.endPos ?? null, severity: m.severity, data: m.data };
}
function normSorry(s: z.infer<typeof sorrySchema>): LeanSorry {
  const out: { pos?: LeanPos; endPos?: LeanPos; goal: string; proofState: number | null } = {
    goal: s.goal ?? s.goals ?? '',
    proofState: s.proofState ?? null,
  };
  if (s.pos) out.pos = s.pos;
  if (s.endPos) out.endPos = s.endPos;
  return out;
}

function zodDetail(e: z.ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '<root>'}: ${i.message}`)
    .join('; ');
}

/**
 * Parse one reply frame for a request of the given kind. Invalid JSON or a shape that fits
 * neither the expected reply nor `{message}` is a protocol error (a string), not a throw.
 */
export function decodeResponse(
  frame: string,
  kind: 'command' | 'tactic',
): { ok: true; value: ReplResponse } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return { ok: false, error: `not JSON: ${excerpt(frame)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: `not a JSON object: ${excerpt(frame)}` };
  const obj = json as Record<string, unknown>;
  if (typeof obj.message === 'string' && !('env' in obj) && !('proofState' in obj))
    return { ok: true, value: { type: 'error', message: obj.message } };
  if (kind === 'command') {
    const r = commandResponseSchema.safeParse(obj);
    if (!r.success) return { ok: false, error: `bad command reply (${zodDetail(r.error)}): ${excerpt(frame)}` };
    const v = r.data;
    const out: CommandResponse = {
      type: 'command',
      env: v.env,
      messages: (v.messages ?? []).map(normMessage),
      sorries: (v.sorries ?? []).map(normSorry),
      tactics: (v.tactics ?? []).map((t) => ({ ...t, proofState: t.proofState ?? null })),
      ...(v.infotree !== undefined ? { infotree: v.infotree } : {}),
    };
    return { ok: true, value: out };
  }
  const r = proofStepResponseSchema.safeParse(obj);
  if (!r.success) return { ok: false, error: `bad tactic reply (${zodDetail(r.error)}): ${excerpt(frame)}` };
  const v = r.data;
  const out: ProofStepResponse = {
    type: 'tactic',
    proofState: v.proofState,
    goals: v.goals,
    messages: (v.messages ?? []).map(normMessage),
    sorries: (v.sorries ?? []).map(normSorry),
    traces: v.traces ?? [],
    ...(v.proofStatus !== undefined ? { proofStatus: v.proofStatus } : {}),
  };
  return { ok: true, value: out };
}

function excerpt(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? one.slice(0, 120) + '…' : one;
}

// ---------------------------------------------------------------- framing

/**
 * Splits the REPL's stdout into frames: text up to a blank (whitespace-only) line. Chunks may
 * end anywhere, including inside a line; leading blank lines are skipped. Feed it decoded text
 * (a StringDecoder keeps multi-byte characters split across chunks intact).
 */
export class FrameDecoder {
  private pending = '';
  private lines: string[] = [];

  push(chunk: string): string[] {
    this.pending += chunk;
    const frames: string[] = [];
    let start = 0;
    for (;;) {
      const nl = this.pending.indexOf('\n', start);
      if (nl < 0) break;
      const line = this.pending.slice(start, nl > start && this.pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      start = nl + 1;
      if (line.trim() === '') {
        if (this.lines.length > 0) {
          frames.push(this.lines.join('\n'));
          this.lines = [];
        }
      } else this.lines.push(line);
    }
    this.pending = this.pending.slice(start);
    return frames;
  }

  /** Whatever is buffered at end of stream (a frame cut short by a crash), or undefined. */
  flush(): string | undefined {
    if (this.pending.trim() !== '') this.lines.push(this.pending);
    this.pending = '';
    const rest = this.lines.join('\n');
    this.lines = [];
    return rest.trim() === '' ? undefined : rest;
  }

  /** Bytes of a frame still being received (so a stalled half-reply can be reported). */
  get buffered(): number {
    return this.pending.length + this.lines.reduce((n, l) => n + l.length, 0);
  }
}
