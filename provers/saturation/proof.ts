/**
 * Rebuild the proof DAG from the empty clause: the preprocessing steps that the
 * used input clauses come from, then every inference step (in dependency order).
 * Step ids of derived clauses are `c<n>`; input clauses keep the id of their
 * clausify step. Each parent reference carries the substitution used, mapping
 * that parent's variable names to terms over the conclusion's variables.
 */
import type { Clause, Literal } from '../logic/clause.js';
import type { ParentRef, Proof, ProofStep } from '../logic/proof.js';
import type { Term } from '../logic/term.js';
import type { TermBank } from './bank.js';
import type { SClause } from './sclause.js';

export function varName(v: number): string {
  return `X${v}`;
}

function stepId(c: SClause): string {
  return c.input ? c.input.stepId : `c${c.id}`;
}

function names(c: SClause): (v: number) => string {
  const vn = c.input?.varNames;
  return vn ? (v: number) => vn[v] ?? varName(v) : varName;
}

export function toLogicClause(b: TermBank, c: SClause): Clause {
  const nm = names(c);
  const lits: Literal[] = c.lits.map((x) => {
    if (x.r === b.TRUE) {
      const h = b.head[x.l]!;
      const n = b.symArity[h]!;
      const args: Term[] = [];
      for (let k = 0; k < n; k++) args.push(b.toTerm(b.arg(x.l, k), nm));
      return { positive: x.pos, pred: b.symName[h]!, args };
    }
    return { positive: x.pos, pred: '=', args: [b.toTerm(x.l, nm), b.toTerm(x.r, nm)] };
  });
  return { literals: lits };
}

export function buildProof(b: TermBank, empty: SClause, preprocessing: readonly ProofStep[]): Proof {
  // Collect ancestors (iteratively), then emit in post-order so parents come first.
  const order: SClause[] = [];
  const seen = new Set<SClause>();
  const stack: Array<{ c: SClause; i: number }> = [{ c: empty, i: 0 }];
  seen.add(empty);
  while (stack.length > 0) {
    const fr = stack[stack.length - 1]!;
    if (fr.i < fr.c.parents.length) {
      const p = fr.c.parents[fr.i++]!;
      if (!seen.has(p)) {
        seen.add(p);
        stack.push({ c: p, i: 0 });
      }
      continue;
    }
    order.push(fr.c);
    stack.pop();
  }
  // preprocessing steps needed by the used inputs
  const byId = new Map<string, ProofStep>();
  for (const s of preprocessing) byId.set(s.id, s);
  const needed = new Set<string>();
  const work: string[] = [];
  for (const c of order) if (c.input) work.push(c.input.stepId);
  while (work.length > 0) {
    const id = work.pop()!;
    if (needed.has(id)) continue;
    needed.add(id);
    const s = byId.get(id);
    if (s) for (const p of s.parents) work.push(p.id);
  }
  const steps: ProofStep[] = preprocessing.filter((s) => needed.has(s.id));
  for (const c of order) {
    if (c.input) {
      if (!byId.has(c.input.stepId)) {
        // Input given without its preprocessing step (direct clause input): state it as an input step.
        steps.push({ id: c.input.stepId, rule: 'input', parents: [], conclusion: { kind: 'clause', clause: toLogicClause(b, c) } });
      }
      continue;
    }
    const concl = toLogicClause(b, c);
    const parents: ParentRef[] = c.parents.map((p, i) => {
      const sub = c.substs[i];
      const pn = names(p);
      const subst: Record<string, Term> = {};
      if (sub) for (let v = 0; v < sub.length; v++) subst[pn(v)] = b.toTerm(sub[v]!, varName);
      return { id: stepId(p), subst };
    });
    steps.push({ id: stepId(c), rule: c.rule === 'input' ? 'input' : c.rule, parents, conclusion: { kind: 'clause', clause: concl } });
  }
  return { steps, root: stepId(empty) };
}
