/**
 * Every Lean bridge operation ends in one closed union (in the spirit of LeanDojo's results):
 * callers switch on `kind`; nothing here throws except on a programming error.
 */
import type { LeanMessage } from './protocol.js';

export type LeanOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** Lean rejected the input: error messages, or a REPL `{message}` reply (put in `messages` with `repl: true`). */
  | { readonly kind: 'leanError'; readonly messages: readonly LeanMessage[]; readonly repl?: boolean }
  /** The request ran past its deadline; the process was killed and will be restarted. */
  | { readonly kind: 'timeout'; readonly ms: number }
  /** The process died (exit code or signal) while serving the request; `stderr` is its tail. */
  | { readonly kind: 'crashed'; readonly code: number | null; readonly signal: string | null; readonly stderr: string }
  /** Output that is not a reply of the expected shape; the process was killed (its stream state is unknown). */
  | { readonly kind: 'protocolError'; readonly detail: string }
  | { readonly kind: 'notInstalled'; readonly reason: string }
  | { readonly kind: 'cancelled' }
  /** An env / proof-state handle from a process generation that has since been restarted. */
  | { readonly kind: 'staleHandle'; readonly detail: string };

export type LeanFailure = Exclude<LeanOutcome<never>, { kind: 'ok' }>;

export function okOutcome<T>(value: T): LeanOutcome<T> {
  return { kind: 'ok', value };
}

/** One-line description of a non-ok outcome, for CLI output and logs. */
export function describeFailure(o: LeanFailure): string {
  switch (o.kind) {
    case 'leanError':
      return `Lean error: ${o.messages.map((m) => `${m.pos.line}:${m.pos.column}: ${m.data}`).join(' | ')}`;
    case 'timeout':
      return `timed out after ${o.ms} ms (REPL process killed)`;
    case 'crashed':
      return `REPL crashed (${o.signal !== null ? `signal ${o.signal}` : `exit code ${String(o.code)}`})${o.stderr ? `: ${o.stderr.trim().split('\n').slice(-3).join(' / ')}` : ''}`;
    case 'protocolError':
      return `REPL protocol error: ${o.detail}`;
    case 'notInstalled':
      return `Lean not installed: ${o.reason}`;
    case 'cancelled':
      return 'cancelled';
    case 'staleHandle':
      return `stale handle: ${o.detail}`;
  }
}
