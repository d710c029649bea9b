/**
 * Local GGUF models through `node-llama-cpp` (an optional dependency pinned in
 * package.json; its postinstall is denied because it would try to download or
 * build llama.cpp, and the prebuilt binaries already come as registry packages).
 * It is loaded with a dynamic import, so Entail works without it and this provider
 * then reports a 'missing' error value. Sampling uses the NLTK-FOL GBNF grammar for
 * constrained decoding. Untested against a real model: none can be downloaded here.
 */
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import type { Result } from '../../provers/logic/index.js';
import { ok, err } from '../../provers/logic/index.js';
import type { CompletionRequest, LlmProvider, ProviderError } from './types.js';
import { providerError } from './types.js';

/** The slice of node-llama-cpp's v3 API we use (typed here so the module stays optional). */
interface LlamaModule {
  getLlama(o?: { build?: 'never' | 'auto'; progressLogs?: boolean }): Promise<{
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

/**
 * Check the GGUF header (magic "GGUF", then a little-endian version 1–3) before
 * handing the file to llama.cpp: node-llama-cpp 3.22 hangs on a file with a bad
 * version field instead of failing (seen here with a truncated file).
 */
export function ggufHeaderProblem(path: string): string | undefined {
  const buf = Buffer.alloc(8);
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, buf, 0, 8, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return `cannot read ${path}: ${(e as Error).message}`;
  }
  if (n < 8 || buf.toString('latin1', 0, 4) !== 'GGUF') return `${path} is not a GGUF model file (no GGUF magic number)`;
  const version = buf.readUInt32LE(4);
  if (version < 1 || version > 3) return `${path} has an unsupported GGUF version ${version}`;
  return undefined;
}

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
      const bad = ggufHeaderProblem(this.modelPath);
      if (bad !== undefined) return err(providerError('config', bad));
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
        // 'never': use the prebuilt binary; building llama.cpp at run time needs a network and a toolchain.
        const llama = await mod.getLlama({ build: 'never', progressLogs: false });
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
