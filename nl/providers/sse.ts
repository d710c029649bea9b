/**
 * Server-sent events as OpenAI-compatible servers stream them: `data: {...}` lines,
 * blank-line separated, ending with `data: [DONE]`. Incremental so a stream can be
 * consumed chunk by chunk and a truncated stream is detected (no `[DONE]`).
 */
export interface SseState {
  buffer: string;
  done: boolean;
}

export function newSseState(): SseState {
  return { buffer: '', done: false };
}

/** Feed a decoded chunk; returns the complete `data:` payloads it finished (without `[DONE]`). */
export function feedSse(state: SseState, chunk: string): string[] {
  state.buffer += chunk;
  const out: string[] = [];
  for (;;) {
    const nl = state.buffer.indexOf('\n');
    if (nl < 0) break;
    let line = state.buffer.slice(0, nl);
    state.buffer = state.buffer.slice(nl + 1);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (!line.startsWith('data:')) continue; // comments (':'), event:, id:, blank separators
    const data = line.slice(5).trimStart();
    if (data === '[DONE]') {
      state.done = true;
      continue;
    }
    out.push(data);
  }
  return out;
}

/** Flush a final line that had no trailing newline. */
export function endSse(state: SseState): string[] {
  if (state.buffer.length === 0) return [];
  return feedSse(state, '\n');
}
