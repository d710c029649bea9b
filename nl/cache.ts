/**
 * On-disk cache of completions keyed by (provider, model, request), so re-running
 * an evaluation never pays for the model twice. Only successful completions are
 * stored; errors are retried next time. One JSON file per key under
 * `.entail-cache/nl/` (content-addressed: concurrent writers cannot corrupt each
 * other beyond rewriting the same bytes).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../provers/logic/index.js';
import { ok } from '../provers/logic/index.js';
import type { CompletionRequest, LlmProvider, ProviderError } from './providers/types.js';

export function cacheKey(provider: LlmProvider, req: CompletionRequest): string {
  const material = JSON.stringify({
    provider: provider.id,
    model: provider.model,
    prompt: req.prompt ?? null,
    messages: req.messages ?? null,
    n: req.n ?? 1,
    temperature: req.temperature ?? null,
    stop: req.stop ?? null,
    maxTokens: req.maxTokens ?? null,
    grammar: req.grammar ?? null,
    // Replay output depends on the id, not the prompt.
    problemId: provider.id.startsWith('replay:') ? (req.problemId ?? null) : null,
  });
  return createHash('sha256').update(material).digest('hex');
}

export class CachedProvider implements LlmProvider {
  readonly id: string;
  readonly model: string;
  readonly nativeN: boolean;
  hits = 0;
  misses = 0;
  constructor(
    private readonly inner: LlmProvider,
    private readonly dir: string,
  ) {
    this.id = inner.id;
    this.model = inner.model;
    this.nativeN = inner.nativeN;
  }

  async complete(req: CompletionRequest): Promise<Result<string[], ProviderError>> {
    const key = cacheKey(this.inner, req);
    const file = join(this.dir, key.slice(0, 2), `${key}.json`);
    try {
      const v = JSON.parse(await readFile(file, 'utf8')) as { completions?: unknown };
      if (Array.isArray(v.completions) && v.completions.every((c) => typeof c === 'string')) {
        this.hits++;
        return ok(v.completions as string[]);
      }
    } catch {
      // not cached (or unreadable): ask the provider
    }
    this.misses++;
    const r = await this.inner.complete(req);
    if (r.ok) {
      try {
        await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ provider: this.inner.id, completions: r.value }));
        await rename(tmp, file);
      } catch {
        // a cache that cannot be written only costs time
      }
    }
    return r;
  }
}
