/**
 * The engine's real dependencies: the syntax module's parser and printer, the
 * loader, the graph HTML export and the Lean bridge. Kept apart from the engine
 * so tests (and fakes) never load them.
 */
import { formatParseError } from '../logic/source.js';
import { parseFormula, printProblem } from '../logic/syntax/index.js';
import { loadProblem } from '../load/index.js';
import { exportHtml, fromProof, fromProver9, fromTstp } from '../graph/index.js';
import { discoverLean } from '../lean/discover.js';
import type { Discovery } from '../lean/discover.js';
import { LeanReplPool } from '../lean/pool.js';
import { checkFile } from '../lean/ops.js';
import { describeFailure } from '../lean/outcome.js';
import type { BatchDeps } from './types.js';

export function makeDefaultDeps(): BatchDeps {
  // One Lean REPL for the whole batch, started on the first .lean file (Lean start-up is seconds).
  let lean: Promise<{ install: Discovery; pool?: LeanReplPool }> | undefined;
  const getLean = (): Promise<{ install: Discovery; pool?: LeanReplPool }> =>
    (lean ??= discoverLean({ skipVersion: true }).then((install) =>
      install.kind === 'found' ? { install, pool: new LeanReplPool(install) } : { install },
    ));
  return {
    loadProblem: async (path) => {
      const r = await loadProblem(path);
      return r.ok ? r : { ok: false, error: formatParseError(r.error) };
    },
    parseFormula: (text, dialect) => {
      const r = parseFormula(text, dialect);
      return r.ok ? r : { ok: false, error: `${r.error.message} at ${r.error.line}:${r.error.col}` };
    },
    printTptp: (p) => printProblem(p, 'tptp'),
    exportProofHtml: (result, title) => (result.proof ? exportHtml([fromProof(result.proof, { title })], { title }) : ''),
    exportTextProofHtml: (text, format, title) => {
      const g = format === 'tstp' ? fromTstp(text, { title }) : fromProver9(text, title);
      return g.ok ? exportHtml([g.value], { title }) : undefined;
    },
    checkLean: async (path, timeoutMs, signal) => {
      const { install, pool } = await getLean();
      if (install.kind === 'notInstalled' || !pool)
        return {
          status: 'Skipped',
          message: `skipped: Lean not installed (${install.kind === 'notInstalled' ? install.reason : 'no REPL'})`,
        };
      const o = await checkFile(pool, path, { timeoutMs, signal });
      if (o.kind !== 'ok') {
        if (o.kind === 'timeout') return { status: 'Timeout', message: describeFailure(o) };
        if (o.kind === 'notInstalled') return { status: 'Skipped', message: describeFailure(o) };
        if (o.kind === 'cancelled') return { status: 'GaveUp', message: 'cancelled' };
        return { status: 'Error', message: describeFailure(o) };
      }
      const v = o.value;
      const firstError = v.messages.find((m) => m.severity === 'error');
      // Lean's verdict: no errors and no sorries = every theorem in the file is proved.
      if (v.errors > 0)
        return {
          status: 'Error',
          message: `${v.errors} Lean error(s)${firstError ? `: ${firstError.pos.line}:${firstError.pos.column}: ${firstError.data}` : ''}`,
        };
      if (v.sorries.length > 0) return { status: 'GaveUp', message: `${v.sorries.length} sorry/sorries left` };
      return { status: 'Theorem' };
    },
    dispose: async () => {
      if (!lean) return;
      const { pool } = await lean;
      await pool?.close();
    },
  };
}
