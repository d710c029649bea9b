/**
 * `entail parse`: parse problem files (or every problem file under folders) and
 * report each error as `file:line:col: message` with a caret excerpt.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { Command, CliIo } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import type { Dialect } from '../../provers/logic/problem.js';
import { formatParseError } from '../../provers/logic/source.js';
import type { ParseError } from '../../provers/logic/source.js';
import { dialectOfExtension, isDialect, DIALECTS } from '../../provers/logic/syntax/index.js';
import { loadProblem } from '../../provers/load/index.js';

const usage = `usage: entail parse <files|folders...> [--json] [--dialect D]

Parses each file (folders are walked for problem files: .p .tptp .ax .in .ladr
.fol .entail .nltk .folio) and reports every error as file:line:col with a caret.

  --json        print {"files": n, "formulas": n, "errors": [{"file","line","col","message"}]}
  --dialect D   force the dialect (${DIALECTS.join(', ')}); default: by extension, then content

Exit status: 0 when everything parsed, 1 when some file has errors, 2 on usage errors.`;

interface Args {
  readonly paths: string[];
  readonly json: boolean;
  readonly dialect?: Dialect;
}

function parseArgs(argv: readonly string[]): Args | string {
  const paths: string[] = [];
  let json = false;
  let dialect: Dialect | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--dialect') {
      const v = argv[++i];
      if (v === undefined || !isDialect(v)) return `--dialect needs one of ${DIALECTS.join(', ')}`;
      dialect = v;
    } else if (a.startsWith('--')) return `unknown option '${a}'`;
    else paths.push(a);
  }
  if (paths.length === 0) return 'no files or folders given';
  return { paths, json, ...(dialect ? { dialect } : {}) };
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

export async function runParse(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`entail parse: ${args}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const errors: ParseError[] = [];
  let files = 0;
  let formulas = 0;
  const t0 = Date.now();
  for (const p of args.paths) {
    const path = isAbsolute(p) ? p : join(io.cwd, p);
    let list: string[] = [];
    try {
      const st = await stat(path);
      if (st.isDirectory()) await walk(path, list);
      else list = [path];
    } catch {
      errors.push({ file: p, line: 0, col: 0, message: 'no such file or folder', excerpt: '' });
      continue;
    }
    for (const f of list) {
      files++;
      const shown = isAbsolute(p) ? f : relative(io.cwd, f);
      const res = await loadProblem(f, args.dialect ? { dialect: args.dialect } : {});
      if (res.ok) formulas += res.value.statements.length;
      else errors.push({ ...res.error, file: res.error.file === f ? shown : res.error.file });
    }
  }
  if (args.json) {
    io.out(
      JSON.stringify({ files, formulas, errors: errors.map((e) => ({ file: e.file, line: e.line, col: e.col, message: e.message })) }),
    );
  } else {
    for (const e of errors) io.err(e.excerpt ? formatParseError(e) : `${e.file}:${e.line}:${e.col}: ${e.message}`);
    io.out(
      `${files} file${files === 1 ? '' : 's'}, ${formulas} formulas, ${errors.length} error${errors.length === 1 ? '' : 's'} (${Date.now() - t0} ms)`,
    );
  }
  return errors.length > 0 ? EXIT_INPUT : EXIT_OK;
}

export const command: Command = {
  summary: 'parse problem files and report positioned syntax errors',
  usage,
  run: runParse,
};
