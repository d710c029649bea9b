/**
 * Controlled English behind the same LlmProvider interface as the models: it
 * reads the last <PREMISES>/<CONCLUSION> block of a LINC-style prompt and answers
 * with one TEXT/FOL completion in NLTK syntax, deterministically and offline. A
 * sentence it does not understand comes back as an error value naming the word.
 * (The pipeline's cnlTranslator skips the print/parse round trip; this provider is
 * for hosts that only speak LlmProvider, e.g. the UI's provider picker.)
 */
import type { Formula, Result, Term } from '../../provers/logic/index.js';
import { ok, err } from '../../provers/logic/index.js';
import { printFormula } from '../../provers/logic/syntax/index.js';
import { parseCnlSentence, formatCnlError } from '../cnl/parser.js';
import type { CompletionRequest, LlmProvider, ProviderError } from './types.js';
import { providerError } from './types.js';

/** Constants capitalized (LINC's convention), so no Prover9-style u–z rule can read one as a variable. */
function capitalizeConstants(f: Formula): Formula {
  const t = (x: Term): Term =>
    x.kind === 'var'
      ? x
      : { kind: 'app', fn: x.args.length === 0 ? x.fn.charAt(0).toUpperCase() + x.fn.slice(1) : x.fn, args: x.args.map(t) };
  switch (f.kind) {
    case 'atom':
      return { ...f, args: f.args.map(t) };
    case 'eq':
      return { ...f, left: t(f.left), right: t(f.right) };
    case 'true':
    case 'false':
      return f;
    case 'not':
      return { ...f, arg: capitalizeConstants(f.arg) };
    case 'and':
    case 'or':
      return { ...f, args: f.args.map(capitalizeConstants) };
    case 'imp':
    case 'iff':
    case 'xor':
      return { ...f, left: capitalizeConstants(f.left), right: capitalizeConstants(f.right) };
    case 'forall':
    case 'exists':
      return { ...f, body: capitalizeConstants(f.body) };
  }
}

export function lastProblemBlock(prompt: string): { premises: string[]; conclusion: string } | undefined {
  const ps = [...prompt.matchAll(/<PREMISES>\n([\s\S]*?)<\/PREMISES>\n<CONCLUSION>\n([\s\S]*?)\n<\/CONCLUSION>/g)];
  const m = ps[ps.length - 1];
  if (!m) return undefined;
  return {
    premises: m[1]!
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    conclusion: m[2]!.trim(),
  };
}

export class CnlProvider implements LlmProvider {
  readonly id = 'cnl';
  readonly model = 'controlled-english';
  readonly nativeN = true;

  async complete(req: CompletionRequest): Promise<Result<string[], ProviderError>> {
    const text = req.prompt ?? (req.messages ?? []).map((m) => m.content).join('\n');
    const block = lastProblemBlock(text);
    if (!block) return err(providerError('config', 'the prompt has no <PREMISES>/<CONCLUSION> block'));
    const lines: string[] = [];
    for (const s of [...block.premises, block.conclusion]) {
      const r = parseCnlSentence(s);
      if (!r.ok) return err(providerError('malformed', formatCnlError(r.error, s)));
      lines.push(`TEXT:\t${s}\nFOL:\t${printFormula(capitalizeConstants(r.value), 'nltk')}\n`);
    }
    // Deterministic: every requested sample is the same translation.
    return ok(Array.from({ length: req.n ?? 1 }, () => lines.join('')));
  }
}
