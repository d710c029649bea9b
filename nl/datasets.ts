/**
 * Dataset readers, recognized by content (not by file name):
 * - FOLIO JSONL: one object per line with `premises`, `conclusion`, `label`
 *   (and `premises-FOL`/`conclusion-FOL` for --gold-fol). Ids are `FOLIO_dev_<i>`,
 *   the ids Logic-LM gives the same file's lines in order (checked in tests).
 * - Logic-LM JSON lists: `[{id, context, question, answer, options}]` (ProofWriter,
 *   FOLIO); answer letters are resolved through `options` ("A) True").
 * - LINC generations: `*_generations_raw.json` (array per problem of completions)
 *   with `*_references.json` (gold labels) beside it.
 * Everything is parsed into NlProblem; bad input is an error value.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Result } from '../provers/logic/index.js';
import { ok, err } from '../provers/logic/index.js';
import type { NlProblem, Label } from './types.js';
import { normalizeLabel } from './types.js';
import { extractLinc } from './extract.js';

export type DatasetKind = 'folio-jsonl' | 'logiclm' | 'linc';

export interface Dataset {
  readonly kind: DatasetKind;
  readonly name: string;
  readonly problems: readonly NlProblem[];
  /** LINC datasets carry their own recorded completions (problem id → completions). */
  readonly recorded?: ReadonlyMap<string, readonly string[]>;
}

/** Split a paragraph into sentences at `.`/`!`/`?` followed by space; keeps the punctuation. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** "Based on the above information, is the following statement true, false, or unknown? X." → "X." */
export function questionStatement(q: string): string {
  const i = q.indexOf('? ');
  return (i >= 0 ? q.slice(i + 2) : q).trim();
}

export function depthFromId(id: string): number | undefined {
  const m = /-D(\d+)-/.exec(id);
  return m ? Number(m[1]) : undefined;
}

function labelFromOptions(answer: string, options: readonly string[] | undefined): Label | undefined {
  const direct = normalizeLabel(answer);
  if (direct) return direct;
  for (const o of options ?? []) {
    const m = /^\s*([A-Z])\)\s*(.*)$/.exec(o);
    if (m && m[1] === answer.trim()) return normalizeLabel(m[2]!);
  }
  return undefined;
}

export function parseFolioJsonl(text: string, name = 'folio'): Result<Dataset, string> {
  const problems: NlProblem[] = [];
  const lines = text.split('\n');
  let i = 0;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!.trim();
    if (line === '') continue;
    let j: Record<string, unknown>;
    try {
      j = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      return err(`line ${ln + 1}: not JSON (${(e as Error).message})`);
    }
    const premises = j.premises;
    if (!Array.isArray(premises) || typeof j.conclusion !== 'string')
      return err(`line ${ln + 1}: expected "premises" (list) and "conclusion"`);
    const label = typeof j.label === 'string' ? normalizeLabel(j.label) : undefined;
    const pf = j['premises-FOL'];
    const cf = j['conclusion-FOL'];
    const id = typeof j.id === 'string' ? j.id : `FOLIO_dev_${i}`;
    problems.push({
      id,
      premises: premises.map(String),
      conclusion: j.conclusion,
      ...(label ? { label } : {}),
      ...(Array.isArray(pf) && typeof cf === 'string'
        ? { gold: { premises: pf.map(String), conclusion: cf, dialect: 'folio' as const } }
        : {}),
    });
    i++;
  }
  return ok({ kind: 'folio-jsonl', name, problems });
}

export function parseLogicLm(json: unknown, name = 'logiclm'): Result<Dataset, string> {
  if (!Array.isArray(json)) return err('expected a JSON list');
  const problems: NlProblem[] = [];
  for (let i = 0; i < json.length; i++) {
    const x = json[i] as Record<string, unknown>;
    if (typeof x?.context !== 'string' || typeof x.question !== 'string') return err(`item ${i}: expected "context" and "question"`);
    const id = typeof x.id === 'string' ? x.id : `item_${i}`;
    const label =
      typeof x.answer === 'string' ? labelFromOptions(x.answer, Array.isArray(x.options) ? x.options.map(String) : undefined) : undefined;
    const depth = depthFromId(id);
    problems.push({
      id,
      premises: splitSentences(x.context),
      conclusion: questionStatement(x.question),
      ...(label ? { label } : {}),
      ...(depth !== undefined ? { depth } : {}),
    });
  }
  return ok({ kind: 'logiclm', name, problems });
}

/** LINC raw generations + references. Problem NL is recovered from sample 0's TEXT lines (LINC keeps no ids). */
export function parseLinc(raw: unknown, references: unknown, name = 'linc'): Result<Dataset, string> {
  if (!Array.isArray(raw) || !raw.every((r) => Array.isArray(r) && r.every((s) => typeof s === 'string')))
    return err('generations_raw: expected a list of lists of strings');
  if (!Array.isArray(references) || references.length !== raw.length) return err(`references: expected a list of ${raw.length} labels`);
  const problems: NlProblem[] = [];
  const recorded = new Map<string, readonly string[]>();
  for (let i = 0; i < raw.length; i++) {
    const id = `linc_${i}`;
    const gens = raw[i] as string[];
    const ex = gens.length > 0 ? extractLinc(gens[0]!) : undefined;
    const texts = ex?.ok ? [...ex.value.premises, ex.value.conclusion].map((l) => l.text ?? l.fol) : [];
    const label = normalizeLabel(String(references[i]));
    problems.push({ id, premises: texts.slice(0, -1), conclusion: texts[texts.length - 1] ?? '', ...(label ? { label } : {}) });
    recorded.set(id, gens);
  }
  return ok({ kind: 'linc', name, problems, recorded });
}

export function referencesPathFor(rawPath: string): string {
  return rawPath.replace(/_generations_raw\.json$/, '_references.json');
}

/** Read any supported dataset file, recognizing it by content. */
export async function loadDataset(path: string): Promise<Result<Dataset, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return err(`cannot read ${path}: ${(e as Error).message}`);
  }
  const name = basename(path);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return parseFolioJsonl(text, name);
  if (!trimmed.startsWith('[')) return err(`${path}: not a recognized dataset (expected JSON lines or a JSON list)`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(`${path}: not JSON (${(e as Error).message})`);
  }
  if (Array.isArray(json) && json.length > 0 && Array.isArray(json[0])) {
    const refPath = referencesPathFor(path);
    if (refPath === path || !existsSync(refPath))
      return err(`${path}: looks like LINC generations but ${basename(refPath)} is not beside it`);
    let refs: unknown;
    try {
      refs = JSON.parse(await readFile(refPath, 'utf8'));
    } catch (e) {
      return err(`${refPath}: ${(e as Error).message}`);
    }
    return parseLinc(json, refs, name);
  }
  return parseLogicLm(json, name);
}
