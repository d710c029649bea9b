/**
 * Pull FOL lines out of model completions. Two recorded formats:
 * - LINC: `TEXT:\t<sentence>\nFOL:\t<NLTK formula>` pairs; every line containing
 *   `FOL:` is a formula, the last one is the conclusion (eval/base.py postprocess).
 * - Logic-LM: `Predicates:` / `Premises:` / `Conclusion:` sections of
 *   `formula ::: sentence` lines, unicode FOL (our 'folio' dialect).
 * Failures are values ("no FOL line"), never throws.
 */
import type { Dialect, Result } from '../provers/logic/index.js';
import { ok, err } from '../provers/logic/index.js';
import type { FolLine } from './types.js';

export type CompletionFormat = 'linc' | 'logiclm';

export interface Extracted {
  readonly premises: FolLine[];
  readonly conclusion: FolLine;
  readonly dialect: Dialect;
}

export function extractLinc(completion: string): Result<Extracted, string> {
  const lines = completion.split('\n');
  const out: FolLine[] = [];
  let lastText: string | undefined;
  for (const line of lines) {
    if (line.includes('TEXT:')) lastText = line.replace('TEXT:', '').trim();
    // LINC: `line.replace("FOL:", "").strip()` for every line containing the flag.
    if (line.includes('FOL:')) {
      const fol = line.split('FOL:').join('').trim();
      out.push(lastText !== undefined ? { text: lastText, fol } : { fol });
      lastText = undefined;
    }
  }
  if (out.length === 0) return err('no FOL: line in the completion');
  return ok({ premises: out.slice(0, -1), conclusion: out[out.length - 1]!, dialect: 'nltk' });
}

export function extractLogicLm(completion: string): Result<Extracted, string> {
  let section = '';
  const premises: FolLine[] = [];
  const conclusions: FolLine[] = [];
  for (const raw of completion.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const head = /^(Predicates|Premises|Conclusion)\s*:\s*$/.exec(line);
    if (head) {
      section = head[1]!;
      continue;
    }
    if (section !== 'Premises' && section !== 'Conclusion') continue;
    const sep = line.indexOf(':::');
    const fol = (sep >= 0 ? line.slice(0, sep) : line).trim();
    const text = sep >= 0 ? line.slice(sep + 3).trim() : undefined;
    const fl: FolLine = text !== undefined ? { text, fol } : { fol };
    (section === 'Premises' ? premises : conclusions).push(fl);
  }
  if (conclusions.length === 0) return err('no Conclusion: section with a formula');
  if (conclusions.length > 1) return err(`the Conclusion: section has ${conclusions.length} formulas, expected one`);
  return ok({ premises, conclusion: conclusions[0]!, dialect: 'folio' });
}

export function extract(format: CompletionFormat, completion: string): Result<Extracted, string> {
  return format === 'linc' ? extractLinc(completion) : extractLogicLm(completion);
}

/** Which format a recorded completion is in. */
export function detectFormat(completion: string): CompletionFormat {
  return /^\s*(Premises|Predicates)\s*:/m.test(completion) && completion.includes(':::') ? 'logiclm' : 'linc';
}

const DIGITS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

/**
 * LINC's `reformat_fol` (eval/tasks/utils.py), reproduced so a replay sees the
 * same strings Prover9 saw: inside every innermost parenthesized group, split on
 * commas, each argument has digits spelled out, `.`→Dot, `’`/`'` dropped,
 * `-` and spaces → `_`; then every occurrence of the old argument text in the
 * whole formula is replaced. (Python iterates a set there, so with overlapping
 * arguments its order is arbitrary; we use first occurrence.) It can mangle
 * formulas, e.g. `(-A | B)` becomes `(_A_|_B)`: that is what LINC's prover got.
 */
export function lincReformat(fol: string): string {
  const args: string[] = [];
  const seen = new Set<string>();
  for (const m of fol.matchAll(/\([^()]+\)/g)) {
    for (const a of m[0].slice(1, -1).split(',')) {
      const v = a.trim();
      if (!seen.has(v)) {
        seen.add(v);
        args.push(v);
      }
    }
  }
  let out = fol;
  for (const v of args) {
    let w = v;
    for (let d = 0; d <= 9; d++) w = w.split(String(d)).join(DIGITS[d]!);
    w = w.split('.').join('Dot').split('’').join('').split('-').join('_').split("'").join('').split(' ').join('_');
    // Python's str.replace('', x) would insert x everywhere; an empty group cannot occur (regex needs 1+ chars) but stay safe.
    if (v.length > 0) out = out.split(v).join(w);
  }
  return out;
}
