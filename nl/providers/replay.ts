/**
 * Replay of recorded LLM output, looked up by problem id: LINC's
 * `*_generations_raw.json` (ids `linc_<i>`, 10 completions each) and Logic-LM's
 * result files (`id` → `raw_logic_programs`). The recorded text goes through the
 * same extraction, parsing and proving as a live model's would.
 */
import { readFile } from 'node:fs/promises';
import type { Result } from '../../provers/logic/index.js';
import { ok, err } from '../../provers/logic/index.js';
import type { CompletionRequest, LlmProvider, ProviderError } from './types.js';
import { providerError } from './types.js';

export class ReplayProvider implements LlmProvider {
  readonly model = '';
  readonly nativeN = true;
  constructor(
    readonly id: string,
    private readonly recorded: ReadonlyMap<string, readonly string[]>,
  ) {}

  async complete(req: CompletionRequest): Promise<Result<string[], ProviderError>> {
    const id = req.problemId;
    if (id === undefined) return err(providerError('config', 'replay needs a problem id'));
    const got = this.recorded.get(id);
    if (!got || got.length === 0) return err(providerError('missing', `no recorded output for ${id}`));
    return ok(got.slice(0, req.n ?? got.length));
  }

  get size(): number {
    return this.recorded.size;
  }
}

/** Recorded output from parsed JSON: LINC (list of lists) or Logic-LM (list of {id, raw_logic_programs}). */
export function recordedFromJson(json: unknown): Result<Map<string, string[]>, string> {
  if (!Array.isArray(json)) return err('expected a JSON list');
  const out = new Map<string, string[]>();
  for (let i = 0; i < json.length; i++) {
    const x = json[i] as unknown;
    if (Array.isArray(x)) {
      if (!x.every((s) => typeof s === 'string')) return err(`item ${i}: expected strings`);
      out.set(`linc_${i}`, x as string[]);
    } else if (x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string') {
      const progs = (x as { raw_logic_programs?: unknown }).raw_logic_programs;
      if (!Array.isArray(progs)) return err(`item ${i}: no raw_logic_programs`);
      out.set((x as { id: string }).id, progs.map(String));
    } else return err(`item ${i}: neither a list of completions nor an object with an id`);
  }
  return ok(out);
}

export async function loadReplay(path: string): Promise<Result<ReplayProvider, string>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return err(`cannot read replay file ${path}: ${(e as Error).message}`);
  }
  const r = recordedFromJson(json);
  return r.ok ? ok(new ReplayProvider(`replay:${path}`, r.value)) : err(`${path}: ${r.error}`);
}
