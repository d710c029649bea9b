/**
 * OpenAI-compatible HTTP client (OpenAI, vLLM, llama.cpp server, Ollama's /v1) on
 * Node's fetch. Chat and completions endpoints, n samples, stop sequences,
 * streaming (SSE), per-request timeouts, retries with exponential backoff + jitter
 * on 429/5xx (honouring Retry-After) and a per-instance concurrency limit.
 *
 * The API key is sent only in the Authorization header and scrubbed from every
 * error message: servers sometimes echo request headers back in error bodies.
 */
import type { Result } from '../../provers/logic/index.js';
import { ok, err } from '../../provers/logic/index.js';
import type { CompletionRequest, LlmProvider, ProviderError } from './types.js';
import { providerError } from './types.js';
import { Limiter, sleep } from './limit.js';
import { newSseState, feedSse, endSse } from './sse.js';

export interface OpenAiOptions {
  /** e.g. https://api.openai.com/v1, http://127.0.0.1:8080/v1 (llama.cpp), http://127.0.0.1:11434/v1 (Ollama). */
  readonly baseUrl: string;
  readonly model: string;
  /** Falls back to env OPENAI_API_KEY when undefined; servers without auth accept none. */
  readonly apiKey?: string;
  readonly endpoint?: 'chat' | 'completions';
  readonly stream?: boolean;
  /** Per attempt, ms. */
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** First backoff delay, ms (doubles per attempt, plus up to 50 % jitter). */
  readonly retryBaseMs?: number;
  /** Upper bound for any single wait, including a server's Retry-After. */
  readonly retryMaxMs?: number;
  readonly concurrency?: number;
  /** Send `grammar` in the body (llama.cpp server understands it; OpenAI rejects unknown fields). */
  readonly sendGrammar?: boolean;
  /** Whether the server honours `n` (llama.cpp server does not); otherwise the pipeline calls n times. */
  readonly nativeN?: boolean;
  /** Injected for tests; defaults to global fetch. */
  readonly fetch?: typeof fetch;
  /** Injected random source for jitter (tests). */
  readonly random?: () => number;
}

export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[REDACTED]');
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(parseFloat(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export function backoffMs(attempt: number, base: number, max: number, random: () => number): number {
  const exp = base * 2 ** attempt;
  return Math.min(max, exp + exp * 0.5 * random());
}

interface AttemptFailure {
  readonly error: ProviderError;
  readonly retry: boolean;
  readonly retryAfterMs?: number;
}

type ChoiceJson = {
  index?: number;
  text?: string;
  message?: { content?: string | null };
  delta?: { content?: string | null };
  finish_reason?: string | null;
};

export class OpenAiProvider implements LlmProvider {
  readonly id: string;
  readonly model: string;
  readonly nativeN: boolean;
  private readonly limiter: Limiter;
  private readonly apiKey: string | undefined;

  constructor(private readonly opts: OpenAiOptions) {
    this.model = opts.model;
    this.id = `openai:${opts.model}@${opts.baseUrl}`;
    this.nativeN = opts.nativeN ?? true;
    this.limiter = new Limiter(Math.max(1, opts.concurrency ?? 4));
    this.apiKey = opts.apiKey ?? process.env.OPENAI_API_KEY;
  }

  complete(req: CompletionRequest): Promise<Result<string[], ProviderError>> {
    return this.limiter.run(() => this.completeWithRetries(req));
  }

  private async completeWithRetries(req: CompletionRequest): Promise<Result<string[], ProviderError>> {
    const maxRetries = this.opts.maxRetries ?? 3;
    const random = this.opts.random ?? Math.random;
    for (let attempt = 0; ; attempt++) {
      const r = await this.attempt(req);
      if (r.ok) return r;
      const f = r.error;
      const attempts = attempt + 1;
      if (!f.retry || attempt >= maxRetries || req.signal?.aborted) return err({ ...f.error, attempts });
      const wait = Math.min(
        this.opts.retryMaxMs ?? 30_000,
        f.retryAfterMs ?? backoffMs(attempt, this.opts.retryBaseMs ?? 500, this.opts.retryMaxMs ?? 30_000, random),
      );
      if (!(await sleep(wait, req.signal))) return err(providerError('aborted', 'aborted while waiting to retry', { attempts }));
    }
  }

  private body(req: CompletionRequest, stream: boolean): Record<string, unknown> {
    const chat = (this.opts.endpoint ?? 'chat') === 'chat';
    const b: Record<string, unknown> = { model: this.opts.model };
    if (chat) b.messages = req.messages ?? [{ role: 'user', content: req.prompt ?? '' }];
    else b.prompt = req.prompt ?? (req.messages ?? []).map((m) => m.content).join('\n\n');
    if (req.n !== undefined && req.n !== 1) b.n = req.n;
    if (req.temperature !== undefined) b.temperature = req.temperature;
    if (req.stop && req.stop.length > 0) b.stop = req.stop;
    if (req.maxTokens !== undefined) b.max_tokens = req.maxTokens;
    if (stream) b.stream = true;
    if (req.grammar && this.opts.sendGrammar) b.grammar = req.grammar;
    return b;
  }

  private async attempt(req: CompletionRequest): Promise<Result<string[], AttemptFailure>> {
    const stream = this.opts.stream ?? false;
    const chat = (this.opts.endpoint ?? 'chat') === 'chat';
    const url = `${this.opts.baseUrl.replace(/\/+$/, '')}/${chat ? 'chat/completions' : 'completions'}`;
    const timeoutMs = this.opts.timeoutMs ?? 120_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    const fail = (e: ProviderError, retry = false, retryAfterMs?: number): { ok: false; error: AttemptFailure } =>
      err({ error: { ...e, message: redact(e.message, this.apiKey) }, retry, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    const classify = (e: unknown): { ok: false; error: AttemptFailure } => {
      if (req.signal?.aborted) return fail(providerError('aborted', 'request aborted'));
      if (timeout.aborted) return fail(providerError('timeout', `no complete response within ${timeoutMs} ms`));
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      return fail(providerError('network', `${(e as Error).message}${cause ? ` (${cause})` : ''}`), true);
    };
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(url, { method: 'POST', headers, body: JSON.stringify(this.body(req, stream)), signal });
    } catch (e) {
      return classify(e);
    }
    if (!res.ok) {
      let text = '';
      try {
        text = (await res.text()).slice(0, 500);
      } catch {
        // the body is only for the message
      }
      const retry = res.status === 429 || res.status >= 500;
      return fail(
        providerError('http', `HTTP ${res.status} from ${url}${text ? `: ${text}` : ''}`, { status: res.status }),
        retry,
        retry ? parseRetryAfter(res.headers.get('retry-after')) : undefined,
      );
    }
    try {
      if (stream) return await this.readStream(res, fail);
      const text = await res.text();
      let json: { choices?: ChoiceJson[] };
      try {
        json = JSON.parse(text) as { choices?: ChoiceJson[] };
      } catch {
        return fail(providerError('malformed', `response is not JSON: ${JSON.stringify(text.slice(0, 120))}`));
      }
      if (!json || !Array.isArray(json.choices) || json.choices.length === 0)
        return fail(providerError('malformed', 'response has no choices'));
      const out: string[] = [];
      for (const c of json.choices) {
        const t = chat ? c.message?.content : c.text;
        if (typeof t !== 'string') return fail(providerError('malformed', 'a choice has no text'));
        out[c.index ?? out.length] = t;
      }
      return ok(out.filter((x) => x !== undefined));
    } catch (e) {
      return classify(e);
    }
  }

  private async readStream(
    res: Response,
    fail: (e: ProviderError) => { ok: false; error: AttemptFailure },
  ): Promise<Result<string[], AttemptFailure>> {
    if (!res.body) return fail(providerError('malformed', 'streaming response has no body'));
    const state = newSseState();
    const parts: string[][] = [];
    const finished = new Set<number>();
    const decoder = new TextDecoder();
    const handle = (payloads: string[]): ProviderError | undefined => {
      for (const p of payloads) {
        let j: { choices?: ChoiceJson[]; error?: { message?: string } };
        try {
          j = JSON.parse(p) as typeof j;
        } catch {
          return providerError('malformed', `stream event is not JSON: ${JSON.stringify(p.slice(0, 120))}`);
        }
        if (j.error) return providerError('http', `server error in stream: ${j.error.message ?? 'unknown'}`);
        for (const c of j.choices ?? []) {
          const i = c.index ?? 0;
          const piece = c.delta?.content ?? c.text ?? '';
          (parts[i] ??= []).push(piece ?? '');
          if (c.finish_reason) finished.add(i);
        }
      }
      return undefined;
    };
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const e = handle(feedSse(state, decoder.decode(chunk, { stream: true })));
        if (e) return fail(e);
      }
    } catch (e) {
      // The connection dropped mid-stream: what arrived is incomplete, so it is not used.
      return fail(providerError('truncated', `stream broke off: ${(e as Error).message}`));
    }
    const e = handle(endSse(state));
    if (e) return fail(e);
    if (!state.done) return fail(providerError('truncated', `stream ended without [DONE] after ${parts.length} choice(s)`));
    if (parts.length === 0) return fail(providerError('malformed', 'stream carried no choices'));
    return ok(Array.from(parts, (p) => (p ?? []).join('')));
  }
}
