/**
 * Child-process entry for bench/prover.ts: load one problem, run the embedded
 * prover in this process, print one JSON line {status, ms, processed}. The parent
 * kills this process if it outlives the limit.
 */
import { loadProblem } from '../provers/load/index.js';
import { proveProblem } from '../provers/run/index.js';
import { checkProof } from '../provers/check/index.js';

async function main(): Promise<void> {
  const [file, limit, check, model] = process.argv.slice(2);
  const t0 = Date.now();
  const p = await loadProblem(file!);
  if (!p.ok) {
    process.stdout.write(JSON.stringify({ status: 'InputError', ms: Date.now() - t0, message: p.error.message }) + '\n');
    return;
  }
  const r = await proveProblem(p.value, { timeoutMs: Number(limit) * 1000, countermodel: model === 'model' });
  let checked: boolean | undefined;
  if (check === 'check' && r.proof) checked = checkProof(r.proof).ok;
  process.stdout.write(
    JSON.stringify({ status: r.status, ms: Date.now() - t0, processed: r.stats.processed, prover: r.prover, checked }) + '\n',
  );
}
void main();
