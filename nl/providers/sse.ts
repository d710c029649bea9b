/**
 * Server-sent events as OpenAI-compatible servers stream them, parsed by
 * `eventsource-parser` (the WHATWG algorithm: several `data:` lines of one event are
 * joined with newlines, `event:` names the event, comments and `id:`/`retry:` are
 * handled). The stream ends with `data: [DONE]`; a stream without it is truncated.
 * Incremental so a stream is consumed chunk by chunk.
 */
import { createParser } from 'eventsource-parser';
import type { EventSourceParser } from 'eventsource-parser';

/** Bounds what one unterminated event may buffer, so a hostile server cannot grow memory without limit. */
export const MAX_SSE_BUFFER = 8 * 1024 * 1024;

export interface SseState {
  /** True once `data: [DONE]` arrived. */
  done: boolean;
  /** Set when the stream broke a parser limit; the stream is then unusable. */
  failure?: string;
  readonly parser: EventSourceParser;
  readonly pending: string[];
}

export function newSseState(): SseState {
  const pending: string[] = [];
  const state: SseState = {
    done: false,
    pending,
    parser: createParser({
      maxBufferSize: MAX_SSE_BUFFER,
      onEvent: (ev) => {
        const type = ev.event ?? 'message';
        if (type === 'message') {
          if (ev.data === '[DONE]') state.done = true;
          else pending.push(ev.data);
        } else if (type === 'error') {
          // An error event is the server's report: hand it on in the shape the completion reader checks.
          pending.push(isJsonObject(ev.data) ? ev.data : JSON.stringify({ error: { message: ev.data } }));
        }
        // Other named events (pings, progress) carry no completion text.
      },
      onError: (e) => {
        state.failure ??= e.message;
      },
    }),
  };
  return state;
}

function isJsonObject(s: string): boolean {
  try {
    const j: unknown = JSON.parse(s);
    return typeof j === 'object' && j !== null && 'error' in j;
  } catch {
    return false;
  }
}

/** Feed a decoded chunk; returns the data of the events it completed (without `[DONE]`). */
export function feedSse(state: SseState, chunk: string): string[] {
  if (state.failure === undefined) state.parser.feed(chunk);
  return state.pending.splice(0);
}

/** End of stream: a last event not followed by a blank line still counts (servers often omit it). */
export function endSse(state: SseState): string[] {
  if (state.failure === undefined) state.parser.feed('\n\n');
  return state.pending.splice(0);
}
