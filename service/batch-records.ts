/**
 * The dataset record reader for batch runs, shared by `entail verify` and the workbench's batch
 * panel so both read a dataset folder the same way. nl/ owns the formats; this turns each record
 * into premises ⊢ conclusion for provers/batch.
 */
import { readFileSync } from 'node:fs';
import type { BatchDeps, BatchRecord, Label } from '../provers/batch/index.js';
import type { Dialect, Formula, Result } from '../provers/logic/index.js';
import { parseFormula } from '../provers/logic/syntax/index.js';
import { loadDataset } from '../nl/datasets.js';
import { extractLinc } from '../nl/extract.js';
import { formatCnlError, parseCnlSentence } from '../nl/cnl/parser.js';

function parseAll(fols: readonly string[], dialect: Dialect): { ok: true; value: Formula[] } | { ok: false; error: string } {
  const out: Formula[] = [];
  for (let i = 0; i < fols.length; i++) {
    const r = parseFormula(fols[i]!, dialect);
    if (!r.ok)
      return {
        ok: false,
        error: `${i === fols.length - 1 ? 'conclusion' : `premise ${i + 1}`}: ${r.error.message} at ${r.error.line}:${r.error.col}`,
      };
    out.push(r.value);
  }
  return { ok: true, value: out };
}

function toRecord(id: string, label: Label | undefined, fs: ReturnType<typeof parseAll>): BatchRecord {
  const l = label ? { label } : {};
  if (!fs.ok) return { ok: false, id, ...l, status: 'InputError', message: fs.error };
  return { ok: true, id, ...l, premises: fs.value.slice(0, -1), conclusion: fs.value[fs.value.length - 1]! };
}

/** Prover9's recorded label per LINC sample (`*_generations_prc.json` beside the raw file), if present. */
function lincPrc(path: string): readonly (readonly string[])[] | undefined {
  try {
    const j = JSON.parse(readFileSync(path.replace(/_generations_raw\.json$/, '_generations_prc.json'), 'utf8')) as unknown;
    return Array.isArray(j) ? (j as string[][]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Dataset records through nl/'s readers:
 * - FOLIO JSONL: the gold FOL (premises ⊢ conclusion) against the label.
 * - Logic-LM lists (ProofWriter): context and question through the controlled-English parser (nl/cnl).
 * - LINC generations: every recorded sample's FOL (NLTK syntax) is one record; its expected answer is
 *   the label Prover9 gave that same sample (from `*_generations_prc.json`), so a mismatch is a real
 *   disagreement between provers on identical formulas, not an LLM translation error.
 */
export async function readRecords(path: string): Promise<Result<readonly BatchRecord[], string> | undefined> {
  const ds = await loadDataset(path);
  if (!ds.ok) return ds;
  const v = ds.value;
  const out: BatchRecord[] = [];
  if (v.kind === 'folio-jsonl') {
    for (const p of v.problems) {
      if (!p.gold)
        out.push({
          ok: false,
          id: p.id,
          ...(p.label ? { label: p.label } : {}),
          status: 'Skipped',
          message: 'no gold FOL (translate with `entail eval`)',
        });
      else out.push(toRecord(p.id, p.label, parseAll([...p.gold.premises, p.gold.conclusion], p.gold.dialect)));
    }
  } else if (v.kind === 'logiclm') {
    for (const p of v.problems) {
      const fs: Formula[] = [];
      let bad: string | undefined;
      for (const s of [...p.premises, p.conclusion]) {
        const r = parseCnlSentence(s);
        if (r.ok) fs.push(r.value);
        else {
          bad = `controlled English: ${formatCnlError(r.error, s)}`;
          break;
        }
      }
      out.push(toRecord(p.id, p.label, bad ? { ok: false, error: bad } : { ok: true, value: fs }));
    }
  } else {
    const prc = lincPrc(path);
    for (const p of v.problems) {
      const gens = v.recorded?.get(p.id) ?? [];
      const pi = Number(p.id.replace(/^linc_/, ''));
      gens.forEach((g, k) => {
        const id = `${p.id}/${k}`;
        const lab = prc?.[pi]?.[k];
        const label = lab === 'True' || lab === 'False' || lab === 'Uncertain' ? lab : undefined;
        const ex = extractLinc(g);
        if (!ex.ok) out.push({ ok: false, id, ...(label ? { label } : {}), status: 'InputError', message: ex.error });
        else
          out.push(
            toRecord(
              id,
              label,
              parseAll(
                [...ex.value.premises, ex.value.conclusion].map((l) => l.fol),
                'nltk',
              ),
            ),
          );
      });
    }
  }
  return { ok: true, value: out };
}

/** The engine's default dependencies with this reader: what every batch run of the CLI and the service uses. */
export async function batchDeps(defaults: () => Promise<BatchDeps>): Promise<BatchDeps> {
  return { ...(await defaults()), readRecords };
}
