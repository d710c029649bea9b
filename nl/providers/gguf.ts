/**
 * Local GGUF models through `node-llama-cpp`, an optional dependency that is NOT
 * installed in this project (see docs/nl.md for why): it is loaded with a dynamic
 * import, so Entail works without it and this provider then reports a 'missing'
 * error value. With it installed, sampling uses the NLTK-FOL GBNF grammar for
 * constrained decoding. Untested against a real model: none can be downloaded here.
 */
import { existsSync } from 'node:fs';
import type { Result } from '../../provers/logic/index.js';
import { ok, err } from '../../provers/logic/index.js';
import type { CompletionRequest, LlmProvider, ProviderError } from './types.js';
import { providerError } from './types.js';

/** The slice of node-llama-cpp's v3 API we use (typed here so the module stays optional). */
interface LlamaModule {
  getLlama(): Promise<{
    loadModel(o: {
      modelPath: string;
    }): Promise<{ createContext(o?: { contextSize?: number }): Promise<{ getSequence(): unknown; dispose(): Promise<void> }> }>;
    createGrammar(o: { grammar: string }): Promise<unknown>;
  }>;
  LlamaCompletion: new (o: { contextSequence: unknown }) => {
    generateCompletion(
      prompt: string,
      o: { temperature?: number; maxTokens?: number; grammar?: unknown; stopGenerationTriggers?: string[][]; signal?: AbortSignal },
    ): Promise<string>;
  };
}

export type ModuleLoader = (name: string) => Promise<unknown>;

const defaultLoader: ModuleLoader = (name) => import(name);

export class GgufProvider implements LlmProvider {
  readonly id: string;
  readonly model: string;
  readonly nativeN = false;
  private session:
    | Promise<Result<{ complete: LlamaModule['LlamaCompletion']['prototype']; grammar: (g: string) => Promise<unknown> }, ProviderError>>
    | undefined;

  constructor(
    private readonly modelPath: string,
    private readonly loader: ModuleLoader = defaultLoader,
    private readonly moduleName = 'node-llama-cpp',
  ) {
    this.id = `gguf:${modelPath}`;
    this.model = modelPath;
  }

  private open(): Promise<
    Result<{ complete: LlamaModule['LlamaCompletion']['prototype']; grammar: (g: string) => Promise<unknown> }, ProviderError>
  > {
    this.session ??= (async () => {
      if (!existsSync(this.modelPath)) return err(providerError('missing', `GGUF model file not found: ${this.modelPath}`));
      let mod: LlamaModule;
      try {
        mod = (await this.loader(this.moduleName)) as LlamaModule;
      } catch (e) {
        return err(
          providerError(
            'missing',
            `the optional module ${this.moduleName} is not installed (npm install ${this.moduleName} --ignore-scripts): ${(e as Error).message.split('\n')[0]}`,
          ),
        );
      }
      if (typeof mod?.getLlama !== 'function' || typeof mod.LlamaCompletion !== 'function')
        return err(providerError('config', `${this.moduleName} does not have the expected v3 API (getLlama, LlamaCompletion)`));
      try {
        const llama = await mod.getLlama();
        const model = await llama.loadModel({ modelPath: this.modelPath });
        const context = await model.createContext();
        const complete = new mod.LlamaCompletion({ contextSequence: context.getSequence() });
        return ok({ complete, grammar: (g: string) => llama.createGrammar({ grammar: g }) });
      } catch (e) {
        return err(providerError('config', `loading ${this.modelPath} failed: ${(e as Error).message}`));
      }
    })();
    return this.session;
  }

  async complete(req: CompletionRequest): Promise<Result<string[], ProviderError>> {
    const s = await this.open();
    if (!s.ok) return s;
    const prompt = req.prompt ?? (req.messages ?? []).map((m) => m.content).join('\n\n');
    const out: string[] = [];
    try {
      const grammar = req.grammar ? await s.value.grammar(req.grammar) : undefined;
      // One sequence: samples are drawn one after another.
      for (let i = 0; i < (req.n ?? 1); i++) {
        const text = await s.value.complete.generateCompletion(prompt, {
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
          ...(req.maxTokens !== undefined ? { maxTokens: req.maxTokens } : {}),
          ...(grammar !== undefined ? { grammar } : {}),
          ...(req.stop && req.stop.length > 0 ? { stopGenerationTriggers: req.stop.map((s) => [s]) } : {}),
          ...(req.signal ? { signal: req.signal } : {}),
        });
        out.push(text);
      }
    } catch (e) {
      return err(providerError(req.signal?.aborted ? 'aborted' : 'config', `generation failed: ${(e as Error).message}`));
    }
    return ok(out);
  }
}
