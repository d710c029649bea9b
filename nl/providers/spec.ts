/**
 * Provider specs as the CLI spells them: `cnl`, `replay`, `replay:FILE`,
 * `openai:MODEL[@BASE_URL]`, `gguf:PATH`. Parsing is pure; building a provider may
 * read files (replay).
 */
import type { Result } from '../../provers/logic/index.js';
import { ok, err } from '../../provers/logic/index.js';

export type ProviderSpec =
  | { readonly kind: 'cnl' }
  | { readonly kind: 'gold' }
  | { readonly kind: 'replay'; readonly file?: string }
  | { readonly kind: 'openai'; readonly model: string; readonly baseUrl: string }
  | { readonly kind: 'gguf'; readonly path: string };

export const DEFAULT_OPENAI_BASE = 'https://api.openai.com/v1';

export function parseProviderSpec(spec: string): Result<ProviderSpec, string> {
  if (spec === 'cnl') return ok({ kind: 'cnl' });
  if (spec === 'gold') return ok({ kind: 'gold' });
  if (spec === 'replay') return ok({ kind: 'replay' });
  const colon = spec.indexOf(':');
  if (colon < 0) return err(`unknown provider '${spec}' (expected cnl, replay, replay:FILE, openai:MODEL[@BASE_URL] or gguf:PATH)`);
  const kind = spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  if (rest === '') return err(`provider '${kind}:' needs an argument`);
  if (kind === 'replay') return ok({ kind: 'replay', file: rest });
  if (kind === 'gguf') return ok({ kind: 'gguf', path: rest });
  if (kind === 'openai') {
    const at = rest.indexOf('@');
    const model = at < 0 ? rest : rest.slice(0, at);
    const baseUrl = at < 0 ? DEFAULT_OPENAI_BASE : rest.slice(at + 1);
    if (model === '') return err('openai: needs a model name');
    if (!/^https?:\/\//.test(baseUrl)) return err(`openai: base URL must start with http:// or https:// (got '${baseUrl}')`);
    return ok({ kind: 'openai', model, baseUrl });
  }
  return err(`unknown provider kind '${kind}'`);
}
