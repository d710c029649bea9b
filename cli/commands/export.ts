/**
 * `entail export <input> --html out.html`: one self-contained HTML file from a
 * proof. The input is recognised by content: an explorer derivation or a proof
 * as JSON, a TSTP derivation (E, Vampire), a Prover9 proof, or else a problem
 * file, which is proved with the embedded prover first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { Command, CliIo } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, safeIo } from '../io.js';
import type { Proof } from '../../provers/logic/proof.js';
import { formatParseError } from '../../provers/logic/source.js';
import { isProvedStatus } from '../../provers/logic/szs.js';
import { loadProblem } from '../../provers/load/index.js';
import { proveProblem } from '../../provers/run/index.js';
import type { ProofGraph } from '../../provers/graph/index.js';
import { collapsePreprocessing, exportHtml, fromProof, fromProver9All, fromTstp, graphStats } from '../../provers/graph/index.js';
import type { Derivation } from '../../provers/genlogic/index.js';
import { derivationGraphs } from '../../provers/genlogic/index.js';
import { proofShapeError } from '../proof-json.js';

const usage = `usage: entail export <proof.tstp|prover9.out|derivation.json|proof.json|problem-file> --html OUT.html
                    [--title T] [--collapse] [--timeout S]

Writes one self-contained HTML file (inline script and style, no network): an
index of theorems, numbered steps linked to their premises and back, hover
highlighting of dependencies, a rule glossary and an SVG graph view.

Input kinds (detected from the content):
  TSTP derivation    E --proof-object or Vampire -p tptp output
  Prover9 proof      text with "== PROOF ==" blocks, or bare proof lines
  derivation JSON    output of \`entail explore --json\`
  proof JSON         {"steps": [...], "root": "..."} (Entail's Proof)
  problem file       anything else: proved with the embedded prover, then exported

  --title T       page title
  --collapse      hide preprocessing steps (inputs link straight to the first inferences)
  --timeout S     prover time limit for problem files (default 10)
  --allow-include-anywhere  let include() read files outside the problem folder and $TPTP

Exit status: 0 when the file was written, 1 on input errors or no proof, 2 on usage errors.`;

interface Args {
  input: string;
  html: string;
  title?: string;
  collapse: boolean;
  timeoutS: number;
  allowIncludeAnywhere?: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const a: Partial<Args> & { collapse: boolean; timeoutS: number } = { collapse: false, timeoutS: 10 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--collapse') a.collapse = true;
    else if (x === '--allow-include-anywhere') a.allowIncludeAnywhere = true;
    else if (x === '--html') {
      const v = argv[++i];
      if (!v) return '--html needs a file name';
      a.html = v;
    } else if (x === '--title') {
      const v = argv[++i];
      if (v === undefined) return '--title needs a value';
      a.title = v;
    } else if (x === '--timeout') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) return '--timeout needs a positive number of seconds';
      a.timeoutS = v;
    } else if (x.startsWith('-')) return `unknown option ${x}`;
    else if (a.input === undefined) a.input = x;
    else return `unexpected argument ${x}`;
  }
  if (a.input === undefined) return 'missing input file';
  if (a.html === undefined) return 'missing --html OUT.html';
  return a as Args;
}

type Loaded = { ok: true; graphs: ProofGraph[]; kind: string } | { ok: false; message: string };

function isProof(x: unknown): x is Proof {
  return typeof x === 'object' && x !== null && Array.isArray((x as Proof).steps) && typeof (x as Proof).root === 'string';
}
function isDerivation(x: unknown): x is Derivation {
  return typeof x === 'object' && x !== null && Array.isArray((x as Derivation).theorems) && typeof (x as Derivation).stats === 'object';
}

/** Graphs from a file's text, when it is a proof format we read. Undefined: not a proof (maybe a problem). */
export function graphsFromText(text: string, name: string): Loaded | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: `${name}: invalid JSON: ${(e as Error).message}` };
    }
    if (isDerivation(json)) return { ok: true, graphs: derivationGraphs(json), kind: 'explorer derivation' };
    if (isProof(json)) {
      const bad = proofShapeError(json);
      if (bad) return { ok: false, message: `${name}: malformed proof JSON: ${bad}` };
      return { ok: true, graphs: [fromProof(json, { title: name })], kind: 'Entail proof' };
    }
    return { ok: false, message: `${name}: JSON is neither a derivation ({theorems, stats}) nor a proof ({steps, root})` };
  }
  if (/=+ PROOF =+/.test(text) || /^\d+ .*\.\s+\[[^\]]*\]\.\s*$/m.test(text)) {
    const r = fromProver9All(text, name);
    return r.ok
      ? { ok: true, graphs: r.value, kind: 'Prover9 proof' }
      : { ok: false, message: `${name}:${r.error.line}: ${r.error.message}` };
  }
  if (/^\s*(fof|cnf|tff)\([^]*?inference\(/m.test(text) || /SZS output start/.test(text)) {
    const r = fromTstp(text, { title: name });
    return r.ok
      ? { ok: true, graphs: [r.value], kind: 'TSTP derivation' }
      : { ok: false, message: `${name}:${r.error.line}: ${r.error.message}` };
  }
  return undefined;
}

async function run(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = safeIo(rawIo);
  const a = parseArgs(argv);
  if (typeof a === 'string') {
    io.err(`entail export: ${a}\n${usage}`);
    return EXIT_USAGE;
  }
  const abs = (p: string): string => (isAbsolute(p) ? p : join(io.cwd, p));
  let text: string;
  try {
    text = readFileSync(abs(a.input), 'utf8');
  } catch (e) {
    io.err(`entail export: cannot read ${a.input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return EXIT_INPUT;
  }
  const name = basename(a.input);
  let loaded = graphsFromText(text, name);
  if (loaded === undefined) {
    const prob = await loadProblem(abs(a.input), a.allowIncludeAnywhere ? { allowIncludeAnywhere: true } : {});
    if (!prob.ok) {
      io.err(formatParseError(prob.error));
      return EXIT_INPUT;
    }
    const r = await proveProblem(prob.value, { timeoutMs: a.timeoutS * 1000 });
    if (!isProvedStatus(r.status) || !r.proof) {
      io.err(`entail export: no proof to export: SZS status ${r.status} for ${prob.value.name}${r.message ? ` (${r.message})` : ''}`);
      return EXIT_INPUT;
    }
    loaded = {
      ok: true,
      graphs: [fromProof(r.proof, { title: prob.value.name, status: r.status, note: `${r.prover}, ${r.stats.timeMs} ms` })],
      kind: 'problem proved by the embedded prover',
    };
  }
  if (!loaded.ok) {
    io.err(`entail export: ${loaded.message}`);
    return EXIT_INPUT;
  }
  const graphs = a.collapse ? loaded.graphs.map(collapsePreprocessing) : loaded.graphs;
  const html = exportHtml(graphs, {
    title: a.title ?? (graphs.length === 1 ? graphs[0]!.title : name),
    subtitle: `${loaded.kind}: ${name}`,
  });
  try {
    writeFileSync(abs(a.html), html);
  } catch (e) {
    io.err(`entail export: cannot write ${a.html}: ${(e as Error).message}`);
    return EXIT_INPUT;
  }
  const steps = graphs.reduce((n, g) => n + graphStats(g).nodes, 0);
  io.out(`wrote ${a.html}: ${loaded.kind}, ${graphs.length} graph(s), ${steps} steps`);
  return EXIT_OK;
}

export const command: Command = { summary: 'export a proof (TSTP, Prover9, Entail, explorer) as one self-contained HTML file', usage, run };
