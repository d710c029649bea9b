/**
 * TSTP rendering of a proof: one `fof`/`cnf` line per step, with
 * `inference(rule, [status(..)], [parents])` annotations. The formula and clause text is
 * logic's TPTP printer, so names are quoted and folded to ASCII as everywhere else.
 */
import type { Proof, ProofStep } from '../logic/proof.js';
import { printTstpClause, printTstpFormula, tptpName } from '../logic/syntax/index.js';

function statusOf(rule: string): string {
  return rule === 'skolemize' || rule === 'definition' ? 'esa' : rule === 'negated_conjecture' ? 'cth' : 'thm';
}

export function stepToTptp(s: ProofStep): string {
  const name = tptpName(s.id);
  let role = 'plain';
  if (s.rule === 'input') role = s.source?.role ?? 'axiom';
  else if (s.rule === 'negated_conjecture') role = 'negated_conjecture';
  let annot: string;
  if (s.rule === 'input') {
    annot = s.source?.file ? `file(${tptpName(s.source.file)}, ${tptpName(s.source.name ?? s.id)})` : `introduced(input)`;
  } else {
    annot = `inference(${s.rule}, [status(${statusOf(s.rule)})], [${s.parents.map((p) => tptpName(p.id)).join(', ')}])`;
  }
  if (s.conclusion.kind === 'clause') return `cnf(${name}, ${role}, ${printTstpClause(s.conclusion.clause)}, ${annot}).`;
  return `fof(${name}, ${role}, ${printTstpFormula(s.conclusion.formula)}, ${annot}).`;
}

export function proofToTptp(p: Proof): string {
  return p.steps.map(stepToTptp).join('\n');
}
