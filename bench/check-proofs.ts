/**
 * Proof checker on real data: clausify every TPTP problem of a set and check the
 * preprocessing DAG; run the saturation prover (bounded by --max-clauses) and check
 * each proof; then corrupt each inference step (drop its first literal; drop a
 * non-identity substitution) and count how many corruptions the checker rejects.
 * Run: npx tsx bench/check-proofs.ts [--set SYN-FOF] [--limit N] [--max-clauses N]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CORPORA } from '../testing/corpora.js';
import { parseProblem } from '../provers/logic/syntax/index.js';
import { clausify } from '../provers/logic/cnf.js';
import { saturate } from '../provers/saturation/index.js';
import { checkProof } from '../provers/check/index.js';
import type { Proof, ProofStep } from '../provers/logic/proof.js';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1]! : dflt;
};
const set = arg('--set', 'SYN-FOF');
const limit = Number(arg('--limit', '1000'));
const maxClauses = Number(arg('--max-clauses', '5000'));
const PRE = new Set(['input', 'negated_conjecture', 'nnf', 'skolemize', 'definition', 'clausify']);

const dir = join(SHARED_CORPORA, 'tptp', set);
let problems = 0;
let preSteps = 0;
let preChecked = 0;
const preFailures: string[] = [];
const trusted: Record<string, number> = {};
let proofs = 0;
let proofsOk = 0;
let checkMs = 0;
let mutations = 0;
let detected = 0;
for (const f of readdirSync(dir).sort().slice(0, limit)) {
  const parsed = parseProblem(readFileSync(join(dir, f), 'utf8'), { file: f });
  if (!parsed.ok) continue;
  const clausified = clausify(parsed.value);
  if (!clausified.ok) continue;
  const cnf = clausified.value;
  problems++;
  const pre = checkProof(
    { steps: cnf.steps, root: cnf.steps[cnf.steps.length - 1]!.id },
    { problem: parsed.value, requireRefutation: false },
  );
  preSteps += cnf.steps.length;
  preChecked += pre.checked;
  for (const x of pre.failures) preFailures.push(`${f} ${x.id} ${x.rule}: ${x.reason}`);
  for (const t of pre.trusted) trusted[t.rule] = (trusted[t.rule] ?? 0) + 1;
  const res = saturate(cnf, { maxClauses });
  if (!res.proof) continue;
  proofs++;
  const proof: Proof = res.proof;
  const t0 = performance.now();
  const rep = checkProof(proof, { problem: parsed.value });
  checkMs += performance.now() - t0;
  if (rep.ok) proofsOk++;
  else console.log(`REJECTED ${f}: ${rep.failures.map((x) => `${x.id} ${x.reason}`).join('; ')}`);
  for (const s of proof.steps) {
    if (PRE.has(s.rule) || s.conclusion.kind !== 'clause') continue;
    const variants: ProofStep[] = [];
    const lits = s.conclusion.clause.literals;
    if (lits.length > 0) variants.push({ ...s, conclusion: { kind: 'clause', clause: { literals: lits.slice(1) } } });
    const k = s.parents.findIndex((p) => p.subst && Object.entries(p.subst).some(([v, t]) => !(t.kind === 'var' && t.name === v)));
    if (k >= 0) variants.push({ ...s, parents: s.parents.map((p, i) => (i === k ? { id: p.id } : p)) });
    for (const v of variants) {
      mutations++;
      if (!checkProof({ ...proof, steps: proof.steps.map((x) => (x.id === s.id ? v : x)) }).ok) detected++;
    }
  }
}
console.log(
  `${set}: ${problems} problems clausified, ${preSteps} preprocessing steps, ${preChecked} verified, ${preFailures.length} failures`,
);
console.log('trusted by rule:', trusted);
for (const x of preFailures.slice(0, 10)) console.log('  ' + x);
console.log(`proofs found (max ${maxClauses} clauses): ${proofs}, accepted ${proofsOk}, checking took ${checkMs.toFixed(0)} ms in total`);
console.log(`corrupted steps rejected: ${detected}/${mutations} (${((100 * detected) / Math.max(1, mutations)).toFixed(1)}%)`);
