/**
 * `entail explore <theory>`: run the Generative-Logic explorer on a folder
 * (axioms `*.p` + inductive declarations `*.ind`) and print what it generated,
 * refuted, proved and kept; optionally export the proofs as one HTML file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { Command, CliIo } from '../io.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io.js';
import { formatParseError } from '../../provers/logic/source.js';
import { loadProblem } from '../../provers/load/index.js';
import type { Derivation, GoalProver } from '../../provers/genlogic/index.js';
import {
  EXPLORE_DEFAULTS,
  defaultFunctions,
  derivationGraphs,
  equationText,
  explore,
  parseDeclarations,
  rewritingProver,
  saturationProver,
  theoryPrecedence,
} from '../../provers/genlogic/index.js';
import { exportHtml } from '../../provers/graph/index.js';

const D = EXPLORE_DEFAULTS;

const usage = `usage: entail explore <folder|axioms.p> [--decl FILE.ind] [--export OUT.html] [--json] [--timeout S]
                     [--prover rewrite|sat|both] [--only f,g] [--max-term-size N] [--max-equation-size N] [--numerals N]

Generative-Logic explorer: enumerates equations over the theory's functions,
discards those refuted on ground numerals, and proves the rest by structural
induction with the embedded prover (smallest first, each theorem a lemma for the
next). Every proof is re-verified by the independent checker.

A folder holds the axioms (*.p, TPTP) and an inductive type declaration (*.ind),
e.g. corpora/peano.

  --export F      write every theorem with its proofs to one self-contained HTML file
  --json          print the whole derivation (theorems, problems, proofs, check reports) as JSON
                  (schema: docs/cli-json.schema.json)
  --timeout S     wall-clock limit in seconds (default ${D.timeoutS})
  --prover P      goal prover: rewrite (ordered rewriting, default), sat (superposition), both
  --only f,g      only conjectures over these functions (and the constructors)
  --max-term-size N      largest side (default ${D.maxTermSize}); --max-equation-size N (default ${D.maxEquationSize})
  --numerals N    test values 0..N-1 for every variable (default ${D.numerals})

Exit status: 0 when the exploration ran, 1 on input errors, 2 on usage errors.`;

interface Args {
  target: string;
  decl?: string;
  exportHtml?: string;
  json: boolean;
  timeoutS: number;
  prover: 'rewrite' | 'sat' | 'both';
  only?: string[];
  maxTermSize?: number;
  maxEquationSize?: number;
  numerals?: number;
}

function positiveInt(v: string | undefined): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function parseArgs(argv: readonly string[]): Args | string {
  const a: Partial<Args> & { json: boolean; timeoutS: number; prover: Args['prover'] } = {
    json: false,
    timeoutS: D.timeoutS,
    prover: 'rewrite',
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--json') a.json = true;
    else if (x === '--export') {
      const v = argv[++i];
      if (!v) return '--export needs a file name';
      a.exportHtml = v;
    } else if (x === '--decl') {
      const v = argv[++i];
      if (!v) return '--decl needs a file name';
      a.decl = v;
    } else if (x === '--timeout') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) return '--timeout needs a positive number of seconds';
      a.timeoutS = v;
    } else if (x === '--prover') {
      const v = argv[++i];
      if (v !== 'rewrite' && v !== 'sat' && v !== 'both') return '--prover needs rewrite, sat or both';
      a.prover = v;
    } else if (x === '--only') {
      const v = argv[++i];
      if (!v) return '--only needs a comma-separated list of function names';
      a.only = v.split(',').map((s) => s.trim());
    } else if (x === '--max-term-size' || x === '--max-equation-size' || x === '--numerals') {
      const v = positiveInt(argv[++i]);
      if (v === undefined) return `${x} needs a positive integer`;
      if (x === '--max-term-size') a.maxTermSize = v;
      else if (x === '--max-equation-size') a.maxEquationSize = v;
      else a.numerals = v;
    } else if (x.startsWith('-')) return `unknown option ${x}`;
    else if (a.target === undefined) a.target = x;
    else return `unexpected argument ${x}`;
  }
  if (a.target === undefined) return 'missing theory folder or axiom file';
  return a as Args;
}

/** Axiom file and declaration file of a folder (or of a file and its sibling .ind). */
function locate(target: string, decl: string | undefined): { axioms: string; decl: string } | string {
  let st;
  try {
    st = statSync(target);
  } catch {
    return `cannot read ${target}`;
  }
  if (st.isDirectory()) {
    const files = readdirSync(target).sort();
    const ax = files.filter((f) => /\.(p|ax|tptp|ent|entail)$/.test(f));
    const ind = files.filter((f) => f.endsWith('.ind'));
    if (ax.length !== 1) return `${target}: expected exactly one axiom file (*.p), found ${ax.length}`;
    if (decl === undefined && ind.length !== 1) return `${target}: expected exactly one declaration file (*.ind), found ${ind.length}`;
    return { axioms: join(target, ax[0]!), decl: decl ?? join(target, ind[0]!) };
  }
  if (decl === undefined) return 'an axiom file needs --decl FILE.ind';
  return { axioms: target, decl };
}

function report(d: Derivation, io: CliIo): void {
  const s = d.stats;
  const lines = [
    `% explored ${d.theory}: ${d.stopped} in ${(s.timeMs / 1000).toFixed(1)} s`,
    `terms enumerated:        ${s.terms}`,
    `conjectures generated:   ${s.generated}  (term pairs within the size bound)`,
    `refuted on numerals:     ${s.refuted}`,
    `renamings/mirrors:       ${s.duplicates}`,
    `conjectures left:        ${s.conjectures}`,
    `redundant (rewriting):   ${s.redundant}`,
    `proved:                  ${s.proved}  (${s.proofAttempts} prover calls, ${s.checkFailures} rejected by the checker)`,
    `unproved:                ${s.failed}`,
    `kept after compression:  ${s.kept}`,
    '',
    'theorems (* = kept; every case proof verified by the checker):',
  ];
  for (const t of d.theorems) {
    const how = t.method === 'induction' ? `induction on ${t.variable}` : 'direct';
    const checked = t.cases
      .map((c) => `${c.name} ${c.check.checked}✓${c.check.trusted.length > 0 ? `/${c.check.trusted.length}T` : ''}`)
      .join(', ');
    lines.push(`${t.kept ? '*' : ' '} T${String(t.order).padEnd(3)} ${equationText(t.equation).padEnd(56)} ${how} [${checked}]`);
  }
  io.out(lines.join('\n'));
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const a = parseArgs(argv);
  if (typeof a === 'string') {
    io.err(`entail explore: ${a}\n${usage}`);
    return EXIT_USAGE;
  }
  const abs = (p: string): string => (isAbsolute(p) ? p : join(io.cwd, p));
  const loc = locate(abs(a.target), a.decl === undefined ? undefined : abs(a.decl));
  if (typeof loc === 'string') {
    io.err(`entail explore: ${loc}`);
    return EXIT_INPUT;
  }
  const prob = await loadProblem(loc.axioms, { dialect: loc.axioms.endsWith('.p') ? 'tptp' : undefined });
  if (!prob.ok) {
    io.err(formatParseError(prob.error));
    return EXIT_INPUT;
  }
  let declText: string;
  try {
    declText = readFileSync(loc.decl, 'utf8');
  } catch {
    io.err(`entail explore: cannot read ${loc.decl}`);
    return EXIT_INPUT;
  }
  const decl = parseDeclarations(declText, loc.decl);
  if (!decl.ok) {
    io.err(formatParseError(decl.error));
    return EXIT_INPUT;
  }
  const theory = { name: basename(a.target), axioms: prob.value.statements.filter((s) => s.role !== 'conjecture'), nat: decl.value.nat };
  const all = defaultFunctions(theory);
  const wanted = decl.value.explore;
  const functions = wanted ? all.filter((f) => wanted.includes(f.name)) : all;
  const prec = theoryPrecedence(decl.value.nat, functions);
  const provers: GoalProver[] =
    a.prover === 'rewrite'
      ? [rewritingProver(prec)]
      : a.prover === 'sat'
        ? [saturationProver({ timeoutMs: 1000 })]
        : [rewritingProver(prec), saturationProver({ timeoutMs: 300 })];
  let lastShown = 0;
  const d = explore(theory, {
    functions,
    provers,
    deadline: Date.now() + a.timeoutS * 1000,
    ...(decl.value.variables ? { variables: decl.value.variables } : {}),
    ...(a.only ? { onlySymbols: a.only } : {}),
    ...(a.maxTermSize !== undefined ? { maxTermSize: a.maxTermSize } : {}),
    ...(a.maxEquationSize !== undefined ? { maxEquationSize: a.maxEquationSize } : {}),
    ...(a.numerals !== undefined ? { numerals: a.numerals } : {}),
    onProgress: (p) => {
      if (!io.isTty || a.json || p.elapsedMs - lastShown < 1000) return;
      lastShown = p.elapsedMs;
      io.err(
        `  ${(p.elapsedMs / 1000).toFixed(0)} s: ${p.processed}/${p.conjectures} conjectures, ${p.proofs} proofs (${p.proofsPerSecond.toFixed(1)}/s)`,
      );
    },
  });
  if (d.stopped === 'error') {
    io.err(`entail explore: ${d.error ?? 'error'}`);
    return EXIT_INPUT;
  }
  if (a.json) io.out(JSON.stringify(d));
  else report(d, io);
  if (a.exportHtml !== undefined) {
    const html = exportHtml(derivationGraphs(d), {
      title: `Entail explorer: ${theory.name}`,
      subtitle: `${d.stats.proved} theorems proved, ${d.stats.kept} kept; generated ${d.stats.generated} conjectures, refuted ${d.stats.refuted}.`,
    });
    try {
      writeFileSync(abs(a.exportHtml), html);
    } catch (e) {
      io.err(`entail explore: cannot write ${a.exportHtml}: ${(e as Error).message}`);
      return EXIT_INPUT;
    }
    if (!a.json) io.out(`wrote ${a.exportHtml} (${d.theorems.length} theorems)`);
  }
  return EXIT_OK;
}

export const command: Command = { summary: 'discover and prove theorems of an inductive theory (Generative Logic)', usage, run };
