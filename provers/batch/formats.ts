/**
 * From a file to the problems it holds: one per TPTP/LADR/Lean file, one per
 * dataset record. Bad files become problems with a `preError` (binary, empty,
 * unreadable, unknown format) so they are reported, not dropped.
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Formula } from '../logic/formula.js';
import { mkNot } from '../logic/formula.js';
import type { Problem, Statement } from '../logic/problem.js';
import type { Result } from '../logic/source.js';
import { isSzsStatus } from '../logic/szs.js';
import type { SzsStatus } from '../logic/szs.js';
import type { BatchDeps, BatchRecord, InputFormat, Label, ProblemRef } from './types.js';
import type { WalkEntry } from './walk.js';
import { readBounded } from '../load/read.js';

export function normalizeLabel(s: unknown): Label | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.trim().toLowerCase();
  if (t === 'true' || t === 'a') return 'True';
  if (t === 'false' || t === 'b') return 'False';
  if (t === 'uncertain' || t === 'unknown' || t === 'c') return 'Uncertain';
  return undefined;
}

/** `% Status : Theorem` from a TPTP header (the SZS names TPTP uses are ours). */
export function tptpExpectedStatus(text: string): SzsStatus | undefined {
  const m = /^%\s*Status\s*:\s*([A-Za-z]+)/m.exec(text.slice(0, 65536));
  return m && isSzsStatus(m[1]!) ? m[1] : undefined;
}

export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

export function formatOf(name: string, text: string): InputFormat | undefined {
  const ext = extname(name).toLowerCase();
  if (ext === '.p' || ext === '.tptp' || ext === '.ax') return 'tptp';
  if (ext === '.in') return 'ladr';
  if (ext === '.lean') return 'lean';
  if (ext === '.json' || ext === '.jsonl') return 'records';
  const t = text.trimStart();
  if (t.startsWith('[') || t.startsWith('{')) return 'records';
  if (/\b(?:fof|cnf|tff|include)\s*\(/.test(t)) return 'tptp';
  if (/\bformulas\s*\(/.test(t)) return 'ladr';
  return undefined;
}

/** Built-in reader for FOLIO JSONL with gold FOL (other datasets come through deps.readRecords). */
export function readFolioJsonl(text: string, deps: Pick<BatchDeps, 'parseFormula'>): Result<BatchRecord[], string> {
  const out: BatchRecord[] = [];
  const lines = text.split('\n');
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const id = `record ${n}`;
    n++;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      out.push({ ok: false, id, status: 'InputError', message: `line ${i + 1}: invalid JSON: ${(e as Error).message}` });
      continue;
    }
    const rid =
      typeof obj['id'] === 'string'
        ? obj['id']
        : typeof obj['example_id'] === 'number'
          ? `FOLIO_${obj['example_id']}`
          : `FOLIO_dev_${n - 1}`;
    const label = normalizeLabel(obj['label']);
    const prem = obj['premises-FOL'];
    const concl = obj['conclusion-FOL'];
    if (!Array.isArray(prem) || typeof concl !== 'string') {
      out.push({
        ok: false,
        id: rid,
        ...(label ? { label } : {}),
        status: 'Skipped',
        message: 'record has no premises-FOL/conclusion-FOL',
      });
      continue;
    }
    const premises: Formula[] = [];
    let bad: string | undefined;
    for (let k = 0; k < prem.length && !bad; k++) {
      const r = deps.parseFormula(String(prem[k]), 'folio');
      if (r.ok) premises.push(r.value);
      else bad = `premise ${k + 1}: ${r.error}`;
    }
    const c = bad ? undefined : deps.parseFormula(concl, 'folio');
    if (c && !c.ok) bad = `conclusion: ${c.error}`;
    if (bad || !c || !c.ok)
      out.push({ ok: false, id: rid, ...(label ? { label } : {}), status: 'InputError', message: bad ?? 'unparsable' });
    else out.push({ ok: true, id: rid, ...(label ? { label } : {}), premises, conclusion: c.value });
  }
  return { ok: true, value: out };
}

/** The two queries a record asks: premises ⊢ conclusion and premises ⊢ ¬conclusion. */
export function recordProblems(r: BatchRecord & { ok: true }, name: string): { pos: Problem; neg: Problem } {
  const prem: Statement[] = r.premises.map((f, i) => ({ name: `premise_${i + 1}`, role: 'axiom', language: 'fof', formula: f }));
  const mk = (suffix: string, goal: Formula): Problem => ({
    name: `${name}${suffix}`,
    dialect: 'folio',
    statements: [...prem, { name: 'goal', role: 'conjecture', language: 'fof', formula: goal }],
  });
  return { pos: mk('', r.conclusion), neg: mk('_neg', mkNot(r.conclusion)) };
}

function stem(p: string): string {
  const b = basename(p);
  const e = extname(b);
  return e ? b.slice(0, -e.length) : b;
}

/** The problems of one walked entry. Never throws: read failures become preErrors. */
export async function problemsOf(entry: WalkEntry, deps: BatchDeps): Promise<ProblemRef[]> {
  const base = { key: entry.absPath, path: entry.path, absPath: entry.absPath, name: stem(entry.path) };
  // LINC companions (Prover9's labels, gold labels) are read with their *_generations_raw.json, not as datasets.
  const companion = /_(?:generations_prc|references)\.json$/.exec(entry.absPath);
  if (entry.kind === 'file' && companion && existsSync(entry.absPath.slice(0, companion.index) + '_generations_raw.json')) return [];
  if (entry.kind === 'issue')
    return [{ ...base, format: 'tptp', preError: { status: entry.named ? 'InputError' : 'Skipped', message: entry.message } }];
  const read = await readBounded(entry.absPath);
  if (!read.ok) return [{ ...base, format: 'tptp', preError: { status: 'InputError', message: `cannot read: ${read.error.message}` } }];
  const buf = read.value;
  if (looksBinary(buf))
    return [{ ...base, format: 'tptp', preError: { status: 'InputError', message: 'binary file (contains NUL bytes), not a problem' } }];
  const text = buf.toString('utf8');
  const format = formatOf(entry.path, text);
  if (text.trim() === '') return [{ ...base, format: format ?? 'tptp', preError: { status: 'InputError', message: 'empty file' } }];
  if (!format)
    return [
      {
        ...base,
        format: 'tptp',
        preError: { status: 'InputError', message: 'unknown format (expected TPTP, LADR, dataset JSON/JSONL or Lean)' },
      },
    ];
  if (format === 'tptp') {
    const expected = tptpExpectedStatus(text);
    const hasIncludes = /^\s*include\s*\(/m.test(text);
    return [{ ...base, format, ...(expected ? { expected } : {}), ...(hasIncludes ? { hasIncludes } : {}) }];
  }
  if (format === 'ladr' || format === 'lean') return [{ ...base, format }];
  // Our own JSON reports, written beside the problems, are not inputs.
  if (text.trimStart().startsWith('{') && /"by_status"\s*:/.test(text.slice(0, 4096)) && /"problems"\s*:/.test(text)) return [];
  // Dataset records.
  let recs: Result<readonly BatchRecord[], string> | undefined;
  try {
    recs = deps.readRecords ? await deps.readRecords(entry.absPath, text) : undefined;
  } catch (e) {
    // A reader is someone else's code: a throw there is reported against the file, not the run.
    recs = { ok: false, error: `dataset reader failed: ${(e as Error).message}` };
  }
  if (recs === undefined) {
    const first = text.trimStart();
    if (first.startsWith('{') && /"premises-FOL"/.test(text.slice(0, 65536))) recs = readFolioJsonl(text, deps);
    else if (first.startsWith('[') && /"context"\s*:/.test(text.slice(0, 65536)))
      return [
        {
          ...base,
          format,
          preError: { status: 'Skipped', message: 'unsupported: ProofWriter/Logic-LM records need the controlled-English parser (nl/cnl)' },
        },
      ];
    else
      return [
        { ...base, format, preError: { status: 'InputError', message: 'JSON file is not a known dataset (FOLIO JSONL, Logic-LM, LINC)' } },
      ];
  }
  if (!recs.ok) return [{ ...base, format, preError: { status: 'InputError', message: recs.error } }];
  return recs.value.map((r, i) => ({
    key: `${entry.absPath}#${i}`,
    path: entry.path,
    absPath: entry.absPath,
    index: i,
    name: r.id,
    format,
    ...(r.label ? { expected: r.label } : {}),
    record: r,
    ...(r.ok ? {} : { preError: { status: r.status, message: r.message } }),
  }));
}
