/**
 * The one LLM client interface the NL pipeline talks to. Every provider (HTTP,
 * local GGUF, replay of recorded output, controlled English) implements it, so the
 * pipeline and its tests never know which one they drive.
 */
import type { Result } from '../../provers/logic/index.js';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface CompletionRequest {
  /** Plain completion prompt (completions endpoint). Chat providers wrap it as one user message. */
  readonly prompt?: string;
  readonly messages?: readonly ChatMessage[];
  /** Number of samples wanted. */
  readonly n?: number;
  readonly temperature?: number;
  readonly stop?: readonly string[];
  readonly maxTokens?: number;
  readonly signal?: AbortSignal;
  /** GBNF grammar for constrained decoding (llama.cpp server, node-llama-cpp). Ignored by others. */
  readonly grammar?: string;
  /**
   * Dataset problem id. Only replay providers use it (recorded output is looked up by id);
   * real models never see it.
   */
  readonly problemId?: string;
}

export type ProviderErrorKind = 'http' | 'timeout' | 'network' | 'malformed' | 'truncated' | 'aborted' | 'missing' | 'config';

export interface ProviderError {
  readonly kind: ProviderErrorKind;
  /** Human-readable, with any API key redacted. */
  readonly message: string;
  readonly status?: number;
  /** Attempts made (1 = no retry). */
  readonly attempts?: number;
}

export interface LlmProvider {
  /** Stable id used in cache keys and reports, e.g. `openai:gpt-4o@https://api.openai.com/v1`. */
  readonly id: string;
  /** Model name for cache keys ('' when not applicable). */
  readonly model: string;
  /** True when one call can return several samples (n > 1); otherwise the pipeline calls n times. */
  readonly nativeN: boolean;
  complete(req: CompletionRequest): Promise<Result<string[], ProviderError>>;
}

export function providerError(kind: ProviderErrorKind, message: string, extra: { status?: number; attempts?: number } = {}): ProviderError {
  return { kind, message, ...extra };
}

export function formatProviderError(e: ProviderError): string {
  return `${e.kind}${e.status !== undefined ? ` ${e.status}` : ''}: ${e.message}${e.attempts !== undefined && e.attempts > 1 ? ` (after ${e.attempts} attempts)` : ''}`;
}
