/** Batch reports: summary counts and the JSON, CSV, JUnit XML and HTML renderings. Pure functions. */
import type { BatchReport, BatchStatus, BatchSummary, ProblemResult, ProverName } from './types.js';

const ERROR_STATUSES: ReadonlySet<BatchStatus> = new Set(['Error', 'InputError', 'NotInstalled']);

export function compareResults(a: ProblemResult, b: ProblemResult): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (a.index ?? -1) - (b.index ?? -1);
}

export function summarize(results: readonly ProblemResult[]): BatchSummary {
  const by: Record<string, number> = {};
  let solved = 0;
  let wrong = 0;
  let disagreements = 0;
  let errors = 0;
  let timeouts = 0;
  let skipped = 0;
  for (const r of results) {
    by[r.status] = (by[r.status] ?? 0) + 1;
    if (r.solved) solved++;
    if (r.wrong) wrong++;
    if (r.disagree) disagreements++;
    if (ERROR_STATUSES.has(r.status)) errors++;
    if (r.status === 'Timeout') timeouts++;
    if (r.status === 'Skipped') skipped++;
  }
  const sortedBy: Record<string, number> = {};
  for (const k of Object.keys(by).sort()) sortedBy[k] = by[k]!;
  return { total: results.length, solved, wrong, disagreements, errors, timeouts, skipped, by_status: sortedBy };
}

export function buildReport(
  results: readonly ProblemResult[],
  opts: { provers: readonly ProverName[]; timeoutS: number; pending: number },
): BatchReport {
  const problems = [...results].sort(compareResults);
  return {
    ...summarize(problems),
    complete: opts.pending === 0,
    pending: opts.pending,
    provers: opts.provers,
    timeout_s: opts.timeoutS,
    problems,
  };
}

export function toJson(r: BatchReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

/** One CSV cell. A text starting with = + - @ (or a tab/CR) is prefixed with ' so a spreadsheet shows it instead of running it as a formula. */
export function csvCell(v: unknown): string {
  const raw = v === undefined || v === null ? '' : String(v);
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCsv(r: BatchReport): string {
  const cols = [
    'path',
    'index',
    'name',
    'expected',
    'status',
    'prover',
    'time_s',
    'solved',
    'wrong',
    'error',
    'proof_file',
    'proof_text_file',
  ] as const;
  const lines = [cols.join(',')];
  for (const p of r.problems) lines.push(cols.map((c) => csvCell(p[c])).join(','));
  return lines.join('\n') + '\n';
}

function xml(s: string): string {
  // Also drop characters XML 1.0 forbids (prover stderr can hold anything).
  return s
    .replace(/[^\t\n\r\u0020-\uffff]/g, '')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** "entail=Theorem, e=CounterSatisfiable" for a disagreement line. */
export function disagreement(p: ProblemResult): string {
  return (p.attempts ?? []).map((a) => `${a.prover}=${a.status}`).join(', ');
}

/** JUnit XML: one testcase per problem; wrong answers are failures, errors are errors, timeouts/skips are skipped. */
export function toJunit(r: BatchReport): string {
  const bad = (p: ProblemResult): boolean => p.wrong || p.disagree === true;
  const failures = r.problems.filter(bad).length;
  const errors = r.problems.filter((p) => !bad(p) && ERROR_STATUSES.has(p.status)).length;
  const skipped = r.problems.filter((p) => !bad(p) && !ERROR_STATUSES.has(p.status) && !p.solved).length;
  const total = r.problems.reduce((s, p) => s + p.time_s, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${r.total}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${total.toFixed(3)}">`,
    `  <testsuite name="entail verify" tests="${r.total}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${total.toFixed(3)}">`,
  ];
  for (const p of r.problems) {
    const name = p.index !== undefined ? `${p.name} [${p.index}]` : p.name;
    out.push(`    <testcase classname="${xml(p.path)}" name="${xml(name)}" time="${p.time_s.toFixed(3)}">`);
    const what = `expected ${p.expected ?? '-'}, got ${p.status}${p.prover ? ` (${p.prover})` : ''}${p.error ? `: ${p.error}` : ''}`;
    if (p.wrong) out.push(`      <failure message="${xml('WRONG: ' + what)}" type="wrong-answer"/>`);
    else if (p.disagree) out.push(`      <failure message="${xml('PROVERS DISAGREE: ' + disagreement(p))}" type="disagreement"/>`);
    else if (ERROR_STATUSES.has(p.status)) out.push(`      <error message="${xml(what)}" type="${xml(p.status)}"/>`);
    else if (!p.solved) out.push(`      <skipped message="${xml(what)}"/>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n') + '\n';
}

function esc(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/**
 * Self-contained HTML summary. `proofs` maps a problem key to the proof text to
 * inline (TSTP / Prover9 text, capped by the caller); proof_file links are relative
 * to the HTML file's folder.
 */
export function toHtml(r: BatchReport, proofs: ReadonlyMap<string, string> = new Map()): string {
  const rows = r.problems.map((p) => {
    const cls = p.wrong || p.disagree ? 'wrong' : p.solved ? 'ok' : ERROR_STATUSES.has(p.status) ? 'err' : 'open';
    const link =
      (p.proof_file ? `<a href="${esc(encodeURI(p.proof_file))}">proof</a>` : '') +
      (p.proof_text_file && p.proof_text_file !== p.proof_file ? ` <a href="${esc(encodeURI(p.proof_text_file))}">text</a>` : '');
    const inline = proofs.get(p.key);
    const detail = inline ? `<details><summary>show</summary><pre>${esc(inline)}</pre></details>` : '';
    return `<tr class="${cls}"><td>${esc(p.path)}${p.index !== undefined ? ` #${p.index}` : ''}</td><td>${esc(p.name)}</td><td>${esc(p.expected ?? '')}</td><td>${esc(p.status)}${p.wrong ? ' <b>WRONG</b>' : ''}${p.disagree ? ` <b>DISAGREE</b> (${esc(disagreement(p))})` : ''}</td><td>${esc(p.prover ?? '')}</td><td>${p.time_s.toFixed(2)}</td><td>${esc(p.error ?? '')}</td><td>${link}${detail}</td></tr>`;
  });
  const by = Object.entries(r.by_status)
    .map(([k, v]) => `${esc(k)}: ${v}`)
    .join(', ');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Entail batch report</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
tr.ok td:nth-child(4){color:#080}tr.wrong{background:#fdd}tr.err td:nth-child(4){color:#b00}tr.open td:nth-child(4){color:#a60}pre{max-height:30em;overflow:auto;font-size:12px}
.banner{background:#c00;color:#fff;padding:.6em;font-weight:bold}
</style></head><body>
<h1>Entail batch report</h1>
${r.wrong > 0 ? `<p class="banner">${r.wrong} WRONG ANSWER${r.wrong > 1 ? 'S' : ''} (contradicting the expected status)</p>` : ''}
${r.disagreements > 0 ? `<p class="banner">${r.disagreements} PROBLEM${r.disagreements > 1 ? 'S' : ''} WHERE PROVERS CONTRADICT EACH OTHER</p>` : ''}
<p>${r.total} problems, ${r.solved} solved, ${r.wrong} wrong, ${r.disagreements} disagreements, ${r.errors} errors, ${r.timeouts} timeouts, ${r.skipped} skipped${r.complete ? '' : `, <b>${r.pending} not run (interrupted)</b>`}.
Provers: ${esc(r.provers.join(', '))}; limit ${r.timeout_s} s per problem.</p>
<p>By status: ${by}</p>
<table><thead><tr><th>path</th><th>name</th><th>expected</th><th>status</th><th>prover</th><th>time (s)</th><th>error</th><th>proof</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></body></html>
`;
}
