/**
 * `entail parse`: parse problem files (or every problem file under folders) and
 * report each error as `file:line:col: message` with a caret excerpt. Dataset
 * files (FOLIO JSONL, ProofWriter / Logic-LM JSON, LINC generations) are read with
 * the readers `entail eval` uses, and their formulas are parsed record by record.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { EXIT_INPUT, EXIT_OK } from '../io.js';
import type { CliIo } from '../io.js';
import { defineCommand } from '../args.js';
import { DIALECT_OPTION, INCLUDE_ANYWHERE_OPTION, JSON_OPTION } from '../common.js';
import { loadInput } from '../input.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { formatParseError } from '../../provers/logic/source.js';
import { dialectOfExtension, parseFormula } from '../../provers/logic/syntax/index.js';
import { loadDataset } from '../../nl/datasets.js';
import type { Dataset } from '../../nl/datasets.js';
import { extractLinc } from '../../nl/extract.js';
import type { CliJson } from '../json-output.js';

/** One reported error; `record` and `formula` locate it inside a dataset file. */
interface Reported {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly excerpt: string;
  readonly record?: string;
  readonly formula?: string;
}

/** Problem files under a folder, sorted; hidden folders and node_modules are skipped. */
async function walk(dir: string, out: string[]): Promise<void> {
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    const st = await stat(p);
    if (st.isDirectory()) await walk(p, out);
    else if (dialectOfExtension(name) !== undefined) out.push(p);
  }
}

/** Dataset files are recognised by extension: FOLIO is JSON lines, the others JSON lists. */
function isDatasetFile(path: string): boolean {
  return /\.(jsonl|json)$/i.test(path);
}

/** The formulas a dataset carries: FOLIO's gold FOL, and the FOL lines of LINC's recorded generations. */
function datasetFormulas(d: Dataset): { record: string; formula: string; text: string; dialect: Dialect }[] {
  const out: { record: string; formula: string; text: string; dialect: Dialect }[] = [];
  for (const p of d.problems) {
    if (p.gold) {
      p.gold.premises.forEach((t, i) => out.push({ record: p.id, formula: `premise ${i + 1}`, text: t, dialect: p.gold!.dialect }));
      out.push({ record: p.id, formula: 'conclusion', text: p.gold.conclusion, dialect: p.gold.dialect });
    }
    (d.recorded?.get(p.id) ?? []).forEach((g, s) => {
      const ex = extractLinc(g);
      if (!ex.ok) return;
      [...ex.value.premises, ex.value.conclusion].forEach((l, i, all) =>
        out.push({
          record: p.id,
          formula: `sample ${s + 1} ${i === all.length - 1 ? 'conclusion' : `premise ${i + 1}`}`,
          text: l.fol,
          dialect: ex.value.dialect,
        }),
      );
    });
  }
  return out;
}

/** Parses a dataset's formulas into `errors`; returns its record and formula counts. */
async function parseDataset(path: string, shown: string, errors: Reported[]): Promise<{ records: number; formulas: number }> {
  const d = await loadDataset(path);
  if (!d.ok) {
    errors.push({ file: shown, line: 0, col: 0, message: d.error.replace(path, shown), excerpt: '' });
    return { records: 0, formulas: 0 };
  }
  let n = 0;
  for (const f of datasetFormulas(d.value)) {
    n++;
    const r = parseFormula(f.text, f.dialect, shown);
    if (!r.ok) errors.push({ ...r.error, file: shown, record: f.record, formula: f.formula });
  }
  return { records: d.value.problems.length, formulas: n };
}

function printError(e: Reported, io: CliIo): void {
  // Inside a dataset the position is within the formula's text, so the record comes first.
  if (e.record !== undefined) io.err(`${e.file}: record ${e.record}, ${e.formula}, ${e.line}:${e.col}: ${e.message}\n${e.excerpt}`);
  else if (e.excerpt) io.err(formatParseError(e));
  else io.err(`${e.file}:${e.line}:${e.col}: ${e.message}`);
}

export const command = defineCommand(
  {
    name: 'parse',
    summary: 'parse problem files and datasets and report positioned syntax errors',
    synopsis: '<files|folders|-...>',
    description: `Parses each file (folders are walked for problem files: .p .tptp .ax .in .ladr
.fol .entail .nltk .folio; - reads standard input) and reports every error as
file:line:col with a caret. Dataset files (.jsonl FOLIO, .json ProofWriter/Logic-LM,
LINC *_generations_raw.json) are read as \`entail eval\` reads them; their formulas
(FOLIO's FOL, LINC's FOL lines) are parsed and errors name the record.`,
    options: {
      json: JSON_OPTION,
      dialect: DIALECT_OPTION,
      'allow-include-anywhere': INCLUDE_ANYWHERE_OPTION,
    },
    minPositionals: 1,
    footer: 'Exit status: 0 when everything parsed, 1 when some file has errors, 2 on usage errors.',
  },
  async ({ values, positionals, io }) => {
    const dialect = values.dialect as Dialect | undefined;
    const errors: Reported[] = [];
    let files = 0;
    let formulas = 0;
    let records = 0;
    const t0 = Date.now();
    for (const p of positionals) {
      let list: string[] = [];
      if (p === '-') list = ['-'];
      else {
        const path = isAbsolute(p) ? p : join(io.cwd, p);
        try {
          const st = await stat(path);
          if (st.isDirectory()) await walk(path, list);
          else list = [path];
        } catch {
          errors.push({ file: p, line: 0, col: 0, message: 'no such file or folder', excerpt: '' });
          continue;
        }
      }
      for (const f of list) {
        files++;
        const shown = f === '-' || isAbsolute(p) ? f : relative(io.cwd, f);
        if (f !== '-' && isDatasetFile(f) && dialect === undefined) {
          const d = await parseDataset(f, shown, errors);
          records += d.records;
          formulas += d.formulas;
          continue;
        }
        const res = await loadInput(f, io, { ...(dialect ? { dialect } : {}), allowIncludeAnywhere: values['allow-include-anywhere'] });
        if (res.ok) formulas += res.value.statements.length;
        else errors.push({ ...res.error.error, file: res.error.error.file === f ? shown : (res.error.error.file ?? shown) });
      }
    }
    if (values.json) {
      io.out(
        JSON.stringify({
          files,
          records,
          formulas,
          errors: errors.map((e) => ({
            file: e.file,
            line: e.line,
            col: e.col,
            message: e.message,
            ...(e.record !== undefined ? { record: e.record, formula: e.formula } : {}),
          })),
        } satisfies CliJson<'parse'>),
      );
    } else {
      for (const e of errors) printError(e, io);
      const s = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
      io.out(
        `${s(files, 'file')}, ${records > 0 ? `${s(records, 'record')}, ` : ''}${formulas} formulas, ${s(errors.length, 'error')} (${Date.now() - t0} ms)`,
      );
    }
    return errors.length > 0 ? EXIT_INPUT : EXIT_OK;
  },
);
