/**
 * Parser throughput and corpus statistics over ../shared/corpora (not a test: run it by hand).
 *   npx tsx bench/parse.ts
 * Prints parse time for every TPTP file (reads excluded), the FOLIO/LINC/Logic-LM
 * counts and the LINC error reasons that docs/syntax.md quotes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { parseFormula, parseProblem, printProblem } from '../provers/logic/syntax/index.js';
import { formulaEquals, universalClosure } from '../provers/logic/formula.js';

/** CPU time (user + system) since `c0`: meaningful even when other processes share the cores. */
function cpuSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function tptp(): void {
  const root = join(SHARED_CORPORA, 'tptp');
  const texts: { file: string; text: string }[] = [];
  for (const dir of readdirSync(root).sort()) {
    if (dir.includes('.')) continue;
    for (const n of readdirSync(join(root, dir)).sort())
      if (n.endsWith('.p')) texts.push({ file: join(root, dir, n), text: readFileSync(join(root, dir, n), 'utf8') });
  }
  const bytes = texts.reduce((a, t) => a + t.text.length, 0);
  let statements = 0;
  let errors = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const t of texts) {
    const r = parseProblem(t.text, { file: t.file });
    if (r.ok) statements += r.value.statements.length;
    else errors++;
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  console.log(
    `TPTP: ${texts.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${statements} statements, ${errors} errors, ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${(bytes / 1e6 / (cpuMs / 1000)).toFixed(1)} MB per CPU-second)`,
  );
}

function folio(): void {
  const recs = readFileSync(join(SHARED_CORPORA, 'folio', 'folio-validation.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { 'premises-FOL': string[]; 'conclusion-FOL': string });
  const fs = recs.flatMap((r) => [...r['premises-FOL'], r['conclusion-FOL']]);
  const t0 = performance.now();
  const bad = fs.filter((f) => !parseFormula(f, 'folio').ok).length;
  console.log(
    `FOLIO validation: ${fs.length} formulas, ${fs.length - bad} parse, ${bad} malformed, ${(performance.now() - t0).toFixed(0)} ms`,
  );
}

function linc(): void {
  const dir = join(SHARED_CORPORA, 'linc-replay');
  const name = readdirSync(dir).find((n) => n.endsWith('generations_raw.json'))!;
  const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as string[][];
  const lines: string[] = [];
  for (const p of raw) for (const g of p) for (const l of g.split('\n')) if (l.startsWith('FOL:')) lines.push(l.slice(4));
  const reasons = new Map<string, number>();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let bad = 0;
  for (const l of lines) {
    const r = parseFormula(l, 'nltk');
    if (r.ok) continue;
    bad++;
    const key = r.error.message.replace(/'[^']*'/g, "'…'").replace(/\(column \d+\)/, '(column n)');
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  console.log(
    `LINC FOL lines: ${lines.length}, ${lines.length - bad} parse, ${bad} errors, ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${((lines.length / cpuMs) * 1000).toFixed(0)} formulas per CPU-second)`,
  );
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
}

function logicLm(): void {
  const data = JSON.parse(readFileSync(join(SHARED_CORPORA, 'logiclm-replay', 'FOLIO_dev_gpt-3.5-turbo.json'), 'utf8')) as {
    raw_logic_programs: string[];
  }[];
  let ok = 0;
  const reasons = new Map<string, number>();
  for (const d of data) {
    const r = parseProblem(d.raw_logic_programs[0] ?? '', { dialect: 'folio' });
    if (r.ok) ok++;
    else {
      const key = r.error.message.replace(/'[^']*'/g, "'…'").replace(/\(column \d+\)/, '(column n)');
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  }
  console.log(`Logic-LM programs: ${data.length}, ${ok} parse as FOLIO problems`);
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
}

/** Every TPTP problem printed in every dialect and read back (Entail must give the same formulas). */
function conversions(): void {
  const root = join(SHARED_CORPORA, 'tptp');
  const stats: Record<string, { files: number; unreadable: number; changed: number }> = {};
  for (const dir of readdirSync(root).sort()) {
    if (dir.includes('.')) continue;
    for (const n of readdirSync(join(root, dir)).sort()) {
      const r = parseProblem(readFileSync(join(root, dir, n), 'utf8'), { file: n });
      if (!r.ok) continue;
      for (const d of ['tptp', 'ladr', 'nltk', 'folio', 'entail'] as const) {
        const st = (stats[d] ??= { files: 0, unreadable: 0, changed: 0 });
        st.files++;
        const back = parseProblem(printProblem(r.value, d), { dialect: d });
        if (!back.ok) {
          st.unreadable++;
          continue;
        }
        if (d !== 'tptp' && d !== 'entail') continue;
        r.value.statements.forEach((s, i) => {
          const want = d === 'entail' ? universalClosure(s.formula) : s.formula;
          if (!formulaEquals(want, back.value.statements[i]!.formula)) st.changed++;
        });
      }
    }
  }
  for (const [d, st] of Object.entries(stats))
    console.log(
      `TPTP corpus → ${d} → parse: ${st.files} files, ${st.unreadable} unreadable${d === 'tptp' || d === 'entail' ? `, ${st.changed} formulas changed` : ''}`,
    );
}

tptp();
conversions();
folio();
linc();
logicLm();
